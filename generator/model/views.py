"""What a reader of one language sees of the collection: texts, groupings, counts.

Pure functions over the models; the templates only lay these out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, TypeVar

from generator.model.collection import Case, Collection
from generator.model.vocabulary import Vocabularies

T = TypeVar("T")
PAGE_SIZE = 50
"""Cases per listing page: a page's weight must not grow with the collection."""
RECENT = 10


class State(StrEnum):
    ORIGINAL = "original"
    TRANSLATION = "translation"
    STALE = "stale"
    FALLBACK = "fallback"
    """No translation into the page's language: the next text of ``chain`` is shown."""


@dataclass(frozen=True)
class CaseText:
    """A case's words as shown on a page in ``lang``."""

    case: Case
    lang: str
    shown: str
    """The language of the text shown (``chain``: a translation's or the original's)."""
    state: State
    title: str
    summary: str
    body: str
    places: tuple[str, ...]
    notes: dict[str, str]
    machine_translated: bool = False
    stale: bool = False
    """The text shown is a translation made from an older original."""

    @property
    def version(self) -> Version:
        """The text shown, as one of the case's ``versions``."""
        original = self.shown == self.case.meta.language
        return Version(self.shown, original, self.machine_translated, self.stale)


@dataclass(frozen=True)
class Version:
    """One text of a case: its original, or a translation."""

    lang: str
    original: bool
    machine_translated: bool = False
    stale: bool = False


def chain(lang: str, default: str, original: str) -> tuple[str, ...]:
    """The languages a reader of ``lang`` is shown a case in, first available first: their
    own, then the site's default language, then the original's."""
    return tuple(dict.fromkeys((lang, default, original)))


def versions(collection: Collection, case: Case) -> tuple[Version, ...]:
    """Every text of ``case``: the original first, then its translations by language."""
    found = collection.translations.get(case.id, {})
    translations = [
        Version(lang, False, tr.meta.machine_translated, tr.stale)
        for lang, tr in sorted(found.items())
        if lang != case.meta.language
    ]
    return (Version(case.meta.language, True), *translations)


def original_text(case: Case, lang: str) -> CaseText:
    """The original's words on a page in ``lang`` (its own page, ``paths.original_path``)."""
    meta = case.meta
    notes = {k: a.note for k, a in meta.criteria.items() if a.note}
    return CaseText(
        case, lang, meta.language, State.ORIGINAL, meta.title, meta.summary, case.body,
        tuple(meta.places), notes,
    )  # fmt: skip


def shown_language(lang: str, default: str, original: str, have: Container[str]) -> str:
    """The language of the text a page in ``lang`` shows: the first along ``chain`` that is
    the original's or one of the translations ``have``."""
    return next(x for x in chain(lang, default, original) if x == original or x in have)


def case_text(collection: Collection, case: Case, lang: str) -> CaseText:
    """What a page in ``lang`` shows of ``case``: the first text along ``chain``."""
    meta = case.meta
    found = collection.translations.get(case.id, {})
    shown = shown_language(lang, collection.taxonomy.default_language, meta.language, found)
    if shown == meta.language:
        text = original_text(case, lang)
        return text if meta.language == lang else replace(text, state=State.FALLBACK)
    tr, notes = found[shown], {k: a.note for k, a in meta.criteria.items() if a.note}
    tnotes = {k: tr.meta.criteria[k].note if k in tr.meta.criteria else v for k, v in notes.items()}
    state = State.FALLBACK if shown != lang else State.STALE if tr.stale else State.TRANSLATION
    return CaseText(
        case,
        lang,
        shown,
        state,
        tr.meta.title,
        tr.meta.summary,
        tr.body,
        tuple(tr.meta.places) or tuple(meta.places),
        tnotes,
        tr.meta.machine_translated,
        tr.stale,
    )


def mix(
    cases: Iterable[Case],
    field: Callable[[Case], Iterable[str]],
    tie: Callable[[str], Any] = str,
) -> list[tuple[str, int]]:
    """How many cases carry each id, most first, then by ``tie`` (a label's sort key in the
    reader's language), then by id."""
    counts = Counter(i for c in cases for i in dict.fromkeys(field(c)))
    return sorted(counts.items(), key=lambda kv: (-kv[1], tie(kv[0]), kv[0]))


def rating(case: Case, criterion: str, vocab: Vocabularies) -> str:
    """A case's rating of a criterion; the default rating where it gives none."""
    a = case.meta.criteria.get(criterion)
    return a.rating if a else vocab.default_rating


def profile(
    cases: Sequence[Case], criteria: Iterable[str], vocab: Vocabularies
) -> list[tuple[str, dict[str, int]]]:
    """Per criterion, how many cases have each rating, in the taxonomy's order of ratings."""
    out = []
    for crit in criteria:
        counts = dict.fromkeys(vocab.ratings, 0)
        for c in cases:
            r = rating(c, crit, vocab)
            counts[r] = counts.get(r, 0) + 1
        out.append((crit, counts))
    return out


def pages(items: Sequence[T], size: int = PAGE_SIZE) -> list[Sequence[T]]:
    """``items`` in chunks of ``size``; at least one (possibly empty) page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def recent(cases: Iterable[Case], n: int = RECENT) -> list[Case]:
    """The ``n`` most recently updated cases, newest first, then by id."""
    ordered = sorted(cases, key=lambda c: c.id)
    return sorted(ordered, key=lambda c: c.meta.updated, reverse=True)[:n]


def start_year(case: Case) -> str:
    return case.meta.period.start[:4] if case.meta.period else ""
