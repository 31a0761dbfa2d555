"""Search in Ukrainian and Russian finds a word in any of its forms (issue 17), and shows
the pages' words as written: titles, excerpts with the matches marked, filter labels.

Pagefind indexes each word's stem (generator/search/shadow.py); the search box normalises
the query the same way (assets/sikb-stem.js). Typed into the header's box of the built
fixture site, as a reader would.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import SCREENSHOTS, PageLog, ServedSite
from tests.browser.test_search import QUERY, RESULTS, _, hostile_case_as_text, paths, search, visit

pytestmark = pytest.mark.browser

TITLE = {"uk": "Молодіжна лабораторія Молдови", "ru": "Молодёжная лаборатория Молдовы"}
SUMMARY = {
    "uk": "Тестовий випадок про молодіжну програму в Молдові.",
    "ru": "Тестовый случай о молодёжной программе в Молдове.",
}
"""The fixture case's title and summary, as its files write them."""

INFLECTED = [
    # (language, query, the words marked in the case's excerpt, the text it shows): forms
    # that the case does not hold; Pagefind alone finds nothing in uk, nor -ой forms in ru.
    ("uk", "лабораторії", ["лабораторія"], TITLE["uk"]),
    ("uk", "лабораторіями", ["лабораторія"], TITLE["uk"]),
    ("uk", "молодіжної програми", ["молодіжну", "програму"], SUMMARY["uk"]),
    ("uk", "Молдова програмою", ["програму", "Молдові", "Молдова"], SUMMARY["uk"]),
    ("ru", "лабораторией", ["лаборатория"], f"{TITLE['ru']}. {SUMMARY['ru']}"),
    ("ru", "молодёжный", ["Молодёжная", "молодёжной"], f"{TITLE['ru']}. {SUMMARY['ru']}"),
    ("ru", "молодежной программой", ["Молодёжная", "молодёжной", "программе"], SUMMARY["ru"]),
]


def marked(page: Page) -> list[str]:
    """The words marked in the first result's excerpt."""
    return page.eval_on_selector_all(
        f"{RESULTS} .md-search-result__item:first-child article > p:last-child mark",
        "marks => marks.map(m => m.textContent)",
    )


@pytest.mark.parametrize(("lang", "query", "words", "shown"), INFLECTED)
def test_an_inflected_query_finds_the_case_and_marks_its_words_as_written(
    page: Page, served_site: ServedSite, lang: str, query: str, words: list[str], shown: str
) -> None:
    """The case comes first, titled as written; its excerpt is its own text as written,
    with the forms of the query's words marked."""
    visit(page, served_site, f"{lang}/")
    found = search(page, query)
    assert found, query
    assert found[0].path == f"/{lang}/cases/youth-lab-moldova/"
    assert found[0].title == TITLE[lang]
    assert shown in found[0].excerpt
    assert marked(page) == words


def test_the_excerpt_and_filters_show_the_labels_as_written(
    page: Page, served_site: ServedSite
) -> None:
    """Ukrainian: the result's country and status, and the filter menus, as the taxonomy
    writes them (not stems); a filter still narrows an inflected query."""
    visit(page, served_site, "uk/")
    found = search(page, "Молдовою")
    assert "/uk/cases/youth-lab-moldova/" in paths(found)
    facts = page.locator(f"{RESULTS} .sikb-search__facts").first.text_content()
    assert facts == "Молдова · Завершено"
    page.locator("[data-sikb-filters-button]").click()
    country = page.locator('select[data-sikb-filter="country"]')
    country.wait_for()
    assert "Молдова (2)" in country.locator("option").all_text_contents()
    page.select_option('select[data-sikb-filter="status"]', "Завершено")
    page.wait_for_selector(f'{RESULTS}[aria-busy="false"]', state="attached")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-uk-inflected.png"))
    shown = page.eval_on_selector_all(
        f"{RESULTS} .md-search-result__item a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert shown == ["/uk/cases/youth-lab-moldova/"]


def test_a_case_that_reads_like_markup_is_shown_as_text_in_ukrainian(
    page: Page, served_site: ServedSite, page_log: PageLog
) -> None:
    """The excerpt made in the browser from the page's words (the hostile case, shown in
    English on the Ukrainian site) puts them in as text: its <script> is words, no dialog."""
    hostile_case_as_text(page, served_site, "uk")
    assert marked(page)[:2] == ["alert", "onerror"]
    assert page_log.dialogs == []


def test_a_form_of_a_word_too_common_to_search_alone_is_left_out(
    page: Page, served_site: ServedSite
) -> None:
    """The build lists too common words by their stems (a large site would list
    "молдов"): any form of it is left out, and named as typed."""
    visit(page, served_site, "uk/")
    page.eval_on_selector("[data-sikb-search]", "d => d.setAttribute('data-sikb-common', 'молдов')")
    too_common = _("uk", "Too common to search on its own: %(words)s. Add a more specific word.")
    assert search(page, "Молдовою") == []
    assert page.text_content(f"{RESULTS}__meta") == too_common.replace("%(words)s", "Молдовою")
    found = search(page, "Молдові лабораторією")
    assert paths(found)[0] == "/uk/cases/youth-lab-moldova/"
    assert marked(page) == ["лабораторія"]  # the word left out is not searched for
    assert page.input_value(QUERY) == "Молдові лабораторією"
