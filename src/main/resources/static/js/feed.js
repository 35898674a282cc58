// The live feed page: prepends each live event (already filtered by the server) using the row template.
// Text goes in with textContent only, never as HTML.
(function () {
  var list = document.getElementById('event-list');
  var template = document.getElementById('event-row-template');
  var empty = document.getElementById('feed-empty');
  if (!list || !template) { return; }
  var MAX_ROWS = 300;

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function render(event) {
    if (list.querySelector('[data-seq="' + event.seq + '"]')) { return; }
    var row = template.content.firstElementChild.cloneNode(true);
    row.classList.add('cat-' + event.category);
    row.dataset.seq = event.seq;
    row.dataset.type = event.type;
    row.querySelector('[data-field="category"]').textContent = event.category;
    row.querySelector('[data-field="type"]').textContent = event.type;
    row.querySelector('[data-field="actor"]').textContent = (event.actor && (event.actor.name || event.actor.type)) || '';
    if (event.entityType) {
      row.querySelector('[data-field="entity"]').textContent = event.entityType;
    } else {
      row.querySelector('[data-field="entity-wrap"]').remove();
    }
    var payload = event.payload || {};
    row.querySelector('[data-field="payload"]').textContent = Object.keys(payload)
      .map(function (k) { return k + ': ' + (typeof payload[k] === 'object' ? JSON.stringify(payload[k]) : payload[k]); })
      .join(' · ');
    var time = new Date(event.timestamp);
    var t = row.querySelector('[data-field="time"]');
    t.setAttribute('datetime', event.timestamp);
    t.title = event.timestamp;
    t.textContent = pad(time.getUTCHours()) + ':' + pad(time.getUTCMinutes()) + ':' + pad(time.getUTCSeconds());
    row.querySelector('[data-field="seq"]').textContent = event.seq;
    list.insertBefore(row, list.firstChild);
    while (list.children.length > MAX_ROWS) { list.removeChild(list.lastChild); }
    if (empty) { empty.classList.add('d-none'); }
  }

  document.body.addEventListener('mc-event', function (e) { render(e.detail.event); });
})();
