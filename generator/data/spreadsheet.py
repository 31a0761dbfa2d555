"""The spreadsheet of one language: every case as a reader of that language reads it.

``cases.csv`` is for programs (English keys, ids, stable); this file is for a reader who
opens it in Excel or LibreOffice: headers and values in the page's language (names,
ratings and statuses as labels, dates as the language writes them), each criterion's
note, the sources with their URLs and the case page's URL on the site's host.

It is CSV with a byte-order mark (Excel reads UTF-8 only with one), separated as the
language's spreadsheets expect: where a comma is the decimal sign (ru, uk), Excel splits
a CSV on ";", so a comma-separated file would open as one column. Every cell is written
by ``dataset.csv_field``: a value from a case that starts like a formula is shown as text.

The explorer's download saves the same rows for the cases it shows: ``rows_json`` is
the file's header and each case's cells by id (``paths.EXPLORER_SPREADSHEET``), which
``sikb-spreadsheet.js`` fetches only when asked, so the explorer's first load stays small.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from babel.numbers import get_decimal_symbol

from generator.data.dataset import Dataset, csv_field
from generator.i18n import names
from generator.i18n.catalogs import N_, translations
from generator.model.collection import Case
from generator.model.meta import Source
from generator.paths import spreadsheet_path

TITLE = N_("Title")
SUMMARY = N_("Summary")
DISCUSSED = N_("Discussed in")
WORLDWIDE = N_("Worldwide")
START = N_("Start")
END = N_("End")
UPDATED = N_("Last updated")
TEXT_LANGUAGE = N_("Language of this text")
ORIGINAL = N_("Original language")
NOTE = N_("%(criterion)s: note")
"""The header of a criterion's note, beside the column of its rating."""
SOURCES = N_("Sources")
PAGE = N_("Page on the site")
ID = N_("Identifier")
LIST = "; "
"""Between a cell's names (as in ``cases.csv``); sources are one a line."""


def spreadsheet_name(lang: str) -> str:
    """The file's name in ``data/``, which the explorer's download keeps too."""
    return spreadsheet_path(lang).rsplit("/", 1)[1]


def delimiter(lang: str) -> str:
    """``;`` where the language writes a decimal comma (as its Excel splits), else ``,``."""
    return ";" if get_decimal_symbol(lang) == "," else ","


@dataclass(frozen=True)
class Spreadsheet:
    """One language's spreadsheet, made from its ``Dataset``."""

    data: Dataset

    @cached_property
    def _(self) -> Callable[[str], str]:
        return translations(self.data.lang).ugettext

    @property
    def name(self) -> str:
        """``sikb-cases-uk.csv``."""
        return spreadsheet_name(self.data.lang)

    def header(self) -> list[str]:
        _, data = self._, self.data
        head = [_(TITLE), _(SUMMARY)]
        head += [data.labels.text(f.plural if f.multi else f.label) for f in data.vocab.facets]
        head += [_(DISCUSSED), _(START), _(END), _(UPDATED), _(TEXT_LANGUAGE), _(ORIGINAL)]
        for crit in data.collection.taxonomy.criteria:
            label = data.label("criteria", crit)
            head += [label, _(NOTE) % {"criterion": label}]
        return [*head, _(SOURCES), _(PAGE), _(ID)]

    def row(self, case: Case) -> list[str]:
        """A case's cells, in the header's order, as plain text (not yet CSV)."""
        data, _, lang = self.data, self._, self.data.lang
        rec, text, m = data.record(case), data.texts[case.id], case.meta
        cells = [rec["title"], rec["summary"]]
        for f in data.vocab.facets:
            labels = rec[f.label_column]
            cell = LIST.join(labels) if f.multi else labels
            if f.kind == "countries" and not labels and m.scope == "global":
                cell = _(WORLDWIDE)
            cells.append(cell)
        cells.append(LIST.join(rec["discussed_in_labels"]))
        cells += [names.format_partial(rec[k], lang) if rec[k] else "" for k in ("start", "end")]
        cells.append(names.format_partial(rec["updated"], lang))
        cells += [self._language(rec[k]) for k in ("text_language", "original_language")]
        for crit in data.collection.taxonomy.criteria:
            cells += [data.label("ratings", rec[f"criterion_{crit}"]), text.notes.get(crit, "")]
        cells.append("\n".join(self._source(s) for s in m.sources))
        return [*cells, rec["url"], case.id]

    def _language(self, code: str) -> str:
        return names.capitalised(names.language_name(code, self.data.lang))

    def _source(self, source: Source) -> str:
        """``Title. Author. Publisher, date. URL``: one source on one line."""
        name = source.title or f"[{source.description}]"
        who = [p for p in (source.author, source.publisher) if p]
        when = names.format_partial(source.date, self.data.lang) if source.date else ""
        parts = [name, ", ".join([*who, when] if when else who), source.url or ""]
        return ". ".join(p.rstrip(".") for p in parts if p)

    def rows(self) -> list[list[str]]:
        return [self.row(c) for c in self.data.ordered()]

    def csv_text(self) -> str:
        """The file: a byte-order mark, then the header and a row per case, by title."""
        sep = delimiter(self.data.lang)
        lines = [self.header(), *self.rows()]
        return "\ufeff" + "".join(sep.join(map(csv_field, r)) + "\r\n" for r in lines)

    def rows_json(self) -> str:
        """What the explorer's download needs to write the same file for some cases."""
        out = {
            "version": 1,
            "file": self.name,
            "delimiter": delimiter(self.data.lang),
            "header": self.header(),
            "rows": {c.id: self.row(c) for c in self.data.ordered()},
        }
        return json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n"
