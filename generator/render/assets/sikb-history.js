/* SIKB: loaded before the theme's bundle, so this listener runs before the theme's.
 * Back and forward between two views of the explorer (same page, another query) are
 * the explorer's to answer; the theme's instant navigation would load the page again. */
window.addEventListener("popstate", function (ev) {
  var root = document.getElementById("sikb-explorer");
  var app = root && root.sikb;
  if (!app || typeof app.restore !== "function" || location.pathname !== app.path) return;
  ev.stopImmediatePropagation();
  app.restore();
});
