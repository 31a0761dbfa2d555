"""Search over an index made in parts (``search/parts.py``), as a language of more pages than
``SIKB_SEARCH_PART_PAGES`` has it: the same answers as the index made whole.

The fixture is built a second time with parts of 12 pages (about six a language) and both
sites are asked the same queries: words that only some parts hold, several words of which
a part holds one, a word of no page (Pagefind then takes its longest beginning), a filter.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import ServedSite, hostile_kb
from tests.browser.serving import build, serve
from tests.browser.test_search import choose, paths, search, visit
from tests.conftest import TODAY

QUERIES = {
    "en": ["alert onerror", "onerror", "Chișinău", "Lviv city", "lviv zzzqx", "onerrorzz", "fund"],
    "ru": ["молодёжь", "молодежи Молдовы", "Кишинёв", "источник"],
    "uk": ["молодь", "молоді Молдови", "лабораторії", "Кишинів"],
}


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The fixture of ``served_site``, its search index made in parts of 12 pages."""
    root = hostile_kb(tmp_path_factory.mktemp("parts") / "kb")
    with serve(root / "site") as server:
        done = build(root, server.url, SIKB_TODAY=TODAY, SIKB_SEARCH_PART_PAGES="12")
        assert done.returncode == 0, done.stdout + done.stderr
        yield ServedSite(root, server.root, server.url)


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_each_language_is_indexed_in_parts(parted_site: ServedSite, lang: str) -> None:
    bundle = parted_site.site / lang / "pagefind"
    listed = json.loads((bundle / "sikb-parts.json").read_text(encoding="utf-8"))
    assert len(listed["parts"]) >= 2
    assert len(listed["skip"]) == len(listed["parts"]) + 1
    for part in listed["parts"]:
        assert (bundle / part / "pagefind-entry.json").is_file()
    # The parts' page of every word is in no bundle's site, only in their indexes.
    assert not (parted_site.site / lang / "sikb-vocabulary").exists()


@pytest.fixture
def parted_page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", sorted(QUERIES))
def test_parts_answer_as_the_whole_index(
    page: Page, parted_page: Page, served_site: ServedSite, parted_site: ServedSite, lang: str
) -> None:
    """The same pages for every query (their order may differ: each part ranks its own)."""
    answers: dict[str, list[list[str]]] = {}
    for tab, site in ((page, served_site), (parted_page, parted_site)):
        visit(tab, site, f"{lang}/")
        for query in QUERIES[lang]:
            answers.setdefault(query, []).append(sorted(paths(search(tab, query))))
    for query, (whole, parted) in answers.items():
        assert parted == whole, query
        assert not any("sikb-vocabulary" in p for p in parted), query
    assert any(whole for whole, _ in answers.values()), "no query found anything"


def test_a_filter_over_parts_finds_every_case_of_its_value(
    page: Page, parted_page: Page, served_site: ServedSite, parted_site: ServedSite
) -> None:
    found = []
    for tab, site in ((page, served_site), (parted_page, parted_site)):
        visit(tab, site, "uk/")
        tab.keyboard.press("/")
        found.append(sorted(paths(choose(tab, "theme", "Молодь"))))
    assert found[0], "the theme has cases"
    assert found[1] == found[0]
