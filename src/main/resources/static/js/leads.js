// Pipeline drag and drop: a drop asks the server to move the lead; a move the pipeline refuses comes back as a
// flash message with the allowed moves, and the columns are read again so the card snaps back.
(function () {
  function wire() {
    var content = document.getElementById('leads-content');
    if (!content || content.dataset.canWrite !== 'true') { return; }
    document.querySelectorAll('.pipeline-column').forEach(function (column) {
      if (column.dataset.sortable) { return; }
      column.dataset.sortable = '1';
      Sortable.create(column, {
        group: 'pipeline', animation: 150, draggable: '.pipeline-lead', forceFallback: true,
        onEnd: function (e) {
          if (e.from === e.to) { return; }
          var values = { status: e.to.dataset.status };
          if (content.dataset.campaign) { values.campaignId = content.dataset.campaign; }
          htmx.ajax('POST', '/leads/' + e.item.dataset.lead + '/status',
            { target: '#leads-content', swap: 'outerHTML', values: values });
          document.body.addEventListener('htmx:afterRequest', function once(ev) {
            document.body.removeEventListener('htmx:afterRequest', once);
            if (!ev.detail.successful) {
              htmx.ajax('GET', '/leads/content?view=pipeline' + (values.campaignId ? '&campaignId=' + values.campaignId : ''),
                { target: '#leads-content', swap: 'outerHTML' });
            }
          });
        }
      });
    });
  }
  wire();
  document.body.addEventListener('htmx:afterSettle', wire);
})();
