// The WhatsApp simulator page: keep the newest message in view, Enter sends (Shift+Enter: a new line), and the
// composer keeps the focus after a message went.
(function () {
  function scrollDown() {
    var screen = document.getElementById('sim-transcript');
    if (screen) { screen.scrollTop = screen.scrollHeight; }
  }
  document.addEventListener('DOMContentLoaded', scrollDown);
  scrollDown();
  document.body.addEventListener('htmx:afterSwap', function (e) {
    var target = e.detail.target;
    if (!target || !target.id) { return; }
    if (target.id === 'sim-chat' || target.id === 'sim-transcript') {
      scrollDown();
    }
    if (target.id === 'sim-chat') {
      var text = document.getElementById('sim-text');
      if (text) { text.focus(); }
    }
  });
  document.addEventListener('keydown', function (e) {
    var el = e.target;
    if (!el || !el.matches || !el.matches('[data-sim-compose]')) { return; }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      var form = el.closest('form');
      if (form && el.value.trim() !== '') { form.requestSubmit(); }
    }
  });
})();
