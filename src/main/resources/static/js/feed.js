// The live feed page: when the stream says something happened, fetches the new rows (already described, with
// names, by the server) after the newest one shown and puts them on top. Bursts are coalesced into one fetch.
(function () {
  var list = document.getElementById('event-list');
  var empty = document.getElementById('feed-empty');
  if (!list) { return; }
  var MAX_ROWS = 300;
  var after = Number(list.dataset.after || 0);
  var timer = null;
  var busy = false;
  var again = false;

  function newest() {
    var first = list.querySelector('[data-seq]');
    return first ? Math.max(after, Number(first.dataset.seq)) : after;
  }

  function fetchRows() {
    if (busy) { again = true; return; }
    busy = true;
    var params = new URLSearchParams(list.dataset.query || '');
    params.set('after', newest());
    fetch(list.dataset.rowsUrl + '?' + params.toString(), { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var rows = Array.prototype.slice.call(holder.querySelectorAll('[data-seq]'));
        for (var i = rows.length - 1; i >= 0; i--) {
          var row = rows[i];
          if (list.querySelector('[data-seq="' + row.dataset.seq + '"]')) { continue; }
          row.classList.add('event-new');
          list.insertBefore(row, list.firstChild);
          after = Math.max(after, Number(row.dataset.seq));
        }
        while (list.children.length > MAX_ROWS) { list.removeChild(list.lastChild); }
        if (empty && list.children.length) { empty.classList.add('d-none'); }
      })
      .catch(function () { /* the next event tries again */ })
      .finally(function () {
        busy = false;
        if (again) { again = false; fetchRows(); }
      });
  }

  document.body.addEventListener('mc-event', function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(fetchRows, 150);
  });
})();
