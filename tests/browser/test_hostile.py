"""The hostile corpus in Chromium: every page built from it loads with no dialog, no
script error and no request to another host (tests/e2e/hostile.py builds it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PageLog, ServedSite, origin
from tests.browser.serving import serve
from tests.e2e.hostile import TITLE_PAGES, Corpus, make_kb
from tests.e2e.test_site import LANGS, run

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServedSite, Corpus]]:
    """The fixture knowledge base and the hostile corpus, built for and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("hostile-browser") / "kb"
    corpus = make_kb(root, run)
    with serve(root / "site") as server:
        done = run(root, "build", SIKB_SITE_URL=server.url)
        assert done.returncode == 0, done.stdout + done.stderr
        yield ServedSite(root, server.root, server.url), corpus


@pytest.fixture
def page_log(corpus_site: tuple[ServedSite, Corpus]) -> PageLog:
    """This module's pages are the corpus site's (overrides conftest's ``page_log``)."""
    return PageLog(origin(corpus_site[0].url))


@pytest.mark.parametrize("lang", LANGS)
def test_no_corpus_page_opens_a_dialog_runs_a_failing_script_or_calls_another_host(
    corpus_site: tuple[ServedSite, Corpus], page: Page, page_log: PageLog, lang: str
) -> None:
    """Each case page built from the corpus and the hand-written hostile pages, loaded
    one after another; the ``page`` fixture also fails the test on any of these."""
    served, corpus = corpus_site
    docs = ["hostile", *TITLE_PAGES]
    paths = [f"{lang}/cases/{i.case_id}/" for i in corpus.built] + [f"{lang}/{d}/" for d in docs]
    for path in paths:
        response = page.goto(served.page_url(path), wait_until="load")
        assert response is not None
        assert response.status == 200, path
        assert page.locator("article h1").count() == 1, path
        assert page_log.problems() == [], path
    # Every page was a page of the site, with its own scripts running (search box).
    assert page.locator(".md-search").count() == 1
