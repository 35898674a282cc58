// Dashboard glue: CSRF header on every htmx request, error responses shown as alerts, theme switch.
(function () {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (header && token) { e.detail.headers[header.content] = token.content; }
  });
  // The Content-Security-Policy forbids eval: htmx must not try it (no hx-trigger filters, no js: values).
  htmx.config.allowEval = false;
  // Error fragments come with HX-Retarget; let htmx swap them instead of ignoring 4xx/5xx.
  htmx.config.responseHandling = [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '[45]..', swap: true, error: true }
  ];
  document.body.addEventListener('htmx:sendError', function () {
    var flash = document.getElementById('flash');
    if (flash) {
      flash.innerHTML = '<div class="alert alert-danger" role="alert">The server could not be reached. Check your connection and try again.</div>';
    }
  });
  var toggle = document.getElementById('theme-toggle');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = document.documentElement.getAttribute('data-bs-theme') === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-bs-theme', next);
      localStorage.setItem('mc-theme', next);
    });
  }
})();
