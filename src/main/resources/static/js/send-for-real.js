// Email page: "send for real" asks first.
(function () {
  var form = document.querySelector('[data-testid=send-for-real-form]');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    window.mcConfirm({ title: 'Send for real?', body: form.dataset.confirm, confirmLabel: 'Send now' })
      .then(function (ok) { if (ok) { form.querySelector('button').disabled = true; form.submit(); } });
  });
})();
