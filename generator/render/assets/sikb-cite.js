/* SIKB: "Cite this case" gets the reader's date of access (generator/data/citation.py).
   Each <time class="sikb-accessed"> holds a placeholder ("[date]") until this
   writes today's date in the page's language: "long" (March 5, 2024) or "numeric"
   (05.03.2024), as its data-sikb-date says. Re-run on each page of instant navigation. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function fill() {
    var now = new Date();
    var lang = document.documentElement.lang || undefined;
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("time.sikb-accessed").forEach(function (el) {
      var numeric = el.getAttribute("data-sikb-date") === "numeric";
      var options = numeric
        ? { day: "2-digit", month: "2-digit", year: "numeric" }
        : { day: "numeric", month: "long", year: "numeric" };
      var text;
      try {
        text = now.toLocaleDateString(lang, options);
      } catch (e) {
        text = iso;
      }
      el.textContent = text;
      el.setAttribute("datetime", iso);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fill);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})();
