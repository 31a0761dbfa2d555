"""Render the collection into Markdown pages, one tree per site language.

The renderer sees only models (``Collection``, ``Taxonomy``) and writes plain
Markdown with a little HTML of its own, so any engine that builds a folder of
Markdown can take it. Every value that comes from a case is escaped here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.data.dataset import Dataset, plural_forms
from generator.data.spreadsheet import Spreadsheet
from generator.i18n import collation
from generator.i18n.catalogs import N_, Nn_, translations
from generator.i18n.labels import Labels
from generator.markup import html_blocks
from generator.markup.markdown_safe import md_text, meta_text, safe_url
from generator.model import views
from generator.model.collection import Case, Collection
from generator.model.views import CaseText, State
from generator.model.vocabulary import FACET_KINDS, Vocabularies
from generator.paths import (
    DATA_CSV,
    DATA_JSON,
    EXPLORER_DATA,
    EXPLORER_PATH,
    EXPLORER_SPREADSHEET,
    EXPLORER_SUMMARIES,
    FEED,
    case_path,
    cases_url,
    list_path,
    relative,
    spreadsheet_path,
    term_path,
)
from generator.render import cite, originals
from generator.render.helpers import WORLDWIDE, Helpers
from generator.settings import Settings

KINDS = ("countries", "regions", "sectors", "themes", "actors", "criteria")
KIND_TITLES = {
    "cases": N_("Cases"),
    "countries": N_("Countries"),
    "regions": N_("Regions"),
    "sectors": N_("Sectors"),
    "themes": N_("Themes"),
    "actors": N_("Actors"),
    "criteria": N_("Criteria"),
}
EXPLORER = N_("Explorer")
EXPLORER_UI = {
    "filters": N_("Filters"),
    "text": N_("Words in the title or summary"),
    "period": N_("Start year"),
    "from": N_("from"),
    "to": N_("to"),
    "sort": N_("Sort by"),
    "sort_title": N_("Title"),
    "sort_start": N_("Start year, newest first"),
    "sort_updated": N_("Last updated, newest first"),
    "view": N_("Show as"),
    "cards": N_("Cards"),
    "table": N_("Table"),
    "csv": N_("Download CSV"),
    "json": N_("Download JSON"),
    "clear": N_("Clear all filters"),
    "more": N_("Show more"),
    "none": N_("No case matches these filters."),
    "compare": N_("Compare countries"),
    "compare_help": N_(
        "Pick two to four countries to see them side by side, within the other filters."
    ),
    "cases": N_("Cases"),
    "criteria": N_("Criteria"),
    "start": N_("Start"),
    "updated": N_("Last updated"),
    "loading": N_("Loading…"),
    "worldwide": WORLDWIDE,
    "skip": N_("Skip to the results"),
    "show": N_("Results or comparison"),
    "tab_results": N_("Results"),
    "done": N_("Show the results"),
    "mode_any": N_("cases with any of these"),
    "mode_all": N_("cases with all of these"),
    "undated": N_("Include cases with no start year"),
    "undated_kept": N_("cases with no start year included"),
    "undated_dropped": N_("cases with no start year left out"),
    "filtered": N_("Filtered by: %(filters)s"),
    "explorer_of": N_("Explorer: %(filters)s"),
    "compare_without": N_("Compare without them"),
    "compare_csv": N_("Download comparison (CSV)"),
    "compare_within": N_("Within the other filters: %(filters)s."),
    "compare_everything": N_("Among all cases: no other filter applies."),
    "legend": N_("Legend"),
    "compare_group": N_("Group"),
    "compare_value": N_("Value"),
    "spreadsheet": N_("Download spreadsheet (English)"),
    "tab_compare": N_("Compare countries"),
    "explorer": N_("Explorer"),
}
"""The explorer's own words; each facet's name is the taxonomy's (``vocabulary.Facet``)."""
EXPLORER_PLURALS = {
    "matches": Nn_("%(num)d case matches", "%(num)d cases match"),
}
HANDWRITTEN = {
    "about": N_("About"),
    "methodology": N_("Methodology"),
    "contributing": N_("Contributing"),
    "case-format": N_("Case format"),
}


@dataclass(frozen=True)
class Page:
    path: str
    """Where the page goes in its language's tree, e.g. ``cases/upshift-moldova.md``."""
    text: str


@dataclass(frozen=True)
class Options:
    settings: Settings = field(default_factory=Settings)
    """The run's settings: the site's root URL (each language below it), the edit link's
    prefix (a case's path appended), the occurrences above which search leaves a word out."""
    handwritten: frozenset[str] = frozenset(HANDWRITTEN)
    """Names of the hand-written pages that exist (``about``, ...): only these are linked."""


