"""``sikb validate``, ``schema``, ``stats``, ``fingerprint``, ``i18n`` and ``ids``: the
commands that read the collection and print."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Handler,
    UsageError,
    loaded_or_report,
)
from generator.model.taxonomy import TAXONOMY_FILE
from generator.problems import Severity, promote, render
from generator.validate.collection import CASES_DIR, load


def register(sub: Any) -> dict[str, Handler]:
    """Add this module's sub-commands to ``sub``; their handlers by name."""
    _validate_flags(
        sub.add_parser("validate", help="check cases and the taxonomy; report every problem")
    )
    sub.add_parser("schema", help="print a JSON Schema of the case front matter")
    p = sub.add_parser("stats", help="count cases by country, sector, theme and status")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser(
        "fingerprint",
        help="print the fingerprint of an original case, for a translation's original_fingerprint",
    )
    p.add_argument("path", type=Path)
    p = sub.add_parser(
        "i18n", help="translation coverage: cases, taxonomy labels and interface strings"
    )
    p.add_argument(
        "--update",
        action="store_true",
        help="re-extract messages.pot and merge it into every language's catalog",
    )
    p.add_argument(
        "--strict", action="store_true", help="exit 1 if any interface string is missing"
    )
    p = sub.add_parser(
        "ids", help="list the cases not yet in published-ids.txt (stable ids: README)"
    )
    p.add_argument("--update", action="store_true", help="add them to published-ids.txt")
    return {
        "validate": _validate,
        "schema": _schema,
        "stats": _stats,
        "fingerprint": _fingerprint,
        "i18n": _i18n,
        "ids": _ids,
    }


def _validate_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files to check against the whole collection (default: all)",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text for people, json for tools, github for pull-request annotations",
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def _validate(root: Path, args: argparse.Namespace) -> int:
    only = None
    if args.paths:
        only = []
        for path in args.paths:
            full = path.resolve()
            if not full.exists():
                raise UsageError(f"no such file: {path}")
            if full.is_dir():
                only += [p for p in full.rglob("*") if p.is_file()]
                continue
            inside = full == root / TAXONOMY_FILE or full.parent == root / CASES_DIR
            if not inside:
                raise UsageError(f"{path} is neither {TAXONOMY_FILE} nor a file in {CASES_DIR}/")
            only.append(full)
    result = load(root, only, on=args.settings.day())
    problems = promote(result.problems) if args.strict else result.problems
    print(render(problems, result.files_checked, args.format))
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK


def _schema(root: Path, args: argparse.Namespace) -> int:
    from generator.data.schema import case_schema
    from generator.validate.taxonomy import load_taxonomy

    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        print(render(problems, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    print(json.dumps(case_schema(taxonomy), ensure_ascii=False, indent=2))
    return EXIT_OK


def _stats(root: Path, args: argparse.Namespace) -> int:
    from generator.data.stats import count, render_stats

    result = loaded_or_report(root, args.settings)
    if result.collection is None:
        return EXIT_PROBLEMS
    counts = count(result.collection)
    if args.format == "json":
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        print(render_stats(counts, result.collection.taxonomy))
    return EXIT_OK


def _ids(root: Path, args: argparse.Namespace) -> int:
    from generator.validate.retired import PUBLISHED_FILE, unpublished, update

    result = loaded_or_report(root, args.settings)
    if result.collection is None:
        return EXIT_PROBLEMS
    cases = result.collection.cases
    if args.update:
        new = update(root, cases)
        print(f"{PUBLISHED_FILE}: {_ids_count(new)} added", *new, sep="\n  ")
    else:
        new = unpublished(root, cases)
        print(f"{_ids_count(new)} not yet in {PUBLISHED_FILE}", *new, sep="\n  ")
    return EXIT_OK


def _ids_count(ids: list[str]) -> str:
    return "1 id" if len(ids) == 1 else f"{len(ids)} ids"


def _fingerprint(root: Path, args: argparse.Namespace) -> int:
    from generator.validate.checks import fingerprint
    from generator.validate.collection import classify, load_file

    full = args.path.resolve()
    if not full.is_file():
        raise UsageError(f"no such file: {args.path}")
    if full.parent != root / CASES_DIR:
        raise UsageError(f"{args.path} is not a case file in {CASES_DIR}/")
    case_file, problem = classify(root, full)
    if problem is not None or case_file is None:
        print(render([problem] if problem else [], 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    if case_file.language is not None:
        raise UsageError(
            f"{args.path} is a translation; the fingerprint is of its original, "
            f"{CASES_DIR}/{case_file.case_id}.md"
        )
    item = load_file(root, case_file.rel)
    if item.problems:
        print(render(item.problems, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    print(fingerprint(item.parsed.data, item.body))
    return EXIT_OK


def _i18n(root: Path, args: argparse.Namespace) -> int:
    from generator.data.stats import render_coverage, translation_coverage
    from generator.i18n import catalogs

    result = loaded_or_report(root, args.settings)
    if result.collection is None:
        return EXIT_PROBLEMS
    languages = result.collection.taxonomy.languages
    if args.update:
        for path in catalogs.update(languages):
            print(f"wrote {path.relative_to(catalogs.PACKAGE.parent).as_posix()}")
    text, missing_any = render_coverage(translation_coverage(result.collection))
    print(text)
    return EXIT_PROBLEMS if args.strict and missing_any else EXIT_OK
