"""The spreadsheet for the explorer's filtered cases: ``window.sikbSpreadsheet.download``
(``sikb-spreadsheet.js``) saves the rows of the build's ``data/sikb-cases-<lang>.csv`` for
the ids it is given, in their order, byte for byte as the file has them.

The API is called directly, not through the explorer's button (which is the explorer's
own, tested with it): the fixture knowledge base plus a case whose title, note and
source read like formulas, built and served.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import PageLog, origin
from tests.browser.serving import Server, served_build
from tests.conftest import TODAY
from tests.e2e.test_spreadsheet import UK_HEADER, with_formula_case

pytestmark = pytest.mark.browser

FORMULA_ID = "central-asia-formula"
DOWNLOAD = "ids => window.sikbSpreadsheet.download(ids)"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("spreadsheet-browser") / "kb"
    with_formula_case(root, "KG", "KZ")
    with served_build(root, SIKB_TODAY=TODAY) as server:
        yield server


@pytest.fixture
def page_log(served: Server) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(served.url))


def lines_by_id(text: str) -> dict[str, str]:
    """Each row of a spreadsheet by its case id (the last cell; rows end in CRLF, a cell's
    own line breaks are LF)."""
    rows = text.removeprefix("\ufeff").split("\r\n")[1:-1]
    return {row.rsplit(";", 1)[1]: row for row in rows}


def test_download_saves_the_given_cases_rows_as_the_file_has_them(
    page: Page, page_log: PageLog, served: Server
) -> None:
    """In uk: the file's name, its BOM and Ukrainian header, then the rows of the ids given,
    in their order (an unknown id skipped); formulas as text; one fetch, on first use."""
    served_text = (served.root / "uk" / "data" / "sikb-cases-uk.csv").read_bytes().decode()
    page.goto(f"{served.url}uk/explorer/")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => window.sikbSpreadsheet && window.sikbSpreadsheet.download")
    assert not [u for u in page_log.requests if u.endswith("/spreadsheet.json")]

    wanted = [FORMULA_ID, "no-such-case", "youth-lab-moldova"]
    with page.expect_download() as got:
        count = page.evaluate(DOWNLOAD, wanted)
    assert count == 2
    assert got.value.suggested_filename == "sikb-cases-uk.csv"
    text = Path(got.value.path()).read_bytes().decode("utf-8")
    header = served_text.split("\r\n", 1)[0]
    assert header == "\ufeff" + ";".join(UK_HEADER)
    rows = lines_by_id(served_text)
    assert text == "".join(
        f"{line}\r\n" for line in (header, rows[FORMULA_ID], rows["youth-lab-moldova"])
    )
    assert text.split("\r\n")[1].startswith('"\'=HYPERLINK(""https://evil.example"",""x"")";')
    assert ';"\'@SUM(1)";' in text
    assert f"{served.url}uk/cases/youth-lab-moldova/" in text

    with page.expect_download() as got:
        count = page.evaluate("() => window.sikbSpreadsheet.download()")
    assert count == len(rows)
    assert Path(got.value.path()).read_bytes().decode("utf-8") == served_text
    fetched = [u for u in page_log.requests if u.endswith("/spreadsheet.json")]
    assert fetched == [f"{served.url}uk/explorer/spreadsheet.json"]
