"""The ids on a case page (``page_ids``), and the anchor check of links between cases.

Whether the computed ids are those of a built page is proven in
``tests/e2e/test_page_ids.py``; these keep the module in step with what it mirrors and
pin down which body is checked against which pages.
"""

from __future__ import annotations

import re

import pytest
import yaml

from generator import markup
from generator.validate import page_ids
from generator.validate.link_checks import check_links
from generator.validate.page_ids import Pages, PageText
from tests.conftest import REPO

CASES = frozenset({"a", "b"})


def test_the_ids_are_computed_with_the_toc_settings_and_extensions_of_mkdocs_yml() -> None:
    """MkDocs' own extensions, then mkdocs.yml's in its order, and its toc settings (the
    default slugify, which gives a Cyrillic heading ``_1``)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    extensions = config["markdown_extensions"]
    settings = {k: v for e in extensions if isinstance(e, dict) for k, v in e.items()}
    mkdocs_order = list(dict.fromkeys(["toc", "tables", "fenced_code", *names]))
    assert [
        *markup.EXTENSIONS,
        "generator.markup.html_blocks",
        "generator.markup.sanitise",
    ] == mkdocs_order
    assert settings["toc"] == markup.TOC


def test_the_page_headings_are_those_the_case_template_writes_in_its_order() -> None:
    """The title, Facts, Criteria at a glance, the body, Sources, Related cases, Cite."""
    template = (REPO / "generator" / "render" / "templates" / "site" / "case.md.j2").read_text(
        encoding="utf-8"
    )
    lines = [line for line in template.splitlines() if line.startswith("#") or line == "{{ body }}"]
    written = [m.group(1) if (m := re.search(r'_\("([^"]+)"\)', line)) else line for line in lines]
    assert written == [
        "# {{ t.title|md }}", *page_ids.BEFORE, "{{ body }}", *page_ids.AFTER, page_ids.RELATED,
        page_ids.CITE,
    ]  # fmt: skip


def test_a_body_heading_gets_its_id_after_the_pages_own_headings_in_each_language() -> None:
    """In ru the page's own headings are Cyrillic (``_1``...), so the body's ``## Контекст``
    is ``_4``; a body heading named like the page's Sources takes ``sources`` first."""
    ru = PageText("Молодёжная лаборатория", "## Контекст\n\nТекст.\n", related=True)
    assert page_ids.ids(ru, "ru") == ("_1", "_2", "_3", "_4", "_5", "_6", "_7")
    en = PageText("Lviv *services*", "## Sources\n\nText[^1].\n\n[^1]: A note.\n", related=False)
    assert page_ids.ids(en, "en") == (
        "lviv-services", "facts", "criteria-at-a-glance", "sources", "fnref:1", "sources_1",
        "cite-this-case", "fn:1"
    )  # fmt: skip


def _pages(read: dict[tuple[str, str], PageText | None]) -> Pages:
    return Pages(("en", "ru", "uk"), {"b": frozenset({"uk"})}, lambda c, lang: read[(c, lang)])


def test_an_originals_body_is_shown_where_there_is_no_translation_a_translations_on_its_own() -> (
    None
):
    pages = _pages({})
    assert pages.shown_in("b", None) == ("en", "ru")
    assert pages.shown_in("b", "uk") == ("uk",)
    assert pages.shown_in("a", None) == ("en", "ru", "uk")
    assert pages.shown_in("a", "xx") == ()


def test_a_translation_into_the_default_language_is_shown_where_there_is_none_of_its_own() -> None:
    """A Swedish original with an English translation: every site's case page shows the
    English; the original is on a page of its own in every language, its links with it."""
    pages = Pages(("en", "ru", "uk"), {"s": frozenset({"en"})}, lambda c, lang: None, "en",
                  lambda c: "sv")  # fmt: skip
    assert pages.shown_in("s", "en") == ("en", "ru", "uk")
    assert pages.shown_in("s", None) == ("en", "ru", "uk")


def test_each_page_is_read_and_computed_once() -> None:
    calls: list[tuple[str, str]] = []

    def read(case_id: str, lang: str) -> PageText | None:
        calls.append((case_id, lang))
        return PageText("B", "## Context\n", related=False) if case_id == "b" else None

    pages = Pages(("en",), {}, read)
    assert pages.ids("b", "en") == pages.ids("b", "en")
    assert pages.ids("a", "en") is None  # cannot be told
    assert pages.ids("a", "en") is None
    assert calls == [("b", "en"), ("a", "en")]


def _problems(body: str, pages: Pages, shown: tuple[str, ...] = ("en", "ru")) -> list[str]:
    found = check_links(body, 10, "cases/x.md", CASES, pages, shown)
    return [f"{p.line}:{p.column} {p.code} {p.message}; {p.hint}" for p in found]


def _two_languages() -> Pages:
    texts = {
        ("b", "en"): PageText("B", "## Context\n\n## Only in English\n", related=False),
        ("b", "ru"): PageText("Б", "## Контекст\n\n## Only in English\n", related=False),
    }
    return Pages(("en", "ru"), {"b": frozenset({"ru"})}, lambda c, lang: texts[(c, lang)])


def test_an_anchor_missing_in_one_language_is_an_error_naming_it_on_its_line() -> None:
    body = "Intro.\n\nSee [b](b.md#context) and [b again](b.md#only-in-english).\n"
    assert _problems(body, _two_languages()) == [
        "12:9 unknown-anchor '#context' in the link 'b.md#context' is not an id on the page of "
        "case 'b' in ru; ids on its page in en, ru: 'only-in-english'; or link to 'b.md', "
        "with no anchor"
    ]


def test_a_misspelt_anchor_gets_the_closest_id_of_every_language() -> None:
    assert _problems("[b](b.md#only-in-englsh)\n", _two_languages()) == [
        "10:5 unknown-anchor '#only-in-englsh' in the link 'b.md#only-in-englsh' is not an id "
        "on the page of case 'b' in en, ru; did you mean 'b.md#only-in-english'?"
    ]


def test_a_translations_link_is_checked_on_its_own_languages_page_only() -> None:
    assert _problems("[b](b.md#_3)\n", _two_languages(), shown=("ru",)) == []


@pytest.mark.parametrize(
    "body",
    [
        "[here](#nowhere), [a note][^1] and a footnote[^1].\n\n[^1]: Text.\n",
        "[web](https://example.org/b.md#nowhere) and [b](b.md) and [a](a.md#)\n",
        "No link at all, but a # sign.\n",
    ],
    ids=["same-page-and-footnotes", "address-no-anchor-empty-anchor", "no-link"],
)
def test_links_within_the_page_footnotes_addresses_and_no_anchor_read_no_page(body: str) -> None:
    """Only a link ``<id>.md#anchor`` to a case reads that case's pages."""

    def read(case_id: str, lang: str) -> PageText | None:
        raise AssertionError(f"read {case_id} in {lang}")

    assert _problems(body, Pages(("en", "ru"), {}, read)) == []
