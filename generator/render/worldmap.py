"""An SVG map of cases by country, drawn at build time: no script, no tile, no request.

Each country with cases is one link (``<a href>`` around one shape) to its page, shaded
by its number of cases, named with its count (``aria-label`` and ``<title>``, in the
page's language); every other country is grey land, one path, not linked. A view is the
whole world or the countries of a region; its outlines are drawn once per process and
shared by every page that shows it (``outlines``). Text is escaped here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from itertools import pairwise

from generator.render import geo

WIDTH = 960
"""The viewBox's width; the SVG scales to its column."""
TOLERANCE = 0.6
"""Simplification, in viewBox units: finer than a pixel at any width the page shows."""
MARKER = 6.0
"""A country narrower and shorter than this in a view is also drawn as a dot, to click."""
SHADES = 6
_Arc = Callable[[int], list[tuple[float, float]]]
"""Classes by number of cases: 1, 2-3, 4-7, 8-15, 16-31, 32 and more."""


@dataclass(frozen=True)
class View:
    """A rectangle of the projected world, and its scale: viewBox units per projected unit."""

    left: float
    top: float
    scale: float
    height: int

    def px(self, point: geo.Point) -> tuple[float, float]:
        return ((point[0] - self.left) * self.scale, (self.top - point[1]) * self.scale)


@dataclass(frozen=True)
class Country:
    """A country with cases, as the map links it."""

    code: str
    href: str
    count: int
    name: str
    label: str
    """Its name and count in the page's language: ``Moldova: 5 cases``."""


def shade(count: int) -> int:
    """The class of a count: 0 for none, then one class per doubling, up to ``SHADES``."""
    return 0 if count <= 0 else min(count.bit_length(), SHADES)


def legend(largest: int) -> list[tuple[int, str]]:
    """Each class up to the one ``largest`` falls in, with the counts it holds: ``2–3``."""
    out = []
    for k in range(1, shade(largest) + 1):
        low, high = 1 << (k - 1), (1 << k) - 1
        text = f"{low}+" if k == SHADES else str(low) if low == high else f"{low}–{high}"
        out.append((k, text))
    return out


def _source(code: str) -> geo.Atlas | None:
    """The finest-needed atlas holding ``code``: 1:110m, else 1:50m for a small country."""
    for resolution in geo.RESOLUTIONS:
        atlas = geo.load(resolution)
        if code in atlas.shapes:
            return atlas
    return None


Box = tuple[float, float, float, float]


def _union(boxes: Iterable[Box]) -> Box:
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


@cache
def _bounds(resolution: str, code: str, whole: bool = False) -> Box:
    """The projected box of a country's largest polygon (of all, ``whole``): what a view of
    it must show; a far island (Kaliningrad aside, Alaska, Hawaii) would zoom a view out."""
    atlas, arcs = geo.load(resolution), geo.projected(resolution)
    boxes: list[Box] = []
    for polygon in atlas.shapes[code]:
        points = [p for i in polygon[0] for p in (arcs[i] if i >= 0 else arcs[~i])]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    if whole:
        return _union(boxes)
    areas = (((b[2] - b[0]) * (b[3] - b[1]), b) for b in boxes)
    return max(areas, default=(-1.0, (0.0, 0.0, 0.0, 0.0)))[1]


def view(codes: Iterable[str] | None = None) -> View:
    """The whole world (``None``), or a view framing the countries ``codes``."""
    if codes is None:
        atlas = geo.load()
        boxes = [_bounds(atlas.resolution, c, whole=True) for c in atlas.shapes]
        pad, aspect = 0.01, (0.0, 99.0)
    else:
        boxes = [_bounds(a.resolution, c) for c in codes if (a := _source(c)) is not None]
        pad, aspect = 0.15, (1.6, 2.2)
    if not boxes:
        return view(None)
    x0, y0, x1, y1 = _union(boxes)
    w, h = max(x1 - x0, 0.25), max(y1 - y0, 0.15)
    w, h = max(w, h * aspect[0]), max(h, w / aspect[1])
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = w * (1 + 2 * pad), h * (1 + 2 * pad)
    scale = WIDTH / w
    return View(cx - w / 2, cy + h / 2, scale, round(h * scale))


def _numbers(values: Sequence[int]) -> str:
    """Numbers as a path writes them: a minus sign is separator enough."""
    out = []
    for i, v in enumerate(values):
        out.append(str(v) if i == 0 or v < 0 else f" {v}")
    return "".join(out)


def _ring_path(points: Sequence[tuple[float, float]], v: View) -> str:
    """One closed ring in whole units, relative moves; "" when it is off the view or a speck."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(xs) < -20 or min(xs) > WIDTH + 20 or max(ys) < -20 or min(ys) > v.height + 20:
        return ""
    ints: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x), round(y))
        if not ints or p != ints[-1]:
            ints.append(p)
    if len(ints) > 1 and ints[-1] == ints[0]:
        ints.pop()
    area = sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ints, [*ints[1:], ints[0]], strict=True)
    )
    if len(ints) < 3 or abs(area) < 3:
        return ""
    moves = [c for (ax, ay), (bx, by) in pairwise(ints) for c in (bx - ax, by - ay)]
    return f"M{_numbers(ints[0])}l{_numbers(moves)}z"


@cache
def _arc_boxes(resolution: str) -> tuple[tuple[float, float, float, float], ...]:
    """Each arc's projected box: a ring off the view is left before it is drawn."""
    return tuple(
        (min(x for x, _ in a), min(y for _, y in a), max(x for x, _ in a), max(y for _, y in a))
        for a in geo.projected(resolution)
    )


