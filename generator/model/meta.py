"""The shape of case files, as frozen pydantic models.

These models check types and required keys only. Taxonomy ids, dates, URLs and
cross-references are checked in ``generator.validate.checks``, so that one bad value
never hides another: every problem in a file is reported in one run.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SUMMARY_MAX = 500


def _number_as_text(value: Any) -> Any:
    # `start: 2019` is a number to YAML but a year to us.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _rating_shorthand(value: Any) -> Any:
    # `novelty: unknown` is short for `novelty: {rating: unknown}`.
    return {"rating": value} if isinstance(value, str) else value


Line = Annotated[str, StringConstraints(min_length=1, pattern=r"^[^\n]*$")]
Text = Annotated[str, StringConstraints(min_length=1)]
Id = Annotated[str, StringConstraints(min_length=1)]
DateText = Annotated[str, BeforeValidator(_number_as_text)]


SCOPES = ("global",)
"""The values of ``scope``: a case that happens worldwide, in no country of its own."""


class StrictModel(BaseModel):
    """Strict types, no unknown keys, frozen; field docstrings become schema descriptions."""

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, use_attribute_docstrings=True
    )


class ActorRef(StrictModel):
    id: Id
    """An actor id from the taxonomy."""
    role: Id
    """A role id from the taxonomy: what the actor did in this case."""


class Period(StrictModel):
    start: DateText
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    end: DateText | None = None


class Assessment(StrictModel):
    rating: Id
    """A rating id from the taxonomy: met, partial, not-met, unknown."""
    note: Text | None = None
    """Why: what the sources say that supports the rating."""


class Source(StrictModel):
    """A document the case draws on: ``title`` or, for an untitled one, ``description``
    (exactly one; ``validate.reach`` says so)."""

    title: Line | None = None
    """The document's own title, as it gives it."""
    description: Line | None = None
    """What an untitled document is, in your own words and without brackets (the site
    shows it in square brackets, not as a title)."""
    language: Id
    """ISO 639-1 code of the language the source is written in."""
    author: Line | None = None
    publisher: Line | None = None
    date: DateText | None = None
    url: Line | None = None
    """http or https only."""


class CaseMeta(StrictModel):
    """The front matter of an original case file."""

    title: Line
    summary: Annotated[str, StringConstraints(min_length=1, max_length=SUMMARY_MAX)]
    language: Id
    """ISO 639-1 code of the language the file is written in."""
    countries: list[Id]
    """Where the case happens: ISO 3166-1 alpha-2 codes from the taxonomy; empty only
    with ``scope: global``."""
    scope: Id | None = None
    """``global``: the case happens worldwide, in no country of its own; ``countries``
    may then be empty."""
    discussed_in: list[Id] = []
    """Countries whose sources discuss the case, where it does not happen: never counted
    as its countries."""
    places: list[Line] = []
    sectors: Annotated[list[Id], Field(min_length=1)]
    themes: Annotated[list[Id], Field(min_length=1)]
    actors: Annotated[list[ActorRef], Field(min_length=1)]
    status: Id
    period: Period | None = None
    criteria: dict[str, Annotated[Assessment, BeforeValidator(_rating_shorthand)]]
    sources: Annotated[list[Source], Field(min_length=1)]
    related: list[Id] = []
    updated: DateText
    """The date of the last substantive edit, ``YYYY-MM-DD``."""


class NoteOnly(StrictModel):
    note: Text


class TranslationMeta(StrictModel):
    """The front matter of a translation: only what is translated, and its provenance."""

    title: Line
    summary: Annotated[str, StringConstraints(min_length=1, max_length=SUMMARY_MAX)]
    places: list[Line] = []
    criteria: dict[str, NoteOnly] = {}
    original_fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
    """The fingerprint of the original this translation was made from (``sikb fingerprint``)."""
    machine_translated: bool = False


ORIGINAL_KEYS = tuple(CaseMeta.model_fields)
TRANSLATION_KEYS = tuple(TranslationMeta.model_fields)
