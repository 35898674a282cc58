// Deals pipeline drag and drop, as on the leads pipeline: a drop asks the server to move the deal (a LOST stage asks
// for the reason first); a move the server refuses, or a cancelled one, reads the columns again so the card snaps back.
(function () {
  function reload() {
    htmx.ajax('GET', '/deals/content', { target: '#deals-content', swap: 'outerHTML' });
  }
  function wire() {
    var content = document.getElementById('deals-content');
    if (!content || content.dataset.canClose !== 'true') { return; }
    document.querySelectorAll('.deal-column').forEach(function (column) {
      if (column.dataset.sortable) { return; }
      column.dataset.sortable = '1';
      Sortable.create(column, {
        group: 'deals', animation: 150, draggable: '.pipeline-deal', forceFallback: true,
        onEnd: function (e) {
          if (e.from === e.to) { return; }
          var values = { stageId: e.to.dataset.stage };
          if (e.to.dataset.kind === 'LOST') {
            var reason = window.prompt('Why was this deal lost?');
            if (!reason) { reload(); return; }
            values.lostReason = reason;
          }
          htmx.ajax('POST', '/deals/' + e.item.dataset.deal + '/stage',
            { target: '#deals-content', swap: 'outerHTML', values: values });
          document.body.addEventListener('htmx:afterRequest', function once(ev) {
            document.body.removeEventListener('htmx:afterRequest', once);
            if (!ev.detail.successful) { reload(); }
          });
        }
      });
    });
  }
  wire();
  document.body.addEventListener('htmx:afterSettle', wire);
})();
