"""Find the case files of a knowledge base, load and check them, and build the collection."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator import settings
from generator.model.collection import Case, Collection, Translation
from generator.model.meta import CaseMeta, TranslationMeta
from generator.model.taxonomy import TAXONOMY_FILE
from generator.problems import Problem, Severity
from generator.validate import retired
from generator.validate.case_files import (
    CASE_ID,
    CASES_DIR,
    MAX_ID,
    CaseFile,
    Loaded,
    classify,
    load_file,
    parse_case_text,
)
from generator.validate.checks import (
    Context,
    check_original,
    check_translation,
    fingerprint,
    translation_key_problem,
)
from generator.validate.link_checks import check_links
from generator.validate.page_ids import Pages, PageText, source
from generator.validate.reach import check_reach
from generator.validate.retired import Retired
from generator.validate.schema_errors import problems_from
from generator.validate.taxonomy import load_taxonomy

log = logging.getLogger(__name__)

__all__ = [
    "CASES_DIR",
    "CASE_ID",
    "MAX_ID",
    "CaseFile",
    "Loaded",
    "Result",
    "check_case_text",
    "classify",
    "load",
    "load_file",
    "parse_case_text",
    "today",
]
"""What callers use; the file-level part lives in ``case_files``."""


@dataclass
class Result:
    """Everything one run of the checks found."""

    collection: Collection | None = None
    """The whole collection, built only when no file has an error (warnings allowed)."""
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0


def today() -> date:
    """Today, or the day in ``SIKB_TODAY`` (``settings``), for a caller that passes no day."""
    return settings.read().day()


def load(root: Path, only: Iterable[Path] | None = None, on: date | None = None) -> Result:
    """Load and check the knowledge base at ``root``.

    With ``only``, just those files are reported, each checked against the
    whole collection; the collection is then not built. Nor is it when any file
    has an error: ``Result.collection`` holds valid cases only, or is None.
    """
    result = Result()
    taxonomy, tax_problems = load_taxonomy(root)
    selected = None if only is None else {p.resolve() for p in only}
    wants_taxonomy = selected is None or (root / TAXONOMY_FILE).resolve() in selected
    result.files_checked += wants_taxonomy or bool(tax_problems)
    result.problems += tax_problems
    if taxonomy is None:
        log.debug("taxonomy.yaml has errors; cases are not checked")
        return result

    files = _case_files(root, selected, result)
    originals = {f.case_id: f for f in files if f.language is None}
    ctx = Context(taxonomy, frozenset(originals), on or today())
    chosen = [f for f in files if selected is None or (root / f.rel).resolve() in selected]
    cases, translations = _check_files(root, files, chosen, originals, ctx, result)
    gone: dict[str, Retired] = {}
    if selected is None:
        result.problems += one_way_related(cases, root)
        gone, id_problems = retired.check(root, originals)
        result.problems += id_problems
    if selected is None and not any(p.severity is Severity.ERROR for p in result.problems):
        # Only a collection without errors is built: a case with an error (an unknown
        # status, a broken link) never reaches code that renders or counts it, and no
        # valid case is left pointing at one that was dropped.
        moved = {i: r.merged_into for i, r in gone.items()}
        result.collection = Collection(taxonomy, cases, translations, moved)
    return result


def one_way_related(cases: Mapping[str, Case], root: Path) -> list[Problem]:
    """A warning on each ``related`` item whose case does not list this one back: a
    reader who follows the link should find the way back. Read again from the file for
    the item's line, once per case that has such an item."""
    out = []
    for case in cases.values():
        parsed = None  # read once, only for a case with a one-way item
        for i, other in enumerate(case.meta.related):
            target = cases.get(other)
            if target is None or case.id in target.meta.related:
                continue
            parsed = parsed or load_file(root, case.path).parsed
            line, col = parsed.where(("related", i))
            out.append(
                Problem(
                    case.path,
                    line,
                    col,
                    "one-way-related",
                    f"'{other}' does not list this case among its related cases",
                    f"related[{i}]",
                    f"add '{case.id}' to 'related' in {target.path}, or remove '{other}' here",
                    Severity.WARNING,
                )
            )
    return out


