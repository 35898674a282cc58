// Decisions are confirmed before they are sent: the clicked button names the decision and carries the question.
(function () {
  document.addEventListener('click', function (e) {
    var button = e.target.closest('form.mc-decision button[name="decision"]');
    if (!button) { return; }
    e.preventDefault();
    var form = button.form;
    window.mcConfirm({ title: button.textContent.trim(), body: button.dataset.confirm,
      confirmLabel: button.textContent.trim(), danger: button.value === 'REJECT' })
      .then(function (ok) {
        if (!ok) { return; }
        var values = {};
        new FormData(form).forEach(function (v, k) { values[k] = v; });
        values.decision = button.value;
        htmx.ajax('POST', form.getAttribute('hx-post'), { target: '#approval-detail', swap: 'innerHTML', values: values });
      });
  });
})();
