// Drag and drop on the board. A drop asks the server; its answer re-renders the columns, so a refused move
// (for example into DONE without being an admin) snaps back and its reason appears in the flash area.
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
            target: '#board-columns', swap: 'outerHTML', values: { column: to, position: position }
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

  wire();
  document.body.addEventListener('htmx:afterSettle', function (e) {
    wire();
    replay(e.detail.elt || document);
  });
})();
