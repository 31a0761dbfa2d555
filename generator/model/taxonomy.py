"""The taxonomy's shape and the vocabularies built from it (checked in ``validate.taxonomy``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from generator.model.meta import StrictModel

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAXONOMY_FILE = "taxonomy.yaml"

Labels = dict[str, str]
"""Text per site language: ``{en: ..., ru: ..., uk: ...}``."""


class Term(StrictModel):
    id: str
    label: Labels
    description: Labels | None = None


class DescribedTerm(Term):
    description: Labels


class Criterion(DescribedTerm):
    question: Labels
    """The question an assessor asks of a case."""


class Country(StrictModel):
    code: str
    """ISO 3166-1 alpha-2; the name comes from CLDR."""
    region: str
    post_soviet: bool


class Actor(StrictModel):
    id: str
    name: Labels | str
    """One name, or a name per language where it differs (the default language required)."""
    type: str
    country: str | None = None
    website: str | None = None


NonEmpty = Field(min_length=1)


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
    ratings: Annotated[list[Term], NonEmpty]
    statuses: Annotated[list[Term], NonEmpty]


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
REQUIRED_RATINGS = ("met", "partial", "not-met", "unknown")


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
    ratings: Mapping[str, Term]
    statuses: Mapping[str, Term]

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
            countries={c.code: c for c in data.countries},
            **{k: {t.id: t for t in getattr(data, k)} for k in TERM_LISTS},
        )
