"""The collection: valid cases and their translations, frozen (built by ``validate.collection``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.model.meta import CaseMeta, TranslationMeta
from generator.model.taxonomy import Taxonomy


@dataclass(frozen=True)
class Case:
    """An original case, valid."""

    id: str
    path: str
    meta: CaseMeta
    body: str
    fingerprint: str


@dataclass(frozen=True)
class Translation:
    """A valid translation of a case into a site language."""

    case_id: str
    language: str
    path: str
    meta: TranslationMeta
    body: str
    stale: bool


@dataclass(frozen=True)
class Collection:
    taxonomy: Taxonomy
    cases: Mapping[str, Case]
    translations: Mapping[str, Mapping[str, Translation]]
    """Translations by case id, then by language."""
    retired: Mapping[str, str | None] = field(default_factory=dict)
    """Published ids no longer in ``cases/`` (``retired.yaml``): the case each was merged
    into, or None; each gets a page that sends the reader on (``render.redirects``)."""
