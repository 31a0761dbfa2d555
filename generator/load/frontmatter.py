"""Read a case file and split its YAML front matter from its Markdown body."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problem

MAX_BYTES = 1024 * 1024
"""A case file over 1 MiB is refused unread: no case needs it, and it slows every build."""


@dataclass
class Split:
    """A case file cut in two; ``front`` is None when the file could not be split."""

    front: str | None = None
    body: str = ""
    body_line: int = 0
    """1-based line of the file where the body starts."""
    problems: list[Problem] = field(default_factory=list)


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None with the reason it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Problem(
                    rel,
                    0,
                    0,
                    "file-too-large",
                    f"the file is {size:,} bytes; a case file may be at most 1 MiB "
                    f"({MAX_BYTES:,} bytes)",
                    hint="move long material to a source and cite it",
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, 0, 0, "unreadable", f"cannot read the file: {exc.strerror}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(
                rel,
                line,
                column,
                "not-utf8",
                f"the file is not UTF-8: the byte 0x{data[exc.start]:02X} cannot be decoded",
                hint="save the file with the UTF-8 encoding",
            )
        ]
    return text.removeprefix("\ufeff"), []


def split(text: str, rel: str) -> Split:
    """Cut ``---`` front matter from the body; report a missing or unclosed block."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].rstrip() != "---":
        first = lines[0].strip()
        found = repr(first[:40] + ("..." if len(first) > 40 else "")) if first else "an empty line"
        return Split(
            problems=[
                Problem(
                    rel,
                    1,
                    1,
                    "no-front-matter",
                    "expected the file to start with a '---' line opening the YAML front "
                    f"matter, found {found}",
                    hint="start the file with '---', the fields, and '---' again "
                    "(sikb new writes a skeleton)",
                )
            ]
        )
    for i in range(1, len(lines)):
        if lines[i].rstrip() == "---":
            return Split("\n".join(lines[1:i]) + "\n", "\n".join(lines[i + 1 :]), i + 2)
    return Split(
        problems=[
            Problem(
                rel,
                1,
                1,
                "unterminated-front-matter",
                "the front matter opened by '---' on line 1 is never closed",
                hint="add a line '---' after the last field, before the text",
            )
        ]
    )
