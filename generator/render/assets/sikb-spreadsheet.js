/* SIKB spreadsheet download: the language's spreadsheet (data/sikb-cases-<lang>.csv,
 * written by generator/data/spreadsheet.py) for some cases only, in the same columns.
 *
 *   window.sikbSpreadsheet.download(ids) -> Promise of the number of rows saved
 *
 * ids: case ids in the order wanted (the explorer's filtered, sorted results); ids the
 * file does not hold are skipped; none given means every case. The rows come from
 * explorer/spreadsheet.json (generator/paths.py EXPLORER_SPREADSHEET), fetched on the
 * first download only, relative to this script (<lang>/assets/), so that the explorer's
 * first load does not grow. */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = script && script.src ? script.src : document.baseURI;
  var rowsUrl = new URL("../explorer/spreadsheet.json", base).href;
  var loading = null;

  /* One CSV field, exactly as generator/data/dataset.py's csv_field writes it: a value a
   * spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a
   * single quote in front and is quoted (OWASP); any other value is quoted when it holds
   * a comma, semicolon, tab, quote or line break. */
  function field(value) {
    var s = String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    else if (!/[,;"\t\r\n]/.test(s)) return s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function load() {
    if (!loading) {
      loading = fetch(rowsUrl).then(function (response) {
        if (!response.ok) throw new Error(rowsUrl + ": " + response.status);
        return response.json();
      });
      loading.catch(function () {
        loading = null; // a failed fetch is tried again on the next click
      });
    }
    return loading;
  }

  /* The file's text for ``ids``: a byte-order mark, the header, one row per case. */
  function text(sheet, ids) {
    var wanted = ids ? Array.from(new Set(ids)) : Object.keys(sheet.rows);
    var rows = wanted.filter(function (id) {
      return Object.prototype.hasOwnProperty.call(sheet.rows, id);
    });
    var lines = [sheet.header].concat(rows.map(function (id) { return sheet.rows[id]; }));
    var body = lines.map(function (cells) {
      return cells.map(field).join(sheet.delimiter) + "\r\n";
    });
    return { text: "\ufeff" + body.join(""), count: rows.length };
  }

  function save(name, content) {
    var url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  window.sikbSpreadsheet = {
    download: function (ids) {
      return load().then(function (sheet) {
        var made = text(sheet, ids);
        save(sheet.file, made.text);
        return made.count;
      });
    },
  };
})();
