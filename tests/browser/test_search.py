"""Site search as a reader uses it: Material's search box, Pagefind behind it, in Chromium.

Every test types into the header's box of the built fixture site and reads the results
the page shows; the ``page`` fixture fails a test on any console error, failed request
or request to another host (tests/browser/conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page

from generator.i18n.catalogs import translations
from tests.browser.conftest import SCREENSHOTS, PageLog, ServedSite

pytestmark = pytest.mark.browser

QUERY = "[data-sikb-search-query]"
RESULTS = ".md-search-result"


@dataclass(frozen=True)
class Result:
    path: str
    """The result's URL path, e.g. ``/en/cases/lviv-services/``."""
    title: str
    excerpt: str


def _(lang: str, msgid: str) -> str:
    return str(translations(lang).ugettext(msgid))


def visit(page: Page, served: ServedSite, path: str) -> None:
    page.goto(served.page_url(path))
    page.wait_for_load_state("load")


def settle(page: Page) -> None:
    """Let Material finish an instant navigation: 125 ms after the location changes it
    closes the search (bundle: location$ debounced, then setToggle("search", false))."""
    page.wait_for_timeout(300)


def results(page: Page) -> list[Result]:
    """The results as shown, once the search under way has finished."""
    page.wait_for_selector(f'{RESULTS}[aria-busy="false"]', state="attached")
    found = page.eval_on_selector_all(
        f"{RESULTS} .md-search-result__item",
        """items => items.map(li => ({
            href: li.querySelector("a").getAttribute("href"),
            title: li.querySelector("h1").textContent,
            excerpt: li.querySelector("article > p:last-child").textContent,
        }))""",
    )
    return [Result(r["href"], r["title"], r["excerpt"]) for r in found]


def search(page: Page, query: str) -> list[Result]:
    """Open the search with "/" as a reader would, type ``query``, read the results."""
    if not page.is_checked("#__search"):
        page.keyboard.press("/")
    page.fill(QUERY, query)
    return results(page)


def choose(page: Page, name: str, value: str) -> list[Result]:
    """Pick a filter's value (asking for the menus first if they are not shown)."""
    button = page.locator("[data-sikb-filters-button]")
    if button.is_visible():
        button.click()
    page.select_option(f'select[data-sikb-filter="{name}"]', value)
    return results(page)


def paths(found: list[Result]) -> list[str]:
    return [r.path for r in found]


def hostile_case_as_text(page: Page, served: ServedSite, lang: str) -> None:
    """Search ``alert onerror`` in ``lang``: the hostile case alone, its <script> shown as
    words, and nothing but the result list's own elements inserted."""
    visit(page, served, f"{lang}/")
    found = search(page, "alert onerror")
    assert paths(found) == [f"/{lang}/cases/hostile-case/"]
    assert "<script>alert(1)</script>" in found[0].excerpt
    inserted = page.eval_on_selector_all(
        f"{RESULTS} *", "nodes => nodes.map(n => n.tagName.toLowerCase())"
    )
    assert set(inserted) <= {"div", "ol", "li", "a", "article", "h1", "p", "mark"}


FINDS = [
    # (language, query, case): a title word, a summary word, a place, an actor's name
    ("en", "Youth", "youth-lab-moldova"),
    ("en", "programme", "youth-lab-moldova"),
    ("en", "Chișinău", "youth-lab-moldova"),
    ("en", "Council", "lviv-services"),
    ("ru", "Молодёжная", "youth-lab-moldova"),
    ("ru", "программе", "youth-lab-moldova"),
    ("ru", "Кишинёв", "youth-lab-moldova"),
    ("ru", "Львовский", "lviv-services"),
    ("uk", "Молодіжна", "youth-lab-moldova"),
    ("uk", "програму", "youth-lab-moldova"),
    ("uk", "Кишинів", "youth-lab-moldova"),
    ("uk", "Львівська", "lviv-services"),
]