def _case_files(root: Path, selected: set[Path] | None, result: Result) -> list[CaseFile]:
    """The case files under cases/; a file that is not one is a problem, if selected."""
    files: list[CaseFile] = []
    cases_dir = root / CASES_DIR
    paths = []
    if cases_dir.is_dir():
        paths = sorted(p for p in cases_dir.iterdir() if not p.name.startswith("."))
    for path in paths:
        case_file, problem = classify(root, path)
        if case_file:
            files.append(case_file)
        elif problem and (selected is None or path.resolve() in selected):
            result.problems.append(problem)
            result.files_checked += 1
    return files


def _check_files(
    root: Path,
    files: list[CaseFile],
    chosen: list[CaseFile],
    originals: Mapping[str, CaseFile],
    ctx: Context,
    result: Result,
) -> tuple[dict[str, Case], dict[str, dict[str, Translation]]]:
    """Load and check each chosen file against them all: the valid cases and translations."""
    loaded: dict[str, Loaded] = {}

    # Keep only the originals that a translation will be compared with.
    needed = {f"{CASES_DIR}/{f.case_id}.md" for f in chosen if f.language}

    def get(rel: str) -> Loaded:
        if rel in loaded:
            return loaded[rel]
        item = load_file(root, rel)
        if rel in needed:
            loaded[rel] = item
        return item

    pages = _pages(files, ctx.taxonomy.languages, ctx.taxonomy.default_language, loaded, root)
    cases: dict[str, Case] = {}
    translations: dict[str, dict[str, Translation]] = {}
    with _gc_paused():
        for f in chosen:
            result.files_checked += 1
            item = get(f.rel)
            result.problems += item.problems
            if f.language is None:
                case = _original(f, item, ctx, result.problems, pages)
                if case:
                    cases[f.case_id] = case
            else:
                original = originals.get(f.case_id)
                translation = _translation(
                    f,
                    item,
                    get(original.rel) if original else None,
                    original,
                    ctx,
                    result.problems,
                    pages,
                )
                if translation:
                    translations.setdefault(f.case_id, {})[f.language] = translation
    return cases, translations


