"""The site's chrome, outside the explorer, in headless Chromium: the page for a missing
address in each language (served as GitHub Pages serves it: the root 404.html for any
missing path), the search panel from the keyboard, the skip link, the colour scheme
toggle's words and the titles, in en, ru and uk.

Screenshots of the 404 page in each language go to build/screenshots/readers/.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PageLog, ServedSite, origin, record
from tests.browser.readers import LANGS, SHOTS, _
from tests.browser.serving import _Quiet

pytestmark = pytest.mark.browser

NOT_FOUND = "Page not found"
HOME = "Go to the home page"
SEARCH = "Search the site"
SKIP = {"en": "Skip to content", "ru": "Перейти к содержанию", "uk": "Перейти до змісту"}
"""Material's own words (its theme's translations, not the project's catalogs)."""
SITE_NAME = "SIKB — Social Innovation Knowledge Base"
TO_DARK = "Switch to dark mode"
TO_LIGHT = "Switch to light mode"
WORD = {"en": "Lviv", "ru": "Львов", "uk": "Львів"}
"""A word of the fixture's Lviv case in each language, for a search from the 404 page."""


class _Pages(_Quiet):
    """http.server, but a missing path gets the site's root 404.html with status 404, as
    GitHub Pages answers."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def _pages_server(site: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Pages, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def pages_url(served_site: ServedSite) -> Iterator[str]:
    """The built fixture site, served as GitHub Pages serves it (its own port)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    with _pages_server(served_site.site) as url:
        yield url


@contextlib.contextmanager
def _browse(chromium: Browser, url: str, locale: str = "en-US", js: bool = True) -> Iterator[Page]:
    """A page whose only console error may be the missing address's 404 (Chromium logs
    the status of the document it was sent); anything else fails the test."""
    log = PageLog(origin(url))
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale=locale, java_script_enabled=js
    )
    page = context.new_page()
    record(page, log)
    try:
        yield page
    finally:
        context.close()
    log.console_errors = [m for m in log.console_errors if "status of 404" not in m]
    assert not log.problems(), "\n".join(log.problems())


def _focus_on(page: Page) -> str:
    return str(
        page.evaluate(
            "(() => { const e = document.activeElement;"
            " if (!e || e === document.body) return 'page';"
            " if (e.matches('[data-sikb-search-query]')) return 'search';"
            " return e.tagName.toLowerCase() + ' ' + (e.getAttribute('href') || e.id"
            " || e.getAttribute('aria-label') || e.textContent.trim()); })()"
        )
    )


DIMMED = (
    "(() => { const o = document.querySelector('.md-search__overlay');"
    " const s = o && getComputedStyle(o);"
    " return !!s && s.display !== 'none' && o.offsetWidth > 0 && +s.opacity > 0; })()"
)
"""The search overlay covers the page (Material shows it while the search is open)."""


def _dimmed(page: Page) -> bool:
    return bool(page.evaluate(DIMMED))


def _undimmed(page: Page) -> None:
    """The overlay gone, once Material's fade (a quarter of a second) has run."""
    page.wait_for_function(f"!{DIMMED}", timeout=2000)


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_address_shows_the_language_s_404_with_search_and_a_link_home(
    chromium: Browser, pages_url: str, lang: str
) -> None:
    """/<lang>/no-such-page/ gets the root 404.html, which sends the reader to their
    language's page: heading and text in the language, a search that finds, a link home."""
    with _browse(chromium, pages_url) as page:
        response = page.goto(f"{pages_url}{lang}/no-such-page/")
        assert response is not None
        assert response.status == 404
        page.wait_for_url(f"{pages_url}{lang}/404.html")
        page.wait_for_load_state("networkidle")
        assert page.get_attribute("html", "lang") == lang
        assert page.inner_text("article h1") == _(lang, NOT_FOUND)
        assert page.title() == f"{_(lang, NOT_FOUND)} - {_(lang, SITE_NAME)}"
        home = page.locator("[data-sikb-home]")
        assert home.inner_text() == _(lang, HOME)
        page.screenshot(path=str(SHOTS / f"404-{lang}.png"), full_page=True)
        button = page.locator("[data-sikb-search-button]")
        assert button.inner_text() == _(lang, SEARCH)
        button.focus()
        page.keyboard.press("Enter")
        assert page.is_checked("#__search")
        assert _focus_on(page) == "search"
        page.keyboard.type(WORD[lang])
        page.wait_for_selector('.md-search-result[aria-busy="false"] .md-search-result__item')
        first = page.get_attribute(".md-search-result__link", "href") or ""
        assert "cases/lviv-services/" in first
        page.keyboard.press("Escape")
        assert not page.is_checked("#__search")
        home.click()
        page.wait_for_url(f"{pages_url}{lang}/")
        assert page.get_attribute("html", "lang") == lang


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_404_page_s_actions_fit_and_its_search_opens(
    chromium: Browser, pages_url: str, lang: str
) -> None:
    """At 390x844: both actions on screen, no sideways scrolling, a tap on the search
    button opens the search."""
    with _browse(chromium, pages_url) as page:
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{pages_url}{lang}/missing/page")
        page.wait_for_url(f"{pages_url}{lang}/404.html")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        for action in ("[data-sikb-home]", "[data-sikb-search-button]"):
            box = page.locator(action).bounding_box()
            assert box is not None
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= 390
            assert box["height"] >= 24
        page.screenshot(path=str(SHOTS / f"404-{lang}-phone.png"))
        page.locator("[data-sikb-search-button]").click()
        assert page.is_checked("#__search")
        page.keyboard.type(WORD[lang])
        page.wait_for_selector('.md-search-result[aria-busy="false"] .md-search-result__item')


