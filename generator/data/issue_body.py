"""The body of an issue made with one of the forms, read as GitHub renders it.

GitHub writes each field of a form as a ``### <label>`` heading, a blank line and the
answer; ``_No response_`` for an empty one (``None`` for a dropdown left at GitHub's own
choice), a multi-select dropdown's options joined by ``", "``, and checkboxes as
``- [X] label`` or ``- [ ] label``. An answer runs to the next heading of the form.

The author of an issue can edit its body after GitHub rendered it, so nothing here is
trusted: a heading of the form that appears twice is a problem, not a guess, and an
answer with a hidden character (a control, a bidirectional override) is no answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.load import characters
from generator.problems import Problem, Severity

NO_ANSWER = ("_No response_", "None")
"""What GitHub writes for a field left empty."""
_HEADING = re.compile(r"###[ \t]+(?P<label>.*?)[ \t]*")
_CHECKBOX = re.compile(r"[-*][ \t]+\[(?P<mark>[ xX])\][ \t]+(?P<label>.*)")
_BULLET = re.compile(r"^(?:[-*+][ \t]+|\d+[.)][ \t]+)")


@dataclass(frozen=True)
class Answer:
    """One field's answer in an issue's body."""

    line: int
    """The line of its ``### <label>`` heading, 1-based."""
    text: str
    """The answer without the blank lines around it, LF line endings; empty when unanswered."""
    first: int
    """The line of the answer's first line of text."""

    def lines(self) -> list[tuple[int, str]]:
        """Each non-empty line with its line number, a Markdown bullet taken off."""
        rows = []
        for offset, row in enumerate(self.text.split("\n")):
            stripped = _BULLET.sub("", row.strip()).strip()
            if stripped:
                rows.append((self.first + offset, stripped))
        return rows


def problem(path: str, line: int, field: str, code: str, message: str, hint: str = "") -> Problem:
    """A warning about one answer of the issue: the file written leaves that value out."""
    return Problem(path, line, 1, code, message, field, hint, Severity.WARNING)


def read(
    body: str, labels: Sequence[tuple[str, str]], path: str
) -> tuple[dict[str, Answer], list[Problem]]:
    """Each field's answer, by field id, from the body; ``labels`` is ``(id, label)`` in form
    order. A field whose heading is missing or repeated has no answer, and a problem says why."""
    rows = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    by_label = {label: fid for fid, label in labels}
    seen: dict[str, list[int]] = {}
    for number, row in enumerate(rows, start=1):
        m = _HEADING.fullmatch(row)
        if m and m.group("label") in by_label:
            seen.setdefault(by_label[m.group("label")], []).append(number)
    starts = sorted(lines[0] for lines in seen.values())
    answers: dict[str, Answer] = {}
    problems: list[Problem] = []
    for fid, label in labels:
        lines = seen.get(fid, [])
        if len(lines) > 1:
            where = ", ".join(str(n) for n in lines)
            problems.append(
                problem(
                    path, lines[1], fid, "repeated-heading",
                    f"expected one '### {label}' heading, found {len(lines)} (lines {where})",
                    "keep the heading GitHub wrote and remove the others from the answers",
                )
            )  # fmt: skip
            continue
        if not lines:
            continue
        answers[fid] = _answer(rows, lines[0], starts, fid, path, problems)
    return answers, problems


def _answer(
    rows: list[str], heading: int, starts: list[int], fid: str, path: str, out: list[Problem]
) -> Answer:
    end = next((s for s in starts if s > heading), len(rows) + 1)
    chunk = rows[heading : end - 1]
    first = heading + 1
    while chunk and not chunk[0].strip():
        chunk, first = chunk[1:], first + 1
    while chunk and not chunk[-1].strip():
        chunk = chunk[:-1]
    text = "\n".join(chunk).strip()
    if text in NO_ANSWER:
        text = ""
    if bad := characters.IN_VALUE.search(text):
        out.append(
            problem(
                path, first + text.count("\n", 0, bad.start()), fid, "hidden-character",
                f"expected text, found {characters.describe(bad.group())}",
                characters.hint(bad.group()),
            )
        )  # fmt: skip
        text = ""
    return Answer(heading, text, first)


def choices(answer: Answer) -> list[str]:
    """A dropdown's options chosen, in GitHub's order: its answer split at ``", "``."""
    if not answer.text:
        return []
    return [part.strip() for part in answer.text.replace("\n", ", ").split(",") if part.strip()]


def checked(answer: Answer, options: Iterable[str]) -> set[str]:
    """The checkboxes ticked, of ``options``."""
    wanted = set(options)
    ticked = set()
    for row in answer.text.split("\n"):
        m = _CHECKBOX.fullmatch(row.strip())
        if m and m.group("mark") in "xX" and m.group("label").strip() in wanted:
            ticked.add(m.group("label").strip())
    return ticked
