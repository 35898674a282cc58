// Small behaviours wired by data attributes, so pages need no inline scripts or handlers (the Content-Security-Policy
// allows scripts from this origin only):
//   form[data-reset-on-success]            reset the form after a successful htmx request
//   [data-open-dialog-on-success="id"]     open dialog #id after a successful htmx request from the element
//   [data-reload-on-success]               reload the page after a successful htmx request from the element
//   [data-close-dialog]                    (button) close the dialog it sits in
//   [data-close-dialog-now="id"]           (in swapped content) close dialog #id as soon as it arrives
//   [data-select-on-click]                 (input) select its text on click
//   select[data-submit-on-change]          submit its form when the choice changes
//   [data-clear-target="id"]               (button) empty input #id
//   [data-click-on-enter]                  (focusable card) Enter acts as a click
(function () {
  document.body.addEventListener('htmx:afterRequest', function (e) {
    if (!e.detail.successful) { return; }
    var el = e.detail.elt;
    if (!el || !el.closest) { return; }
    var form = el.closest('form[data-reset-on-success]');
    if (form && (el === form || form.contains(el))) { form.reset(); }
    var opener = el.closest('[data-open-dialog-on-success]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog-on-success'));
      if (dialog && !dialog.open) { dialog.showModal(); }
    }
    if (el.closest('[data-reload-on-success]')) { window.location.reload(); }
  });

  document.addEventListener('click', function (e) {
    var closer = e.target.closest('[data-close-dialog]');
    if (closer) {
      var dialog = closer.closest('dialog');
      if (dialog) { dialog.close(); }
      return;
    }
    var clear = e.target.closest('[data-clear-target]');
    if (clear) {
      var input = document.getElementById(clear.getAttribute('data-clear-target'));
      if (input) { input.value = ''; input.dispatchEvent(new Event('change', { bubbles: true })); }
      return;
    }
    var select = e.target.closest('[data-select-on-click]');
    if (select && typeof select.select === 'function') { select.select(); }
  });

  document.addEventListener('change', function (e) {
    var select = e.target.closest && e.target.closest('select[data-submit-on-change]');
    if (select && select.form) { select.form.submit(); }
  });

  document.addEventListener('keyup', function (e) {
    if (e.key !== 'Enter') { return; }
    var card = e.target.closest && e.target.closest('[data-click-on-enter]');
    if (card && e.target === card) { card.click(); }
  });

  function closeNow(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var own = scope.matches && scope.matches('[data-close-dialog-now]') ? [scope] : [];
    own.concat(Array.prototype.slice.call(scope.querySelectorAll('[data-close-dialog-now]'))).forEach(function (el) {
      var dialog = document.getElementById(el.getAttribute('data-close-dialog-now'));
      if (dialog && dialog.open) { dialog.close(); }
    });
  }
  if (window.htmx) { htmx.onLoad(closeNow); }
})();