@pytest.mark.parametrize(
    ("path", "locale", "lang"),
    [("uk/no-such-page", "en-US", "uk"), ("no-such-page", "ru-RU", "ru"), ("x/y", "de-DE", "en")],
)
def test_the_root_404_sends_the_reader_to_their_language(
    chromium: Browser, pages_url: str, path: str, locale: str, lang: str
) -> None:
    """By the address's first segment if it is a site language, else the browser's
    language, else the first language."""
    with _browse(chromium, pages_url, locale=locale) as page:
        page.goto(pages_url + path)
        page.wait_for_url(f"{pages_url}{lang}/404.html")
        assert page.inner_text("article h1") == _(lang, NOT_FOUND)


def test_without_javascript_the_root_404_links_home_in_every_language(
    chromium: Browser, pages_url: str
) -> None:
    with _browse(chromium, pages_url, js=False) as page:
        page.goto(pages_url + "uk/no-such-page")
        assert page.url == pages_url + "uk/no-such-page"
        items = page.locator("li")
        assert items.evaluate_all("els => els.map(e => e.lang)") == list(LANGS)
        for lang in LANGS:
            item = page.locator(f'li[lang="{lang}"]')
            assert _(lang, NOT_FOUND) in item.inner_text()
            assert item.locator("a").inner_text() == _(lang, HOME)
            assert item.locator("a").get_attribute("href") == f"/{lang}/"
        page.locator('li[lang="uk"] a').click()
        page.wait_for_url(pages_url + "uk/")


def test_tabbing_through_the_header_neither_opens_search_nor_dims_the_page(
    page: Page, served_site: ServedSite
) -> None:
    """Focus passing through the search box opens nothing; a click opens it, Esc closes it
    and the focus stays on the box; Tab out of the open panel closes it too."""
    page.goto(served_site.page_url("en/"))
    page.wait_for_load_state("networkidle")
    seen = []
    for _tab in range(40):
        page.keyboard.press("Tab")
        seen.append(_focus_on(page))
        assert not page.is_checked("#__search"), seen
        assert not _dimmed(page), seen
        if len(seen) > 3 and seen[-4] == "search":
            break
    assert "search" in seen[:-3], seen  # the box was passed through, and left
    page.click("[data-sikb-search-query]")
    assert page.is_checked("#__search")
    page.wait_for_function(DIMMED, timeout=2000)
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    _undimmed(page)
    assert _focus_on(page) == "search"
    page.keyboard.type("Lviv")  # typing in the box opens it again
    assert page.is_checked("#__search")
    page.wait_for_selector('.md-search-result[aria-busy="false"] .md-search-result__item')
    inside = "document.querySelector('[data-sikb-search]').contains(document.activeElement)"
    for _tab in range(30):  # the panel's own stops (results, filters), then out of it
        page.keyboard.press("Tab")
        if not page.evaluate(inside):
            break
    page.wait_for_function("!document.getElementById('__search').checked")
    _undimmed(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "cases/lviv-services/", "explorer/", "404.html"])
def test_the_first_tab_reaches_a_skip_link_in_the_page_s_language(
    page: Page, served_site: ServedSite, lang: str, path: str
) -> None:
    """The skip link is the first stop, says so in the language, and Enter on it sends the
    next Tab into the page's content, past the header and the navigation."""
    page.goto(served_site.page_url(f"{lang}/{path}"))
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    # (Material's instant navigation writes links out in full)
    assert _focus_on(page) == f"a {served_site.page_url(f'{lang}/{path}')}#__sikb-content"
    assert page.evaluate("document.activeElement.textContent.trim()") == SKIP[lang]
    assert page.locator(".md-skip:visible").count() == 1
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === '__sikb-content'")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')"), _focus_on(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_colour_scheme_toggle_speaks_the_page_s_language(
    page: Page, served_site: ServedSite, lang: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(served_site.page_url(f"{lang}/"))
    page.wait_for_load_state("networkidle")
    toggle = page.locator('form[data-md-component="palette"] label:visible')
    assert toggle.get_attribute("title") == _(lang, TO_DARK)
    labels = page.eval_on_selector_all(
        'input[name="__palette"]', "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert labels == [_(lang, TO_DARK), _(lang, TO_LIGHT)]
    toggle.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    toggle = page.locator('form[data-md-component="palette"] label:visible')
    assert toggle.get_attribute("title") == _(lang, TO_LIGHT)


@pytest.mark.parametrize("lang", LANGS)
def test_titles_name_the_site_once_in_the_page_s_language(
    page: Page, served_site: ServedSite, lang: str
) -> None:
    page.goto(served_site.page_url(f"{lang}/"))
    assert page.title() == _(lang, SITE_NAME)
    page.goto(served_site.page_url(f"{lang}/countries/"))
    title = page.title()
    assert title.endswith(f" - {_(lang, SITE_NAME)}")
    assert title.count("SIKB") == 1
    heading = page.eval_on_selector("article h1", "h => h.firstChild.textContent.trim()")
    assert title.removesuffix(f" - {_(lang, SITE_NAME)}") == heading
