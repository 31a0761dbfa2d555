"""``sikb languages``, ``assemble`` and ``changes``: what the GitHub workflows ask of the site.

``languages`` prints the site languages as JSON, for a job matrix of one ``sikb build
--language LANG`` per language; ``assemble`` joins those parts into one site; ``changes``
lists the case pages a pull request adds, changes or removes, for its job summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, Handler, UsageError
from generator.problems import render
from generator.validate.taxonomy import load_taxonomy


def register(sub: Any) -> dict[str, Handler]:
    """Add this module's sub-commands to ``sub``; their handlers by name."""
    p = sub.add_parser("languages", help="print the site languages, the default first")
    p.add_argument(
        "--format",
        choices=("json", "lines"),
        default="json",
        help="a JSON list (for a job matrix) or one a line",
    )
    p = sub.add_parser("assemble", help="join the parts sikb build --language built into one site")
    p.add_argument("parts", nargs="+", type=Path, metavar="PART", help="a part's folder")
    p.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    p = sub.add_parser("changes", help="the case pages HEAD adds, changes or removes, in Markdown")
    p.add_argument(
        "--base",
        default="main",
        metavar="REF",
        help="the commit HEAD is compared with, from where they part (default: main)",
    )
    p.add_argument(
        "--site-url",
        metavar="URL",
        help="the built site's address (default: $SIKB_SITE_URL, else http://127.0.0.1:8000/)",
    )
    return {"languages": _languages, "assemble": _assemble, "changes": _changes}


def _site_languages(root: Path) -> list[str] | None:
    """The taxonomy's languages; None, with the taxonomy's problems printed, if it has errors."""
    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        print(render(problems, 1, "text"), file=sys.stderr)
        return None
    return list(taxonomy.languages)


def _languages(root: Path, args: argparse.Namespace) -> int:
    languages = _site_languages(root)
    if languages is None:
        return EXIT_PROBLEMS
    print(json.dumps(languages) if args.format == "json" else "\n".join(languages))
    return EXIT_OK


def _assemble(root: Path, args: argparse.Namespace) -> int:
    from generator.build.assemble import PartError, assemble
    from generator.build.pipeline import protected
    from generator.build.publish import SiteDirError
    from generator.paths import Layout

    layout = Layout.at(root, args.site_dir)
    shown = str(args.site_dir) if args.site_dir is not None else "site/"
    try:
        site = assemble(args.parts, layout, protected(layout), shown)
    except (PartError, SiteDirError) as exc:
        raise UsageError(str(exc)) from exc
    print(f"Site assembled in {site} from {len(args.parts)} parts.")
    return EXIT_OK


def _changes(root: Path, args: argparse.Namespace) -> int:
    from generator.build.changes import GitError, case_pages, changed_files, summary

    languages = _site_languages(root)
    if languages is None:
        return EXIT_PROBLEMS
    try:
        files = changed_files(root, args.base)
    except GitError as exc:
        raise UsageError(f"--base {args.base}: {exc}") from exc
    print(summary(case_pages(root, files, languages), args.settings.site_url), end="")
    return EXIT_OK
