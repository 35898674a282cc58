// Confirmation before anything destructive or outbound: <dialog id="confirm-dialog"> filled per action.
// Usage: mcConfirm({title, body, confirmLabel, danger}).then(ok => ...).
window.mcConfirm = function (options) {
  var dialog = document.getElementById('confirm-dialog');
  if (!dialog || !dialog.showModal) { return Promise.resolve(window.confirm(options.body || options.title)); }
  dialog.querySelector('[data-confirm-title]').textContent = options.title || 'Are you sure?';
  dialog.querySelector('[data-confirm-body]').textContent = options.body || '';
  var ok = dialog.querySelector('[data-confirm-ok]');
  ok.textContent = options.confirmLabel || 'Confirm';
  ok.classList.toggle('btn-danger', !!options.danger);
  ok.classList.toggle('btn-primary', !options.danger);
  return new Promise(function (resolve) {
    function done(value) {
      dialog.removeEventListener('close', onClose);
      ok.removeEventListener('click', onOk);
      if (dialog.open) { dialog.close(); }
      resolve(value);
    }
    function onOk() { done(true); }
    function onClose() { done(false); }
    ok.addEventListener('click', onOk);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    ok.focus();
  });
};
// htmx's hx-confirm goes through the same dialog.
document.addEventListener('htmx:confirm', function (e) {
  if (!e.detail.question) { return; }
  e.preventDefault();
  window.mcConfirm({ title: 'Please confirm', body: e.detail.question, danger: true })
    .then(function (ok) { if (ok) { e.detail.issueRequest(true); } });
});
