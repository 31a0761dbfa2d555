"""The explorer lays out the facets taxonomy.yaml declares: statuses moved first, actors
removed, themes renamed (tests/e2e/test_facets.py builds the same knowledge base)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PageLog, origin
from tests.browser.serving import Server, served_build
from tests.browser.test_explorer import facet_counts, open_explorer
from tests.conftest import TODAY
from tests.e2e.test_facets import ORDER, change_facets

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture knowledge base with its facets changed, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("facets") / "kb"
    change_facets(root)
    with served_build(root, SIKB_TODAY=TODAY) as served:
        yield served


@pytest.fixture
def page_log(server: Server) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(server.url))


def test_the_filters_follow_the_taxonomy(page: Page, server: Server) -> None:
    """The facets in the taxonomy's order, named by it, then the criteria."""
    open_explorer(page, server)
    params = page.eval_on_selector_all(
        "details[data-facet]", "els => els.map(e => e.dataset.facet)"
    )
    assert params == [*ORDER, "c.novelty", "c.systemic-change"]
    assert page.inner_text('details[data-facet="theme"] summary') == "Topic"


def test_the_table_shows_the_facets_marked_table(page: Page, server: Server) -> None:
    open_explorer(page, server, query="?view=table")
    heads = page.eval_on_selector_all("table[data-view] th", "els => els.map(e => e.textContent)")
    assert heads == ["Title", "Status", "Countries", "Sectors", "Themes", "Start", "Last updated"]
    href = page.get_attribute('tr[data-case="lviv-services"] a', "href")
    assert href == "../cases/lviv-services/"


def test_the_comparison_counts_countries_wherever_their_facet_stands(
    page: Page, server: Server
) -> None:
    """The countries to compare show the country facet's counts, not the first facet's."""
    open_explorer(page, server, query="?status=active")
    countries = facet_counts(page, "country")
    shown = page.eval_on_selector_all(
        'input[name="compare"]',
        "els => els.map(e => [e.value, e.closest('label').textContent.trim()])",
    )
    assert {code: int(text.rsplit("(", 1)[1].rstrip(")")) for code, text in shown} == countries
    page.click('button[data-tab="compare"]')
    for c in ("MD", "UA"):
        page.check(f'input[name="compare"][value="{c}"]')
    groups = page.eval_on_selector_all(
        'table[data-compare="MD,UA"] th[scope="rowgroup"]', "els => els.map(e => e.textContent)"
    )
    assert groups == ["Sectors", "Themes", "Actor types", "Criteria"]
