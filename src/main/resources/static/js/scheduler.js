// Scheduler page: instants shown in the job's zone.
// Instants are rendered as ISO text; show them in the job's zone (data-zone) or else the viewer's own.
(function () {
    function format(root) {
        (root || document).querySelectorAll('time[data-instant]').forEach(function (el) {
            var zone = el.getAttribute('data-zone');
            var options = { dateStyle: 'medium', timeStyle: 'short' };
            if (zone) { options.timeZone = zone; }
            try {
                el.textContent = new Intl.DateTimeFormat(undefined, options).format(new Date(el.getAttribute('data-instant')))
                    + (zone ? '' : ' (' + Intl.DateTimeFormat().resolvedOptions().timeZone + ')');
                el.title = el.getAttribute('data-instant');
            } catch (e) { /* leave the ISO text */ }
        });
    }
    format(document);
    document.body.addEventListener('htmx:afterSettle', function (e) { format(e.target); });
})();