@pytest.mark.parametrize(("lang", "query", "case"), FINDS)
def test_a_search_finds_the_case_in_the_page_language(
    page: Page, served_site: ServedSite, lang: str, query: str, case: str
) -> None:
    """By a title word, a summary word, a place or an actor's name: the case comes first."""
    visit(page, served_site, f"{lang}/")
    found = search(page, query)
    assert found, query
    assert found[0].path == f"/{lang}/cases/{case}/"
    assert query.casefold() in (found[0].title + " " + found[0].excerpt).casefold()


def test_result_titles_and_words_are_in_the_page_language(
    page: Page, served_site: ServedSite, page_log: PageLog
) -> None:
    """Russian page: Russian title, Material's Russian words, our filter menus in Russian."""
    visit(page, served_site, "ru/")
    found = search(page, "Кишинёв")
    assert [r.title for r in found] == ["Молодёжная лаборатория Молдовы"]
    assert page.get_attribute(QUERY, "placeholder") == "Поиск"
    assert page.text_content(f"{RESULTS}__meta") == "Найдено 1 совпадение"
    button = page.locator("[data-sikb-filters-button]")
    assert button.text_content() == _("ru", "Filter the results") == "Уточнить результаты"
    button.click()
    country = page.locator('select[data-sikb-filter="country"]')
    country.wait_for()
    # the menus' names are the facets' in taxonomy.yaml, in the page's language
    assert country.get_attribute("aria-label") == "Страны"
    options = country.locator("option").all_text_contents()
    assert options[0] == "Все страны"
    assert "Молдова (2)" in options
    status = page.locator('select[data-sikb-filter="status"] option').all_text_contents()
    assert status[0] == "Все статусы"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-ru.png"))
    # Pagefind's bundle, not Material's lunr index or worker.
    assert any("/pagefind/pagefind.js" in u for u in page_log.requests)
    assert not [u for u in page_log.requests if "search_index" in u or "workers/search" in u]


def test_a_filter_narrows_the_results(page: Page, served_site: ServedSite) -> None:
    """UNICEF is in three cases; the country filter keeps the Swedish one; "all" undoes it."""
    visit(page, served_site, "en/")
    found = search(page, "UNICEF")
    cases = [p for p in paths(found) if p.startswith("/en/cases/")]
    assert sorted(cases) == [
        "/en/cases/hostile-case/",
        "/en/cases/swedish-fund/",
        "/en/cases/youth-lab-moldova/",
    ]
    assert "/en/actors/unicef/" in paths(found)
    assert paths(choose(page, "country", "Sweden")) == ["/en/cases/swedish-fund/"]
    assert paths(choose(page, "status", "Completed")) == []
    assert paths(choose(page, "country", "")) == ["/en/cases/youth-lab-moldova/"]
    assert len(choose(page, "status", "")) == len(found)


def test_a_filter_alone_lists_its_cases(page: Page, served_site: ServedSite) -> None:
    """No words, a theme chosen in Ukrainian: the cases of that theme."""
    visit(page, served_site, "uk/")
    page.keyboard.press("/")
    found = choose(page, "theme", "Молодь")
    assert sorted(paths(found)) == ["/uk/cases/hostile-case/", "/uk/cases/youth-lab-moldova/"]


def test_a_case_ranks_above_the_term_pages_that_share_its_words(
    page: Page, served_site: ServedSite
) -> None:
    """Lviv is in a case's title and an actor's name; Moldova names a case and a country."""
    visit(page, served_site, "en/")
    lviv = paths(search(page, "Lviv"))
    assert lviv[0] == "/en/cases/lviv-services/"
    assert "/en/actors/lviv-city-council/" in lviv[1:]
    moldova = paths(search(page, "Moldova"))
    country = moldova.index("/en/countries/md/")
    assert moldova[0] == "/en/cases/youth-lab-moldova/"
    assert all(p.startswith("/en/cases/") for p in moldova[:country])
    assert not [p for p in moldova[country:] if p.startswith("/en/cases/")]


