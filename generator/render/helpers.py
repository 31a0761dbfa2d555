"""What the page templates call as ``h``: links, labels, case lines, charts and pagers,
relative to the page being rendered.

One ``Helpers`` per page, made by the ``Renderer``; every value from a case is escaped here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator import paths
from generator.data.dataset import plural_forms
from generator.i18n import names
from generator.i18n.catalogs import N_, Nn_, translations
from generator.markup import html_blocks
from generator.markup.markdown_safe import md_text
from generator.model import views
from generator.model.collection import Case
from generator.model.vocabulary import FACET_KINDS
from generator.paths import case_path, list_path, term_path
from generator.render import charts, worldmap

if TYPE_CHECKING:
    from generator.render.pages import Renderer

MAP_TITLE = N_("Map of the cases by country")
MAP_NONE = N_("No cases")
MAP_LABEL = Nn_("%(name)s: %(num)d case", "%(name)s: %(num)d cases")
WORLDWIDE = N_("Worldwide")
"""Where a case with ``scope: global`` happens, in place of its countries."""
ORIGINAL, TRANSLATION, MACHINE = N_("original"), N_("translation"), N_("machine translation")
OUT_OF_DATE, SHOWN_HERE = N_("out of date"), N_("shown here")


class Helpers:
    """What a template may call: links and labels relative to the page being rendered."""

    def __init__(self, r: Renderer, here: str) -> None:
        self.r = r
        self.here = here
        self.up = paths.up_to_root(here)
        self.tax = r.tax
        self.by_kind = r.by_kind
        self.texts = r.texts
        self.symbols = r.vocab.symbols
        self.kind_titles = r.kind_titles

    def href(self, target: str) -> str:
        """The URL of the page built from ``target``, relative to this page (directory URLs).

        Links are HTML, not Markdown: the engine then has no link to parse on pages that
        are mostly links, and the e2e tests check that every one of them resolves.
        """
        return paths.href(target, self.here)

    def file(self, path: str) -> str:
        """The URL of a file that is not a page (``data/cases.csv``), relative to this page."""
        return paths.file_href(path, self.here)

    def link(self, label: str, target: str) -> Markup:
        html = f'<a href="{escape(self.href(target))}">{md_text(label)}</a>'
        return Markup(html_blocks.inline(html))

    def doc(self, label: str, name: str) -> Markup:
        """A link to a hand-written page, or just the label where the site has no such page."""
        if name not in self.r.options.handwritten:
            return Markup(md_text(label))
        return self.link(label, name + ".md")

    def label(self, kind: str, term_id: str) -> str:
        return self.r.label(kind, term_id)

    def describe(self, kind: str, term_id: str, field: str = "description") -> str:
        return self.r.describe(kind, term_id, field)

    def term(self, kind: str, term_id: str) -> Markup:
        """A link to a term's page if it has one, else its label."""
        label = self.label(kind, term_id)
        if term_id in self.by_kind.get(kind, {}):
            return self.link(label, term_path(kind, term_id))
        return Markup(md_text(label))

    def terms(self, kind: str, ids: Iterable[str], sep: str = ", ") -> Markup:
        return Markup(sep).join(self.term(kind, i) for i in ids)

    def case(self, case: Case) -> Markup:
        return self.link(self.texts[case.id].title, case_path(case.id))

    def case_line(self, case: Case) -> Markup:
        """One line of a case list: title, countries, status, start year.

        A case is listed on a dozen pages, most at one depth: made once per way up to the root.
        """
        key = (case.id, self.up)
        line = self.r.case_lines.get(key)
        if line is None:
            line = self.r.case_lines[key] = self._case_line(case)
        return line

    def _case_line(self, case: Case) -> Markup:
        m = case.meta
        bits = [Markup(md_text(self.where(case)))]
        bits.append(Markup(md_text(self.label("statuses", m.status))))
        if m.period:
            bits.append(Markup(md_text(views.start_year(case))))
        return self.case(case) + Markup(" — ") + Markup(" · ").join(bits)

    def summary(self, case: Case) -> Markup:
        return Markup(md_text(self.texts[case.id].summary))

    def case_url(self, case: Case) -> Markup:
        """A case page's absolute URL, written out (a printed page cannot follow a link)."""
        url = paths.case_url(self.r.options.settings.site_url, self.r.lang, case.id)
        return Markup(md_text(url))

    def where(self, case: Case) -> str:
        """Its countries, or "Worldwide" for a case with ``scope: global`` and none."""
        m = case.meta
        if not m.countries and m.scope == "global":
            return translations(self.r.lang).ugettext(WORLDWIDE)
        return ", ".join(self.label("countries", c) for c in m.countries)

    def date(self, text: str) -> str:
        return names.format_partial(text, self.r.lang)

    @staticmethod
    def stop(text: str) -> str:
        """The full stop that ends a part of a citation, unless ``text`` ends with one."""
        return "" if text.rstrip().endswith((".", "?", "!")) else "."

    def language(self, code: str) -> str:
        return names.capitalised(names.language_name(code, self.r.lang))

    def kind(self, version: views.Version) -> str:
        """What a text of a case is, in words: ``machine translation, out of date``."""
        _ = translations(self.r.lang).ugettext
        kind = (
            ORIGINAL if version.original else MACHINE if version.machine_translated else TRANSLATION
        )
        return ", ".join([_(kind)] + ([_(OUT_OF_DATE)] if version.stale else []))

    def versions(self, text: views.CaseText) -> Markup:
        """Every text of the case, by its language's own name and what it is, each linked
        to its page (its language's; an original in no site language, its own page,
        ``render.originals``): ``Svenska (original) · English (translation, shown here)``;
        empty on the page of a case's only text."""
        _ = translations(self.r.lang).ugettext
        case, languages = text.case, self.tax.languages
        own_page = text.state is views.State.ORIGINAL and text.shown != text.lang
        page = paths.page_url(case_path(case.id))
        items, linked = [], False
        for v in views.versions(self.r.collection, case):
            here = v.lang == text.shown
            words = [self.kind(v)] + ([_(SHOWN_HERE)] if here else [])
            label = f'<span lang="{escape(v.lang)}">{escape(names.autonym(v.lang))}</span>'
            label += f" ({escape(', '.join(words))})"
            if v.lang in languages and (v.lang != text.lang or own_page):
                url = f"{self.up}{paths.other_language(v.lang)}{page}/"
            elif v.lang not in languages and not here:
                url = f"{self.up}{paths.page_url(paths.original_path(case.id))}/"
            else:
                url = ""
            if url:
                label = f'<a href="{escape(url)}" hreflang="{escape(v.lang)}">{label}</a>'
                linked = True
            items.append(label)
        if len(items) == 1 and not linked:
            return Markup()  # one text, and this is its page
        return Markup(html_blocks.inline(" · ".join(items)))

    def mix(self, cases: Sequence[Case], field: str) -> list[tuple[str, int]]:
        """How many ``cases`` carry each term of the vocabulary ``field`` (``FACET_KINDS``)."""
        read = FACET_KINDS[field].read
        return views.mix(cases, lambda c: read(self.tax, c.meta), self.r.term_sort(field))

    def chart(self, cases: Sequence[Case], title: str) -> Markup:
        rows = []
        vocab = self.r.vocab
        for crit, counts in views.profile(cases, self.tax.criteria, vocab):
            rows.append(
                (
                    self.label("criteria", crit),
                    [(r, vocab.symbols[r], counts[r]) for r in vocab.ratings],
                )
            )
        legend = [(r, f"{vocab.symbols[r]} {self.label('ratings', r)}") for r in vocab.ratings]
        return Markup(charts.profile_svg(title, rows, legend))

    def map(
        self, region: str | None = None, country: str | None = None, forms: bool = False
    ) -> Markup:
        """The map of the cases by country: the world, a region, or a country in its region.

        ``forms``: the label's plural forms for a script that recounts (the explorer's).
        """
        tr, have, countries = (
            translations(self.r.lang),
            self.by_kind["countries"],
            self.tax.countries,
        )
        frame: list[str] | None = None
        codes = list(have)
        if country is not None or region is not None:
            region = region or countries[str(country)].region
            frame = [c for c in countries if countries[c].region == region]
            codes = [country] if country is not None else [c for c in frame if c in have]
        shown = []
        for code in codes:
            n, name = len(have.get(code, [])), self.label("countries", code)
            label = tr.ungettext(*MAP_LABEL, n) % {"name": name, "num": n}
            shown.append(
                worldmap.Country(code, self.href(term_path("countries", code)), n, name, label)
            )
        words = ""
        if forms:
            words = json.dumps(
                plural_forms(tr.ungettext, self.r.lang)(*MAP_LABEL), ensure_ascii=False
            )
        view = worldmap.view(frame)
        title, none = tr.ugettext(MAP_TITLE), tr.ugettext(MAP_NONE)
        return Markup(worldmap.figure(view, shown, title, none, words))

    def mix_ratings(self, cases: Sequence[Case], criterion: str) -> list[tuple[str, int]]:
        counts = dict.fromkeys(self.r.vocab.ratings, 0)
        for c in cases:
            counts[self.r.rating(c, criterion)] += 1
        return list(counts.items())

    def index_terms(self, kind: str) -> list[tuple[str, int]]:
        """Every term of ``kind`` with its number of cases, most first, then by label."""
        have, by_name = self.by_kind[kind], self.r.term_sort(kind)
        terms = [(i, len(have.get(i, []))) for i in getattr(self.tax, kind)]
        return sorted(terms, key=lambda t: (-t[1], by_name(t[0]), t[0]))

    def region_countries(self, region: str) -> list[tuple[str, int]]:
        """The countries of ``region`` that have cases, by name, each with its number."""
        have, by_name = self.by_kind["countries"], self.r.term_sort("countries")
        codes = [c for c, t in self.tax.countries.items() if t.region == region and c in have]
        return [(c, len(have[c])) for c in sorted(codes, key=lambda c: (by_name(c), c))]

    def role_of(self, case: Case, actor_id: str) -> str:
        roles = [a.role for a in case.meta.actors if a.id == actor_id]
        return ", ".join(self.label("roles", r) for r in dict.fromkeys(roles))

    def rating_of(self, case: Case, criterion: str) -> str:
        return self.r.rating(case, criterion)

    def pager(self, kind: str, term_id: str | None, number: int, count: int) -> Markup:
        """First, last and the pages near this one: a bounded line however long the list."""
        if count <= 1:
            return Markup("")
        shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
        parts: list[Markup] = []
        for i, n in enumerate(shown):
            if i and n != shown[i - 1] + 1:
                parts.append(Markup("…"))
            target = list_path(kind, n) if term_id is None else term_path(kind, term_id, n)
            current = Markup(f'<strong aria-current="page">{n}</strong>')
            parts.append(current if n == number else self.link(str(n), target))
        return Markup('<nav class="sikb-pager">') + Markup(" · ").join(parts) + Markup("</nav>")
