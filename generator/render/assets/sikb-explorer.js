/* SIKB explorer: facets with live counts, free text, sort, cards or table, the view in
 * the URL, downloads of what is filtered, and a side-by-side comparison of countries.
 * Plain JavaScript, no dependency, no request beyond this site. The data is written
 * by generator/data/dataset.py; the records rebuilt here must equal its CSV and JSON. */
(function () {
  "use strict";

  /* The facets, ratings and statuses are the data's (generator/model/vocabulary.py, from
   * taxonomy.yaml): raw.facets, in the order shown, each with its column, multi, open,
   * compare, table, name and plural; raw.case_href, a case page's URL with "{id}" in it
   * (generator/paths.py). Only the comparison of countries and the cards name a facet:
   * without a country facet there is no comparison. */
  var STEP = 50;
  var SORTS = ["title", "start", "updated"];
  var VIEWS = ["cards", "table"];
  var TABS = ["results", "compare"];
  // uk, ru: the free text's words by their stems, which find their other forms (stems.py)
  var STEM = new URL("sikb-stem.js", document.currentScript.src).href;
  var stems = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.append(c);
    });
    return node;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  /* One CSV field, as generator/data/dataset.py's csv_field writes it: a value a spreadsheet
   * would run as a formula (=, +, -, @, tab or carriage return first) gets a single quote
   * in front and is quoted (OWASP); any other value is quoted when it holds a comma, a
   * semicolon or tab (other locales' separators), a quote or a line break. */
  function csvCell(value) {
    var s = Array.isArray(value) ? value.join("; ") : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    else if (!/[,;"\t\r\n]/.test(s)) return s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function csvText(rows) {
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function save(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* ---- the data ------------------------------------------------------------- */

  function Data(raw) {
    var cases = raw.cases;
    this.raw = raw;
    this.n = cases.id.length;
    this.summaries = null;
    this.dims = [];
    var self = this;
    var collator = new Intl.Collator(raw.language);
    /* Values listed by name in the page's language; ratings keep the vocabulary's order. */
    var byName = function (labels) {
      return labels.map(function (_, v) { return v; })
        .sort(function (a, b) { return collator.compare(labels[a], labels[b]) || a - b; });
    };
    this.lists = Object.keys(raw.facets);
    this.lists.forEach(function (key) {
      var f = raw.facets[key];
      var values = f.multi ? cases[key] : cases[key].map(function (v) { return [v]; });
      self.dims.push({ key: key, param: key, ids: f.ids, labels: f.labels, values: values,
                       open: f.open, compare: f.compare, table: f.table, name: f.name,
                       plural: f.plural, multi: f.multi, order: byName(f.labels) });
    });
    var ratingOrder = raw.ratings.ids.map(function (_, v) { return v; });
    raw.criteria.ids.forEach(function (crit, c) {
      self.dims.push({
        key: "criterion_" + crit, param: "c." + crit, criterion: raw.criteria.labels[c],
        ids: raw.ratings.ids, labels: raw.ratings.labels, order: ratingOrder,
        values: cases.criteria.map(function (s) { return [Number(s[c])]; }),
      });
    });
    this.dim = {};
    this.dims.forEach(function (d) { self.dim[d.key] = d; });
    this.start = cases.start.map(function (s) { return s ? Number(s.slice(0, 4)) : NaN; });
    this.folded = cases.title.map(fold);
    var order = cases.id.map(function (_, i) { return i; });
    order.sort(function (a, b) {
      return collator.compare(cases.title[a], cases.title[b]) || (cases.id[a] < cases.id[b] ? -1 : 1);
    });
    this.rank = new Int32Array(this.n);
    order.forEach(function (i, r) { self.rank[i] = r; });
  }

  Data.prototype.setSummaries = function (list) {
    var title = this.raw.cases.title;
    this.summaries = list;
    this.folded = list.map(function (s, i) { return fold(title[i] + "\n" + s); });
  };

  /* One flat record, as generator/data/dataset.py writes it. */
  Data.prototype.record = function (i) {
    var raw = this.raw, c = raw.cases, rec = {};
    rec.id = c.id[i];
    rec.title = c.title[i];
    rec.summary = this.summaries ? this.summaries[i] : "";
    rec.text_language = raw.languages[c.text_language[i]];
    rec.original_language = raw.languages[c.original_language[i]];
    rec.url = raw.cases_url + c.id[i] + "/";
    rec.start = c.start[i];
    rec.end = c.end[i];
    rec.updated = c.updated[i];
    var keys = this.lists, single = keys.filter(function (f) { return !raw.facets[f].multi; });
    single.concat(keys.filter(function (f) { return raw.facets[f].multi; })).forEach(function (f) {
      var facet = raw.facets[f];
      if (facet.multi) {
        rec[facet.column] = c[f][i].map(function (v) { return facet.ids[v]; });
        rec[f + "_labels"] = c[f][i].map(function (v) { return facet.labels[v]; });
      } else {
        rec[facet.column] = facet.ids[c[f][i]];
        rec[f + "_label"] = facet.labels[c[f][i]];
      }
    });
    /* Where it happens beyond its countries: never counted among them. */
    rec.scope = c.scope[i];
    rec.discussed_in = c.discussed_in[i].slice();
    rec.discussed_in_labels = c.discussed_in[i].map(function (v) { return raw.country_names[v]; });
    raw.criteria.ids.forEach(function (crit, k) {
      rec["criterion_" + crit] = raw.ratings.ids[Number(c.criteria[i][k])];
    });
    return rec;
  };

  /* ---- the view's state, and the URL that holds it --------------------------- */

  /* all: the multi-valued facets whose ticks must all hold ("all of these"); undated: keep
   * the cases without a start year when a year range is set (the reader's choice). */
  function emptyState(data) {
    var sel = {};
    data.dims.forEach(function (d) { sel[d.key] = new Set(); });
    return { sel: sel, all: new Set(), q: "", from: null, to: null, undated: true,
             sort: "title", view: "cards", tab: "results", compare: [], shown: STEP };
  }

  function readURL(data) {
    var p = new URLSearchParams(location.search), s = emptyState(data);
    var all = (p.get("all") || "").split(",");
    data.dims.forEach(function (d) {
      (p.get(d.param) || "").split(",").forEach(function (id) {
        var v = d.ids.indexOf(id);
        if (id && v >= 0) s.sel[d.key].add(v);
      });
      if (d.multi && all.indexOf(d.param) >= 0) s.all.add(d.key);
    });
    s.q = p.get("q") || "";
    var from = parseInt(p.get("from"), 10), to = parseInt(p.get("to"), 10);
    s.from = isNaN(from) ? null : from;
    s.to = isNaN(to) ? null : to;
    s.undated = p.get("undated") !== "no";
    if (SORTS.indexOf(p.get("sort")) >= 0) s.sort = p.get("sort");
    if (VIEWS.indexOf(p.get("view")) >= 0) s.view = p.get("view");
    if (TABS.indexOf(p.get("tab")) >= 0 && data.dim.country) s.tab = p.get("tab");
    var countries = data.dim.country ? data.dim.country.ids : [];
    s.compare = (p.get("compare") || "").split(",").filter(function (id, k, all) {
      return countries.indexOf(id) >= 0 && all.indexOf(id) === k;
    }).slice(0, 4);
    return s;
  }

  function writeURL(data, s) {
    var p = new URLSearchParams(), all = [];
    data.dims.forEach(function (d) {
      var ids = Array.from(s.sel[d.key]).sort(function (a, b) { return a - b; })
        .map(function (v) { return d.ids[v]; });
      if (ids.length) p.set(d.param, ids.join(","));
      if (s.all.has(d.key)) all.push(d.param);
    });
    if (all.length) p.set("all", all.join(","));
    if (s.q) p.set("q", s.q);
    if (s.from !== null) p.set("from", s.from);
    if (s.to !== null) p.set("to", s.to);
    if (!s.undated) p.set("undated", "no");
    if (s.sort !== "title") p.set("sort", s.sort);
    if (s.view !== "cards") p.set("view", s.view);
    if (s.tab !== "results") p.set("tab", s.tab);
    if (s.compare.length) p.set("compare", s.compare.join(","));
    var query = p.toString().replace(/%2C/g, ",");
    return location.pathname + (query ? "?" + query : "");
  }

  /* ---- filtering and counting ------------------------------------------------ */

  /* Within a facet, values are alternatives (any of these) unless the reader asked for
   * all of them; across facets, all must hold. A value's count is the number of cases
   * that would match if it were added to its facet: for "any", cases that pass every
   * other facet and carry the value; for "all", matching cases that also carry it.
   * undated: the cases without a start year that pass every filter but the years. */
  function compute(data, s, skipKey) {
    var dims = data.dims, active = [], i, k, v;
    for (k = 0; k < dims.length; k++) {
      if (dims[k].key !== skipKey && s.sel[dims[k].key].size) active.push(dims[k]);
    }
    var every = active.map(function (d) { return s.all.has(d.key) ? Array.from(s.sel[d.key]) : null; });
    var counts = dims.map(function (d) { return new Int32Array(d.ids.length); });
    var pos = {};
    dims.forEach(function (d, n) { pos[d.key] = n; });
    var tokens = fold(stems ? stems.normalise(data.raw.language, s.q) : s.q).split(/\s+/).filter(Boolean);
    var ranged = s.from !== null || s.to !== null;
    var matched = [], undated = 0;
    for (i = 0; i < data.n; i++) {
      if (tokens.length) {
        var hay = data.folded[i], ok = true;
        for (k = 0; k < tokens.length && ok; k++) ok = hay.indexOf(tokens[k]) >= 0;
        if (!ok) continue;
      }
      var y = data.start[i], drop = false;
      if (ranged) {
        if (isNaN(y)) drop = !s.undated;
        else if ((s.from !== null && y < s.from) || (s.to !== null && y > s.to)) continue;
      }
      var failed = null, fails = 0;
      for (k = 0; k < active.length && fails < 2; k++) {
        var d = active[k], vals = d.values[i], hit = false, sel = s.sel[d.key], need = every[k];
        if (need) {
          hit = true;
          for (v = 0; v < need.length && hit; v++) hit = vals.indexOf(need[v]) >= 0;
        } else {
          for (v = 0; v < vals.length && !hit; v++) hit = sel.has(vals[v]);
        }
        if (!hit) { fails++; failed = need ? null : d; }
      }
      if (fails === 0 && isNaN(y)) undated++;
      if (drop) continue;
      if (fails === 0) {
        matched.push(i);
        for (k = 0; k < dims.length; k++) {
          var vs = dims[k].values[i], cs = counts[k];
          for (v = 0; v < vs.length; v++) cs[vs[v]]++;
        }
      } else if (fails === 1 && failed) {
        var fv = failed.values[i], fc = counts[pos[failed.key]];
        for (v = 0; v < fv.length; v++) fc[fv[v]]++;
      }
    }
    return { matched: matched, counts: counts, undated: undated };
  }

  function sortCases(data, list, how) {
    var c = data.raw.cases, rank = data.rank;
    var byTitle = function (a, b) { return rank[a] - rank[b]; };
    if (how === "start") {
      list.sort(function (a, b) {
        var ya = data.start[a], yb = data.start[b];
        if (isNaN(ya) !== isNaN(yb)) return isNaN(ya) ? 1 : -1;
        return (yb - ya) || (c.start[b] > c.start[a] ? 1 : c.start[b] < c.start[a] ? -1 : 0) || byTitle(a, b);
      });
    } else if (how === "updated") {
      list.sort(function (a, b) {
        return (c.updated[b] > c.updated[a] ? 1 : c.updated[b] < c.updated[a] ? -1 : 0) || byTitle(a, b);
      });
    } else {
      list.sort(byTitle);
    }
    return list;
  }

  /* ---- the page -------------------------------------------------------------- */

  function Explorer(root, data, ui) {
    this.root = root;
    this.data = data;
    this.ui = ui;
    this.plural = new Intl.PluralRules(data.raw.language);
    this.percent = new Intl.NumberFormat(data.raw.language, { style: "percent", maximumFractionDigits: 0 });
    this.s = readURL(data);
    this.path = location.pathname;
    this.title = document.title;
    this.typing = false;
    this.timing = 0;
    this.build();
    this.update();
    if (this.s.q) this.needSummaries();
  }

  Explorer.prototype.t = function (key) { return this.ui[key] || key; };

  Explorer.prototype.count = function (key, n) {
    var forms = this.ui[key];
    var text = forms[this.plural.select(n)] || forms.other;
    return text.replace("%(num)d", n.toLocaleString(this.data.raw.language));
  };

  Explorer.prototype.button = function (attrs, action) {
    attrs.type = "button";
    attrs.class = "md-button" + (attrs.class ? " " + attrs.class : "");
    var b = el("button", attrs);
    b.addEventListener("click", action);
    return b;
  };

  /* The skip link, the tabs (results, comparison), the phone's "Filters (n)" and the
   * count; then the filters beside (on a phone: below a closed button) the results. */
  Explorer.prototype.build = function () {
    var self = this, data = this.data, root = this.root;
    root.textContent = "";
    this.skip = el("a", { class: "sikb-explorer__skip", href: "#sikb-results", text: this.t("skip") });
    /* Focus moves too, not only the view; and the theme's instant navigation, which would
     * load the page again for this link, never sees the click. */
    this.skip.addEventListener("click", function (event) {
      var target = document.getElementById(self.skip.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      self.openFilters(false);
      target.focus();
      target.scrollIntoView({ block: "start" });
    });
    this.tabs = el("div", { class: "sikb-explorer__tabs sikb-explorer__controls", role: "group",
                            "aria-label": this.t("show") });
    TABS.forEach(function (k) {
      if (k === "compare" && !data.dim.country) return;
      self.tabs.append(self.button({ "data-tab": k, text: self.t("tab_" + k) }, function () {
        self.s.tab = k;
        self.changed(false);
      }));
    });
    this.toggle = this.button({ class: "sikb-explorer__toggle sikb-explorer__controls",
                                "aria-controls": "sikb-filters", "aria-expanded": "false" },
                              function () { self.openFilters(!self.root.classList.contains("sikb-explorer--open")); });
    this.summary = el("p", { class: "sikb-explorer__count", role: "status", "aria-live": "polite" });
    this.filtered = el("p", { class: "sikb-explorer__filtered" });
    var side = this.buildFilters();
    var main = el("div", { class: "sikb-explorer__main" }, [this.buildResults()]);
    if (data.dim.country) main.append(this.buildCompare());
    root.append(this.skip,
                el("div", { class: "sikb-explorer__top" }, [this.tabs, this.toggle, this.summary]),
                this.filtered,
                el("div", { class: "sikb-explorer__layout" }, [side, main]));
  };

  Explorer.prototype.openFilters = function (open) {
    this.root.classList.toggle("sikb-explorer--open", open);
    this.toggle.setAttribute("aria-expanded", String(open));
  };

  Explorer.prototype.buildFilters = function () {
    var self = this, data = this.data, s = this.s;
    this.boxes = {};
    this.modes = {};
    var side = el("div", { class: "sikb-explorer__filters sikb-explorer__controls", id: "sikb-filters",
                           role: "group", "aria-label": this.t("filters") });
    this.text = el("input", { type: "search", id: "sikb-q", name: "q", value: s.q, autocomplete: "off" });
    side.append(el("p", { class: "sikb-explorer__text" }, [
      el("label", { for: "sikb-q", text: this.t("text") }), this.text]));
    this.text.addEventListener("input", function () {
      self.s.q = self.text.value.trim();
      self.s.shown = STEP;
      self.needSummaries();
      self.changed(true);
    });
    data.dims.forEach(function (d) { side.append(self.buildFacet(d)); });
    side.append(this.buildPeriod());
    var clear = this.button({ text: this.t("clear") }, function () {
      var keep = { sort: self.s.sort, view: self.s.view, tab: self.s.tab };
      self.s = emptyState(data);
      Object.assign(self.s, keep);
      self.sync();
      self.changed(false);
    });
    var done = this.button({ class: "sikb-explorer__done md-button--primary", text: this.t("done") }, function () {
      self.openFilters(false);
      self.toggle.focus();
      self.toggle.scrollIntoView({ block: "start" });
    });
    side.append(el("p", {}, [clear, " ", done]));
    return side;
  };

  /* One facet: its values by name with their counts, and for a multi-valued one the
   * choice between cases with any of the ticked values and cases with all of them. */
  Explorer.prototype.buildFacet = function (d) {
    var self = this, s = this.s, boxes = [];
    var list = el("ul", { class: "sikb-facet__values" });
    d.order.forEach(function (v) {
      var id = d.ids[v];
      var box = el("input", { type: "checkbox", name: d.param, value: id, id: "sikb-" + d.param + "-" + v });
      box.checked = s.sel[d.key].has(v);
      box.addEventListener("change", function () {
        if (box.checked) self.s.sel[d.key].add(v); else self.s.sel[d.key].delete(v);
        self.s.shown = STEP;
        self.changed(false);
      });
      var count = el("span", { class: "sikb-facet__count" });
      var item = el("li", {}, [el("label", { for: box.id }, [box, " " + d.labels[v] + " ", count])]);
      boxes[v] = { box: box, count: count, item: item };
      list.append(item);
    });
    this.boxes[d.key] = boxes;
    var parts = [el("summary", { text: d.criterion || d.name })];
    if (d.multi) {
      var mode = el("fieldset", { class: "sikb-facet__mode" },
                    [el("legend", { class: "md-visually-hidden", text: d.name })]);
      this.modes[d.key] = ["any", "all"].map(function (k) {
        var r = el("input", { type: "radio", name: "mode-" + d.param, value: k,
                              id: "sikb-mode-" + d.param + "-" + k });
        r.checked = s.all.has(d.key) === (k === "all");
        r.addEventListener("change", function () {
          if (k === "all") self.s.all.add(d.key); else self.s.all.delete(d.key);
          self.s.shown = STEP;
          self.changed(false);
        });
        mode.append(el("label", { for: r.id }, [r, " " + self.t("mode_" + k)]));
        return r;
      });
      parts.push(mode);
    }
    parts.push(list);
    return el("details", { class: "sikb-facet", "data-facet": d.param,
                           open: d.open || s.sel[d.key].size > 0 }, parts);
  };

  /* The start years, and whether the cases without one are kept: said beside the years. */
  Explorer.prototype.buildPeriod = function () {
    var self = this, s = this.s;
    var period = el("fieldset", { class: "sikb-facet sikb-facet--period" },
                    [el("legend", { text: this.t("period") })]);
    this.from = el("input", { type: "number", id: "sikb-from", name: "from", inputmode: "numeric",
                              min: 1900, max: 2100, step: 1, value: s.from === null ? "" : s.from });
    this.to = el("input", { type: "number", id: "sikb-to", name: "to", inputmode: "numeric",
                            min: 1900, max: 2100, step: 1, value: s.to === null ? "" : s.to });
    [[this.from, "from"], [this.to, "to"]].forEach(function (pair) {
      period.append(el("label", { for: pair[0].id, text: self.t(pair[1]) + " " }), pair[0], " ");
      pair[0].addEventListener("change", function () {
        var y = parseInt(pair[0].value, 10);
        self.s[pair[1]] = isNaN(y) ? null : y;
        self.s.shown = STEP;
        self.changed(false);
      });
    });
    this.undated = el("input", { type: "checkbox", id: "sikb-undated", name: "undated" });
    this.undated.checked = s.undated;
    this.undated.addEventListener("change", function () {
      self.s.undated = self.undated.checked;
      self.changed(false);
    });
    this.undatedCount = el("span", { class: "sikb-facet__count" });
    period.append(el("p", { class: "sikb-facet__undated" }, [el("label", { for: "sikb-undated" }, [
      this.undated, " " + this.t("undated") + " ", this.undatedCount])]));
    return period;
  };

  Explorer.prototype.buildResults = function () {
    var self = this, s = this.s;
    this.sort = el("select", { id: "sikb-sort", name: "sort" });
    SORTS.forEach(function (k) {
      self.sort.append(el("option", { value: k, text: self.t("sort_" + k) }));
    });
    this.sort.value = s.sort;
    this.sort.addEventListener("change", function () { self.s.sort = self.sort.value; self.changed(false); });
    this.views = el("span", { class: "sikb-explorer__views", role: "group", "aria-label": this.t("view") });
    VIEWS.forEach(function (k) {
      self.views.append(self.button({ "data-view": k, text: self.t(k) }, function () {
        self.s.view = k;
        self.changed(false);
      }));
    });
    this.downloads = el("span", { class: "sikb-explorer__downloads" }, [
      this.button({ "data-download": "csv", text: this.t("csv") }, function () { self.download("csv"); }),
      " ",
      this.button({ "data-download": "json", text: this.t("json") }, function () { self.download("json"); })]);
    this.spreadsheetButton();
    this.results = el("div", { class: "sikb-explorer__results", id: "sikb-results", tabindex: "-1" });
    this.more = this.button({ "data-more": "", text: this.t("more") }, function () {
      self.s.shown += STEP;
      self.renderResults();
    });
    this.resultsPane = el("div", { class: "sikb-explorer__pane", "data-pane": "results" }, [
      el("div", { class: "sikb-explorer__bar sikb-explorer__controls" }, [
        el("span", {}, [el("label", { for: "sikb-sort", text: this.t("sort") + " " }), this.sort]),
        this.views, this.downloads]),
      this.results, el("p", { class: "sikb-explorer__controls" }, [this.more])]);
    return this.resultsPane;
  };

  /* The spreadsheet in the page's language (sikb-spreadsheet.js, when the site has it):
   * a button of its own beside the CSV and JSON, which keep their stable English keys. */
  Explorer.prototype.spreadsheetButton = function () {
    var self = this, api = window.sikbSpreadsheet;
    if (!api || typeof api.download !== "function" || this.downloads.querySelector("[data-download=spreadsheet]")) return;
    var ids = function () { return self.matched.map(function (i) { return self.data.raw.cases.id[i]; }); };
    this.downloads.append(" ", this.button({ "data-download": "spreadsheet", text: this.t("spreadsheet") },
                                           function () { api.download(ids()); }));
  };

  Explorer.prototype.buildCompare = function () {
    var self = this, d = this.data.dim.country;
    this.pick = [];
    var list = el("ul", { class: "sikb-facet__values" });
    d.order.forEach(function (v) {
      var id = d.ids[v];
      var box = el("input", { type: "checkbox", name: "compare", value: id, id: "sikb-compare-" + v });
      box.checked = self.s.compare.indexOf(id) >= 0;
      box.addEventListener("change", function () {
        var at = self.s.compare.indexOf(id);
        if (box.checked && at < 0) self.s.compare.push(id);
        if (!box.checked && at >= 0) self.s.compare.splice(at, 1);
        self.changed(false);
      });
      var count = el("span", { class: "sikb-facet__count" });
      var item = el("li", {}, [el("label", { for: box.id }, [box, " " + d.labels[v] + " ", count])]);
      self.pick[v] = { box: box, count: count, item: item };
      list.append(item);
    });
    this.within = el("p", { class: "sikb-compare__within" });
    this.without = this.button({ class: "sikb-explorer__controls", "data-without": "",
                                 text: this.t("compare_without") }, function () {
      var keep = self.s;
      self.s = emptyState(self.data);
      ["sort", "view", "tab", "compare"].forEach(function (k) { self.s[k] = keep[k]; });
      self.sync();
      self.changed(false);
    });
    this.compareOut = el("div", { class: "sikb-compare__out" });
    this.compareSave = this.button({ class: "sikb-explorer__controls", "data-download": "compare",
                                     text: this.t("compare_csv") }, function () { self.downloadCompare(); });
    this.comparePane = el("section", { class: "sikb-compare sikb-explorer__pane", "data-pane": "compare",
                                       id: "sikb-compare", tabindex: "-1",
                                       "aria-labelledby": "sikb-compare-title" }, [
      el("h2", { id: "sikb-compare-title", text: this.t("compare") }),
      el("p", { class: "sikb-explorer__controls", text: this.t("compare_help") }),
      el("fieldset", { class: "sikb-compare__pick sikb-explorer__controls" },
         [el("legend", { class: "md-visually-hidden", text: d.plural }), list]),
      el("div", { class: "sikb-compare__filters" }, [this.within, " ", this.without]),
      this.compareOut, el("p", {}, [this.compareSave])]);
    return this.comparePane;
  };

  /* Controls follow the state (after a back, a forward or "clear"). */
  Explorer.prototype.sync = function () {
    var self = this, s = this.s;
    this.data.dims.forEach(function (d) {
      self.boxes[d.key].forEach(function (b, v) { b.box.checked = s.sel[d.key].has(v); });
      (self.modes[d.key] || []).forEach(function (r) { r.checked = s.all.has(d.key) === (r.value === "all"); });
    });
    this.text.value = s.q;
    this.from.value = s.from === null ? "" : s.from;
    this.to.value = s.to === null ? "" : s.to;
    this.undated.checked = s.undated;
    this.sort.value = s.sort;
    (this.pick || []).forEach(function (p) { p.box.checked = s.compare.indexOf(p.box.value) >= 0; });
  };

  Explorer.prototype.changed = function (typing) {
    var url = writeURL(this.data, this.s);
    if (url !== location.pathname + location.search) {
      if (typing && this.typing) history.replaceState(history.state, "", url);
      else history.pushState(history.state, "", url);
    }
    this.typing = typing;
    this.update();
  };

  Explorer.prototype.restore = function () {
    this.s = readURL(this.data);
    this.typing = false;
    this.sync();
    if (this.s.q) this.needSummaries();
    this.update();
  };

  Explorer.prototype.update = function () {
    var t0 = performance.now(), self = this, data = this.data, s = this.s;
    var r = compute(data, s);
    this.matched = sortCases(data, r.matched, s.sort);
    this.counts = r.counts;
    data.dims.forEach(function (d, k) {
      var counts = r.counts[k];
      self.boxes[d.key].forEach(function (b, v) { self.show(b, counts[v]); });
    });
    this.undatedCount.textContent = "(" + r.undated + ")";
    this.summary.textContent = this.count("matches", this.matched.length);
    var pressed = function (group, key, value) {
      Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
        b.setAttribute("aria-pressed", String(b.dataset[key] === value));
        b.classList.toggle("md-button--primary", b.dataset[key] === value);
      });
    };
    pressed(this.views, "view", s.view);
    pressed(this.tabs, "tab", s.tab);
    this.resultsPane.hidden = s.tab !== "results";
    if (this.comparePane) this.comparePane.hidden = s.tab !== "compare";
    this.root.setAttribute("data-tab", s.tab);
    this.skip.setAttribute("href", s.tab === "compare" ? "#sikb-compare" : "#sikb-results");
    var active = this.active(null);
    this.toggle.textContent = this.t("filters") + " (" + active.n + ")";
    this.filtered.textContent = active.parts.length
      ? this.t("filtered").replace("%(filters)s", active.parts.join("; ")) : "";
    this.filtered.hidden = !active.parts.length;
    this.retitle(active.names);
    if (s.tab === "results") this.renderResults();
    this.renderCompare();
    this.renderMap();
    this.root.setAttribute("data-matches", String(this.matched.length));
    this.root.setAttribute("data-shows", writeURL(data, s));
    this.timing = performance.now() - t0;
  };

  /* The filters in force, but the facet ``skip``'s: ``parts`` in words ("Themes: Education"),
   * ``names`` the bare values (for the title), ``n`` how many (the phone's button). */
  Explorer.prototype.active = function (skip) {
    var self = this, s = this.s, parts = [], names = [], n = 0;
    this.data.dims.forEach(function (d) {
      if (d.key === skip || !s.sel[d.key].size) return;
      var labels = d.order.filter(function (v) { return s.sel[d.key].has(v); })
        .map(function (v) { return d.labels[v]; });
      n += labels.length;
      names = names.concat(labels);
      var mode = d.multi && labels.length > 1 ? " (" + self.t("mode_" + (s.all.has(d.key) ? "all" : "any")) + ")" : "";
      parts.push((d.criterion || d.name) + mode + ": " + labels.join(", "));
    });
    if (s.q) {
      n++;
      names.push("«" + s.q + "»");
      parts.push(this.t("text") + ": «" + s.q + "»");
    }
    if (s.from !== null || s.to !== null) {
      n++;
      var years = (s.from === null ? "…" : s.from) + "–" + (s.to === null ? "…" : s.to);
      names.push(years);
      parts.push(this.t("period") + ": " + years + " (" + this.t(s.undated ? "undated_kept" : "undated_dropped") + ")");
    }
    return { parts: parts, names: names, n: n };
  };

  /* The page's title names what is filtered: "Explorer: Ukraine, Education - SIKB". */
  Explorer.prototype.retitle = function (names) {
    var page = this.t("explorer");
    var shown = names.length > 5 ? names.slice(0, 5).concat("…") : names;
    var part = shown.length ? this.t("explorer_of").replace("%(filters)s", shown.join(", ")) : page;
    var title = this.title.indexOf(page) >= 0 ? this.title.replace(page, part) : part;
    if (document.title !== title && location.pathname === this.path) document.title = title;
  };

  /* Touch the page only where a count changed: a redraw costs more than the counting. */
  Explorer.prototype.show = function (b, n) {
    if (b.n !== n) {
      b.count.textContent = "(" + n + ")";
      if (b.item && (b.n === 0) !== (n === 0)) b.item.classList.toggle("sikb-facet__value--empty", n === 0);
      b.n = n;
    }
    var off = n === 0 && !b.box.checked;
    if (b.box.disabled !== off) b.box.disabled = off;
  };

  Explorer.prototype.caseLink = function (i) {
    var id = this.data.raw.cases.id[i];
    var href = this.data.raw.case_href.replace("{id}", encodeURIComponent(id));
    return el("a", { href: href, text: this.data.raw.cases.title[i] });
  };

  Explorer.prototype.labels = function (key, i) {
    var d = this.data.dim[key];
    if (!d) return "";
    return d.values[i].map(function (v) { return d.labels[v]; }).join(", ");
  };

  Explorer.prototype.years = function (i) {
    var c = this.data.raw.cases;
    if (!c.start[i]) return "";
    return c.start[i].slice(0, 4) + (c.end[i] ? "–" + c.end[i].slice(0, 4) : "–");
  };

  /* A wide table scrolls in a box of its own: the page never widens past the screen. */
  function scrolling(table, label) {
    return el("div", { class: "sikb-explorer__scroll", role: "region", tabindex: "0", "aria-label": label }, [table]);
  }

  Explorer.prototype.renderResults = function () {
    var self = this, list = this.matched.slice(0, this.s.shown), out;
    var lang = function (i) { return self.data.raw.languages[self.data.raw.cases.text_language[i]]; };
    if (!this.matched.length) {
      out = el("p", { class: "sikb-explorer__none", text: this.t("none") });
    } else if (this.s.view === "table") {
      var columns = this.data.dims.filter(function (d) { return d.table; });
      var head = [this.t("sort_title")].concat(columns.map(function (d) { return d.plural; }),
                                               [this.t("start"), this.t("updated")]);
      out = scrolling(el("table", { "data-view": "table" }, [
        el("thead", {}, [el("tr", {}, head.map(function (text) {
          return el("th", { scope: "col", text: text });
        }))]),
        el("tbody", {}, list.map(function (i) {
          var c = self.data.raw.cases;
          return el("tr", { "data-case": c.id[i] }, [el("td", { lang: lang(i) }, [self.caseLink(i)])]
            .concat(columns.map(function (d) { return el("td", { text: self.labels(d.key, i) }); }), [
              el("td", { text: c.start[i] ? c.start[i].slice(0, 4) : "" }),
              el("td", { text: c.updated[i] })]));
        }))]), this.t("table"));
    } else {
      out = el("ul", { class: "sikb-cards" }, list.map(function (i) {
        var c = self.data.raw.cases;
        var where = self.labels("country", i) || (c.scope[i] === "global" ? self.t("worldwide") : "");
        var meta = [where, self.years(i), self.labels("status", i)]
          .filter(Boolean).join(" · ");
        return el("li", { class: "sikb-card", "data-case": c.id[i] }, [
          el("h3", { lang: lang(i) }, [self.caseLink(i)]),
          el("p", { class: "sikb-card__meta", text: meta }),
          el("p", { class: "sikb-card__themes", text: self.labels("theme", i) }),
          self.data.summaries ? el("p", { lang: lang(i), text: self.data.summaries[i] }) : null]);
      }));
    }
    this.results.replaceChildren(out);
    this.more.hidden = this.matched.length <= this.s.shown;
  };

  /* The map above the explorer (generator/render/worldmap.py) follows the filters: each
   * country's shade, and its name and count in words, among the cases that match. Its
   * classes double: 1, 2-3, 4-7, ... up to the sixth, as worldmap.shade draws them. */
  Explorer.prototype.renderMap = function () {
    var map = document.querySelector(".sikb-map[data-forms]"), d = this.data.dim.country;
    if (!map || !d) return;
    var self = this, lang = this.data.raw.language, n = {};
    var forms = this.mapForms || (this.mapForms = JSON.parse(map.dataset.forms));
    this.matched.forEach(function (i) {
      d.values[i].forEach(function (v) { n[d.ids[v]] = (n[d.ids[v]] || 0) + 1; });
    });
    map.querySelectorAll("a[data-country]").forEach(function (a) {
      var count = n[a.dataset.country] || 0;
      if (a.dataset.count === String(count)) return;
      a.dataset.count = String(count);
      var num = count.toLocaleString(lang), name = a.dataset.name;
      var text = (forms[self.plural.select(count)] || forms.other)
        .replace(/%\(name\)s|%\(num\)d/g, function (m) { return m === "%(name)s" ? name : num; });
      a.setAttribute("aria-label", text);
      a.querySelector("title").textContent = text;
      a.querySelector("path").setAttribute("class", "sikb-map__c" + Math.min(32 - Math.clz32(count), 6));
    });
  };

  /* The chosen countries side by side, over the cases that pass every other filter:
   * ``cols`` the countries, ``rows`` each with a count per country and the country's
   * total it is a share of; a criterion's row holds a count per rating. */
  Explorer.prototype.comparison = function () {
    var data = this.data, s = this.s, country = data.dim.country;
    var base = compute(data, s, "country");
    var cols = s.compare.map(function (id) { return country.ids.indexOf(id); });
    var per = cols.map(function () { return []; });
    base.matched.forEach(function (i) {
      var cs = country.values[i];
      cols.forEach(function (v, k) { if (cs.indexOf(v) >= 0) per[k].push(i); });
    });
    var totals = per.map(function (l) { return l.length; });
    var tally = function (d) {
      return per.map(function (l) {
        var n = new Int32Array(d.ids.length);
        l.forEach(function (i) { d.values[i].forEach(function (v) { n[v]++; }); });
        return n;
      });
    };
    var rows = [{ kind: "total", label: this.t("cases"), counts: totals }];
    data.dims.filter(function (d) { return d.compare; }).forEach(function (d) {
      var counts = tally(d);
      rows.push({ kind: "group", label: d.plural });
      d.order.forEach(function (v) {
        if (counts.some(function (n) { return n[v] > 0; })) {
          rows.push({ kind: "value", group: d.plural, label: d.labels[v],
                      counts: counts.map(function (n) { return n[v]; }) });
        }
      });
    });
    rows.push({ kind: "group", label: this.t("criteria") });
    data.dims.filter(function (d) { return d.criterion; }).forEach(function (d) {
      rows.push({ kind: "criterion", label: d.criterion, ratings: tally(d) });
    });
    return { cols: cols, names: cols.map(function (v) { return country.labels[v]; }),
             totals: totals, rows: rows };
  };

  Explorer.prototype.share = function (n, total) {
    return total ? this.percent.format(n / total) : "–";
  };

  Explorer.prototype.renderCompare = function () {
    var self = this, data = this.data, s = this.s;
    if (!data.dim.country) return;
    var at = data.dims.indexOf(data.dim.country);
    /* A country's count among the other filters is its count in the country facet; one
     * without cases there stays pickable: the line below says which filters leave it out. */
    this.pick.forEach(function (p, v) {
      self.show(p, self.counts[at][v]);
      var off = !p.box.checked && s.compare.length >= 4;
      if (p.box.disabled !== off) p.box.disabled = off;
    });
    var others = this.active("country");
    this.within.textContent = others.parts.length
      ? this.t("compare_within").replace("%(filters)s", others.parts.join("; "))
      : this.t("compare_everything");
    this.without.hidden = !others.parts.length;
    this.compareSave.hidden = s.compare.length < 2;
    if (s.tab !== "compare" || s.compare.length < 2) {
      if (this.compareOut.firstChild) this.compareOut.replaceChildren();
      return;
    }
    var cmp = this.comparison(), ratings = data.raw.ratings;
    var cell = function (n, total) {
      return el("td", { "data-n": String(n) }, [n.toLocaleString(data.raw.language) + " ",
        el("span", { class: "sikb-compare__share", text: "(" + self.share(n, total) + ")" })]);
    };
    var body = cmp.rows.map(function (row) {
      var head = el("th", { scope: row.kind === "group" ? "rowgroup" : "row", text: row.label });
      if (row.kind === "group") {
        head.setAttribute("colspan", String(cmp.cols.length + 1));
        return el("tr", { class: "sikb-compare__group" }, [head]);
      }
      if (row.kind === "total") {
        return el("tr", { class: "sikb-compare__total" }, [head].concat(row.counts.map(function (n) {
          return el("td", { "data-n": String(n), text: n.toLocaleString(data.raw.language) });
        })));
      }
      if (row.kind === "value") {
        return el("tr", {}, [head].concat(row.counts.map(function (n, k) { return cell(n, cmp.totals[k]); })));
      }
      return el("tr", { class: "sikb-compare__criterion" }, [head].concat(row.ratings.map(function (n, k) {
        return el("td", {}, [self.bar(n, cmp.totals[k]), el("span", { class: "sikb-compare__figures",
          text: ratings.symbols.map(function (sym, r) { return sym + " " + n[r]; }).join(" · ") })]);
      })));
    });
    var table = el("table", { "data-compare": s.compare.join(",") }, [
      el("thead", {}, [el("tr", {}, [el("td")].concat(cmp.names.map(function (name) {
        return el("th", { scope: "col", text: name });
      })))]),
      el("tbody", {}, body)]);
    this.compareOut.replaceChildren(this.legend(), scrolling(table, this.t("compare")));
  };

  /* A criterion's ratings among a country's cases as one stacked bar, in the vocabulary's
   * order and colours (the rating chips' classes, as the country pages' charts use). */
  Explorer.prototype.bar = function (n, total) {
    var self = this, ratings = this.data.raw.ratings;
    var bar = el("span", { class: "sikb-compare__bar", "aria-hidden": "true" });
    ratings.ids.forEach(function (id, r) {
      if (!n[r]) return;
      var part = el("span", { class: "sikb-rating--" + id,
                              title: ratings.symbols[r] + " " + ratings.labels[r] + ": " + n[r] + " (" + self.share(n[r], total) + ")" });
      part.style.width = (100 * n[r] / total) + "%";
      bar.append(part);
    });
    return bar;
  };

  Explorer.prototype.legend = function () {
    var ratings = this.data.raw.ratings;
    return el("ul", { class: "sikb-compare__legend", "aria-label": this.t("legend") }, ratings.ids.map(function (id, r) {
      return el("li", {}, [el("span", { class: "sikb-rating sikb-rating--" + id, text: ratings.symbols[r] }),
                           " " + ratings.labels[r]]);
    }));
  };

  /* The comparison as the reader sees it, in the page's language: a row per line of the
   * table, a count and a share (per cent of the country's cases) per country. */
  Explorer.prototype.downloadCompare = function () {
    var self = this, cmp = this.comparison(), ratings = this.data.raw.ratings;
    var pct = function (n, total) { return total ? Math.round(1000 * n / total) / 10 : ""; };
    var head = [this.t("compare_group"), this.t("compare_value")];
    cmp.names.forEach(function (name) { head.push(name, name + ", %"); });
    var rows = [head];
    var line = function (group, label, counts) {
      var row = [group, label];
      counts.forEach(function (n, k) { row.push(n, group === self.t("cases") ? "" : pct(n, cmp.totals[k])); });
      rows.push(row);
    };
    cmp.rows.forEach(function (row) {
      if (row.kind === "total") line(row.label, "", row.counts);
      else if (row.kind === "value") line(row.group, row.label, row.counts);
      else if (row.kind === "criterion") {
        ratings.ids.forEach(function (_, r) {
          line(row.label, ratings.symbols[r] + " " + ratings.labels[r], row.ratings.map(function (n) { return n[r]; }));
        });
      }
    });
    var others = this.active("country").parts;
    rows.push([], [this.t("filters"), others.length ? others.join("; ") : this.t("compare_everything")]);
    save(csvText(rows), "text/csv;charset=utf-8",
         "sikb-comparison-" + this.s.compare.join("-") + "-" + this.data.raw.language + ".csv");
  };

  Explorer.prototype.needSummaries = function () {
    var self = this;
    if (this.data.summaries || this.loading) return this.loading || Promise.resolve();
    var got = fetch(new URL(this.root.dataset.summaries, location.href))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    this.loading = Promise.all([got, import(STEM)])
      .then(function (both) { stems = both[1]; self.data.setSummaries(both[0]); self.update(); })
      .catch(function () { self.loading = null; });
    return this.loading;
  };

  Explorer.prototype.download = function (kind) {
    var self = this;
    return this.needSummaries().then(function () {
      var data = self.data;
      var records = self.matched.map(function (i) { return data.record(i); });
      if (kind === "csv") {
        var cols = data.raw.columns;
        save(csvText([cols].concat(records.map(function (r) {
          return cols.map(function (k) { return r[k]; });
        }))), "text/csv;charset=utf-8", "sikb-cases-" + data.raw.language + ".csv");
      } else {
        save(JSON.stringify(records, null, 2) + "\n", "application/json",
             "sikb-cases-" + data.raw.language + ".json");
      }
    });
  };

  /* ---- start, and start again after each instant navigation -------------------- */

  function start() {
    var root = document.getElementById("sikb-explorer");
    if (!root || root.sikb) return;
    var ui = JSON.parse(root.dataset.ui);
    root.sikb = "loading";
    root.setAttribute("aria-busy", "true");
    root.replaceChildren(el("p", { text: ui.loading }));
    fetch(new URL(root.dataset.data, location.href))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (raw) {
        root.sikb = new Explorer(root, new Data(raw), ui);
        root.removeAttribute("aria-busy");
        window.sikbExplorer = root.sikb;
      });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
