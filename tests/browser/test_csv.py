"""CSV injection: the explorer's CSV download writes a cell a spreadsheet would run as a
formula as text, exactly as the build's data/cases.csv does.

The fixture knowledge base plus two cases whose title and summary begin with formula
characters (the case format allows them: they are plain text), built and served; both
are discussed in Sweden, so the explorer's records hold a country under discussed_in.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.model.collection import Collection
from tests.browser.conftest import PageLog, origin
from tests.browser.serving import Server, served_kb
from tests.browser.test_explorer import dataset, open_explorer
from tests.conftest import FIXTURES, REPO, TODAY

pytestmark = pytest.mark.browser

FORMULAS = {
    "formula-link": ('=HYPERLINK("http://evil","x")', "@SUM(1)"),
    "formula-sum": ("-2+3", "+1+1;=1+1"),
}
"""Case id: (title, summary)."""

CASE = """---
title: {title}
summary: {summary}
language: en
countries: [UA]
discussed_in: [SE]
sectors: [public]
themes: [social-services]
actors:
  - {{id: lviv-city-council, role: initiator}}
status: active
criteria:
  novelty: unknown
  systemic-change: unknown
sources:
  - title: A report
    language: en
updated: "2024-03-01"
---

## Context

A case whose title and summary read like spreadsheet formulas.
"""


@pytest.fixture(scope="module")
def formulas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Collection]]:
    root = tmp_path_factory.mktemp("formulas") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for case_id, (title, summary) in FORMULAS.items():
        text = CASE.format(title=json.dumps(title), summary=json.dumps(summary))
        (root / "cases" / f"{case_id}.md").write_text(text, encoding="utf-8")
    with served_kb(root, SIKB_TODAY=TODAY) as served:
        yield served


@pytest.fixture
def page_log(formulas: tuple[Server, Collection]) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(formulas[0].url))


def rows(text: str) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))}


def test_the_explorer_s_csv_writes_formulas_as_text_as_the_data_file_does(
    page: Page, formulas: tuple[Server, Collection]
) -> None:
    server, collection = formulas
    data = dataset(collection, "en", server.url)
    records = {r["id"]: r for r in data.records()}
    assert {records[i]["title"] for i in FORMULAS} == {t for t, _ in FORMULAS.values()}
    served = (server.root / "en" / "data" / "cases.csv").read_bytes().decode("utf-8")
    assert served == data.csv_text()
    static = rows(served)

    open_explorer(page, server, query="?country=UA")
    # the page shows the title as written
    assert page.inner_text('[data-case="formula-link"] h3') == FORMULAS["formula-link"][0]
    with page.expect_download() as got:
        page.click('button[data-download="csv"]')
    text = Path(got.value.path()).read_bytes().decode("utf-8")
    downloaded = rows(text)
    wanted = {i for i, r in records.items() if "UA" in r["countries"]}
    assert set(FORMULAS) < wanted
    assert set(downloaded) == wanted
    assert downloaded == {i: static[i] for i in wanted}
    for case_id, (title, summary) in FORMULAS.items():
        assert downloaded[case_id]["title"] == "'" + title
        assert downloaded[case_id]["summary"] == "'" + summary
        assert downloaded[case_id]["url"] == f"{server.url}en/cases/{case_id}/"
        assert downloaded[case_id]["countries"] == "UA"
        assert downloaded[case_id]["discussed_in_labels"] == "Sweden"
    assert '"\'=HYPERLINK(""http://evil"",""x"")"' in text
    assert '"\'@SUM(1)"' in text
    # each downloaded line is, byte for byte, the data file's line for that case
    lines = set(served.lstrip("\ufeff").split("\r\n"))
    assert set(text.lstrip("\ufeff").split("\r\n")) <= lines

    with page.expect_download() as got:
        page.click('button[data-download="json"]')
    as_json = {r["id"]: r for r in json.loads(Path(got.value.path()).read_text("utf-8"))}
    assert as_json["formula-link"]["title"] == FORMULAS["formula-link"][0]
    assert as_json == {i: records[i] for i in wanted}
