// Home page: the email charts.
// Draws the two email charts from the JSON the email-figures fragment carries; redrawn after each swap.
window.mcEmailCharts = window.mcEmailCharts || {};
function mcDrawEmailCharts() {
    var data = document.getElementById('email-chart-data');
    if (!data || !window.Chart) { return; }
    var d = JSON.parse(data.textContent);
    var charts = window.mcEmailCharts;
    Object.keys(charts).forEach(function (k) { charts[k].destroy(); delete charts[k]; });
    var daily = document.getElementById('email-daily-chart');
    if (daily) {
        charts.daily = new Chart(daily, { type: 'bar', data: { labels: d.days, datasets: [
            { label: 'Sent', data: d.sent, backgroundColor: '#206bc4' },
            { label: 'Opened', data: d.opened, backgroundColor: '#2fb344' },
            { label: 'Replied', data: d.replied, backgroundColor: '#f76707' }] },
            options: { animation: false, responsive: true, maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    }
    var momentum = document.getElementById('email-momentum-chart');
    if (momentum) {
        charts.momentum = new Chart(momentum, { type: 'line', data: { labels: d.hours, datasets: [
            { label: 'Opens', data: d.hourOpens, borderColor: '#2fb344', tension: 0.3 },
            { label: 'Replies', data: d.hourReplies, borderColor: '#f76707', tension: 0.3 }] },
            options: { animation: false, responsive: true, maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    }
}
document.addEventListener('DOMContentLoaded', mcDrawEmailCharts);
document.addEventListener('htmx:afterSettle', function (e) {
    if (e.detail && e.detail.elt && e.detail.elt.id === 'email-figures') { mcDrawEmailCharts(); }
});
