/* SIKB: the language switcher goes to this same view in the other language, on any host.
 *
 * Without script each switcher link is already relative (partials/alternate.html). With
 * script two things would go wrong: the theme's instant navigation keeps the header (so
 * the links stay those of the first page), and the explorer keeps its view in the query
 * and hash, which a static link cannot know. So each link is rewritten from the current
 * address just before it is followed (pointer, focus, click), and the click is kept from
 * the theme's handlers, which look the page up in sitemap.xml: its URLs name the
 * configured host, so elsewhere they would send the reader to the language's home page.
 * The current language's root is the theme's base (#__config, relative to the first
 * page), taken once before any instant navigation. Loaded before the theme's bundle. */
(function () {
  "use strict";

  var root = null;

  function languageRoot() {
    var config = document.getElementById("__config");
    try {
      return new URL(JSON.parse(config.textContent).base, location.href).href;
    } catch (e) {
      return null;
    }
  }

  function target(link) {
    var lang = link.getAttribute("hreflang");
    var here = location.href;
    if (!root || !lang || here.indexOf(root) !== 0) return null;
    return new URL("../" + lang + "/" + here.slice(root.length), root).href;
  }

  function sync(ev) {
    var el = ev.target instanceof Element ? ev.target : null;
    var link = el && el.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var url = target(link);
    if (url) link.href = url;
    if (ev.type === "click") ev.stopPropagation();
  }

  document.addEventListener("DOMContentLoaded", function () { root = languageRoot(); });
  ["pointerdown", "mouseover", "focusin", "touchstart", "click"].forEach(function (type) {
    document.addEventListener(type, sync, { capture: true, passive: true });
  });
})();
