"""The map in the built site: on the home page, the countries index, every region and
country page and the explorer, one link per country with cases, small enough gzipped."""

from __future__ import annotations

import gzip
import re
import shutil
import time
from pathlib import Path

import pytest

from generator.render import geo, worldmap
from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import run
from tests.htmltree import Node, parse

pytestmark = pytest.mark.e2e
LANGS = ("en", "ru", "uk")
BUDGET = 60_000
"""Bytes, gzipped: what the map may add to any page."""
FIGURE = re.compile(r'<figure class="sikb-map".*?</figure>', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("map") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def maps(doc: Node) -> list[Node]:
    return doc.find_all("figure", class_="sikb-map")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path", ["", "countries/", "regions/eastern-europe/", "countries/md/", "explorer/"]
)
def test_the_page_has_the_map_with_a_link_per_country_with_cases(
    site: Path, lang: str, path: str
) -> None:
    page = site / lang / path / "index.html"
    doc = parse(page)
    (figure,) = maps(doc)
    links = figure.find_all("a")
    codes = [a.attrs["data-country"] for a in links]
    expected = {
        "": ["MD", "SE", "UA"],
        "countries/": ["MD", "SE", "UA"],
        "explorer/": ["MD", "SE", "UA"],
        "regions/eastern-europe/": ["MD", "UA"],
        "countries/md/": ["MD"],
    }[path]
    assert sorted(codes) == expected
    for a in links:
        shapes = [n for n in a.iter() if n.tag in ("path", "circle")]
        assert len(shapes) == 1
        assert shapes[0].attrs["class"] == "sikb-map__c1"  # one case each
        assert (page.parent / a.attrs["xlink:href"] / "index.html").resolve().is_file()
        assert a.find("title").text == a.attrs["aria-label"]
    assert len(figure.find_all("path", class_="sikb-map__land")) == 1


def test_the_labels_are_in_the_page_language(site: Path) -> None:
    labels = {}
    for lang in LANGS:
        (figure,) = maps(parse(site / lang / "index.html"))
        labels[lang] = sorted(a.attrs["aria-label"] for a in figure.find_all("a"))
    assert labels["en"] == ["Moldova: 1 case", "Sweden: 1 case", "Ukraine: 1 case"]
    assert labels["ru"] == ["Молдова: 1 кейс", "Украина: 1 кейс", "Швеция: 1 кейс"]
    assert labels["uk"] == ["Молдова: 1 кейс", "Україна: 1 кейс", "Швеція: 1 кейс"]


def test_the_map_stays_under_its_budget_on_every_page(site: Path) -> None:
    sizes = {}
    for page in site.rglob("*.html"):
        for figure in FIGURE.findall(page.read_text(encoding="utf-8")):
            sizes[str(page.relative_to(site))] = len(gzip.compress(figure.encode()))
    assert len(sizes) >= 3 * 5
    assert max(sizes.values()) < BUDGET, sizes


def test_drawing_every_view_takes_well_under_a_second() -> None:
    """The map step of a build: the atlas read and projected, the world and each region."""
    geo.load.cache_clear()
    geo.projected.cache_clear()
    worldmap.outlines.cache_clear()
    start = time.perf_counter()
    worldmap.outlines(worldmap.view())
    for region in (["BY", "MD", "UA"], ["EE", "LV", "LT"], ["KZ", "KG", "TJ", "TM", "UZ"], ["RU"]):
        worldmap.outlines(worldmap.view(region))
    assert time.perf_counter() - start < 1.5
