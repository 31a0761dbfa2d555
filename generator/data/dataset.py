"""The collection as data, per site language: the downloads and the explorer's data.

- ``data/cases.csv`` and ``data/cases.json``: every case, one flat record each, ids and
  labels side by side, text in the page's language. They are the explorer's
  no-JavaScript fallback, and what its "download" buttons give, filtered.
- ``explorer/data.json``: the same records in a compact, column-wise form (numbers in
  place of repeated ids) that the explorer loads first; ``explorer/summaries.json``
  holds the summaries, which the explorer loads only when they are needed (free
  text, downloads), so its first load stays small at 10,000 cases.

The explorer's script rebuilds the flat records from the compact form; a browser test
checks that its CSV is exactly this module's rows for the same cases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from babel import Locale

from generator.i18n import collation
from generator.i18n.labels import Labels
from generator.model import views
from generator.model.collection import Case, Collection
from generator.model.views import CaseText
from generator.model.vocabulary import Facet, Vocabularies
from generator.paths import EXPLORER_PATH, case_href_pattern


def columns(criteria: Sequence[str], facets: Sequence[Facet]) -> list[str]:
    """The CSV header: ids beside labels (the taxonomy's facets, those with one id a case
    first), then one column per criterion's rating."""
    head = ["id", "title", "summary", "text_language", "original_language", "url"]
    head += ["start", "end", "updated"]
    for f in sorted(facets, key=lambda f: f.multi):  # the single ones first
        head += [f.column, f.label_column]
    head += list(REACH)
    return head + [f"criterion_{c}" for c in criteria]


REACH = ("scope", "discussed_in", "discussed_in_labels")
"""Where a case happens beyond its countries: ``global`` or empty, and the countries whose
sources discuss it where it does not happen (never counted as its countries)."""


