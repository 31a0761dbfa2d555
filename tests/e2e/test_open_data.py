"""Data anyone can take without asking (issue 16): each language's data/ folder, built by
``sikb build``, is a valid Frictionless Data Package; its page lists the files and every
column in the page's language and is in the navigation; a retired case id's page sends the
reader to its successor."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.data.codebook import codebook
from generator.validate.collection import load
from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import LANGS, run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e

FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")
DATA_TITLE = {"en": "Open data", "ru": "Открытые данные", "uk": "Відкриті дані"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base with swedish-fund merged into lviv-services, built."""
    root = tmp_path_factory.mktemp("open-data") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "published-ids.txt").write_text(
        "lviv-services\nswedish-fund\nyouth-lab-moldova\n", encoding="utf-8"
    )
    (root / "cases" / "swedish-fund.md").unlink()
    (root / "cases" / "swedish-fund.en.md").unlink()
    (root / "retired.yaml").write_text(
        'retired:\n  - {id: swedish-fund, merged_into: lviv-services, date: "2026-12-05"}\n',
        encoding="utf-8",
    )
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_frictionless_validates_the_built_data_package(site: Path, lang: str) -> None:
    """``frictionless validate site/<lang>/data/datapackage.json``: every file as described."""
    data = site / lang / "data"
    done = subprocess.run(
        [FRICTIONLESS, "validate", "--json", str(data / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    assert report["valid"], done.stdout
    assert done.returncode == 0
    assert {t["name"] for t in report["tasks"]} == {
        "cases",
        f"cases-{lang}",
        "cases-json",
        "taxonomy",
        "case-schema",
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_s_codebook_lists_every_column_in_the_page_s_language(
    site: Path, lang: str
) -> None:
    """Every column of the built cases.csv, in order, with the Table Schema's description."""
    data = site / lang / "data"
    text = (data / "cases.csv").read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    page = parse(data / "index.html")
    assert page.find("h1").text == DATA_TITLE[lang]
    tables = page.find_all("table")
    rows = [[td.text for td in tr.find_all("td")] for tr in tables[-1].find_all("tr")[1:]]
    assert [r[0] for r in rows] == header
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == header
    for row, f in zip(rows, fields, strict=True):
        assert row[2].startswith(" ".join(f["description"].split())), f["name"]
    collection = load(site.parent).collection
    assert collection is not None
    assert [c.description for c in codebook(collection.taxonomy, lang)] == [
        f["description"] for f in fields
    ]
    links = {a.attrs["href"] for a in tables[0].find_all("a")}
    assert links == {f"../data/{n}" for n in (
        f"sikb-cases-{lang}.csv", "cases.csv", "cases.json", "taxonomy.json",
        "case.schema.json", "datapackage.json",
    )}  # fmt: skip
    for href in links:
        assert (data / href.removeprefix("../data/")).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_is_in_the_navigation_and_the_explorer_links_it(
    site: Path, lang: str
) -> None:
    home = parse(site / lang / "index.html")
    nav = [a for a in home.find_all("a", class_="md-nav__link") if a.text == DATA_TITLE[lang]]
    assert nav, "the data page is not in the navigation"
    assert nav[0].attrs["href"] == "data/"
    explorer = parse(site / lang / "explorer" / "index.html")
    assert any(a.attrs.get("href") == "../data/" for a in explorer.find("article").find_all("a"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_retired_id_s_page_sends_the_reader_to_its_successor(site: Path, lang: str) -> None:
    """cases/swedish-fund/ still answers: a refresh and a link to cases/lviv-services/."""
    page = parse(site / lang / "cases" / "swedish-fund" / "index.html")
    (refresh,) = page.find_all("meta", http_equiv="refresh")
    assert refresh.attrs["content"] == "0; url=../lviv-services/"
    (canonical,) = page.find_all("link", rel="canonical")
    assert canonical.attrs["href"].endswith(f"/{lang}/cases/lviv-services/")
    (link,) = page.find("body").find_all("a")
    assert link.attrs["href"] == "../lviv-services/"
    assert (site / lang / "cases" / "lviv-services" / "index.html").is_file()
    rows = json.loads((site / lang / "data" / "cases.json").read_text(encoding="utf-8"))
    assert "swedish-fund" not in {r["id"] for r in rows}


def test_sikb_ids_names_the_unpublished_cases_and_update_adds_them(kb: Path) -> None:
    """``sikb ids`` lists the cases not yet published; ``--update`` appends them, in order."""
    (kb / "published-ids.txt").write_text("swedish-fund\n", encoding="utf-8")
    listed = run(kb, "ids")
    assert (listed.returncode, listed.stdout) == (
        0,
        "2 ids not yet in published-ids.txt\n  lviv-services\n  youth-lab-moldova\n",
    )
    updated = run(kb, "ids", "--update")
    assert (
        updated.stdout == "published-ids.txt: 2 ids added\n  lviv-services\n  youth-lab-moldova\n"
    )
    lines = (kb / "published-ids.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["swedish-fund", "lviv-services", "youth-lab-moldova"]
    assert run(kb, "ids").stdout == "0 ids not yet in published-ids.txt\n"
