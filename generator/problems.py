"""Problems found in the knowledge base, and the reports that print them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum

_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a one-line report must not print raw: line breaks, controls, bidi controls."""


def visible(text: str, *, keep_breaks: bool = False) -> str:
    """``text`` with line breaks, controls and bidi controls as escapes (``\\n``, ``\\u202e``).

    A value quoted in a message may hold them (a YAML escape writes any character): raw,
    they would break the one-line-per-problem report or reorder it on screen.
    ``keep_breaks`` leaves line breaks to a format that encodes them (GitHub's).
    """
    if not _INVISIBLE.search(text):
        return text

    def escape(m: re.Match[str]) -> str:
        char = m.group()
        return char if keep_breaks and char in "\r\n" else char.encode("unicode_escape").decode()

    return _INVISIBLE.sub(escape, text)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a contributor must fix (error) or should look at (warning)."""

    path: str
    """Path relative to the knowledge base root, with forward slashes."""
    line: int
    """1-based line in the file; 0 when the problem is about the whole file."""
    column: int
    """1-based column; 0 when unknown."""
    code: str
    """Stable kebab-case code, e.g. ``unknown-term``."""
    message: str
    """What was expected and what was found."""
    field: str = ""
    """Dotted path of the field, e.g. ``actors[1].role``; empty for the whole file."""
    hint: str = ""
    """A suggestion to fix it, e.g. ``did you mean 'MD' (Moldova)?``."""
    severity: Severity = Severity.ERROR

    def as_text(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f"{self.field}: " if self.field else ""
        hint = f"; {self.hint}" if self.hint else ""
        return visible(f"{where}: {self.severity.value}[{self.code}] {field}{self.message}{hint}")

    def as_github(self) -> str:
        props = [f"file={_gh_prop(visible(self.path))}"]
        if self.line:
            props.append(f"line={self.line}")
            if self.column:
                props.append(f"col={self.column}")
        props.append(f"title={_gh_prop(self.code)}")
        field = f"{self.field}: " if self.field else ""
        hint = f"; {self.hint}" if self.hint else ""
        text = visible(field + self.message + hint, keep_breaks=True)
        return f"::{self.severity.value} {','.join(props)}::{_gh_data(text)}"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def _gh_data(text: str) -> str:
    # GitHub workflow command escaping, as in @actions/core.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def promote(problems: Iterable[Problem]) -> list[Problem]:
    """Strict mode: every warning becomes an error."""
    return [replace(p, severity=Severity.ERROR) for p in problems]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(problems: list[Problem], files_checked: int) -> str:
    """One closing line: ``3 errors and 1 warning in 2 files (24 files checked)``."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    checked = _plural(files_checked, "file")
    if not problems:
        return f"No problems in {checked}."
    files = len({p.path for p in problems})
    counts = [_plural(n, w) for n, w in ((errors, "error"), (warnings, "warning")) if n]
    return f"{' and '.join(counts)} in {_plural(files, 'file')} ({checked} checked)."


def render(problems: list[Problem], files_checked: int, fmt: str) -> str:
    """The whole report in one of the formats ``text``, ``json`` or ``github``."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.code, p.field))
    if fmt == "json":
        errors = sum(p.severity is Severity.ERROR for p in ordered)
        doc = {
            "problems": [p.as_dict() for p in ordered],
            "errors": errors,
            "warnings": len(ordered) - errors,
            "files_checked": files_checked,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2)
    lines = [p.as_github() if fmt == "github" else p.as_text() for p in ordered]
    lines.append(summary(ordered, files_checked))
    return "\n".join(lines)
