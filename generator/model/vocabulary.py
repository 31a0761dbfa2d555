"""The registry of vocabularies and facets, built from the loaded ``Taxonomy``.

Python (render, data, validate), the templates (``vocab`` in their context) and, through
the explorer's data, the JavaScript read the ratings, statuses and facets from here, so
a rating or status added to ``taxonomy.yaml`` shows on the site without a code change.
A rating's symbol and colour are fields of its term in ``taxonomy.yaml`` (``Rating``):
the colour is the chip's background behind white text, checked to reach 4.5:1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.model.taxonomy import Taxonomy

DEFAULT_RATING = "unknown"
"""A criterion a case does not rate reads as this (the taxonomy must have it)."""


@dataclass(frozen=True)
class Facet:
    """One list facet of the explorer and the downloads: a case's ids of one vocabulary."""

    key: str
    """Its name in the explorer's data and URL (``country``)."""
    kind: str
    """The vocabulary in ``taxonomy.yaml`` (``countries``), also the plural of ``key``."""
    multi: bool = True
    """A case has several (its ids column is ``kind``) or one (the column is ``key``)."""
    open: bool = False
    """Shown unfolded in the explorer."""
    compare: bool = False
    """Counted in the explorer's comparison of countries."""

    @property
    def column(self) -> str:
        """The CSV and JSON column of a case's ids."""
        return self.kind if self.multi else self.key

    @property
    def label_column(self) -> str:
        return f"{self.key}_labels" if self.multi else f"{self.key}_label"


FACETS = (
    Facet("country", "countries", open=True),
    Facet("region", "regions", open=True),
    Facet("sector", "sectors", open=True, compare=True),
    Facet("theme", "themes", open=True, compare=True),
    Facet("actor", "actors"),
    Facet("actor_type", "actor_types", compare=True),
    Facet("status", "statuses", multi=False, open=True),
)
"""The explorer's list facets, in the order they are shown; criteria follow them."""


@dataclass(frozen=True)
class Vocabularies:
    """What the site shows of the taxonomy's ratings and statuses, in the taxonomy's order."""

    ratings: tuple[str, ...]
    symbols: Mapping[str, str]
    """Each rating's symbol, so a rating reads without colour."""
    colours: Mapping[str, str]
    """Each rating's chip colour (``#rrggbb``), behind white text."""
    statuses: tuple[str, ...]
    facets: tuple[Facet, ...] = FACETS
    default_rating: str = DEFAULT_RATING

    @classmethod
    def from_taxonomy(cls, tax: Taxonomy) -> Vocabularies:
        return cls(
            ratings=tuple(tax.ratings),
            symbols={k: r.symbol for k, r in tax.ratings.items()},
            colours={k: r.colour for k, r in tax.ratings.items()},
            statuses=tuple(tax.statuses),
        )

    def rank(self, rating: str) -> int:
        """A rating's place in the taxonomy's order (an unknown id last)."""
        return self.ratings.index(rating) if rating in self.ratings else len(self.ratings)

    def css(self) -> str:
        """The rating chips' and charts' colours, one rule per rating id."""
        rules = []
        for r in self.ratings:
            colour = self.colours[r]
            rules.append(f".sikb-rating--{r} {{ background: {colour}; }}")
            rules.append(f".sikb-fill-{r} {{ fill: {colour}; }}")
        return "\n".join(rules) + "\n"