def _off(ring: geo.Ring, v: View, boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    """Whether the ring lies wholly outside the view (and a margin)."""
    parts = [boxes[i if i >= 0 else ~i] for i in ring]
    (x0, y1), (x1, y0) = (
        v.px((min(b[0] for b in parts), min(b[1] for b in parts))),
        v.px((max(b[2] for b in parts), max(b[3] for b in parts))),
    )
    return x1 < -20 or x0 > WIDTH + 20 or y1 < -20 or y0 > v.height + 20


def _rings(polygons: Iterable[geo.Polygon], v: View, resolution: str, arc: _Arc) -> str:
    """The path data of ``polygons``' rings in view ``v``, those it shows."""
    out = []
    boxes = _arc_boxes(resolution)
    for polygon in polygons:
        for ring in polygon:
            if _off(ring, v, boxes):
                continue
            points: list[tuple[float, float]] = []
            for i in ring:
                part = arc(i)
                points.extend(part if not points else part[1:])
            out.append(_ring_path(points, v))
    return "".join(out)


def _arcs(resolution: str, v: View) -> _Arc:
    """Arc ``i`` in view ``v``, simplified, drawn once however many rings share it."""
    arcs = geo.projected(resolution)
    drawn: dict[int, list[tuple[float, float]]] = {}

    def arc(i: int) -> list[tuple[float, float]]:
        j = i if i >= 0 else ~i
        if j not in drawn:
            drawn[j] = geo.simplify([v.px(p) for p in arcs[j]], TOLERANCE)
        return drawn[j] if i >= 0 else drawn[j][::-1]

    return arc


@cache
def outlines(v: View) -> dict[str, str]:
    """Each country's path data in view ``v`` (1:110m); "" where the view does not show it."""
    arc = _arcs("110m", v)
    return {code: _rings(p, v, "110m", arc) for code, p in geo.load().shapes.items()}


@cache
def _outline(v: View, resolution: str, code: str) -> str:
    if resolution == "110m":
        return outlines(v).get(code, "")
    return _rings(geo.load(resolution).shapes[code], v, resolution, _arcs(resolution, v))


def _shape(code: str, v: View, css: str) -> str:
    """A country's one shape: its outline, and a dot where the outline is too small to click."""
    atlas = _source(code)
    if atlas is None:
        return ""
    d = _outline(v, atlas.resolution, code)
    x0, y0, x1, y1 = _bounds(atlas.resolution, code)
    (px0, py0), (px1, py1) = v.px((x0, y1)), v.px((x1, y0))
    if px1 - px0 < MARKER and py1 - py0 < MARKER:
        cx, cy, r = round((px0 + px1) / 2), round((py0 + py1) / 2), round(MARKER / 2)
        d += f"M{cx - r} {cy}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"
    return f'<path class="{css}" d="{d}"/>' if d else ""


def svg(v: View, countries: Sequence[Country], title: str) -> str:
    """The map: grey land, then one link per country in ``countries``.

    A link's address is ``xlink:href``, which SVG 2 still reads, not ``href``: Material's
    instant navigation sets the ``href`` of every element with one, and an SVG link's is
    read-only (a TypeError on every page).
    """
    linked = {c.code for c in countries}
    land = "".join(d for code, d in outlines(v).items() if code not in linked)
    out = [
        f'<svg class="sikb-map__svg" viewBox="0 0 {WIDTH} {v.height}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">',
        f'<path class="sikb-map__land" d="{land}"/>',
    ]
    for c in countries:
        shape = _shape(c.code, v, f"sikb-map__c{shade(c.count)}")
        if shape:
            label = escape(c.label)
            out.append(
                f'<a xlink:href="{escape(c.href)}" aria-label="{label}" '
                f'data-country="{escape(c.code)}" data-name="{escape(c.name)}" '
                f'data-count="{c.count}"><title>{label}</title>'
                f"{shape}</a>"
            )
    out.append("</svg>")
    return "".join(out)


def figure(v: View, countries: Sequence[Country], title: str, none: str, forms: str = "") -> str:
    """The map and its legend: each class's swatch and counts, and ``none`` for grey."""
    items = [
        f'<li><span class="sikb-map__swatch sikb-map__c{k}"></span> {escape(text)}</li>'
        for k, text in legend(max((c.count for c in countries), default=0))
    ]
    items.append(f'<li><span class="sikb-map__swatch sikb-map__c0"></span> {escape(none)}</li>')
    data = f' data-forms="{escape(forms)}"' if forms else ""
    return (
        f'<figure class="sikb-map"{data}>{svg(v, countries, title)}'
        f'<figcaption><ul class="sikb-map__legend">{"".join(items)}</ul></figcaption></figure>'
    )
