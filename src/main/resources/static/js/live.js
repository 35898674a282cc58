// One live connection per page: the workspace's events over SSE (/live/stream, session-authenticated).
// Shows LIVE/OFFLINE in the header, and re-dispatches each event on <body> as "mc-event" and as
// "mc-<first segment of its type>" (e.g. "mc-safety", "mc-outbound"), which pages use as htmx triggers.
// After a reconnect the browser sends Last-Event-ID and the server replays what was missed.
// htmx drops a trigger that fires while the element's previous request is still in flight, and that
// answer may predate the event: an element that heard one of its events while its request was under
// way is refreshed once more when the request ends.
(function () {
  if (!window.EventSource) { return; }
  var indicator = document.getElementById('live-indicator');
  var params = new URLSearchParams(document.body.dataset.liveQuery || '');
  if (document.body.dataset.liveAfter) { params.set('lastEventId', document.body.dataset.liveAfter); }
  var url = '/live/stream' + (params.toString() ? '?' + params.toString() : '');
  var source;
  var heard = 0;      // events heard so far on this page
  var lastHeard = {}; // per trigger name, the number of the last event of that name

  function heardDuring(elt) {
    var trigger = elt.getAttribute('hx-trigger') || '';
    var pattern = /(mc-[a-z-]+) from:body/g;
    var match;
    while ((match = pattern.exec(trigger)) !== null) {
      if ((lastHeard[match[1]] || 0) > elt.mcHeardAtStart) { return true; }
    }
    return false;
  }

  function refreshAgain(old) {
    var elt = old.isConnected ? old : (old.id ? document.getElementById(old.id) : null);
    var path = elt && elt.getAttribute('hx-get');
    if (!path || !window.htmx) { return; }
    window.htmx.ajax('GET', path, { source: elt });
  }

  document.addEventListener('htmx:beforeRequest', function (e) { e.detail.elt.mcHeardAtStart = heard; });
  document.addEventListener('htmx:afterRequest', function (e) {
    var elt = e.detail.elt;
    if (elt.mcHeardAtStart !== undefined && heardDuring(elt)) {
      setTimeout(function () { refreshAgain(elt); }, 50); // once the swap has settled
    }
    delete elt.mcHeardAtStart;
  });

  function show(live) {
    if (!indicator) { return; }
    indicator.textContent = live ? 'LIVE' : 'OFFLINE';
    indicator.classList.toggle('bg-green', live);
    indicator.classList.toggle('bg-secondary', !live);
    indicator.setAttribute('data-state', live ? 'live' : 'offline');
    indicator.title = live ? 'Receiving live updates' : 'Reconnecting…';
  }

  function connect() {
    source = new EventSource(url);
    source.onopen = function () { show(true); };
    source.onerror = function () { show(false); };
    source.addEventListener('mission-event', function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      var detail = { event: event };
      var prefix = (event.type || '').split('.')[0];
      heard += 1;
      lastHeard['mc-event'] = heard;
      if (prefix) { lastHeard['mc-' + prefix] = heard; }
      document.body.dispatchEvent(new CustomEvent('mc-event', { detail: detail }));
      if (prefix) { document.body.dispatchEvent(new CustomEvent('mc-' + prefix, { detail: detail })); }
    });
  }

  show(false);
  connect();
  window.addEventListener('beforeunload', function () { if (source) { source.close(); } });
})();
