// One live connection per page: the workspace's events over SSE (/live/stream, session-authenticated).
// Shows LIVE/OFFLINE in the header, and re-dispatches each event on <body> as "mc-event" and as
// "mc-<first segment of its type>" (e.g. "mc-safety", "mc-outbound"), which pages use as htmx triggers.
// After a reconnect the browser sends Last-Event-ID and the server replays what was missed.
(function () {
  if (!window.EventSource) { return; }
  var indicator = document.getElementById('live-indicator');
  var params = new URLSearchParams(document.body.dataset.liveQuery || '');
  if (document.body.dataset.liveAfter) { params.set('lastEventId', document.body.dataset.liveAfter); }
  var url = '/live/stream' + (params.toString() ? '?' + params.toString() : '');
  var source;

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
      document.body.dispatchEvent(new CustomEvent('mc-event', { detail: detail }));
      var prefix = (event.type || '').split('.')[0];
      if (prefix) { document.body.dispatchEvent(new CustomEvent('mc-' + prefix, { detail: detail })); }
    });
  }

  show(false);
  connect();
  window.addEventListener('beforeunload', function () { if (source) { source.close(); } });
})();
