"""The registry of vocabularies and facets, built from the loaded ``Taxonomy``.

Python (render, data, validate), the templates (``vocab`` in their context) and, through
the explorer's data, the JavaScript read the ratings, statuses and facets from here, so
a rating, status or facet added to ``taxonomy.yaml`` shows on the site without a code
change. A rating's symbol and colour are fields of its term in ``taxonomy.yaml``
(``Rating``): the colour is the chip's background behind white text, checked to reach
4.5:1. The facets are its ``facets:`` list; what this module knows is how to read each
vocabulary a facet may name from a case (``FACET_KINDS``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.model.meta import CaseMeta
from generator.model.taxonomy import FacetTerm, LabelMap, Taxonomy


@dataclass(frozen=True)
class FacetKind:
    """A vocabulary a facet may show, and how a case's terms of it are read."""

    key: str
    """The facet's name in the explorer's data, its URL, search's filters and the columns
    of the downloads (``country``)."""
    read: Callable[[Taxonomy, CaseMeta], list[str]]
    """A case's ids, in the case's own order (with repeats)."""
    multi: bool = True
    """A case has several (its ids column is the vocabulary) or one (the column is ``key``)."""


FACET_KINDS: Mapping[str, FacetKind] = {
    "countries": FacetKind("country", lambda tax, m: list(m.countries)),
    "regions": FacetKind("region", lambda tax, m: [tax.countries[c].region for c in m.countries]),
    "sectors": FacetKind("sector", lambda tax, m: list(m.sectors)),
    "themes": FacetKind("theme", lambda tax, m: list(m.themes)),
    "actors": FacetKind("actor", lambda tax, m: [a.id for a in m.actors]),
    "actor_types": FacetKind(
        "actor_type", lambda tax, m: [tax.actors[a.id].type for a in m.actors]
    ),
    "statuses": FacetKind("status", lambda tax, m: [m.status], multi=False),
}
"""The vocabularies a facet in ``taxonomy.yaml`` may name (``validate.taxonomy`` says so)."""


@dataclass(frozen=True)
class Facet:
    """One list facet of the explorer, search and the downloads: a case's ids of one
    vocabulary, as ``facets:`` in ``taxonomy.yaml`` declares it."""

    key: str
    """Its name in the explorer's data and URL, and search's filter (``country``)."""
    kind: str
    """The vocabulary in ``taxonomy.yaml`` (``countries``), also the plural of ``key``."""
    multi: bool
    """A case has several (its ids column is ``kind``) or one (the column is ``key``)."""
    open: bool
    """Shown unfolded in the explorer."""
    compare: bool
    """Counted in the explorer's comparison of countries."""
    search: bool
    """A filter of search's results."""
    table: bool
    """A column of the explorer's table."""
    label: LabelMap
    """Its name on the explorer's filter, per language."""
    plural: LabelMap
    """Its name over several values (search's menu, the comparison, the table), per language."""
    all: LabelMap
    """Search's menu choice that filters nothing, per language."""

    @classmethod
    def declared(cls, term: FacetTerm) -> Facet:
        """The facet ``taxonomy.yaml`` declares (its vocabulary one of ``FACET_KINDS``)."""
        known = FACET_KINDS[term.vocabulary]
        return cls(
            known.key, term.vocabulary, known.multi, term.open, term.compare, term.search,
            term.table, term.label, term.plural, term.all,
        )  # fmt: skip

    @property
    def column(self) -> str:
        """The CSV and JSON column of a case's ids."""
        return self.kind if self.multi else self.key

    @property
    def label_column(self) -> str:
        return f"{self.key}_labels" if self.multi else f"{self.key}_label"

    def ids(self, tax: Taxonomy, meta: CaseMeta) -> list[str]:
        """A case's ids of this facet, each once, in the case's own order."""
        return list(dict.fromkeys(FACET_KINDS[self.kind].read(tax, meta)))


@dataclass(frozen=True)
class Vocabularies:
    """What the site shows of the taxonomy's ratings, statuses and facets, in its order."""

    ratings: tuple[str, ...]
    symbols: Mapping[str, str]
    """Each rating's symbol, so a rating reads without colour."""
    colours: Mapping[str, str]
    """Each rating's chip colour (``#rrggbb``), behind white text."""
    statuses: tuple[str, ...]
    facets: tuple[Facet, ...]
    """The explorer's list facets, in the order they are shown; criteria follow them."""
    default_rating: str
    """A criterion a case does not rate reads as this; ``sikb new`` writes it."""
    not_started: tuple[str, ...] = ()
    """The statuses of a case that has not started (its period may start in the future)."""
    finished: tuple[str, ...] = ()
    """The statuses of a case that finished when its period ends (not in the future)."""

    @classmethod
    def from_taxonomy(cls, tax: Taxonomy) -> Vocabularies:
        return cls(
            ratings=tuple(tax.ratings),
            symbols={k: r.symbol for k, r in tax.ratings.items()},
            colours={k: r.colour for k, r in tax.ratings.items()},
            statuses=tuple(tax.statuses),
            facets=tuple(Facet.declared(f) for f in tax.facets),
            default_rating=next((k for k, r in tax.ratings.items() if r.default), ""),
            not_started=tuple(k for k, s in tax.statuses.items() if s.not_started),
            finished=tuple(k for k, s in tax.statuses.items() if s.finished),
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