def test_the_keyboard_opens_moves_through_and_closes_the_search(
    page: Page, served_site: ServedSite
) -> None:
    """/ opens and focuses, arrows move through the results, Enter opens one, Esc closes."""
    visit(page, served_site, "en/")
    page.keyboard.press("/")
    assert page.is_checked("#__search")
    assert page.evaluate("document.activeElement.matches('[data-sikb-search-query]')")
    page.keyboard.type("Lviv")
    assert paths(results(page))[0] == "/en/cases/lviv-services/"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        "/en/cases/lviv-services/"
    )
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-sikb-search-query]')")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert not page.evaluate("document.activeElement.matches('[data-sikb-search-query]')")
    page.keyboard.press("s")
    assert page.is_checked("#__search")
    assert page.input_value(QUERY) == "Lviv"  # "s" opened the search; it was not typed
    page.keyboard.press("Enter")
    page.wait_for_url(served_site.page_url("en/cases/lviv-services/"))
    assert not page.is_checked("#__search")
    assert (page.text_content("article h1") or "").startswith("Lviv services")


def test_search_works_after_instant_navigation(page: Page, served_site: ServedSite) -> None:
    """Material swaps the page without reloading it; the header's search still answers."""
    visit(page, served_site, "en/")
    page.evaluate("window.sikbSamePage = true")
    page.click('.md-nav__link[href$="countries/"]')
    page.wait_for_url(served_site.page_url("en/countries/"))
    assert page.evaluate("window.sikbSamePage === true"), "a full reload, not instant navigation"
    settle(page)
    found = search(page, "Chișinău")
    assert paths(found) == ["/en/cases/youth-lab-moldova/"]
    page.click(f"{RESULTS} .md-search-result__link")
    page.wait_for_url(served_site.page_url("en/cases/youth-lab-moldova/"))
    assert page.evaluate("window.sikbSamePage === true")
    assert not page.is_checked("#__search")
    settle(page)
    assert paths(search(page, "Lviv"))[0] == "/en/cases/lviv-services/"


def test_a_case_that_reads_like_markup_is_shown_as_text(
    page: Page, served_site: ServedSite, page_log: PageLog
) -> None:
    """The hostile case's <script> and <img onerror> come back from the index as words only."""
    hostile_case_as_text(page, served_site, "en")
    assert page.locator(f"{RESULTS} mark").count() >= 2
    assert page_log.dialogs == []


def test_the_last_words_typed_are_the_ones_answered(page: Page, served_site: ServedSite) -> None:
    """A slower answer to what was typed before never replaces the answer to the last words."""
    visit(page, served_site, "en/")
    page.keyboard.press("/")
    page.fill(QUERY, "UNICEF")
    page.wait_for_timeout(200)  # that search is under way
    page.fill(QUERY, "Chișinău")
    assert paths(results(page)) == ["/en/cases/youth-lab-moldova/"]


def test_words_too_common_to_search_alone_are_left_out(
    page: Page, served_site: ServedSite, page_log: PageLog
) -> None:
    """A word the build lists as too common (data-sikb-common; this small site has none,
    so the page is given "the" as a large one would be) loads no index on its own and says
    so; beside other words it is left out, and the other words answer; a quoted phrase is
    searched as typed."""
    visit(page, served_site, "en/")
    page.eval_on_selector("[data-sikb-search]", "d => d.setAttribute('data-sikb-common', 'the')")
    too_common = _("en", "Too common to search on its own: %(words)s. Add a more specific word.")
    assert search(page, "The") == []
    assert page.text_content(f"{RESULTS}__meta") == too_common.replace("%(words)s", "The")
    # Opening the box loads Pagefind itself; no index chunk is asked for.
    assert not [u for u in page_log.requests if u.endswith(".pf_index")]
    assert paths(search(page, "the Chișinău")) == ["/en/cases/youth-lab-moldova/"]
    assert search(page, '"the"')  # a quoted phrase is searched as typed
