"""The Tbilisi journalist on ``/ru/`` (and the same steps in en and uk), at desktop and
phone sizes, on a host other than the
configured one: the header's search (Pagefind) for a word, a case opened from the results,
read in Russian or, where it has no Russian text, in the fallback under a notice that says
what it is, and its citation copied. Each step's screenshot goes to
build/screenshots/readers/.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from babel.dates import format_date
from playwright.sync_api import Browser, Page

from tests.browser import readers
from tests.browser.readers import (
    CONFIGURED,
    DESKTOP,
    PHONE,
    Size,
    _,
    closed,
    heading,
    lang,
    open_reader,
    path,
    shot,
    tap,
)
from tests.browser.serving import Server

pytestmark = pytest.mark.browser

QUERY = "[data-sikb-search-query]"
RESULTS = ".md-search-result"


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from readers.elsewhere(tmp_path_factory)


def search(page: Page, query: str, size: Size) -> list[tuple[str, str]]:
    """The header's search, opened as a reader does (the icon on a phone, "/" on a
    desktop): each result's path and title once the search has finished."""
    if not page.is_checked("#__search"):
        if size.touch:
            page.locator('label.md-header__button[for="__search"]').tap()
        else:
            page.keyboard.press("/")
    page.fill(QUERY, query)
    page.wait_for_selector(f'{RESULTS}[aria-busy="false"]', state="attached")
    found = page.eval_on_selector_all(
        f"{RESULTS} .md-search-result__item",
        """items => items.map(li => [
            new URL(li.querySelector("a").href).pathname,
            li.querySelector("h1").textContent,
        ])""",
    )
    return [(str(p), str(t)) for p, t in found]


def copy_citation(page: Page, size: Size) -> str:
    """Select the reference under "Cite this case" as a reader does and copy it."""
    reference = page.locator(".sikb-cite .sikb-reference")
    reference.scroll_into_view_if_needed()
    page.wait_for_function(
        "!document.querySelector('.sikb-cite time.sikb-accessed').textContent.includes('[')"
    )
    reference.click(click_count=3, position={"x": 2, "y": 4})  # its first word, not its link
    page.keyboard.press("Control+C")
    return str(page.evaluate("navigator.clipboard.readText()")).strip()


def accessed(day: datetime.date, language: str) -> str:
    """A date of access as a reference in ``language`` writes it: GOST and DSTU 05.03.2024,
    English December 5, 2026 (data/citation.py)."""
    if language == "en":
        return str(format_date(day, "long", locale="en"))
    return day.strftime("%d.%m.%Y")


READERS = {
    # the language, a word the reader types, the case's title in that language
    "ru": ("лаборатория", "Молодёжная лаборатория Молдовы"),
    "uk": ("лабораторія", "Молодіжна лабораторія Молдови"),
    "en": ("lab", "Youth Lab Moldova"),
}


@pytest.mark.parametrize("language", list(READERS))
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_search_a_case_read_it_in_their_language_and_copy_its_citation(
    chromium: Browser, elsewhere: Server, size: Size, language: str
) -> None:
    """A word in the reader's language finds the case in that language; the page is in
    that language; the citation copied names the case's permanent URL on the configured
    host and today as the date of access. The journalist of the issue reads Russian; the
    same steps in en and uk."""
    word, title = READERS[language]
    case = f"/{language}/cases/youth-lab-moldova/"
    page, log = open_reader(chromium, elsewhere, size)
    page.goto(f"{elsewhere.url}{language}/")
    shot(page, f"journalist-{size.name}-{language}-1-home")

    found = search(page, word, size)
    assert found[0] == (case, title)
    shot(page, f"journalist-{size.name}-{language}-2-search")

    tap(page, f'{RESULTS} a[href$="{case}"]', size)
    page.wait_for_url(f"**{case}")
    assert (lang(page), heading(page)) == (language, title)
    # The uk translation is out of date and machine-made: a notice says each.
    assert page.locator("article .admonition").count() == (2 if language == "uk" else 0)
    assert page.locator(".sikb-body").get_attribute("lang") == language
    if language != "en":
        # the versions line: its own paragraph, or inside the notice of a stale translation
        versions = page.locator(".sikb-versions a, article .admonition a[hreflang]")
        assert versions.first.get_attribute("hreflang") == "en"  # the original
    shot(page, f"journalist-{size.name}-{language}-3-case")

    copied = copy_citation(page, size)
    assert copied == page.locator(".sikb-cite .sikb-reference").inner_text().strip()
    assert f"{CONFIGURED}{language}/cases/youth-lab-moldova/" in copied
    assert title in copied
    assert accessed(datetime.date.today(), language) in copied
    shot(page, f"journalist-{size.name}-{language}-4-citation")
    closed(page, log)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_a_case_with_no_russian_text_is_read_in_english_under_a_notice(
    chromium: Browser, elsewhere: Server, size: Size
) -> None:
    """The Swedish original has an English translation: the Russian page shows the English
    (not the Swedish), says so, links the English page, and its citation copies."""
    page, log = open_reader(chromium, elsewhere, size)
    page.goto(f"{elsewhere.url}ru/")
    found = search(page, "fund", size)
    assert ("/ru/cases/swedish-fund/", "A Swedish fund") in found
    shot(page, f"journalist-{size.name}-5-search-fallback")

    tap(page, f'{RESULTS} a[href$="/ru/cases/swedish-fund/"]', size)
    page.wait_for_url("**/ru/cases/swedish-fund/")
    assert (lang(page), heading(page)) == ("ru", "A Swedish fund")
    assert page.locator(".sikb-body").get_attribute("lang") == "en"
    notice = page.locator("article .admonition").first
    assert notice.locator(".admonition-title").inner_text() == _("ru", "Not yet translated")
    words = " ".join(notice.inner_text().split())
    assert f"{_('ru', 'Shown here:')} Английский ({_('ru', 'translation')})." in words
    assert f"{_('ru', 'Original language:')} Шведский." in words
    shot(page, f"journalist-{size.name}-6-case-fallback")

    copied = copy_citation(page, size)
    assert f"{CONFIGURED}ru/cases/swedish-fund/" in copied
    assert "A Swedish fund" in copied
    shot(page, f"journalist-{size.name}-7-citation-fallback")

    tap(page, 'article .admonition a[hreflang="en"]', size)
    page.wait_for_url("**/en/cases/swedish-fund/")
    assert (path(page), lang(page), heading(page)) == (
        "/en/cases/swedish-fund/", "en", "A Swedish fund"
    )  # fmt: skip
    closed(page, log)
