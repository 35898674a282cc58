// The shell: opens and closes the off-canvas sidebar on small screens, and collapses the sidebar to icons on
// desktop, remembering the choice for this user on the server (POST /shell/preferences).
(function () {
  var body = document.body;
  var opener = document.querySelector('[data-mc-sidebar-open]');
  function setOpen(open) {
    body.classList.toggle('mc-sidebar-open', open);
    if (opener) { opener.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    if (open) {
      var current = document.querySelector('#sidebar .mc-nav-link.active') || document.querySelector('#sidebar .mc-nav-link');
      if (current) { current.focus(); }
    }
  }
  if (opener) { opener.addEventListener('click', function () { setOpen(true); }); }
  document.querySelectorAll('[data-mc-sidebar-close]').forEach(function (el) {
    el.addEventListener('click', function () { setOpen(false); if (opener) { opener.focus(); } });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && body.classList.contains('mc-sidebar-open')) { setOpen(false); }
  });

  var collapse = document.getElementById('sidebar-collapse');
  if (collapse) {
    collapse.addEventListener('click', function () {
      var collapsed = !body.classList.contains('mc-sidebar-collapsed');
      body.classList.toggle('mc-sidebar-collapsed', collapsed);
      collapse.setAttribute('aria-pressed', collapsed ? 'true' : 'false');
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      var h = document.querySelector('meta[name="csrf-header"]');
      var t = document.querySelector('meta[name="csrf-token"]');
      if (h && t) { headers[h.content] = t.content; }
      fetch('/shell/preferences', { method: 'POST', headers: headers, credentials: 'same-origin',
        body: 'sidebarCollapsed=' + collapsed }).then(function (r) {
        collapse.setAttribute('data-saved', r.ok ? 'true' : 'false');
      });
    });
  }
})();
