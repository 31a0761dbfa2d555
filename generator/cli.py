"""The ``sikb`` command line: thin, it parses arguments, calls the pipeline and prints.

Exit codes: 0 clean, 1 problems found (or a file that would be overwritten), 2 usage error
(a bad flag, or a ``SIKB_*`` variable that ``settings`` cannot read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.model.taxonomy import TAXONOMY_FILE
from generator.problems import Severity, promote, render
from generator.settings import SettingError, Settings, read
from generator.validate.collection import CASES_DIR, Result, load

if TYPE_CHECKING:
    from generator.build.pipeline import Outcome

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: exit 2."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds taxonomy.yaml."""
    for folder in (start, *start.parents):
        if (folder / TAXONOMY_FILE).is_file():
            return folder
    raise UsageError(f"no {TAXONOMY_FILE} in {start} or any folder above it; use --root")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sikb", description="SIKB, the Social Innovation Knowledge Base: check and build."
    )
    parser.add_argument("--version", action="version", version=f"sikb {__version__}")
    parser.add_argument(
        "--root",
        type=Path,
        help="the knowledge base folder (default: found "
        f"from the current folder by its {TAXONOMY_FILE})",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help='the day against which "in the future" is judged (default: $SIKB_TODAY, else today)',
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _validate_flags(
        sub.add_parser("validate", help="check cases and the taxonomy; report every problem")
    )
    _new_flags(sub.add_parser("new", help="write a commented skeleton for a new case"))
    sub.add_parser("schema", help="print a JSON Schema of the case front matter")
    p = sub.add_parser("stats", help="count cases by country, sector, theme and status")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = sub.add_parser(
        "fingerprint",
        help="print the fingerprint of an original case, for a translation's original_fingerprint",
    )
    p.add_argument("path", type=Path)
    _build_flags(
        sub.add_parser(
            "build", help="validate strictly, then build the site in every language into site/"
        )
    )
    p = sub.add_parser("serve", help="build, then preview with live reload")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    _site_flags(p)
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
    return parser


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


def _new_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the case id: lowercase-kebab-case, also its file name and URL")
    p.add_argument(
        "--country",
        action="append",
        default=[],
        required=True,
        metavar="XX",
        help="ISO 3166-1 alpha-2 code from the taxonomy (repeat for several)",
    )
    p.add_argument("--sector", action="append", default=[], help="a sector id (repeatable)")
    p.add_argument("--theme", action="append", default=[], help="a theme id (repeatable)")
    p.add_argument("--language", default=None, help="ISO 639-1 code of the language you write in")
    p.add_argument("--title", default="", help="the case's title")


def _build_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    _site_flags(p)
    p.add_argument("--jobs", type=int, default=None, help="languages built at once")
    p.add_argument(
        "--strict", action="store_true", help="stop on warnings too (a stale translation)"
    )


def _site_flags(p: argparse.ArgumentParser) -> None:
    """The settings of ``build`` and ``serve`` (``settings.Settings``), over ``SIKB_*``."""
    p.add_argument(
        "--site-url",
        metavar="URL",
        help="the address the site is served from (default: $SIKB_SITE_URL, "
        "else http://127.0.0.1:8000/)",
    )
    p.add_argument(
        "--edit-url",
        metavar="URL",
        help="the prefix of a case's edit link (default: $SIKB_EDIT_URL, else none)",
    )
    p.add_argument(
        "--search-too-common",
        metavar="N",
        help="occurrences above which search leaves a word out "
        "(default: $SIKB_SEARCH_TOO_COMMON, else 140000)",
    )


def _settings(args: argparse.Namespace) -> Settings:
    """The run's settings, read once: flags, then the environment, then the defaults."""
    names = ("site_url", "edit_url", "search_too_common", "today")
    try:
        return read({name: getattr(args, name, None) for name in names})
    except SettingError as exc:
        raise UsageError(str(exc)) from exc


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.settings = _settings(args)
        root = (args.root or find_root(Path.cwd())).resolve()
        if not (root / TAXONOMY_FILE).is_file():
            raise UsageError(f"{root} holds no {TAXONOMY_FILE}")
        handler = {
            "validate": _validate,
            "new": _new,
            "schema": _schema,
            "stats": _stats,
            "fingerprint": _fingerprint,
            "build": _build,
            "serve": _serve,
            "i18n": _i18n,
        }[args.command]
        return handler(root, args)
    except UsageError as exc:
        print(f"sikb {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


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


def _loaded_or_report(root: Path, settings: Settings) -> Result:
    """The collection; when any file has an error, the report ``sikb validate`` prints.

    The report goes to stderr (stdout is the command's data), and the collection is
    None: no command renders or counts a collection with errors.
    """
    result = load(root, on=settings.day())
    if result.collection is None:
        print(render(result.problems, result.files_checked, "text"), file=sys.stderr)
    return result


def _new(root: Path, args: argparse.Namespace) -> int:
    from generator.data.scaffold import ScaffoldError, write_skeleton

    try:
        path = write_skeleton(
            root,
            args.id,
            args.country,
            args.sector,
            args.theme,
            args.language,
            args.title,
            args.settings.day(),
        )
    except ScaffoldError as exc:
        print(f"sikb new: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS if exc.exists else EXIT_USAGE
    print(
        f"Wrote {path.relative_to(root).as_posix()}: fill it in, then run "
        f"'sikb validate {path.relative_to(root).as_posix()}'."
    )
    return EXIT_OK


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

    result = _loaded_or_report(root, args.settings)
    if result.collection is None:
        return EXIT_PROBLEMS
    counts = count(result.collection)
    if args.format == "json":
        print(json.dumps(counts, ensure_ascii=False, indent=2))
    else:
        print(render_stats(counts, result.collection.taxonomy))
    return EXIT_OK


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


def _report_build(outcome: Outcome) -> None:
    print(render(outcome.problems, outcome.files_checked, "text"), file=sys.stderr)


def _build(root: Path, args: argparse.Namespace) -> int:
    from generator.build.pipeline import build
    from generator.build.publish import SiteDirError

    _engine_logging()
    try:
        outcome = build(
            root,
            args.site_dir,
            strict=args.strict,
            jobs=args.jobs,
            on_problems=_report_build,
            settings=args.settings,
        )
    except SiteDirError as exc:
        raise UsageError(str(exc)) from exc
    if not outcome.built:
        return EXIT_PROBLEMS
    for t in outcome.trees:
        print(f"{t.language}: {t.pages} pages ({t.written} written, {t.removed} removed)")
    for b in outcome.built:
        state = f"failed: {b.error}" if b.error else "built"
        print(f"{b.language}: {state} in {b.seconds:.1f} s")
    if outcome.search_error:
        print(f"search: failed: {outcome.search_error}", file=sys.stderr)
    timings = ", ".join(f"{k} {v:.1f} s" for k, v in outcome.timings.items())
    if outcome.ok:
        print(f"Site built in {outcome.site} ({timings}).")
        return EXIT_OK
    print(f"Build failed, the site left as it was ({timings}).")
    return EXIT_PROBLEMS


def _serve(root: Path, args: argparse.Namespace) -> int:
    from generator.build.pipeline import build, protected, watched
    from generator.build.publish import SiteDirError, check
    from generator.engine import mkdocs_adapter
    from generator.paths import Layout

    _engine_logging()

    def rebuild() -> bool:
        try:
            outcome = build(root, on_problems=_report_build, settings=args.settings)
        except SiteDirError as exc:
            print(f"sikb serve: error: {exc}", file=sys.stderr)
            return False
        for b in outcome.built:
            if b.error:
                print(f"{b.language}: failed: {b.error}", file=sys.stderr)
        if outcome.search_error:
            print(f"search: failed: {outcome.search_error}", file=sys.stderr)
        return outcome.ok

    layout = Layout.at(root)
    try:  # a site folder the build may not replace stops the preview before it starts
        check(layout.site, root, protected(layout), "site/")
    except SiteDirError as exc:
        raise UsageError(str(exc)) from exc
    rebuild()
    print(
        f"Serving on http://{args.host}:{args.port}/ "
        "(set --site-url or SIKB_SITE_URL to match another host)"
    )
    mkdocs_adapter.serve(layout, rebuild, watched(root), args.host, args.port)
    return EXIT_OK


def _engine_logging() -> None:
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def _i18n(root: Path, args: argparse.Namespace) -> int:
    from generator.data.stats import render_coverage, translation_coverage
    from generator.i18n import catalogs

    result = _loaded_or_report(root, args.settings)
    if result.collection is None:
        return EXIT_PROBLEMS
    languages = result.collection.taxonomy.languages
    if args.update:
        for path in catalogs.update(languages):
            print(f"wrote {path.relative_to(catalogs.PACKAGE.parent).as_posix()}")
    text, missing_any = render_coverage(translation_coverage(result.collection))
    print(text)
    return EXIT_PROBLEMS if args.strict and missing_any else EXIT_OK
