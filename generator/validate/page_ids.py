"""The ids a link can land on in a case's page, in each site language.

A link ``<id>.md#anchor`` in a case body lands on the page of case ``<id>`` in the
language of the page it is on. That page shows the case's translation into that
language if there is one, else its original (``views.case_text``), under headings of
its own (``templates/site/case.md.j2``): the title, Facts, Criteria at a glance, the
body, Sources, with related cases Related cases, and Cite this case. The toc extension gives every
heading its id in the order of the page, so a heading of the body gets ``context`` in
English and ``_4`` under Russian headings, and a body heading named like one of the
page's own gets ``sources`` while the page's Sources heading after it gets ``sources_1``.

So the ids are computed here by Python-Markdown itself, over the page's headings
around the body, with the extensions of ``mkdocs.yml`` and MkDocs' own, and read from
the HTML the sanitiser lets through: exactly the ids the built page has
(``tests/e2e/test_page_ids.py`` compares them with built pages). Material's own ids
(``__drawer``, ``__nav_1``, ...) are no place a case links to, and not counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from markdown import Markdown

from generator.i18n.catalogs import translations
from generator.markup import EXTENSIONS, TOC, html_blocks
from generator.markup.html_blocks import HtmlBlocksExtension
from generator.markup.markdown_safe import md_text
from generator.markup.sanitise import SanitiseExtension
from generator.model.views import shown_language

BEFORE = ("Facts", "Criteria at a glance")
"""The headings ``case.md.j2`` writes between the title and the body."""
AFTER = ("Sources",)
RELATED = "Related cases"
"""After Sources, on the page of a case with related cases."""
CITE = "Cite this case"
"""The last heading of every case page."""


@dataclass(frozen=True)
class PageText:
    """What a case's page in one language shows of the case."""

    title: str
    body: str
    related: bool
    """Whether the case lists related cases (the page then ends with their heading)."""


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, None] = {}
        """In the order of the page."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update((v, None) for k, v in attrs if k == "id" and v)


@cache
def _markdown() -> Markdown:
    return Markdown(
        extensions=[*EXTENSIONS, HtmlBlocksExtension(), SanitiseExtension()],
        extension_configs={"toc": TOC},
    )


def ids(page: PageText, lang: str) -> tuple[str, ...]:
    """The ids of the content of the case page in ``lang`` that shows ``page``, in the
    order of the page (footnotes, which Markdown puts at the end, last)."""
    md = _markdown()
    gettext = translations(lang).gettext
    headings = [f"# {md_text(page.title)}", *(f"## {gettext(h)}" for h in BEFORE)]
    related = (RELATED,) if page.related else ()
    after = [f"## {gettext(h)}" for h in (*AFTER, *related, CITE)]
    text = "\n\n".join(
        [
            *headings,
            html_blocks.wrap("<div>"),
            html_blocks.defuse(page.body),
            html_blocks.wrap("</div>"),
            *after,
        ]
    )
    md.reset()
    reader = _Ids()
    reader.feed(md.convert(text))
    reader.close()
    return tuple(i for i in reader.ids if not i.startswith("__"))


def source(have: frozenset[str], lang: str, default: str, original: str | None) -> str | None:
    """Which text the page in ``lang`` shows (``views.shown_language``), given the languages
    ``have`` of the case's translations: the language of a translation, or None for the
    original."""
    shown = shown_language(lang, default, original or "", have)
    return None if shown == (original or "") else shown


class Pages:
    """The ids of case pages, per case and language, each computed when first asked for.

    ``translated`` gives each case's translations by language; ``read(case_id, lang)``
    the text of the case's page in ``lang`` (the first of its translation into ``lang``,
    into the ``default`` language and its original: ``source``), or None when the files
    cannot tell (they have errors of their own); ``original(case_id)`` the language of
    the original, or None when that cannot be told.
    """

    def __init__(
        self,
        languages: Sequence[str],
        translated: Mapping[str, frozenset[str]],
        read: Callable[[str, str], PageText | None],
        default: str = "",
        original: Callable[[str], str | None] = lambda case_id: None,
    ) -> None:
        self.languages = tuple(languages)
        self.translated = translated
        self.read = read
        self.default = default
        self.original = original
        self._ids: dict[tuple[str, str], tuple[str, ...] | None] = {}

    def shown_in(self, case_id: str, language: str | None) -> tuple[str, ...]:
        """The languages whose page of ``case_id`` shows a body: a translation's (``language``)
        or the original's (None)."""
        have = self.translated.get(case_id, frozenset())
        if not have:
            return self.languages if language is None else ()
        original, default = self.original(case_id), self.default
        if language is None and original and original not in self.languages:
            # An original in no site language has a page of its own in every language
            # (render.originals), where its links resolve as on a case page.
            return self.languages
        return tuple(
            lang for lang in self.languages if source(have, lang, default, original) == language
        )

    def ids(self, case_id: str, lang: str) -> tuple[str, ...] | None:
        """The ids on the page of ``case_id`` in ``lang``; None when it cannot be told."""
        key = (case_id, lang)
        if key not in self._ids:
            page = self.read(case_id, lang)
            self._ids[key] = None if page is None else ids(page, lang)
        return self._ids[key]
