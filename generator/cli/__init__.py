"""The ``sikb`` command line: thin, it parses arguments, calls the pipeline and prints.

One module per group of commands (``cases``, ``contribute``, ``site``, ``publishing``), each
adding its sub-commands with ``register``. Exit codes: 0 clean, 1 problems found (or a file
that would be overwritten), 2 usage error (a bad flag, or a ``SIKB_*`` variable that
``settings`` cannot read).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.cli import cases, contribute, publishing, site
from generator.cli.common import EXIT_USAGE, Handler, UsageError, find_root
from generator.model.taxonomy import TAXONOMY_FILE
from generator.settings import SettingError, Settings, read

__all__ = ["main"]


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
    handlers: dict[str, Handler] = {}
    for group in (cases, contribute, site, publishing):
        handlers.update(group.register(sub))
    parser.set_defaults(handlers=handlers)
    return parser


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
        handler: Handler = args.handlers[args.command]
        return handler(root, args)
    except UsageError as exc:
        print(f"sikb {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
