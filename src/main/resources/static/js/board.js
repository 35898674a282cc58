// Drag and drop on the board. A drop asks the server with the card's version; its answer re-renders the columns, so
// a refused move (into DONE without being an admin, or a stale card someone else moved: 409) snaps back and its
// reason appears in the flash area. A card opens its side panel beside the board.
(function () {
  function wire() {
    var board = document.getElementById('board-columns');
    if (!board || board.dataset.canWrite !== 'true') { return; }
    document.querySelectorAll('.board-column').forEach(function (column) {
      if (column.dataset.sortable) { return; }
      column.dataset.sortable = '1';
      Sortable.create(column, {
        group: 'board', animation: 150, draggable: '.board-task', filter: '.board-empty', forceFallback: true,
        onEnd: function (e) {
          var id = e.item.dataset.task;
          var to = e.to.dataset.column;
          var position = Array.prototype.indexOf.call(e.to.querySelectorAll('.board-task'), e.item);
          htmx.ajax('POST', '/board/' + id + '/move', {
            target: '#board-columns', swap: 'outerHTML', values: { column: to, position: position, version: e.item.dataset.version }
          }).then(function () {}, function () {});
          // when the server refuses, the error handler answers with the flash fragment; re-read the board
          document.body.addEventListener('htmx:afterRequest', function once(ev) {
            document.body.removeEventListener('htmx:afterRequest', once);
            if (!ev.detail.successful) { htmx.ajax('GET', '/board/columns', { target: '#board-columns', swap: 'outerHTML' }); }
          });
        }
      });
    });
  }

  function replay(root) {
    var container = root.querySelector('.replay');
    if (!container) { return; }
    var steps = JSON.parse(container.dataset.steps || '[]');
    var slider = container.querySelector('[data-replay-slider]');
    slider.max = Math.max(1, steps.length);
    slider.value = steps.length;
    container.querySelector('[data-replay-total]').textContent = steps.length;
    function show() {
      var step = steps[slider.value - 1];
      if (!step) { return; }
      container.querySelector('[data-replay-index]').textContent = slider.value;
      container.querySelector('[data-replay-type]').textContent = step.type;
      container.querySelector('[data-replay-actor]').textContent = (step.actor && (step.actor.name || step.actor.type)) || '';
      var state = step.stateAfter || {};
      container.querySelector('[data-replay-state]').textContent = Object.keys(state)
        .filter(function (k) { return state[k] !== null; })
        .map(function (k) { return k + ': ' + (typeof state[k] === 'object' ? JSON.stringify(state[k]) : state[k]); })
        .join('\n');
    }
    slider.addEventListener('input', show);
    show();
  }

  var panel = document.getElementById('task-drawer');
  function closePanel() {
    if (!panel) { return; }
    panel.classList.remove('is-open');
    panel.innerHTML = '';
    var board = document.querySelector('.mc-board');
    if (board) { board.classList.remove('has-panel'); }
  }
  document.body.addEventListener('htmx:afterSwap', function (e) {
    if (panel && e.detail.target === panel && panel.querySelector('[data-task]')) {
      panel.classList.add('is-open');
      document.querySelector('.mc-board').classList.add('has-panel');
    }
  });
  document.addEventListener('click', function (e) { if (e.target.closest('[data-panel-close]')) { closePanel(); } });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && panel && panel.classList.contains('is-open') && !document.querySelector('dialog[open]')) { closePanel(); }
  });

  wire();
  document.body.addEventListener('htmx:afterSettle', function (e) {
    wire();
    replay(e.detail.elt || document);
  });
})();