def _pages(
    files: list[CaseFile],
    languages: Iterable[str],
    default: str,
    cached: Mapping[str, Loaded],
    root: Path,
) -> Pages:
    """The case pages' ids (``page_ids``), read from the files only for a link's target."""
    languages = tuple(languages)
    translated: dict[str, set[str]] = {}
    for f in files:
        if f.language in languages:
            translated.setdefault(f.case_id, set()).add(f.language)
    read: dict[str, Loaded] = {}

    def data(rel: str) -> tuple[dict[str, Any], str] | None:
        if rel not in read:
            read[rel] = cached.get(rel) or load_file(root, rel)
        item = read[rel]
        return (item.parsed.data, item.body) if isinstance(item.parsed.data, dict) else None

    def text(case_id: str, lang: str) -> PageText | None:
        original = data(f"{CASES_DIR}/{case_id}.md")
        if original is None:
            return None
        meta, body = original
        related = bool(meta.get("related"))
        have = frozenset(translated.get(case_id, ()))
        shown = source(have, lang, default, language(case_id))
        if shown is not None:
            translation = data(f"{CASES_DIR}/{case_id}.{shown}.md")
            if translation is None:
                return None
            meta, body = translation
        title = meta.get("title")
        return PageText(title if isinstance(title, str) else "", body, related)

    def language(case_id: str) -> str | None:
        original = data(f"{CASES_DIR}/{case_id}.md")
        found = original[0].get("language") if original else None
        return found if isinstance(found, str) else None

    have = {k: frozenset(v) for k, v in translated.items()}
    return Pages(languages, have, text, default, language)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while files are loaded.

    Loading makes millions of small acyclic objects that reference counting frees;
    the collector's full passes over the growing collection found nothing to free
    and took a third of the time at 10,000 cases (benchmarks/bench_validate.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_case_text(case_id: str, text: str, ctx: Context) -> list[Problem]:
    """Every problem of one original case given as text (for tools and property tests)."""
    rel = f"{CASES_DIR}/{case_id}.md"
    item = parse_case_text(text, rel)
    out = list(item.problems)
    _original(CaseFile(rel, case_id, None), item, ctx, out)
    return out


def _original(
    f: CaseFile, item: Loaded, ctx: Context, out: list[Problem], pages: Pages | None = None
) -> Case | None:
    if item.parsed.data is None:
        return None
    found = check_original(f.case_id, item.parsed, f.rel, ctx)
    found += check_reach(item.parsed, f.rel, ctx)
    found += _links(f, item, ctx, pages)
    meta = None
    try:
        meta = CaseMeta.model_validate(item.parsed.data)
    except ValidationError as exc:
        found += problems_from(exc, item.parsed, f.rel, CaseMeta)
    out += found
    if meta is None:
        return None
    return Case(f.case_id, f.rel, meta, item.body, fingerprint(item.parsed.data, item.body))


def _translation(
    f: CaseFile,
    item: Loaded,
    original: Loaded | None,
    original_file: CaseFile | None,
    ctx: Context,
    out: list[Problem],
    pages: Pages | None = None,
) -> Translation | None:
    lang = f.language or ""
    original_rel = f"{CASES_DIR}/{f.case_id}.md"
    unmatched = _unmatched(f, original if original_file else None, ctx)
    if unmatched is not None:
        out.append(unmatched)
        return None
    if original is None or item.parsed.data is None:
        return None  # no original is reported as unmatched
    original_data = original.parsed.data if isinstance(original.parsed.data, dict) else {}
    current = fingerprint(original.parsed.data, original.body) if original_data else None
    found = check_translation(item.parsed, f.rel, ctx, original_rel, current)
    found += _links(f, item, ctx, pages)
    meta = None
    try:
        meta = TranslationMeta.model_validate(item.parsed.data)
    except ValidationError as exc:
        found += problems_from(
            exc, item.parsed, f.rel, TranslationMeta, translation_key_problem(f.rel, original_rel)
        )
    out += found
    if meta is None:
        return None
    stale = current is not None and meta.original_fingerprint != current
    return Translation(f.case_id, lang, f.rel, meta, item.body, stale)


def _unmatched(f: CaseFile, original: Loaded | None, ctx: Context) -> Problem | None:
    """Why a translation has no original to translate in its language, if it has none."""
    lang = f.language or ""
    site = ctx.taxonomy.languages
    original_rel = f"{CASES_DIR}/{f.case_id}.md"
    if lang not in site:
        code = "unknown-language"
        message = f"'{lang}' in the file name is not a site language ({', '.join(site)})"
        hint = (
            "name a translation <id>.<lang>.md with a language listed "
            "under 'languages' in taxonomy.yaml"
        )
    elif original is None:
        code = "orphan-translation"
        message = f"there is no original {original_rel} for this translation"
        hint = "add the original first, or correct the file name"
    elif isinstance(original.parsed.data, dict) and original.parsed.data.get("language") == lang:
        code = "translation-same-language"
        message = f"the original {original_rel} is already written in '{lang}'"
        hint = "a translation must be in another site language"
    else:
        return None
    return Problem(f.rel, 0, 0, code, message, hint=hint)


def _links(f: CaseFile, item: Loaded, ctx: Context, pages: Pages | None) -> list[Problem]:
    """``check_links``, with the anchors checked on the pages of every language that
    shows this body."""
    shown = pages.shown_in(f.case_id, f.language) if pages else ()
    return check_links(item.body, item.body_line, f.rel, ctx.case_ids, pages, shown)
