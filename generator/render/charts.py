"""Inline SVG charts drawn at build time: no script, no request, readable without colour.

Every bar carries its numbers as text beside it, and the whole chart a title and
an accessible name, so a screen reader or a grey-scale print loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

ROW = 26
LABEL_W = 250
BAR_W = 240
GAP = 12
WIDTH = LABEL_W + BAR_W + GAP + 170


def profile_svg(
    title: str,
    rows: Sequence[tuple[str, Sequence[tuple[str, str, int]]]],
    legend: Sequence[tuple[str, str]],
) -> str:
    """Stacked bars, one per criterion.

    ``rows`` is ``(criterion label, [(rating id, rating symbol, count), ...])``;
    ``legend`` is ``(rating id, symbol and label)`` in order. Text is escaped here.
    """
    height = ROW * (len(rows) + 1) + 8
    out = [
        f'<svg class="sikb-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    x = 0
    for rating, label in legend:
        out.append(
            f'<rect class="sikb-fill-{escape(rating)}" x="{x}" y="4" width="12" height="12"/>'
            f'<text x="{x + 16}" y="15">{escape(label)}</text>'
        )
        x += 24 + 8 * len(label)
    for i, (label, counts) in enumerate(rows, start=1):
        y = ROW * i + 8
        total = sum(n for _, _, n in counts) or 1
        out.append(f'<text x="0" y="{y + 13}">{escape(label)}</text>')
        bx = float(LABEL_W)
        for rating, _, n in counts:
            if n:
                w = BAR_W * n / total
                out.append(
                    f'<rect class="sikb-fill-{escape(rating)}" x="{bx:.1f}" y="{y}" '
                    f'width="{w:.1f}" height="18"/>'
                )
                bx += w
        figures = "   ".join(f"{symbol} {n}" for _, symbol, n in counts)
        out.append(f'<text x="{LABEL_W + BAR_W + GAP}" y="{y + 13}">{escape(figures)}</text>')
    out.append("</svg>")
    return "".join(out)