@dataclass(frozen=True)
class Dataset:
    """One language's view of the collection, as records and as the explorer's columns."""

    collection: Collection
    texts: dict[str, CaseText]
    labels: Labels
    """Labels in the page's language."""
    lang: str
    cases_url: str
    """Absolute URL of this language's case pages; a case's URL is this + id + ``/``."""

    @cached_property
    def vocab(self) -> Vocabularies:
        return Vocabularies.from_taxonomy(self.collection.taxonomy)

    def label(self, kind: str, term_id: str) -> str:
        return self.labels.label(kind, term_id)

    @cached_property
    def collate(self) -> Callable[[str], collation.Key]:
        """A name's sort key in the page's language."""
        return collation.sort_key(self.lang)

    @cached_property
    def _ordered(self) -> list[Case]:
        cases = self.collection.cases.values()
        return sorted(cases, key=lambda c: (self.collate(self.texts[c.id].title), c.id))

    def ordered(self) -> list[Case]:
        """The cases by title in the page's language: sorted once, read by every file."""
        return self._ordered

    def values(self, case: Case) -> dict[str, list[str]]:
        """Every facet's ids for a case, each id once, in the case's own order."""
        return {f.key: f.ids(self.collection.taxonomy, case.meta) for f in self.vocab.facets}

    def rating(self, case: Case, criterion: str) -> str:
        return views.rating(case, criterion, self.vocab)

    @cached_property
    def _made(self) -> dict[str, dict[str, Any]]:
        return {}

    def record(self, case: Case) -> dict[str, Any]:
        """A case's record, made once: its page's JSON and the data files share it."""
        made = self._made.get(case.id)
        if made is None:
            made = self._made[case.id] = self._record(case)
        return made

    def _record(self, case: Case) -> dict[str, Any]:
        t, m = self.texts[case.id], case.meta
        v = self.values(case)
        rec: dict[str, Any] = {
            "id": case.id,
            "title": t.title,
            "summary": t.summary,
            "text_language": t.shown,
            "original_language": m.language,
            "url": f"{self.cases_url}{case.id}/",
            "start": m.period.start if m.period else "",
            "end": m.period.end or "" if m.period else "",
            "updated": m.updated,
        }
        for f in sorted(self.vocab.facets, key=lambda f: f.multi):  # as ``columns``
            labels = [self.label(f.kind, i) for i in v[f.key]]
            rec[f.column] = v[f.key] if f.multi else v[f.key][0]
            rec[f.label_column] = labels if f.multi else labels[0]
        rec["scope"] = m.scope or ""
        rec["discussed_in"] = list(m.discussed_in)
        rec["discussed_in_labels"] = [self.label("countries", c) for c in m.discussed_in]
        for crit in self.collection.taxonomy.criteria:
            rec[f"criterion_{crit}"] = self.rating(case, crit)
        return rec

    @cached_property
    def _records(self) -> list[dict[str, Any]]:
        return [self.record(c) for c in self.ordered()]

    def records(self) -> list[dict[str, Any]]:
        """Every case's record, by title: built once, read by the CSV, JSON and explorer."""
        return self._records

    def csv_text(self) -> str:
        """RFC 4180 with a byte-order mark, so spreadsheet programs read the Cyrillic;
        every field as ``csv_field`` writes it (the explorer's script writes the same)."""
        head = columns(list(self.collection.taxonomy.criteria), self.vocab.facets)
        rows = [head, *([rec[k] for k in head] for rec in self.records())]
        return "\ufeff" + "".join(",".join(map(csv_field, row)) + "\r\n" for row in rows)

    def json_text(self) -> str:
        return json.dumps(self.records(), ensure_ascii=False, indent=2) + "\n"

    # the explorer's compact form ----------------------------------------------
    def explorer(self) -> tuple[str, str]:
        """``(data.json, summaries.json)``: facets as numbers into per-facet id lists."""
        tax, vocab = self.collection.taxonomy, self.vocab
        records = self.records()
        single = [f for f in vocab.facets if not f.multi]
        multi = [f for f in vocab.facets if f.multi]
        per_case = [
            {f.key: r[f.column] if f.multi else [r[f.column]] for f in vocab.facets}
            for r in records
        ]
        facets: dict[str, dict[str, Any]] = {}
        index: dict[str, dict[str, int]] = {}
        for f in vocab.facets:
            used = dict.fromkeys(i for v in per_case for i in v[f.key])
            ids = sorted(used, key=lambda i, k=f.kind: (self.collate(self.label(k, i)), i))  # type: ignore[misc]
            facets[f.key] = {"ids": ids, "labels": [self.label(f.kind, i) for i in ids]}
            facets[f.key].update(column=f.column, multi=f.multi, open=f.open, compare=f.compare)
            facets[f.key].update(table=f.table, **self._facet_names(f))
            index[f.key] = {i: n for n, i in enumerate(ids)}
        ratings = {r: n for n, r in enumerate(vocab.ratings)}
        languages = sorted({r[k] for r in records for k in ("text_language", "original_language")})
        lang_index = {code: n for n, code in enumerate(languages)}
        cols: dict[str, list[Any]] = {
            "id": [r["id"] for r in records],
            "title": [r["title"] for r in records],
            "text_language": [lang_index[r["text_language"]] for r in records],
            "original_language": [lang_index[r["original_language"]] for r in records],
            "start": [r["start"] for r in records],
            "end": [r["end"] for r in records],
            "updated": [r["updated"] for r in records],
            **{f.key: [index[f.key][r[f.column]] for r in records] for f in single},
            "criteria": [  # one digit per criterion: up to ten ratings
                "".join(str(ratings[r[f"criterion_{c}"]]) for c in tax.criteria) for r in records
            ],
            **{f.key: [[index[f.key][i] for i in v[f.key]] for v in per_case] for f in multi},
            "scope": [r["scope"] for r in records],
            "discussed_in": [r["discussed_in"] for r in records],
        }
        data = {
            "version": 1,
            "language": self.lang,
            "cases_url": self.cases_url,
            "case_href": case_href_pattern(EXPLORER_PATH),
            "columns": columns(list(tax.criteria), vocab.facets),
            "facets": facets,
            "criteria": {
                "ids": list(tax.criteria),
                "labels": [self.label("criteria", c) for c in tax.criteria],
            },
            "ratings": {
                "ids": list(vocab.ratings),
                "labels": [self.label("ratings", r) for r in vocab.ratings],
                "symbols": [vocab.symbols[r] for r in vocab.ratings],
            },
            "languages": languages,
            "country_names": self._discussed_names(records),
            "cases": cols,
        }
        summaries = [r["summary"] for r in records]
        return _compact(data), _compact(summaries)

    def _discussed_names(self, records: list[dict[str, Any]]) -> dict[str, str]:
        """The name of each country a case is discussed in, for the explorer's records."""
        codes = sorted({c for r in records for c in r["discussed_in"]})
        return {c: self.label("countries", c) for c in codes}

    def _facet_names(self, facet: Facet) -> dict[str, str]:
        """A facet's name (its filter) and its plural (the comparison, the table)."""
        return {"name": self.labels.text(facet.label), "plural": self.labels.text(facet.plural)}


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet program runs as a formula when a cell begins with it (OWASP, CSV
injection)."""
_QUOTED = re.compile('[,;"\t\r\n]')
"""Fields holding these are quoted: RFC 4180's comma, quote and line breaks, and the
semicolon and tab that spreadsheet programs split on in other locales (the Russian and
Ukrainian Excel splits on ";"), where an unquoted ``x;=1`` would become a formula cell."""


def csv_field(value: object) -> str:
    """One CSV field: a list joined with ``"; "``; a value that would begin with a formula
    character gets a single quote in front, which a spreadsheet shows as text, and is
    quoted, as OWASP advises; any other value is quoted when it holds a separator, a
    quote or a line break. Ids, dates, years and URLs never begin with those characters
    and are written as they are; the JSON keeps every value as it is."""
    text = "; ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    elif not _QUOTED.search(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def plural_forms(
    ngettext: Callable[[str, str, int], str], lang: str
) -> Callable[[str, str], dict[str, str]]:
    """Turn a gettext plural into CLDR categories (``one``, ``few``, ``many``, ``other``).

    The script picks a category with ``Intl.PluralRules``; the words for each come from
    the catalog, by asking gettext for a number that CLDR puts in that category.
    """
    rule = Locale.parse(lang).plural_form

    def forms(singular: str, plural: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for n in (*range(0, 200), 1000, 1_000_000):
            out.setdefault(rule(n), ngettext(singular, plural, n))
        # Whole numbers never reach ru's "other" (fractions); keep it as the fallback.
        out.setdefault("other", ngettext(singular, plural, 2))
        return out

    return forms
