// The WhatsApp thread's customer-care window: a live countdown ("Window closes in 3 h 12 min") kept from the
// server's clock (data-window-ends-at and data-server-now, epoch milliseconds), rewritten on each minute of the time
// left. When it reaches zero the thread is fetched again (data-refresh-url), so the reply box switches to the
// closed-window state the server renders: no free-form reply, the template picker.
(function () {
  var timer = null;

  function text(left) {
    var minutes = Math.floor(left / 60000);
    if (minutes < 1) { return 'Window closes in less than a minute'; }
    var hours = Math.floor(minutes / 60);
    return 'Window closes in ' + (hours > 0 ? hours + ' h ' : '') + (minutes % 60) + ' min';
  }

  function tick() {
    timer = null;
    var next = 60000;
    document.querySelectorAll('[data-window-ends-at]').forEach(function (el) {
      if (!el.dataset.skew) {
        // the server's clock minus ours, so a wrong clock on this computer does not move the countdown
        el.dataset.skew = String(Number(el.dataset.serverNow) - Date.now());
      }
      var left = Number(el.dataset.windowEndsAt) - (Date.now() + Number(el.dataset.skew));
      if (left <= 0) {
        if (el.dataset.closed) { return; }
        el.dataset.closed = 'true';
        el.textContent = 'Window closed: only a template may be sent';
        el.classList.remove('text-green');
        el.classList.add('text-secondary');
        var thread = document.getElementById('wa-thread');
        if (thread && window.htmx && el.dataset.refreshUrl) {
          window.htmx.ajax('GET', el.dataset.refreshUrl, { target: '#wa-thread', swap: 'outerHTML' });
        }
        return;
      }
      el.textContent = text(left);
      // wake when the shown minute changes (or the window closes)
      next = Math.min(next, (left % 60000) || 60000);
    });
    schedule(next + 50);
  }

  function schedule(delay) {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(tick, delay);
  }

  document.addEventListener('DOMContentLoaded', tick);
  if (document.readyState !== 'loading') { tick(); }
  document.body.addEventListener('htmx:afterSettle', tick);
})();
