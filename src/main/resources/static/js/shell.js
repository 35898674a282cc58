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

// Global search: "/" (outside a text field) or Ctrl-K / Cmd-K opens the dialog; arrows move through the hits,
// Enter opens the highlighted one (or the results page when none is), Escape closes.
(function () {
  var dialog = document.getElementById('search-dialog');
  var input = document.getElementById('search-input');
  if (!dialog || !input) { return; }
  var results = document.getElementById('search-dialog-results');
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function open() {
    if (!dialog.open) { dialog.showModal(); }
    input.focus();
    input.select();
  }
  document.querySelectorAll('[data-mc-search-open]').forEach(function (b) { b.addEventListener('click', open); });
  document.addEventListener('keydown', function (e) {
    if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey)) { e.preventDefault(); open(); return; }
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(document.activeElement) && !dialog.open) {
      e.preventDefault(); open();
    }
  });
  dialog.addEventListener('click', function (e) { if (e.target === dialog) { dialog.close(); } });
  function hits() { return Array.prototype.slice.call(results.querySelectorAll('[data-search-hit]')); }
  function move(step) {
    var all = hits();
    if (!all.length) { return; }
    var i = all.findIndex(function (h) { return h.classList.contains('active'); });
    if (i >= 0) { all[i].classList.remove('active'); all[i].removeAttribute('aria-selected'); }
    i = i < 0 ? (step > 0 ? 0 : all.length - 1) : (i + step + all.length) % all.length;
    all[i].classList.add('active');
    all[i].setAttribute('aria-selected', 'true');
    all[i].scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', all[i].id || '');
  }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.preventDefault(); dialog.close(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Enter') {
      var active = results.querySelector('[data-search-hit].active');
      if (active) { e.preventDefault(); window.location.href = active.getAttribute('href'); }
    }
  });
  document.body.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target === results) { var first = hits()[0]; if (first) { move(1); } }
  });
})();

// The bell: its list is loaded when the menu opens (and refreshes itself on notification events while shown).
(function () {
  var bell = document.getElementById('bell');
  if (!bell || !window.htmx) { return; }
  bell.addEventListener('show.bs.dropdown', function () {
    htmx.ajax('GET', '/shell/notifications', { target: '#notification-list', swap: 'outerHTML' });
  });
})();

// MC_PUBLIC_URL against the address this browser uses: admins see a warning when they differ.
(function () {
  var warning = document.querySelector('[data-public-url]');
  var expected = warning ? warning.getAttribute('data-public-url') : null;
  var settings = document.querySelector('[data-public-url-ok]');
  if (!expected) {
    var value = document.querySelector('[data-testid=settings-public-url-value]');
    expected = value ? value.textContent.trim() : null;
  }
  if (!expected) { return; }
  var origin = window.location.origin;
  var differs = expected.replace(/\/+$/, '') !== origin;
  document.querySelectorAll('[data-browser-origin]').forEach(function (el) { el.textContent = origin; });
  if (warning) { warning.hidden = !differs; }
  if (settings) { settings.hidden = differs; }
  var note = document.querySelector('[data-public-url-differs]');
  if (note) { note.hidden = !differs; }
})();
