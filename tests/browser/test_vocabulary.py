"""The explorer shows a rating and a status added to taxonomy.yaml: facet and comparison."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PageLog, origin
from tests.browser.serving import Server, served_build
from tests.browser.test_explorer import (
    compare_cells,
    facet_counts,
    matches,
    open_explorer,
    shown_ids,
)
from tests.conftest import TODAY
from tests.e2e.test_vocabulary import add_vocabulary

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture knowledge base with ``emerging`` and ``paused``, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("vocab") / "kb"
    add_vocabulary(root)
    with served_build(root, SIKB_TODAY=TODAY) as served:
        yield served


@pytest.fixture
def page_log(server: Server) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(server.url))


def test_the_new_rating_and_status_are_facet_values(page: Page, server: Server) -> None:
    """Each is a value with its label and count, and selecting it finds its case."""
    open_explorer(page, server, query="?c.novelty=emerging")
    assert (matches(page), shown_ids(page)) == (1, ["lviv-services"])
    assert facet_counts(page, "c.novelty")["emerging"] == 1
    assert facet_counts(page, "status")["paused"] == 1
    labels = page.eval_on_selector_all(
        'input[name="status"][value="paused"], input[name="c.novelty"][value="emerging"]',
        "els => els.map(e => e.closest('label').textContent.trim())",
    )
    assert labels == ["Paused (1)", "Emerging (1)"]


def test_the_comparison_counts_the_new_rating(page: Page, server: Server) -> None:
    """A criterion's row has one figure per rating: five, the fifth the new one."""
    open_explorer(page, server)
    page.click('button[data-tab="compare"]')
    for c in ("MD", "UA"):
        page.check(f'input[name="compare"][value="{c}"]')
    page.wait_for_selector('table[data-compare="MD,UA"]')
    cells = compare_cells(page, ["MD", "UA"])
    assert cells["Novelty"] == ["✔ 1 · ◐ 0 · ✘ 0 · ? 0 · ↗ 0", "✔ 0 · ◐ 0 · ✘ 0 · ? 0 · ↗ 1"]
