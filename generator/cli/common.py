"""What every ``sikb`` command shares: its exit codes, its usage error, the root it works in."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.model.taxonomy import TAXONOMY_FILE
from generator.problems import render
from generator.settings import Settings
from generator.validate.collection import Result, load

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Handler = Callable[[Path, argparse.Namespace], int]
"""A sub-command: the knowledge base's root and the parsed arguments in, the exit code out."""


class UsageError(Exception):
    """A mistake in how the command was called: exit 2."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds taxonomy.yaml."""
    for folder in (start, *start.parents):
        if (folder / TAXONOMY_FILE).is_file():
            return folder
    raise UsageError(f"no {TAXONOMY_FILE} in {start} or any folder above it; use --root")


def loaded_or_report(root: Path, settings: Settings) -> Result:
    """The collection; when any file has an error, the report ``sikb validate`` prints.

    The report goes to stderr (stdout is the command's data), and the collection is
    None: no command renders or counts a collection with errors.
    """
    result = load(root, on=settings.day())
    if result.collection is None:
        print(render(result.problems, result.files_checked, "text"), file=sys.stderr)
    return result
