"""The map of cases by country: the atlas read right (Crimea in Ukraine), the projection,
and the SVG: one linked shape per country with cases, shaded by its count, text escaped."""

from __future__ import annotations

import itertools
import math
import re

import pytest
import yaml

from generator.render import geo, worldmap
from tests.conftest import REPO

CRIMEA = (34.1, 44.95)


@pytest.mark.parametrize("resolution", geo.RESOLUTIONS)
def test_crimea_is_drawn_inside_ukraine(resolution: str) -> None:
    """UN General Assembly resolution 68/262: the point 34.1 E, 44.95 N is Ukraine's."""
    atlas = geo.load(resolution)
    assert atlas.contains("UA", CRIMEA)
    assert not atlas.contains("RU", CRIMEA)
    assert [c for c in atlas.shapes if atlas.contains(c, CRIMEA)] == ["UA"]


def test_points_fall_in_their_countries() -> None:
    atlas = geo.load()
    assert atlas.contains("UA", (30.52, 50.45))  # Kyiv
    assert atlas.contains("RU", (37.62, 55.75))  # Moscow
    assert atlas.contains("MD", (28.86, 47.01))  # Chișinău
    assert not atlas.contains("UA", (37.62, 55.75))


def test_iso_numeric_ids_become_the_taxonomy_codes() -> None:
    assert (geo.alpha2("804"), geo.alpha2("498"), geo.alpha2("4")) == ("UA", "MD", "AF")
    assert (geo.alpha2("-2"), geo.alpha2("-1"), geo.alpha2("-3")) == ("XK", "CY", "SO")
    assert geo.alpha2("KAS") is None
    assert "AQ" not in geo.load().shapes


def test_every_country_of_the_taxonomy_has_a_shape() -> None:
    codes = [c["code"] for c in yaml.safe_load((REPO / "taxonomy.yaml").read_text())["countries"]]
    assert [c for c in codes if c not in geo.load().shapes] == []


def test_equal_earth_keeps_the_centre_and_the_edges() -> None:
    assert geo.project(geo.CENTRE, 0) == (0.0, 0.0)
    edge = math.pi / (math.sqrt(3) / 2 * 1.340264)  # the equator's half-width
    assert geo.project(geo.CENTRE + 179.999, 0)[0] == pytest.approx(edge, rel=1e-4)
    assert geo.project(geo.CENTRE - 90, 30) == pytest.approx(
        (-geo.project(geo.CENTRE + 90, 30)[0], geo.project(geo.CENTRE + 90, 30)[1])
    )
    assert geo.project(0, 60)[1] > geo.project(0, 30)[1] > 0 > geo.project(0, -30)[1]


def test_no_shape_is_cut_by_the_edge_of_the_map() -> None:
    """No ring jumps across the map (a streak): the edge crosses no country."""
    atlas, arcs = geo.load(), geo.projected()
    for polygons in atlas.shapes.values():
        for ring in (r for p in polygons for r in p):
            points = [p for i in ring for p in (arcs[i] if i >= 0 else arcs[~i][::-1])]
            assert max(abs(b[0] - a[0]) for a, b in itertools.pairwise(points)) < 1


def test_simplify_keeps_the_ends_and_drops_what_is_on_the_line() -> None:
    line = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    assert geo.simplify(line, 0.5) == [(0.0, 0.0), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    assert geo.simplify(line[:2], 9) == line[:2]


def test_shades_double() -> None:
    assert [worldmap.shade(n) for n in (0, 1, 2, 3, 4, 7, 8, 31, 32, 999)] == [
        0, 1, 2, 2, 3, 3, 4, 5, 6, 6
    ]  # fmt: skip
    assert worldmap.legend(5) == [(1, "1"), (2, "2–3"), (3, "4–7")]
    assert worldmap.legend(40)[-1] == (6, "32+")


def country(code: str, n: int, name: str = "") -> worldmap.Country:
    name = name or code
    return worldmap.Country(code, f"../countries/{code.lower()}/", n, name, f"{name}: {n} cases")


def test_one_linked_shape_per_country_with_cases() -> None:
    shown = [country("UA", 12), country("MD", 5), country("US", 1)]
    svg = worldmap.svg(worldmap.view(), shown, "Map")
    links = re.findall(r'<a xlink:href="([^"]*)" aria-label="([^"]*)"[^>]*>(.*?)</a>', svg)
    assert [(h, label) for h, label, _ in links] == [
        ("../countries/ua/", "UA: 12 cases"),
        ("../countries/md/", "MD: 5 cases"),
        ("../countries/us/", "US: 1 cases"),
    ]
    classes = [re.findall(r'<path class="([^"]*)"', inner) for _, _, inner in links]
    assert classes == [["sikb-map__c4"], ["sikb-map__c3"], ["sikb-map__c1"]]
    assert all(f"<title>{label}</title>" in inner for _, label, inner in links)
    land = re.findall(r'<path class="sikb-map__land" d="([^"]*)"', svg)
    assert len(land) == 1
    assert land[0].count("M") > 100
    assert svg.count("<a ") == 3


def test_text_reaches_the_svg_escaped() -> None:
    hostile = '<script>alert(1)</script>" onload="x'
    shown = [worldmap.Country("UA", '"><script>', 2, hostile, hostile + ": 2")]
    html = worldmap.figure(worldmap.view(), shown, hostile, hostile, '{"one": "<b>"}')
    assert "<script>" not in html
    assert 'onload="x' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x" in html


def test_a_region_is_framed_and_a_small_country_gets_a_dot() -> None:
    region = worldmap.view(["BY", "MD", "UA"])
    world = worldmap.view()
    assert region.scale > 4 * world.scale
    assert worldmap.WIDTH / region.height <= 2.2
    svg = worldmap.svg(world, [country("MD", 3), country("SG", 1)], "Map")
    assert svg.count("<a ") == 2
    assert "a3 3 0 1 0 6 0" in svg
