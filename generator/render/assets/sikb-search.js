/* SIKB: site search. Pagefind's index of this language (site/<lang>/pagefind/, written by
 * generator/search/search_index.py) behind Material's own search box
 * (generator/engine/overrides/partials/search.html).
 *
 * Plain JavaScript, no request to another host: Pagefind's script is imported from
 * ../pagefind/ relative to this file (<root>/<lang>/assets/sikb-search.js), and result
 * links get the same language root as their base, so the site also works under a
 * sub-path. Nothing loads until the box is used. Events are delegated from the document,
 * so the search keeps working when Material's instant navigation swaps the page under the
 * (persistent) header.
 *
 * Keyboard: "/" or "s" opens the search, Esc closes it, the arrow keys move between the
 * box and the results, Enter in the box opens the first result. A single-key shortcut
 * (ours, and Material's "p" "," "n" "." for the previous and next page) acts only when
 * the focus is on the page itself, never in a field or on a control (WCAG 2.1.4): "s"
 * typed in a box is an "s". Tab reaches the box in the header, or on a narrow screen the
 * header's search button, which Enter or Space presses. The panel (and the dimmed page
 * behind it) opens only on an explicit action: a click on the box, typing in it, the
 * button, or the shortcut; focus passing through the box on its way across the header
 * does not open it. It closes on Esc and when the focus leaves it (WCAG 3.2.1).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) return;
  var ROOT = new URL("../", script.src); // the language's root: Pagefind's URLs start there
  var BUNDLE = new URL("pagefind/pagefind.js", ROOT).href;
  // A large language is indexed in parts (search/parts.py), merged here into one search.
  var PARTS = new URL("pagefind/sikb-parts.json", ROOT).href;
  var STEM = new URL("sikb-stem.js", script.src).href; // stems (uk, ru) and excerpts
  var BATCH = 10; // results rendered at a time; more as the list scrolls
  var DELAY = 150; // ms of typing pause before a search

  var loading = null; // Promise of the initialised Pagefind module
  var skip = {}; // ids of the parts' pages of every word, not pages (search/parts.py)
  var stems = null; // its module, loaded with Pagefind
  var asked = ""; // the words the results answer
  var timer = 0;
  var seq = 0; // the latest search; older answers are dropped
  var results = [];
  var shown = 0;
  var rendering = 0; // the search whose next batch is being fetched

  function dialog() { return document.querySelector("[data-sikb-search]"); }
  function input() { return document.querySelector("[data-sikb-search-query]"); }
  function toggle() { return document.getElementById("__search"); }
  function part(selector) { var d = dialog(); return d && d.querySelector(selector); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* Pagefind ------------------------------------------------------------------------ */

  function load() {
    if (!loading) {
      loading = Promise.all([import(BUNDLE), import(STEM)]).then(function (both) {
        var pagefind = both[0];
        stems = both[1];
        var parts = fetch(PARTS).then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; });
        return pagefind.options({ baseUrl: ROOT.pathname })
          .then(function () { return Promise.all([pagefind.init(), parts]); })
          .then(function (done) {
            (done[1].skip || []).forEach(function (id) { skip[id] = true; });
            return Promise.all((done[1].parts || []).map(function (path) {
              return pagefind.mergeIndex(new URL(path, new URL("pagefind/", ROOT)).pathname, { baseUrl: ROOT.pathname });
            }));
          })
          .then(function () { return pagefind; });
      });
    }
    return loading;
  }

  /* aria-busy on the result list while a search is under way (tests wait on it too). */
  function busy(on) {
    var box = part(".md-search-result");
    if (box) box.setAttribute("aria-busy", on ? "true" : "false");
  }

  function fail(error) {
    var d = dialog();
    message((d && d.getAttribute("data-sikb-error")) || String(error));
    if (window.console) console.warn("sikb-search:", error);
  }

  /* Filters: one menu per filter, its values (in the page's language) from the index,
   * loaded when the reader asks for the menus (Pagefind loads every filter's file). */
  function showFilters() {
    var button = part("[data-sikb-filters-button]");
    var box = part("[data-sikb-filters]");
    if (!button || !box) return;
    button.hidden = true;
    load().then(fillFilters).then(function () {
      var first = box.querySelector("select:not([hidden])");
      if (first) first.focus();
    }).catch(fail);
  }

  function fillFilters(pagefind) {
    return pagefind.filters().then(function (all) {
      var lang = document.documentElement.lang || undefined;
      var any = false;
      var box = part("[data-sikb-filters]");
      if (!box) return;
      box.querySelectorAll("[data-sikb-filter]").forEach(function (select) {
        var values = all[select.getAttribute("data-sikb-filter")] || {};
        var names = Object.keys(values).sort(function (a, b) { return a.localeCompare(b, lang); });
        while (select.options.length > 1) select.remove(1);
        names.forEach(function (name) {
          var option = el("option", null, name + " (" + values[name] + ")");
          option.value = name;
          select.appendChild(option);
        });
        select.hidden = names.length === 0;
        any = any || names.length > 0;
      });
      box.hidden = !any;
    });
  }

  function chosenFilters() {
    var chosen = {};
    var box = part("[data-sikb-filters]");
    if (box) {
      box.querySelectorAll("[data-sikb-filter]").forEach(function (select) {
        if (select.value) chosen[select.getAttribute("data-sikb-filter")] = select.value;
      });
    }
    return chosen;
  }

  /* Searching ----------------------------------------------------------------------- */

  function schedule() {
    seq++; // what is under way answers words no longer in the box
    busy(true);
    clearTimeout(timer);
    timer = setTimeout(run, DELAY);
  }

  /* Words in almost every page (the build lists them: generator/search/search_index.py) would
   * each load an index chunk of hundreds of KB and narrow nothing: they are left out of a
   * query with other words, and a query of nothing else is not run. A quoted phrase is
   * searched as typed. Returns [query, the words left out]. */
  function specific(query) {
    var common = attr("data-sikb-common").split(" ").filter(Boolean);
    if (!common.length || query.indexOf('"') >= 0) return [query, []];
    var kept = [];
    var dropped = [];
    query.split(/\s+/).forEach(function (word) {
      (common.indexOf(normal(word).toLowerCase()) >= 0 ? dropped : kept).push(word);
    });
    return [kept.join(" "), dropped];
  }

  /* In uk and ru the index holds each word's stem: so does the query. */
  function normal(text) { return stems.normalise(document.documentElement.lang, text); }

  function clear(text) {
    results = [];
    shown = 0;
    list().textContent = "";
    message(text);
    busy(false);
  }

  function run() {
    clearTimeout(timer);
    var box = input();
    var typed = box ? box.value.trim() : "";
    var filters = chosenFilters();
    var mine = ++seq;
    busy(true);
    if (!typed && !Object.keys(filters).length) {
      clear(attr("data-sikb-placeholder"));
      return;
    }
    load()
      .then(function (pagefind) {
        var parts = specific(typed);
        var query = parts[0];
        if (!query && !Object.keys(filters).length) {
          if (mine === seq) clear(attr("data-sikb-too-common").replace("%(words)s", parts[1].join(", ")));
          return null;
        }
        return find(pagefind, normal(query), filters).then(function (found) { return [found, query]; });
      })
      .then(function (answer) {
        if (!answer || mine !== seq) return;
        results = answer[0];
        asked = answer[1];
        shown = 0;
        list().textContent = "";
        message(count(results.length));
        return more(mine);
      })
      .catch(fail)
      .then(function () { if (mine === seq) busy(false); });
  }

  /* The pages found, less the parts' pages of every word (they are not pages). */
  function find(pagefind, query, filters) {
    return ordered(pagefind, query, filters).then(function (found) {
      return found.filter(function (r) { return !skip[r.id]; });
    });
  }

  /* Cases first, then the other pages (taxonomy, lists, about), each in Pagefind's order:
   * a term's page must not push the cases it lists off the top. Only case pages carry the
   * filter "type"; with any other filter chosen, only cases can match anyway. */
  function ordered(pagefind, query, filters) {
    if (Object.keys(filters).length) {
      return pagefind.search(query || null, { filters: filters }).then(function (search) { return search.results; });
    }
    return Promise.all([
      pagefind.search(query, { filters: { type: "case" } }),
      pagefind.search(query)
    ]).then(function (both) {
      var cases = both[0].results;
      var seen = {};
      cases.forEach(function (r) { seen[r.id] = true; });
      return cases.concat(both[1].results.filter(function (r) { return !seen[r.id]; }));
    });
  }

  function more(mine) {
    if (rendering === mine || mine !== seq || shown >= results.length) return Promise.resolve();
    rendering = mine;
    var batch = results.slice(shown, shown + BATCH);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); }))
      .then(function (pages) {
        if (mine !== seq) return;
        var target = list();
        pages.forEach(function (page) { target.appendChild(item(page)); });
      })
      .finally(function () { if (rendering === mine) rendering = 0; });
  }

  function attr(name) { var d = dialog(); return (d && d.getAttribute(name)) || ""; }

  function count(n) {
    if (n === 0) return attr("data-sikb-none");
    if (n === 1) return attr("data-sikb-one");
    return attr("data-sikb-other").replace("#", String(n));
  }

  function message(text) {
    var meta = part(".md-search-result__meta");
    if (meta) meta.textContent = text;
  }

  function list() { return part(".md-search-result__list") || el("ol"); }

  /* One result, in Material's result markup. Every string goes in as text (the excerpt's:
   * sikb-stem.js). */
  function item(page) {
    var li = el("li", "md-search-result__item");
    var link = el("a", "md-search-result__link");
    link.href = page.url;
    var article = el("article", "md-search-result__article md-search-result__article--document md-typeset");
    article.appendChild(el("div", "md-search-result__icon md-icon"));
    article.appendChild(el("h1", null, (page.meta && page.meta.title) || page.url));
    var facts = [].concat((page.filters && page.filters.country) || [], (page.filters && page.filters.status) || []);
    if (facts.length) article.appendChild(el("p", "sikb-search__facts", facts.join(" · ")));
    article.appendChild(stems.paragraph(page, document.documentElement.lang, asked));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  /* Opening and closing: Material's __search toggle shows the dialog (its CSS). -------- */

  function setOpen(open) {
    var t = toggle();
    if (!t || t.checked === open) return;
    t.checked = open;
    t.dispatchEvent(new Event("change")); // Material watches it (scroll lock on phones)
  }

  function isOpen() { var t = toggle(); return !!(t && t.checked); }

  var returnTo = null; // where the focus was when the search opened; Esc takes it back

  function open() {
    returnTo = document.activeElement;
    setOpen(true);
    var box = input();
    if (box) { box.focus(); box.select(); }
    load();
  }

  /* Closed by Esc, the focus goes back where it was when the search opened: the page (a
   * shortcut), the search button, or the box itself where the header shows it; else (a
   * narrow screen hides the box) the header's search button. */
  function close() {
    setOpen(false);
    var back = returnTo;
    returnTo = null;
    var box = input();
    if (!box || document.activeElement !== box) return;
    if (back && back !== box && onPage(back)) { box.blur(); return; }
    if (back && back !== box && back.isConnected && back.getClientRects().length) { back.focus(); return; }
    if (box.getClientRects().length) return;
    var button = document.querySelector('label.md-header__button[for="__search"]');
    if (button && button.getClientRects().length) button.focus(); else box.blur();
  }

  /* Opened from the box itself (a click, typing): Esc leaves the focus there. */
  function openHere() {
    returnTo = input();
    setOpen(true);
    load();
  }

  /* Nothing has the focus: the page itself (not a field, a link, a button, a summary, an
   * editable or any other element that took the focus). */
  function onPage(node) {
    return !node || node === document.body || node === document.documentElement;
  }

  var MATERIAL_KEYS = ["p", ",", "n", "."]; // Material's previous and next page

  function links() {
    return Array.prototype.slice.call(list().querySelectorAll(".md-search-result__link"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (!isOpen()) {
      var pressed = event.key === "Enter" || event.key === " ";
      if (pressed && active && active.matches && active.matches('label[for="__search"]')) {
        event.preventDefault();
        event.stopPropagation();
        open();
      } else if ((event.key === "/" || event.key === "s") && onPage(active)) {
        event.preventDefault();
        event.stopPropagation();
        open();
      }
      return;
    }
    var d = dialog();
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && d && d.contains(active) && active.tagName !== "SELECT") {
      var stops = [input()].concat(links());
      var at = stops.indexOf(active);
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = stops[(at + step + stops.length) % stops.length];
      event.preventDefault();
      if (next) next.focus();
    } else if (event.key === "Enter" && active === input()) {
      event.preventDefault();
      clearTimeout(timer);
      var first = links()[0];
      if (first) first.click(); else run();
    }
  }, true);

  /* Material listens on window: stop its single keys on their way up from a control. */
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (MATERIAL_KEYS.indexOf(event.key) >= 0 && !onPage(document.activeElement)) {
      event.stopPropagation();
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target !== input()) return;
    if (!isOpen()) openHere();
    schedule();
  });

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-sikb-filter]")) run();
    else if (target === toggle() && target.checked) {
      var box = input();
      if (box && document.activeElement !== box) box.focus();
      load();
    }
  });

  /* The focus moving to something outside the panel (Tab past it) closes it; the window
   * losing the focus (another tab, another program) does not, nor a control of the panel
   * hidden while it had the focus (the focus falls to the page for a moment). */
  document.addEventListener("focusout", function (event) {
    var d = dialog();
    if (!isOpen() || !d || !d.contains(event.target)) return;
    setTimeout(function () {
      var now = document.activeElement;
      if (!isOpen() || !document.hasFocus() || onPage(now) || d.contains(now)) return;
      if (now.matches && now.matches('label[for="__search"]')) return;
      returnTo = null;
      setOpen(false);
    });
  });

  document.addEventListener("submit", function (event) {
    var d = dialog();
    if (d && d.contains(event.target)) event.preventDefault();
  });

  document.addEventListener("reset", function (event) {
    var d = dialog();
    if (!d || !d.contains(event.target)) return;
    setTimeout(function () {
      var box = input();
      if (box) box.focus();
      run();
    });
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    if (target === input() && !isOpen()) openHere();
    else if (target.closest(".md-search-result__link")) setOpen(false);
    else if (target.closest("[data-sikb-filters-button]")) showFilters();
  });

  /* More results as the list scrolls to its end. */
  document.addEventListener("scroll", function (event) {
    var wrap = event.target;
    if (!wrap.classList || !wrap.classList.contains("md-search__scrollwrap")) return;
    if (wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 48) more(seq);
  }, true);
})();
