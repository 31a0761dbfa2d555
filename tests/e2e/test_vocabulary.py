"""A rating and a status added to taxonomy.yaml show on the site without a code change."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import run

pytestmark = pytest.mark.e2e

EMERGING = """  - id: emerging
    label: {en: Emerging, ru: Зарождается, uk: Зароджується}
    symbol: "↗"
    colour: "#6a1b9a"
"""
PAUSED = """  - id: paused
    label: {en: Paused, ru: Приостановлен, uk: Призупинено}
"""
LABELS = {"en": ("Emerging", "Paused"), "ru": ("Зарождается", "Приостановлен")}


def add_vocabulary(root: Path) -> None:
    """The fixture knowledge base in ``root``, with a fifth rating (``emerging``) and a
    third status (``paused``), both used by ``lviv-services``."""
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    tax = root / "taxonomy.yaml"
    text = tax.read_text(encoding="utf-8")
    text = text.replace("\nstatuses:\n", "\n" + EMERGING + "\nstatuses:\n" + PAUSED)
    tax.write_text(text, encoding="utf-8")
    case = root / "cases" / "lviv-services.md"
    text = case.read_text(encoding="utf-8")
    text = text.replace("novelty: unknown", "novelty: emerging")
    case.write_text(text.replace("status: active", "status: paused"), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The fixture knowledge base with a fifth rating and a third status, used by a case."""
    root = tmp_path_factory.mktemp("vocab") / "kb"
    add_vocabulary(root)
    checked = run(root, "validate")
    built = run(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return root / "site", checked.stdout + checked.stderr if checked.returncode else ""


def read(site: Path, lang: str, path: str) -> str:
    return (site / lang / path).read_text(encoding="utf-8")


def test_validate_accepts_the_new_rating_and_status(built: tuple[Path, str]) -> None:
    """`sikb validate` passes: the new ids are the taxonomy's."""
    assert built[1] == ""


@pytest.mark.parametrize("lang", list(LABELS))
def test_the_pages_show_the_new_rating_and_status(built: tuple[Path, str], lang: str) -> None:
    """The case page, the criterion page and the country's profile name them."""
    site, (rating, status) = built[0], LABELS[lang]
    case = read(site, lang, "cases/lviv-services/index.html")
    assert '<span class="sikb-rating sikb-rating--emerging">↗</span> ' + rating in case
    assert f"<dd>{status}</dd>" in case
    criterion = read(site, lang, "criteria/novelty/index.html")
    assert f'<span class="sikb-rating sikb-rating--emerging">↗</span> {rating}: 1' in criterion
    assert f'>↗ {rating}<a class="headerlink"' in criterion
    country = read(site, lang, "countries/ua/index.html")
    assert f">↗ {rating}</text>" in country
    assert 'class="sikb-fill-emerging"' in country
    assert ".sikb-rating--emerging { background: #6a1b9a; }" in read(site, lang, "assets/sikb.css")


@pytest.mark.parametrize("lang", list(LABELS))
def test_the_downloads_and_the_explorer_data_carry_them(built: tuple[Path, str], lang: str) -> None:
    """cases.csv, cases.json and the explorer's data hold the ids and their labels."""
    site, (rating, status) = built[0], LABELS[lang]
    records = {r["id"]: r for r in json.loads(read(site, lang, "data/cases.json"))}
    lviv = records["lviv-services"]
    assert (lviv["criterion_novelty"], lviv["status"], lviv["status_label"]) == (
        "emerging",
        "paused",
        status,
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(read(site, lang, "data/cases.csv")[1:]))}
    assert (rows["lviv-services"]["criterion_novelty"], rows["lviv-services"]["status"]) == (
        "emerging",
        "paused",
    )
    data = json.loads(read(site, lang, "explorer/data.json"))
    ratings = data["ratings"]
    assert ratings["ids"] == ["met", "partial", "not-met", "unknown", "emerging"]
    assert (ratings["labels"][4], ratings["symbols"][4]) == (rating, "↗")
    statuses = data["facets"]["status"]
    assert status in statuses["labels"]
    i = data["cases"]["id"].index("lviv-services")
    assert statuses["ids"][data["cases"]["status"][i]] == "paused"
    novelty = data["criteria"]["ids"].index("novelty")
    assert ratings["ids"][int(data["cases"]["criteria"][i][novelty])] == "emerging"
