"""A case that happens worldwide in the explorer: its card says so, and filtering by
Sweden, where it is only discussed, leaves it out."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from generator.model.collection import Collection
from tests.browser.conftest import PageLog, origin
from tests.browser.serving import Server, served_kb
from tests.browser.test_explorer import open_explorer
from tests.conftest import FIXTURES, REPO, TODAY
from tests.e2e.test_reach import GLOBAL

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def worldwide(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Collection]]:
    root = tmp_path_factory.mktemp("worldwide") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "global-network.md").write_text(GLOBAL, encoding="utf-8")
    with served_kb(root, SIKB_TODAY=TODAY) as served:
        yield served


@pytest.fixture
def page_log(worldwide: tuple[Server, Collection]) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(worldwide[0].url))


def test_the_card_says_worldwide_and_sweden_leaves_it_out(
    page: Page, worldwide: tuple[Server, Collection]
) -> None:
    server, _ = worldwide
    open_explorer(page, server)
    assert page.inner_text('[data-case="global-network"] .sikb-card__meta') == (
        "Worldwide · Active"
    )
    open_explorer(page, server, query="?country=SE")
    shown = page.eval_on_selector_all("[data-case]", "els => els.map(e => e.dataset.case)")
    assert shown == ["swedish-fund"]
