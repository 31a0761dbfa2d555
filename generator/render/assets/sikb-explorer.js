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

  /* ---- the data ------------------------------------------------------------- */

  function Data(raw) {
    var cases = raw.cases;
    this.raw = raw;
    this.n = cases.id.length;
    this.summaries = null;
    this.dims = [];
    var self = this;
    this.lists = Object.keys(raw.facets);
    this.lists.forEach(function (key) {
      var f = raw.facets[key];
      var values = f.multi ? cases[key] : cases[key].map(function (v) { return [v]; });
      self.dims.push({ key: key, param: key, ids: f.ids, labels: f.labels, values: values,
                       open: f.open, compare: f.compare, table: f.table, name: f.name,
                       plural: f.plural });
    });
    raw.criteria.ids.forEach(function (crit, c) {
      self.dims.push({
        key: "criterion_" + crit, param: "c." + crit, criterion: raw.criteria.labels[c],
        ids: raw.ratings.ids, labels: raw.ratings.labels,
        values: cases.criteria.map(function (s) { return [Number(s[c])]; }),
      });
    });
    this.dim = {};
    this.dims.forEach(function (d) { self.dim[d.key] = d; });
    this.start = cases.start.map(function (s) { return s ? Number(s.slice(0, 4)) : NaN; });
    this.folded = cases.title.map(fold);
    var collator = new Intl.Collator(raw.language);
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

  function emptyState(data) {
    var sel = {};
    data.dims.forEach(function (d) { sel[d.key] = new Set(); });
    return { sel: sel, q: "", from: null, to: null, sort: "title", view: "cards",
             compare: [], shown: STEP };
  }

  function readURL(data) {
    var p = new URLSearchParams(location.search), s = emptyState(data);
    data.dims.forEach(function (d) {
      (p.get(d.param) || "").split(",").forEach(function (id) {
        var v = d.ids.indexOf(id);
        if (id && v >= 0) s.sel[d.key].add(v);
      });
    });
    s.q = p.get("q") || "";
    var from = parseInt(p.get("from"), 10), to = parseInt(p.get("to"), 10);
    s.from = isNaN(from) ? null : from;
    s.to = isNaN(to) ? null : to;
    if (SORTS.indexOf(p.get("sort")) >= 0) s.sort = p.get("sort");
    if (VIEWS.indexOf(p.get("view")) >= 0) s.view = p.get("view");
    var countries = data.dim.country ? data.dim.country.ids : [];
    s.compare = (p.get("compare") || "").split(",").filter(function (id, k, all) {
      return countries.indexOf(id) >= 0 && all.indexOf(id) === k;
    }).slice(0, 4);
    return s;
  }

  function writeURL(data, s) {
    var p = new URLSearchParams();
    data.dims.forEach(function (d) {
      var ids = Array.from(s.sel[d.key]).sort(function (a, b) { return a - b; })
        .map(function (v) { return d.ids[v]; });
      if (ids.length) p.set(d.param, ids.join(","));
    });
    if (s.q) p.set("q", s.q);
    if (s.from !== null) p.set("from", s.from);
    if (s.to !== null) p.set("to", s.to);
    if (s.sort !== "title") p.set("sort", s.sort);
    if (s.view !== "cards") p.set("view", s.view);
    if (s.compare.length) p.set("compare", s.compare.join(","));
    var query = p.toString().replace(/%2C/g, ",");
    return location.pathname + (query ? "?" + query : "");
  }

  /* ---- filtering and counting ------------------------------------------------ */

  /* Within a facet, values are alternatives (or); across facets, all must hold (and).
   * A value's count is the number of cases that would match if it alone were added
   * to its facet: cases that pass every other facet and carry the value. */
  function compute(data, s, skipKey) {
    var dims = data.dims, active = [], i, k, v;
    for (k = 0; k < dims.length; k++) {
      if (dims[k].key !== skipKey && s.sel[dims[k].key].size) active.push(dims[k]);
    }
    var counts = dims.map(function (d) { return new Int32Array(d.ids.length); });
    var pos = {};
    dims.forEach(function (d, n) { pos[d.key] = n; });
    var tokens = fold(s.q).split(/\s+/).filter(Boolean);
    var matched = [];
    for (i = 0; i < data.n; i++) {
      if (tokens.length) {
        var hay = data.folded[i], ok = true;
        for (k = 0; k < tokens.length && ok; k++) ok = hay.indexOf(tokens[k]) >= 0;
        if (!ok) continue;
      }
      if (s.from !== null || s.to !== null) {
        var y = data.start[i];
        if (isNaN(y) || (s.from !== null && y < s.from) || (s.to !== null && y > s.to)) continue;
      }
      var failed = null, fails = 0;
      for (k = 0; k < active.length && fails < 2; k++) {
        var d = active[k], vals = d.values[i], hit = false, sel = s.sel[d.key];
        for (v = 0; v < vals.length && !hit; v++) hit = sel.has(vals[v]);
        if (!hit) { fails++; failed = d; }
      }
      if (fails === 0) {
        matched.push(i);
        for (k = 0; k < dims.length; k++) {
          var vs = dims[k].values[i], cs = counts[k];
          for (v = 0; v < vs.length; v++) cs[vs[v]]++;
        }
      } else if (fails === 1) {
        var fv = failed.values[i], fc = counts[pos[failed.key]];
        for (v = 0; v < fv.length; v++) fc[fv[v]]++;
      }
    }
    return { matched: matched, counts: counts };
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
    this.s = readURL(data);
    this.path = location.pathname;
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

  Explorer.prototype.build = function () {
    var self = this, data = this.data, s = this.s, root = this.root;
    root.textContent = "";
    this.boxes = {};
    var side = el("div", { class: "sikb-explorer__filters", role: "group", "aria-label": this.t("filters") });
    this.text = el("input", { type: "search", id: "sikb-q", name: "q", value: s.q,
                              autocomplete: "off" });
    side.append(el("p", { class: "sikb-explorer__text" }, [
      el("label", { for: "sikb-q", text: this.t("text") }), this.text]));
    this.text.addEventListener("input", function () {
      self.s.q = self.text.value.trim();
      self.s.shown = STEP;
      self.needSummaries();
      self.changed(true);
    });
    data.dims.forEach(function (d) {
      var name = d.criterion || d.name;
      var boxes = [];
      var list = el("ul", { class: "sikb-facet__values" });
      d.ids.forEach(function (id, v) {
        var box = el("input", { type: "checkbox", name: d.param, value: id,
                                id: "sikb-" + d.param + "-" + v });
        box.checked = s.sel[d.key].has(v);
        box.addEventListener("change", function () {
          if (box.checked) self.s.sel[d.key].add(v); else self.s.sel[d.key].delete(v);
          self.s.shown = STEP;
          self.changed(false);
        });
        var count = el("span", { class: "sikb-facet__count" });
        boxes.push({ box: box, count: count, item: null });
        var item = el("li", {}, [el("label", { for: box.id }, [box, " " + d.labels[v] + " ", count])]);
        boxes[v].item = item;
        list.append(item);
      });
      self.boxes[d.key] = boxes;
      var details = el("details", { class: "sikb-facet", "data-facet": d.param,
                                    open: d.open || s.sel[d.key].size > 0 },
                       [el("summary", { text: name }), list]);
      side.append(details);
    });
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
    side.append(period);
    var clear = el("button", { type: "button", class: "md-button", text: this.t("clear") });
    clear.addEventListener("click", function () {
      var keep = { sort: self.s.sort, view: self.s.view };
      self.s = emptyState(data);
      self.s.sort = keep.sort;
      self.s.view = keep.view;
      self.sync();
      self.changed(false);
    });
    side.append(el("p", {}, [clear]));

    var main = el("div", { class: "sikb-explorer__main" });
    this.summary = el("p", { class: "sikb-explorer__count", role: "status", "aria-live": "polite" });
    this.sort = el("select", { id: "sikb-sort", name: "sort" });
    SORTS.forEach(function (k) {
      self.sort.append(el("option", { value: k, text: self.t("sort_" + k) }));
    });
    this.sort.value = s.sort;
    this.sort.addEventListener("change", function () { self.s.sort = self.sort.value; self.changed(false); });
    this.views = el("span", { class: "sikb-explorer__views", role: "group", "aria-label": this.t("view") });
    VIEWS.forEach(function (k) {
      var b = el("button", { type: "button", class: "md-button", "data-view": k, text: self.t(k) });
      b.addEventListener("click", function () { self.s.view = k; self.changed(false); });
      self.views.append(b);
    });
    var csv = el("button", { type: "button", class: "md-button", "data-download": "csv", text: this.t("csv") });
    var json = el("button", { type: "button", class: "md-button", "data-download": "json", text: this.t("json") });
    csv.addEventListener("click", function () { self.download("csv"); });
    json.addEventListener("click", function () { self.download("json"); });
    main.append(el("div", { class: "sikb-explorer__bar" }, [
      this.summary,
      el("span", {}, [el("label", { for: "sikb-sort", text: this.t("sort") + " " }), this.sort]),
      this.views, el("span", {}, [csv, " ", json])]));
    this.results = el("div", { class: "sikb-explorer__results" });
    this.more = el("button", { type: "button", class: "md-button", "data-more": "", text: this.t("more") });
    this.more.addEventListener("click", function () { self.s.shown += STEP; self.renderResults(); });
    main.append(this.results, el("p", {}, [this.more]));
    if (data.dim.country) main.append(this.buildCompare());
    root.append(el("div", { class: "sikb-explorer__layout" }, [side, main]));
  };

  Explorer.prototype.buildCompare = function () {
    var self = this, d = this.data.dim.country;
    this.pick = [];
    var list = el("ul", { class: "sikb-facet__values" });
    d.ids.forEach(function (id, v) {
      var box = el("input", { type: "checkbox", name: "compare", value: id, id: "sikb-compare-" + v });
      box.checked = self.s.compare.indexOf(id) >= 0;
      box.addEventListener("change", function () {
        var at = self.s.compare.indexOf(id);
        if (box.checked && at < 0) self.s.compare.push(id);
        if (!box.checked && at >= 0) self.s.compare.splice(at, 1);
        self.changed(false);
      });
      var count = el("span", { class: "sikb-facet__count" });
      self.pick.push({ box: box, count: count });
      list.append(el("li", {}, [el("label", { for: box.id }, [box, " " + d.labels[v] + " ", count])]));
    });
    this.compareOut = el("div", { class: "sikb-compare__out" });
    return el("section", { class: "sikb-compare", "aria-labelledby": "sikb-compare-title" }, [
      el("h2", { id: "sikb-compare-title", text: this.t("compare") }),
      el("p", { text: this.t("compare_help") }),
      el("fieldset", {}, [el("legend", { class: "md-visually-hidden", text: d.plural }), list]),
      this.compareOut]);
  };

  /* Controls follow the state (after a back, a forward or "clear"). */
  Explorer.prototype.sync = function () {
    var self = this, s = this.s;
    this.data.dims.forEach(function (d) {
      self.boxes[d.key].forEach(function (b, v) { b.box.checked = s.sel[d.key].has(v); });
    });
    this.text.value = s.q;
    this.from.value = s.from === null ? "" : s.from;
    this.to.value = s.to === null ? "" : s.to;
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
    var t0 = performance.now(), self = this, data = this.data;
    var r = compute(data, this.s);
    this.matched = sortCases(data, r.matched, this.s.sort);
    this.counts = r.counts;
    data.dims.forEach(function (d, k) {
      var counts = r.counts[k];
      self.boxes[d.key].forEach(function (b, v) { self.show(b, counts[v]); });
    });
    this.summary.textContent = this.count("matches", this.matched.length);
    Array.prototype.forEach.call(this.views.children, function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.view === self.s.view));
      b.classList.toggle("md-button--primary", b.dataset.view === self.s.view);
    });
    this.renderResults();
    this.renderCompare();
    this.renderMap();
    this.root.setAttribute("data-matches", String(this.matched.length));
    this.root.setAttribute("data-shows", writeURL(data, this.s));
    this.timing = performance.now() - t0;
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

  Explorer.prototype.renderResults = function () {
    var self = this, list = this.matched.slice(0, this.s.shown), out;
    var lang = function (i) { return self.data.raw.languages[self.data.raw.cases.text_language[i]]; };
    if (!this.matched.length) {
      out = el("p", { class: "sikb-explorer__none", text: this.t("none") });
    } else if (this.s.view === "table") {
      var columns = this.data.dims.filter(function (d) { return d.table; });
      var head = [this.t("sort_title")].concat(columns.map(function (d) { return d.plural; }),
                                               [this.t("start"), this.t("updated")]);
      out = el("table", { "data-view": "table" }, [
        el("thead", {}, [el("tr", {}, head.map(function (text) {
          return el("th", { scope: "col", text: text });
        }))]),
        el("tbody", {}, list.map(function (i) {
          var c = self.data.raw.cases;
          return el("tr", { "data-case": c.id[i] }, [el("td", { lang: lang(i) }, [self.caseLink(i)])]
            .concat(columns.map(function (d) { return el("td", { text: self.labels(d.key, i) }); }), [
              el("td", { text: c.start[i] ? c.start[i].slice(0, 4) : "" }),
              el("td", { text: c.updated[i] })]));
        }))]);
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

  /* The chosen countries side by side, over the cases that pass every other filter. */
  Explorer.prototype.renderCompare = function () {
    var self = this, data = this.data, s = this.s;
    if (!data.dim.country) return;
    var ci = data.dim.country.ids, at = data.dims.indexOf(data.dim.country);
    /* A country's count among the other filters is its count in the country facet. */
    this.pick.forEach(function (p, v) {
      var n = self.counts[at][v];
      if (p.n !== n) { p.count.textContent = "(" + n + ")"; p.n = n; }
      var off = !p.box.checked && s.compare.length >= 4;
      if (p.box.disabled !== off) p.box.disabled = off;
    });
    if (s.compare.length < 2) {
      if (this.compareOut.firstChild) this.compareOut.replaceChildren();
      return;
    }
    var base = compute(data, s, "country");
    var cols = s.compare.map(function (id) { return ci.indexOf(id); });
    var per = cols.map(function () { return []; });
    base.matched.forEach(function (i) {
      var cs = data.dim.country.values[i];
      cols.forEach(function (v, k) { if (cs.indexOf(v) >= 0) per[k].push(i); });
    });
    var rows = [];
    var row = function (label, cells, cls) {
      rows.push(el("tr", { class: cls || null }, [el("th", { scope: "row", text: label })]
        .concat(cells.map(function (x) { return el("td", { text: String(x) }); }))));
    };
    var group = function (label) {
      rows.push(el("tr", { class: "sikb-compare__group" },
                   [el("th", { scope: "rowgroup", colspan: cols.length + 1, text: label })]));
    };
    row(this.t("cases"), per.map(function (l) { return l.length; }), "sikb-compare__total");
    data.dims.filter(function (d) { return d.compare; }).forEach(function (d) {
      var counts = per.map(function (l) {
        var n = new Int32Array(d.ids.length);
        l.forEach(function (i) { d.values[i].forEach(function (v) { n[v]++; }); });
        return n;
      });
      group(d.plural);
      d.ids.forEach(function (_, v) {
        if (counts.some(function (n) { return n[v] > 0; })) {
          row(d.labels[v], counts.map(function (n) { return n[v]; }));
        }
      });
    });
    group(this.t("criteria"));
    var sym = data.raw.ratings.symbols;
    data.raw.criteria.ids.forEach(function (_, k) {
      var d = data.dims[data.lists.length + k];
      row(d.criterion, per.map(function (l) {
        var n = sym.map(function () { return 0; });
        l.forEach(function (i) { n[d.values[i][0]]++; });
        return n.map(function (x, r) { return sym[r] + " " + x; }).join(" · ");
      }));
    });
    this.compareOut.replaceChildren(el("table", { "data-compare": s.compare.join(",") }, [
      el("thead", {}, [el("tr", {}, [el("td")].concat(cols.map(function (v) {
        return el("th", { scope: "col", text: data.dim.country.labels[v] });
      })))]),
      el("tbody", {}, rows)]));
  };

  Explorer.prototype.needSummaries = function () {
    var self = this;
    if (this.data.summaries || this.loading) return this.loading || Promise.resolve();
    this.loading = fetch(new URL(this.root.dataset.summaries, location.href))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (list) { self.data.setSummaries(list); self.update(); })
      .catch(function () { self.loading = null; });
    return this.loading;
  };

  Explorer.prototype.download = function (kind) {
    var self = this;
    return this.needSummaries().then(function () {
      var data = self.data, text, type;
      var records = self.matched.map(function (i) { return data.record(i); });
      if (kind === "csv") {
        var cols = data.raw.columns;
        text = "\ufeff" + [cols].concat(records.map(function (r) {
          return cols.map(function (k) { return r[k]; });
        })).map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
        type = "text/csv;charset=utf-8";
      } else {
        text = JSON.stringify(records, null, 2) + "\n";
        type = "application/json";
      }
      var url = URL.createObjectURL(new Blob([text], { type: type }));
      var a = el("a", { href: url, download: "sikb-cases-" + data.raw.language + "." + kind });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
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
