"""The first-time visitor on a phone (390x844, touch), on a host other than the configured
one: home -> a case -> the other language -> the explorer, filtered -> back to their
language with the filter kept. Each step's screenshot goes to build/screenshots/readers/.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import readers
from tests.browser.conftest import ServedSite
from tests.browser.readers import (
    DESKTOP,
    LANGS,
    PHONE,
    Size,
    _,
    closed,
    heading,
    lang,
    open_reader,
    path,
    shot,
    switch_language,
    tap,
)
from tests.browser.serving import Server

pytestmark = pytest.mark.browser

TITLES = {
    "en": "Youth Lab Moldova",
    "ru": "Молодёжная лаборатория Молдовы",
    "uk": "Молодіжна лабораторія Молдови",
}
"""The case the visitor opens, as each language's page titles it (its translations)."""


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from readers.elsewhere(tmp_path_factory)


def _next(start: str) -> str:
    return LANGS[(LANGS.index(start) + 1) % len(LANGS)]


def shown_cases(page: Page) -> list[str]:
    """The cases the explorer lists, once it shows the view its URL names."""
    page.wait_for_function(
        "(() => { const e = document.getElementById('sikb-explorer');"
        " return e && e.dataset.shows === location.pathname + location.search; })()"
    )
    found = page.eval_on_selector_all("[data-case]", "els => els.map(e => e.dataset.case)")
    return [str(case) for case in found]


def open_explorer_from_menu(page: Page, to: str, size: Size) -> None:
    """The explorer, through the site's menu (the drawer on a phone)."""
    if size.touch:
        page.locator('label.md-header__button[for="__drawer"]').tap()
    link = page.locator('.md-nav__link[href$="explorer/"]').filter(has_text=_(to, "Explorer"))
    if size.touch:
        link.first.wait_for(state="visible")
        link.first.tap()
    else:
        link.first.click()
    page.wait_for_url(f"**/{to}/explorer/")


@pytest.mark.parametrize("start", LANGS)
def test_home_case_other_language_and_the_explorer_keeps_its_filter(
    chromium: Browser, elsewhere: Server, start: str
) -> None:
    """In any start language, the visitor stays on the case and on the filtered list."""
    other = _next(start)
    page, log = open_reader(chromium, elsewhere, PHONE)
    page.goto(f"{elsewhere.url}{start}/")
    assert lang(page) == start
    shot(page, f"phone-{start}-1-home")

    tap(page, 'article a[href*="cases/youth-lab-moldova/"]', PHONE)
    page.wait_for_url(f"**/{start}/cases/youth-lab-moldova/")
    assert heading(page) == TITLES[start]
    shot(page, f"phone-{start}-2-case")

    switch_language(page, other, PHONE)
    assert path(page) == f"/{other}/cases/youth-lab-moldova/"
    assert heading(page) == TITLES[other]
    shot(page, f"phone-{start}-3-case-in-{other}")

    open_explorer_from_menu(page, other, PHONE)
    page.goto(f"{elsewhere.url}{other}/explorer/?country=MD")
    assert shown_cases(page) == ["youth-lab-moldova"]
    page.locator("[data-case]").first.scroll_into_view_if_needed()  # what the filter left
    shot(page, f"phone-{start}-4-explorer-{other}-filtered")

    switch_language(page, start, PHONE)
    assert path(page) == f"/{start}/explorer/?country=MD"
    assert lang(page) == start
    assert shown_cases(page) == ["youth-lab-moldova"]
    page.locator("[data-case]").first.scroll_into_view_if_needed()
    shot(page, f"phone-{start}-5-explorer-back-in-{start}")
    closed(page, log)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_without_javascript_the_switcher_goes_to_the_same_page(
    chromium: Browser, elsewhere: Server, size: Size
) -> None:
    """Relative links: with script off the switcher still lands on the same page."""
    page, log = open_reader(chromium, elsewhere, size, javascript=False)
    for start in LANGS:
        for where in ("cases/youth-lab-moldova/", "explorer/", "countries/"):
            page.goto(f"{elsewhere.url}{start}/{where}")
            switch_language(page, _next(start), size)
            assert path(page) == f"/{_next(start)}/{where}"
            assert lang(page) == _next(start)
    page.goto(f"{elsewhere.url}uk/cases/youth-lab-moldova/")
    shot(page, f"nojs-{size.name}-uk-case")
    closed(page, log)


def test_after_instant_navigation_the_switcher_follows_the_page(
    chromium: Browser, elsewhere: Server
) -> None:
    """The theme keeps the header across its instant navigation: the switcher still goes
    to the page the reader is on, not to the one they arrived on, nor to a home page."""
    page, log = open_reader(chromium, elsewhere, DESKTOP)
    page.goto(f"{elsewhere.url}en/cases/")
    page.locator('article a[href*="cases/swedish-fund/"]').first.click()
    page.wait_for_url("**/en/cases/swedish-fund/")
    page.locator('article a[href*="countries/"]').first.click()
    page.wait_for_url("**/en/countries/se/")
    switch_language(page, "uk", DESKTOP)
    assert path(page) == "/uk/countries/se/"
    assert heading(page) == "Швеція"
    closed(page, log)


def test_on_the_configured_host_the_switcher_follows_instant_navigation(
    page: Page, served_site: ServedSite
) -> None:
    """Where the theme's instant navigation runs (the host the site was built for), the
    switcher goes to the page reached, with the explorer's filter, not to the first page."""
    page.goto(served_site.page_url("en/cases/"))
    page.evaluate("window.sikbFirstDocument = true")
    page.locator('article a[href*="cases/swedish-fund/"]').first.click()
    page.wait_for_url("**/en/cases/swedish-fund/")
    page.locator('article a[href*="countries/"]').first.click()
    page.wait_for_url("**/en/countries/se/")
    assert page.evaluate("window.sikbFirstDocument === true")  # one document all along
    switch_language(page, "ru", DESKTOP)
    assert path(page) == "/ru/countries/se/"
    assert heading(page) == "Швеция"
    page.goto(served_site.page_url("ru/explorer/?country=SE#results"))
    assert shown_cases(page) == ["swedish-fund"]
    switch_language(page, "en", DESKTOP)
    assert urlsplit(page.url).fragment == "results"
    assert (path(page), shown_cases(page)) == ("/en/explorer/?country=SE", ["swedish-fund"])
