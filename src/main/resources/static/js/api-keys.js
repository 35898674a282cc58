// API keys page: copy the new token, and show the date field or the warning for the chosen expiry.
    document.addEventListener('click', function (e) {
      var copy = e.target.closest('[data-copy-token]');
      if (!copy) { return; }
      var input = document.getElementById('api-key-token');
      var done = function () { copy.innerHTML = '<i class="ti ti-check me-1"></i>Copied'; };
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });

document.addEventListener('change', function (e) {
  if (!e.target || e.target.id !== 'api-key-expiry') { return; }
  document.getElementById('api-key-date-row').hidden = e.target.value !== 'date';
  document.getElementById('api-key-never').hidden = e.target.value !== 'never';
});
