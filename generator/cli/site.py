"""``sikb build`` and ``sikb serve``: the commands that make the site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, Handler, UsageError
from generator.problems import Problem, render

if TYPE_CHECKING:
    from generator.build.pipeline import Outcome


def register(sub: Any) -> dict[str, Handler]:
    """Add this module's sub-commands to ``sub``; their handlers by name."""
    _build_flags(
        sub.add_parser(
            "build", help="validate (errors stop it, warnings too with --strict), then build"
        )
    )
    p = sub.add_parser("serve", help="build, then preview with live reload")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    site_flags(p)
    return {"build": _build, "serve": _serve}


def _build_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site-dir", type=Path, default=None, help="where to build (default: site/)")
    site_flags(p)
    p.add_argument("--jobs", type=int, default=None, help="languages built at once")
    p.add_argument(
        "--strict", action="store_true", help="stop on warnings too (a stale translation)"
    )
    p.add_argument(
        "--language",
        action="append",
        metavar="LANG",
        help="build only this site language (repeatable), as a part for sikb assemble",
    )


def site_flags(p: argparse.ArgumentParser) -> None:
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
        "(default: $SIKB_SEARCH_TOO_COMMON, else 100000)",
    )


def _report_build(outcome: Outcome) -> None:
    print(render(outcome.problems, outcome.files_checked, "text"), file=sys.stderr)


def _build(root: Path, args: argparse.Namespace) -> int:
    from generator.build.assemble import PartError
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
            only=args.language,
        )
    except (SiteDirError, PartError) as exc:
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
    from generator.build.pipeline import protected, watched
    from generator.build.preview import Preview
    from generator.build.publish import SiteDirError, check
    from generator.engine import mkdocs_adapter
    from generator.paths import Layout

    _engine_logging()

    def problems(found: Sequence[Problem], checked: int) -> None:
        print(render(list(found), checked, "text"), file=sys.stderr)

    preview = Preview(root, args.settings, problems, lambda s: print(s, file=sys.stderr))

    def rebuild() -> bool:
        try:
            return preview.rebuild()
        except SiteDirError as exc:
            print(f"sikb serve: error: {exc}", file=sys.stderr)
            return False

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
