"""Check changed case files against a collection already loaded: ``sikb serve``'s quick path.

``collection.load`` reads and checks every file (about 4 s at 10,000 cases). A preview
that has the last good collection checks only the files that changed since, each against
the whole collection as ``sikb validate PATH`` does, and builds the new collection from
the old one with those cases and translations replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from generator.model.collection import Collection
from generator.problems import Severity
from generator.validate.case_files import CaseFile
from generator.validate.checks import Context
from generator.validate.collection import Result, _check_files, today


def update(
    root: Path, previous: Collection, changed: Iterable[Path], on: date | None = None
) -> Result:
    """Check the case files ``changed`` (and the translations of a changed original, which
    may have become stale) against the collection; ``Result.collection``: ``previous`` with
    them replaced, if none has an error.

    For files that changed in place: a case file added or removed since ``previous`` was
    loaded, or a changed ``taxonomy.yaml``, needs ``collection.load``. Problems that the
    change causes in other files (a link from another case to a heading this one no
    longer has) are found by the next full check, not here.
    """
    result = Result()
    # The files are those of ``previous``: none added or removed, none with an error.
    files = [CaseFile(case.path, cid, None) for cid, case in previous.cases.items()]
    files += [
        CaseFile(t.path, cid, lang)
        for cid, by_lang in previous.translations.items()
        for lang, t in by_lang.items()
    ]
    originals = {f.case_id: f for f in files if f.language is None}
    base = root.resolve()
    named = {p.resolve().relative_to(base).as_posix() for p in changed}
    picked = {f.case_id for f in files if f.language is None and f.rel in named}
    chosen = [f for f in files if f.rel in named or (f.language and f.case_id in picked)]
    ctx = Context(previous.taxonomy, frozenset(originals), on or today())
    cases, translations = _check_files(root, files, chosen, originals, ctx, result)
    if any(p.severity is Severity.ERROR for p in result.problems):
        return result
    merged = {cid: dict(by_lang) for cid, by_lang in previous.translations.items()}
    for cid, by_lang in translations.items():
        merged.setdefault(cid, {}).update(by_lang)
    result.collection = Collection(previous.taxonomy, {**previous.cases, **cases}, merged)
    return result
