// Applies the saved light/dark choice before the page paints, so it never flashes.
(function () {
  var theme = localStorage.getItem('mc-theme');
  if (theme) { document.documentElement.setAttribute('data-bs-theme', theme); }
})();
