"""A file in cases/: what its name says (``classify``) and its text read, split and parsed
(``load_file``, ``parse_case_text``): problems, never exceptions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.load import characters
from generator.load.frontmatter import read_text, split
from generator.load.yamlload import Parsed, parse
from generator.problems import Problem

CASES_DIR = "cases"
CASE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80


@dataclass(frozen=True)
class CaseFile:
    """What a file name in cases/ says: an original or a translation, and of what."""

    rel: str
    case_id: str
    language: str | None
    """None for an original; the language code from ``<id>.<lang>.md`` for a translation."""


@dataclass
class Loaded:
    parsed: Parsed
    body: str
    problems: list[Problem]
    body_line: int = 0
    """1-based line of the file where the body starts."""


def classify(root: Path, path: Path) -> tuple[CaseFile | None, Problem | None]:
    """Read a file name in cases/: a case, a translation, or a problem."""
    rel = path.relative_to(root).as_posix()
    if path.suffix != ".md" or path.parent != root / CASES_DIR:
        return None, Problem(
            rel,
            0,
            0,
            "not-a-case",
            "only case files named <id>.md or <id>.<lang>.md belong in cases/",
            hint="move other files out of cases/",
        )
    stem = path.name[: -len(".md")]
    case_id, _, lang = stem.partition(".")
    if not CASE_ID.match(case_id) or len(case_id) > MAX_ID:
        suggestion = re.sub(r"[^a-z0-9]+", "-", case_id.lower()).strip("-")[:MAX_ID].strip("-")
        return None, Problem(
            rel,
            0,
            0,
            "invalid-id",
            f"'{case_id}' is not a valid case id: the file name is the case's "
            "permanent id and URL, in lowercase ASCII letters, digits and single "
            f"hyphens, at most {MAX_ID} characters",
            hint=f"rename the file to '{suggestion or 'a-case-id'}.md'",
        )
    return CaseFile(rel, case_id, lang or None), None


def load_file(root: Path, rel: str) -> Loaded:
    """Read, split and parse one case file; problems, never exceptions."""
    text, problems = read_text(root / rel, rel)
    if text is None:
        return Loaded(Parsed(), "", problems)
    return parse_case_text(text, rel)


def parse_case_text(text: str, rel: str) -> Loaded:
    """Split and parse the text of a case file; problems, never exceptions."""
    refused = characters.scan(text, rel)
    if refused:  # reported here, once; the rest of the file is still read and checked
        text = characters.replaced(text)
    parts = split(text, rel)
    if parts.front is None:
        return Loaded(Parsed(), "", refused + parts.problems)
    parsed = parse(parts.front, rel, line_offset=1)
    problems = refused + parsed.problems
    if parsed.data is None and not parsed.problems:
        problems.append(
            Problem(
                rel,
                2,
                1,
                "empty-front-matter",
                "the front matter is empty",
                hint="fill it in; 'sikb new' writes a skeleton",
            )
        )
    elif parsed.data is not None and not isinstance(parsed.data, dict):
        line, col = parsed.where(())
        problems.append(
            Problem(
                rel,
                line,
                col,
                "wrong-type",
                "expected the front matter to be a mapping of keys and values",
            )
        )
        parsed.data = None
    return Loaded(parsed, parts.body, problems, parts.body_line)
