"""The facets are taxonomy.yaml's: one added to search, one removed, one moved and one
renamed there show on the built site (explorer data, downloads, search's filters on case
pages and in the search box) without a code change."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import run

pytestmark = pytest.mark.e2e

ORDER = ["status", "country", "region", "sector", "theme", "actor_type"]
"""The facets after the change: statuses first, actors gone."""
SEARCHED = ["status", "country", "region", "sector", "theme", "actor_type"]
"""Search's filters after the change: actor types added, actors gone."""
TOPIC = {"en": "Topic", "ru": "Тематика", "uk": "Тематика"}


def changed_facets(facets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statuses moved first, actors removed, actor types searched, themes renamed."""
    by = {f["vocabulary"]: f for f in facets}
    del by["actors"]
    by["actor_types"]["search"] = True
    by["themes"]["label"] = TOPIC
    return [by["statuses"], *(f for k, f in by.items() if k != "statuses")]


def change_facets(root: Path) -> None:
    """The fixture knowledge base in ``root``, its facets changed in taxonomy.yaml only."""
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    tax = root / "taxonomy.yaml"
    text = tax.read_text(encoding="utf-8")
    head, _, tail = text.partition("\nfacets:\n")
    facets = changed_facets(yaml.safe_load("facets:\n" + tail)["facets"])
    block = yaml.safe_dump({"facets": facets}, allow_unicode=True, sort_keys=False)
    tax.write_text(f"{head}\n{block}", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base with its facets changed in taxonomy.yaml, built."""
    root = tmp_path_factory.mktemp("facets") / "kb"
    change_facets(root)
    checked = run(root, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def read(site: Path, lang: str, path: str) -> str:
    return (site / lang / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_explorer_data_has_the_taxonomys_facets_in_its_order(built: Path, lang: str) -> None:
    """Its facets, their names and the CSV's columns follow the changed taxonomy."""
    data = json.loads(read(built, lang, "explorer/data.json"))
    assert list(data["facets"]) == ORDER
    assert data["facets"]["theme"]["name"] == TOPIC[lang]
    assert "actor" not in data["cases"]
    assert data["case_href"] == "../cases/{id}/"
    head = next(csv.reader(io.StringIO(read(built, lang, "data/cases.csv")[1:])))
    assert head == data["columns"]
    assert head[9:] == [
        "status", "status_label", "countries", "country_labels", "regions", "region_labels",
        "sectors", "sector_labels", "themes", "theme_labels", "actor_types", "actor_type_labels",
        "scope", "discussed_in", "discussed_in_labels",
        "criterion_novelty", "criterion_systemic-change",
    ]  # fmt: skip
    assert "actors" not in json.loads(read(built, lang, "data/cases.json"))[0]


def test_a_case_page_carries_the_search_filters_the_taxonomy_names(built: Path) -> None:
    """The case's filter spans: statuses first, actor types added, no actors."""
    page = read(built, "en", "cases/lviv-services/index.html")
    keys = re.findall(r'data-pagefind-filter="([^"]+)"', page)
    assert list(dict.fromkeys(keys)) == ["type", *SEARCHED]
    assert '<span data-pagefind-filter="actor_type">Local government</span>' in page
    assert 'data-pagefind-filter="actor"' not in page


@pytest.mark.parametrize(
    ("lang", "everything"), [("en", "All actor types"), ("ru", "Все типы участников")]
)
def test_the_search_box_offers_the_same_filters(built: Path, lang: str, everything: str) -> None:
    """The search box's menus are the facets marked `search`, in order, in the language."""
    page = read(built, lang, "index.html")
    assert re.findall(r'data-sikb-filter="([^"]+)"', page) == SEARCHED
    assert f'<option value="">{everything}</option>' in page