def _env(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates/site"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_finalize,
    )
    env.filters["meta"] = lambda s: Markup(meta_text(str(s)))
    env.filters["md"] = lambda s: Markup(md_text(str(s)))
    env.filters["safe_url"] = lambda s: Markup(escape(safe_url(str(s))))
    env.filters["html"] = lambda s: Markup(html_blocks.wrap(str(s)))
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def _finalize(value: Any) -> Any:
    # Everything printed is Markdown: plain values are escaped for it, Markup is ours.
    if isinstance(value, Markup) or value is None:
        return value
    return Markup(md_text(str(value)))


class Renderer:
    """Renders every page of one language."""

    kind_titles = KIND_TITLES
    """The title of each kind's pages, untranslated (``Helpers.kind_titles``)."""

    def __init__(self, collection: Collection, lang: str, options: Options) -> None:
        self.collection = collection
        self.tax = collection.taxonomy
        self.lang = lang
        self.options = options
        self.labels = Labels(self.tax, lang)
        self.collate: Callable[[str], collation.Key] = functools.cache(collation.sort_key(lang))
        """A name's sort key in the page's language: every list by name is in this order.
        Kept by name (pyuca takes ~0.1 ms a name): the lists are sorted again after an edit
        (``incremental``, whose copies share it), and only the edited titles are new."""
        self.vocab = Vocabularies.from_taxonomy(self.tax)
        self.texts = {
            cid: views.case_text(collection, c, lang) for cid, c in collection.cases.items()
        }
        self.by_kind = self._index()
        self.orders: dict[str, tuple[Sequence[Case], list[Case]]] = {}
        """Each criterion's list and its cases by rating (``by_rating``)."""
        self.pages: list[Page] = []
        self.env = _env(lang)
        self.templates: dict[str, Any] = {}
        self.case_lines: dict[tuple[str, str], Markup] = {}
        """A case's line in lists, by case and the way up to the root (``Helpers.case_line``)."""

    # labels -----------------------------------------------------------------
    def label(self, kind: str, term_id: str) -> str:
        return self.labels.label(kind, term_id)

    def describe(self, kind: str, term_id: str, field: str = "description") -> str:
        return self.labels.describe(kind, term_id, field)

    # index ------------------------------------------------------------------
    def _index(self) -> dict[str, dict[str, list[Case]]]:
        tax = self.tax
        out: dict[str, dict[str, list[Case]]] = {k: {} for k in KINDS}
        for case in sorted(self.collection.cases.values(), key=self.case_sort):
            for kind, ids in self.terms_of(case).items():
                for i in ids:
                    out[kind].setdefault(i, []).append(case)
        for crit in tax.criteria:
            out["criteria"].setdefault(crit, [])
        return out

    def terms_of(self, case: Case) -> dict[str, list[str]]:
        """The terms of each kind whose lists hold ``case``, each once."""
        m = case.meta
        keys = {k: FACET_KINDS[k].read(self.tax, m) for k in KINDS if k != "criteria"}
        keys["criteria"] = list(m.criteria)
        return {kind: list(dict.fromkeys(ids)) for kind, ids in keys.items()}

    def case_sort(self, case: Case) -> tuple[collation.Key, str]:
        return (self.collate(self.texts[case.id].title), case.id)

    def term_sort(self, kind: str) -> Callable[[str], collation.Key]:
        """The sort key of a term of ``kind`` by its label in the page's language."""
        return lambda term_id: self.collate(self.label(kind, term_id))

    # pages ------------------------------------------------------------------
    def render(self) -> list[Page]:
        self.pages = []
        for case in self.collection.cases.values():
            self._case(case)
        self._listing("cases", None, sorted(self.collection.cases.values(), key=self.case_sort))
        for kind in KINDS:
            for term_id, cases in self.by_kind[kind].items():
                self._listing(kind, term_id, cases)
            self._kind_index(kind)
        self._home()
        self._explorer()
        self.pages.append(Page(FEED, cite.feed_text(self.texts, self.lang, self.site_url)))
        return self.pages

    @property
    def site_url(self) -> str:
        return self.options.settings.site_url

    @property
    def dataset(self) -> Dataset:
        """The language's records: the data files, the explorer, each case's JSON; made
        again for another collection or texts (a copy for an edit: ``incremental``)."""
        made = self.__dict__.get("_dataset")
        if made is None or made.collection is not self.collection or made.texts is not self.texts:
            made = Dataset(
                self.collection,
                self.texts,
                self.labels,
                self.lang,
                cases_url(self.site_url, self.lang),
            )
            self.__dict__["_dataset"] = made
        return made

    def _emit(self, path: str, template: str, **context: Any) -> None:
        here = path
        helpers = Helpers(self, here)
        if template not in self.templates:
            self.templates[template] = self.env.get_template(template)
        text = self.templates[template].render(
            h=helpers, lang=self.lang, vocab=self.vocab, **context
        )
        self.pages.append(Page(path, text))

    def _case(self, case: Case) -> None:
        text = self.texts[case.id]
        m = case.meta
        related = [self.collection.cases[r] for r in m.related if r in self.collection.cases]
        cited = cite.for_case(self.collection, text, self.labels, self.site_url)
        self._emit(
            case_path(case.id),
            "case.md.j2",
            t=text,
            m=m,
            State=State,
            body=Markup(html_blocks.defuse(text.body)),
            related=related,
            cite=cited,
            edit=self._edit_link(case),
            ratings=self._ratings(case, text),
            filters=[
                (f.key, [self.label(f.kind, i) for i in f.ids(self.tax, m)])
                for f in self.vocab.facets
                if f.search
            ],
        )
        originals.emit(self, case)

    def _edit_link(self, case: Case) -> str | None:
        edit_url = self.options.settings.edit_url
        return safe_url(edit_url + case.path) if edit_url else None

    def _ratings(self, case: Case, text: CaseText) -> list[dict[str, str]]:
        rows = []
        for crit in self.tax.criteria:
            rating = self.rating(case, crit)
            rows.append(
                {
                    "criterion": crit,
                    "rating": rating,
                    "symbol": self.vocab.symbols[rating],
                    "note": text.notes.get(crit, ""),
                }
            )
        return rows

    def _listing(self, kind: str, term_id: str | None, cases: Sequence[Case]) -> None:
        """A term's page (or the list of all cases), paginated."""
        if kind == "criteria" and term_id is not None:
            cases = self.by_rating(term_id, cases)
        chunks = views.pages(cases)
        for number, chunk in enumerate(chunks, start=1):
            path = list_path(kind, number) if term_id is None else term_path(kind, term_id, number)
            self._emit(
                path,
                "listing.md.j2",
                kind=kind,
                term_id=term_id,
                cases=cases,
                chunk=chunk,
                number=number,
                count=len(chunks),
                first=(number - 1) * views.PAGE_SIZE,
            )

    def by_rating(self, criterion: str, cases: Sequence[Case]) -> Sequence[Case]:
        """A criterion's cases in the order of its list: by rating, then as ``cases`` are.

        Kept for the list ``cases`` (the same object, never changed once made: ``_index``):
        after an edit, ``incremental`` needs a list's order before and after it, and the
        list's pages are rendered in the latter; a rating takes three calls to read.
        """
        kept = self.orders.get(criterion)
        if kept is not None and kept[0] is cases:
            return kept[1]
        rank = self.vocab.rank
        ordered = sorted(cases, key=lambda c: rank(self.rating(c, criterion)))
        self.orders[criterion] = (cases, ordered)
        return ordered

    def rating(self, case: Case, criterion: str) -> str:
        return views.rating(case, criterion, self.vocab)

    def _kind_index(self, kind: str) -> None:
        if kind == "regions":
            return  # regions are browsed on the countries page
        self._emit(list_path(kind), "kind.md.j2", kind=kind)

    def _home(self) -> None:
        cases = list(self.collection.cases.values())
        self._emit(
            "index.md",
            "home.md.j2",
            cases=cases,
            recent=views.recent(cases),
            translated=sum(1 for c in cases if self.texts[c.id].state is not State.FALLBACK),
        )

    def _spreadsheet(self) -> list[Page]:
        """The spreadsheet for readers, and its rows for the explorer's download."""
        sheet = Spreadsheet(self.dataset)
        return [
            Page(spreadsheet_path(self.lang), sheet.csv_text()),
            Page(EXPLORER_SPREADSHEET, sheet.rows_json()),
        ]

    def _explorer(self) -> None:
        """The explorer page, its data and the downloads it falls back to without script."""
        tr = translations(self.lang)
        data = self.dataset
        words: dict[str, Any] = {k: tr.ugettext(v) for k, v in EXPLORER_UI.items()}
        forms = plural_forms(tr.ungettext, self.lang)
        words.update({k: forms(*v) for k, v in EXPLORER_PLURALS.items()})
        explorer, summaries = data.explorer()
        self.pages += [
            Page(DATA_CSV, data.csv_text()),
            Page(DATA_JSON, data.json_text()),
            Page(EXPLORER_DATA, explorer),
            Page(EXPLORER_SUMMARIES, summaries),
            *self._spreadsheet(),
        ]
        self._emit(
            EXPLORER_PATH,
            "explorer.md.j2",
            ui=json.dumps(words, ensure_ascii=False, sort_keys=True),
            csv=DATA_CSV,
            json=DATA_JSON,
            spreadsheet=spreadsheet_path(self.lang),
            data=relative(EXPLORER_DATA, EXPLORER_PATH),
            summaries=relative(EXPLORER_SUMMARIES, EXPLORER_PATH),
        )
