"""The taxonomy's shape and the vocabularies built from it (checked in ``validate.taxonomy``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.model.meta import StrictModel

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAXONOMY_FILE = "taxonomy.yaml"

LabelMap = dict[str, str]
"""Text per site language: ``{en: ..., ru: ..., uk: ...}`` (``i18n.labels.Labels`` reads it)."""


class Term(StrictModel):
    id: str
    label: LabelMap
    description: LabelMap | None = None


class DescribedTerm(Term):
    description: LabelMap


COLOUR = r"^#[0-9a-f]{6}$"
DEFAULT_SYMBOL = "•"
DEFAULT_COLOUR = "#616161"
"""A rating without a colour of its own: grey, white on it 6.2:1."""


MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for text: a rating chip's white symbol on its colour."""


def contrast(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Rating(Term):
    symbol: Annotated[str, Field(min_length=1, max_length=2)] = DEFAULT_SYMBOL
    """Shown on the rating's chip and in the charts, so a rating reads without colour."""
    colour: str = DEFAULT_COLOUR
    """The chip's background, ``#rrggbb``, behind white text: at least 4.5:1 (WCAG AA)."""
    needs_note: bool = False
    """A case that gives this rating says, in a note, what in the sources supports it."""
    default: bool = False
    """What a criterion a case does not rate reads as, and what ``sikb new`` writes (one
    rating is the default: ``unknown``)."""

    @field_validator("colour")
    @classmethod
    def _readable(cls, value: str) -> str:
        # A custom error's message is the problem's message, without pydantic's prefix.
        if not re.match(COLOUR, value):
            raise PydanticCustomError(
                "colour", "expected a colour written '#rrggbb' (lowercase), found '{value}'",
                {"value": value},
            )  # fmt: skip
        ratio = contrast(value, "#ffffff")
        if ratio < MIN_CONTRAST:
            raise PydanticCustomError(
                "contrast",
                "white on '{value}' is {ratio}:1, under the 4.5:1 that WCAG AA asks of text; "
                "choose a darker colour",
                {"value": value, "ratio": f"{ratio:.2f}"},
            )
        return value


class Status(Term):
    not_started: bool = False
    """A case with this status has not started: only its period may start in the future."""
    finished: bool = False
    """A case with this status finished when its period ends, which so is not in the future."""

    @model_validator(mode="after")
    def _not_both(self) -> Status:
        if self.not_started and self.finished:
            raise PydanticCustomError(
                "status-flags",
                "a status cannot be both 'not_started' and 'finished'; keep one, or neither",
            )
        return self


class FacetTerm(StrictModel):
    """One filter of the explorer and of search, in ``facets:`` (``vocabulary.Facet``)."""

    vocabulary: str
    """The vocabulary whose terms it shows, one a case can be read for
    (``vocabulary.FACET_KINDS``: countries, regions, sectors, ...)."""
    open: bool = False
    """Shown unfolded in the explorer."""
    compare: bool = False
    """Counted in the explorer's comparison of countries."""
    search: bool = False
    """A filter of search's results (Pagefind's ``data-pagefind-filter`` on case pages)."""
    table: bool = False
    """A column of the explorer's table."""
    label: LabelMap
    """Its name on the explorer's filter: ``Country``."""
    plural: LabelMap
    """Its name over several values: search's menu, the comparison, the table's column."""
    all: LabelMap
    """Search's menu choice that filters nothing: ``All countries``."""


class Criterion(DescribedTerm):
    question: LabelMap
    """The question an assessor asks of a case."""


class Country(StrictModel):
    code: str
    """ISO 3166-1 alpha-2; the name comes from CLDR."""
    region: str
    post_soviet: bool


class Actor(StrictModel):
    id: str
    name: LabelMap | str
    """One name, or a name per language where it differs (the default language required)."""
    type: str
    country: str | None = None
    website: str | None = None


NonEmpty = Field(min_length=1)
MAX_RATINGS = 10


class TaxonomyFile(StrictModel):
    languages: Annotated[list[str], NonEmpty]
    """Site languages; the first is the default. The one place they are listed."""
    regions: Annotated[list[Term], NonEmpty]
    countries: Annotated[list[Country], NonEmpty]
    sectors: Annotated[list[DescribedTerm], NonEmpty]
    themes: Annotated[list[DescribedTerm], NonEmpty]
    actor_types: Annotated[list[Term], NonEmpty]
    roles: Annotated[list[Term], NonEmpty]
    actors: Annotated[list[Actor], NonEmpty]
    criteria: Annotated[list[Criterion], NonEmpty]
    ratings: Annotated[list[Rating], Field(min_length=1, max_length=MAX_RATINGS)]
    """In the order the site shows them; at most ten (the explorer writes one digit each)."""
    statuses: Annotated[list[Status], NonEmpty]
    facets: Annotated[list[FacetTerm], NonEmpty]
    """The explorer's filters in the order shown (criteria follow), and search's."""


TERM_LISTS = (
    "regions",
    "sectors",
    "themes",
    "actor_types",
    "roles",
    "criteria",
    "ratings",
    "statuses",
    "actors",
)


@dataclass(frozen=True)
class Taxonomy:
    """The controlled vocabularies, each an ordered mapping from id to term."""

    languages: tuple[str, ...]
    regions: Mapping[str, Term]
    countries: Mapping[str, Country]
    sectors: Mapping[str, DescribedTerm]
    themes: Mapping[str, DescribedTerm]
    actor_types: Mapping[str, Term]
    roles: Mapping[str, Term]
    actors: Mapping[str, Actor]
    criteria: Mapping[str, Criterion]
    ratings: Mapping[str, Rating]
    statuses: Mapping[str, Status]
    facets: tuple[FacetTerm, ...]

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def actor_name(self, actor_id: str, lang: str) -> str:
        name = self.actors[actor_id].name
        if isinstance(name, str):
            return name
        return name.get(lang) or name[self.default_language]

    @classmethod
    def from_file(cls, data: TaxonomyFile) -> Taxonomy:
        return cls(
            languages=tuple(data.languages),
            facets=tuple(data.facets),
            countries={c.code: c for c in data.countries},
            **{k: {t.id: t for t in getattr(data, k)} for k in TERM_LISTS},
        )
