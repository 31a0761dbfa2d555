"""Characters that a case file may not contain, wherever they stand.

Control characters (C0 but tab and line feed, DEL, C1) are invisible and break
tools downstream; a carriage return is accepted only as the first half of a CRLF
line ending (Windows editors write those). The line and paragraph separators
U+2028/U+2029 are line breaks to some readers and not to others, and the
bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069)
make text display in another order than it is stored in ("Trojan Source",
CVE-2021-42574). A contributor never needs any of them: right-to-left text displays
right without them.
"""

from __future__ import annotations

import re
import unicodedata

from generator.problems import Problem

_SET = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
IN_FILE = re.compile(f"[{_SET}]|\r(?!\n)")
"""A forbidden character in a file's text: CR only where it does not end a CRLF line."""
IN_VALUE = re.compile(f"[{_SET}\r]")
"""A forbidden character in a value (line breaks in values are always LF); also the
quick test of a file's text (a character class alone is searched 3x faster)."""
MAX_REPORTED = 20
"""Characters reported one by one in a file; the rest are counted in one more problem."""
REPLACEMENT = "\ufffd"


def describe(char: str) -> str:
    """``the control character U+0007``, ``the bidirectional control U+202E (RIGHT-TO-LEFT...)``."""
    code = f"U+{ord(char):04X}"
    if char == "\r":
        return f"a carriage return ({code}) that does not end a line"
    name = unicodedata.name(char, "")
    if char in "\u2028\u2029":
        return f"the invisible line break {code} ({name})"
    if name:
        return f"the bidirectional control {code} ({name})"
    return f"the control character {code}"


def hint(char: str) -> str:
    """How to get rid of ``char``."""
    if char == "\r":
        return "save the file with LF (or CRLF) line endings"
    if char in "\u2028\u2029":
        return "delete it; use an ordinary line break"
    if unicodedata.name(char, ""):
        return (
            "delete it: it makes the text display in another order than it is written; "
            "right-to-left text needs no such character"
        )
    return "delete it; it is often pasted in by accident"


def scan(text: str, rel: str) -> list[Problem]:
    """Every forbidden character in ``text``, a whole file, with its line and column."""
    if not IN_VALUE.search(text):
        return []  # nearly every file: no CR, no forbidden character
    problems: list[Problem] = []
    line, line_start, counted_to, extra = 1, 0, 0, 0
    for m in IN_FILE.finditer(text):
        if len(problems) == MAX_REPORTED:
            extra += 1
            continue
        at = m.start()
        line += text.count("\n", counted_to, at)
        counted_to = at
        line_start = text.rfind("\n", 0, at) + 1
        char = m.group()
        problems.append(
            Problem(
                rel,
                line,
                at - line_start + 1,
                "control-character",
                f"{describe(char)} is not allowed in a case file",
                hint=hint(char),
            )
        )
    if extra:
        last = problems[-1]
        problems.append(
            Problem(
                rel,
                last.line,
                last.column,
                "control-character",
                f"{extra:,} more such characters after this one are not listed",
                hint="delete them all",
            )
        )
    return problems


def replaced(text: str) -> str:
    """``text`` with each forbidden character replaced by U+FFFD, one for one.

    Columns stay where they were, and libyaml (which would stop at a control
    character, or take U+2028 for a line break) reads the rest of the file.
    """
    return IN_FILE.sub(REPLACEMENT, text)
