"""Parse YAML into plain Python values plus the line and column of every key and item.

PyYAML's loaders keep the last of two duplicate keys, expand aliases and guess
types in YAML 1.1 style (``NO`` is false, ``2019-02-30`` crashes the date
constructor). We read libyaml's event stream instead and build the values
ourselves: duplicates, anchors, aliases and tags become problems, scalars are
resolved by the YAML 1.2 core schema, and dates stay text for the validator.
Building from events is also faster than PyYAML's own constructor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

from generator.load.characters import IN_VALUE, describe
from generator.load.yamlscalars import resolve_plain
from generator.problems import Problem

try:  # libyaml is in PyYAML's wheels; fall back to pure Python rather than fail.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
"""A location in the data: keys and list indexes from the root."""

MAX_DEPTH = 20
"""Lists and mappings nested deeper than this are refused: a case needs 4."""
MAX_SCALAR = 100_000
"""A value longer than this many characters is refused: a summary has at most 500."""


class _Refused(Exception):
    """Reading stops: the problem is recorded, the data is dropped."""


def field_name(path: Path) -> str:
    """``('actors', 1, 'role')`` -> ``actors[1].role``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Parsed:
    """The values of a YAML document and where each key and item stands."""

    data: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each mapping key and sequence item, by path."""
    problems: list[Problem] = field(default_factory=list)
    plain_text: dict[Path, str] = field(default_factory=dict)
    """The written text of plain scalars that YAML read as numbers, booleans or null."""

    def where(self, path: Path) -> tuple[int, int]:
        """The position of ``path``, or of its nearest located ancestor."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (self.positions.get((), (1, 1))))


@dataclass
class _Frame:
    container: Any
    path: Path
    key: str | None = None
    key_mark: tuple[int, int] = (0, 0)
    duplicate: bool = False
    seen: dict[str, int] = field(default_factory=dict)


def parse(text: str, rel_path: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document; never raises on any text.

    ``line_offset`` is added to libyaml's lines so that positions are lines of
    the whole file when ``text`` is the front matter of a Markdown file.
    """
    reader = _Reader(rel_path, line_offset)
    out = reader.out
    try:
        reader.read(text)
    except _Refused:
        out.data = None
    except yaml.MarkedYAMLError as exc:
        out.problems.append(_syntax_problem(exc, rel_path, line_offset))
        out.data = None
    except yaml.reader.ReaderError as exc:  # control characters and the like
        out.problems.append(_reader_problem(exc, text, rel_path, line_offset))
        out.data = None
    except yaml.YAMLError as exc:  # anything else libyaml refuses
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        out.problems.append(
            Problem(rel_path, line_offset + 1, 0, "yaml-syntax", f"YAML syntax: {first_line}")
        )
        out.data = None
    return out


class _Reader:
    """Builds the values from libyaml's events, one frame per open list or mapping.

    The event loop is the loader's hot path: scalars come first in it, and each
    event costs at most one method call besides placing its value.
    """

    __slots__ = ("documents", "line_offset", "out", "rel_path", "stack")

    def __init__(self, rel_path: str, line_offset: int) -> None:
        self.out = Parsed()
        self.rel_path = rel_path
        self.line_offset = line_offset
        self.stack: list[_Frame] = []
        self.documents = 0

    def read(self, text: str) -> None:
        """Build ``out`` from the events of ``text``; libyaml's errors propagate."""
        stack = self.stack
        ev: Any
        for ev in yaml.parse(text, Loader=_Loader):
            kind = type(ev)
            if kind is events.ScalarEvent:
                self.scalar(ev)
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                stack.pop()
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                self.start(ev, kind is events.MappingStartEvent)
            elif kind is events.AliasEvent:
                self.alias(ev)
            elif kind is events.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problem(
                        _position(ev.start_mark, self.line_offset),
                        "multiple-documents",
                        (),
                        "expected one YAML document, found a second one",
                        "remove the '---' or '...' line inside the front matter",
                    )
                    break
            # the stream's start and end and the document's end build nothing

    def problem(
        self, at: tuple[int, int], code: str, path: Path, message: str, hint: str = ""
    ) -> None:
        self.out.problems.append(
            Problem(self.rel_path, at[0], at[1], code, message, field_name(path), hint)
        )

    def scalar(self, ev: Any) -> None:
        """A scalar, checked, resolved unless quoted or a key, and placed."""
        mark = ev.start_mark
        at = (mark.line + 1 + self.line_offset, mark.column + 1)
        if ev.anchor is not None:
            self.anchored(ev.anchor, at)
        raw: str = ev.value
        if len(raw) > MAX_SCALAR:
            self.problem(
                at,
                "value-too-long",
                _next_path(self.stack),
                f"a value of {len(raw):,} characters; a value may have at most {MAX_SCALAR:,}",
                "move long text into the body, or cite it as a source",
            )
            raise _Refused
        if bad := IN_VALUE.search(raw):
            self.problem(
                at,
                "control-character",
                _next_path(self.stack),
                f"the value contains {describe(bad.group())}, which is not allowed",
                "delete it, or the backslash escape that writes it",
            )
        tag = ev.tag
        if tag is not None and tag != "!":
            self.problem(
                at,
                "yaml-tag",
                _next_path(self.stack),
                f"YAML tags ({tag}) are not allowed",
                "remove the tag; quote the value if it must be text",
            )
        stack = self.stack
        value: Any = raw
        is_key = stack and stack[-1].key is None and type(stack[-1].container) is dict
        if ev.implicit[0] and not is_key:  # keys are names, whatever they look like
            value = resolve_plain(raw)
        path = self.place(value, at)
        if path is not None and not isinstance(value, str):
            self.out.plain_text[path] = raw

    def start(self, ev: Any, mapping: bool) -> None:
        """A list or mapping opens: placed empty, then filled as its frame."""
        mark = ev.start_mark
        at = (mark.line + 1 + self.line_offset, mark.column + 1)
        if ev.anchor is not None:
            self.anchored(ev.anchor, at)
        current = _next_path(self.stack)
        tag = ev.tag
        if tag is not None and not ev.implicit:
            self.problem(
                at, "yaml-tag", current, f"YAML tags ({tag}) are not allowed", "remove the tag"
            )
        if len(self.stack) >= MAX_DEPTH:
            self.problem(
                at,
                "too-deep",
                current,
                f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                "no field nests that deep: check the brackets and the indentation",
            )
            raise _Refused
        container: Any = {} if mapping else []
        path = self.place(container, at)
        self.stack.append(_Frame(container, path if path is not None else current))

    def alias(self, ev: Any) -> None:
        """An alias is refused and read as null."""
        at = _position(ev.start_mark, self.line_offset)
        self.problem(
            at,
            "yaml-alias",
            _next_path(self.stack),
            f"YAML aliases (*{ev.anchor}) are not allowed",
            "write the value out in full where it is used",
        )
        self.place(None, at)

    def anchored(self, anchor: str, at: tuple[int, int]) -> None:
        """An anchor is refused; the value it marks is read."""
        self.problem(
            at,
            "yaml-anchor",
            _next_path(self.stack),
            f"YAML anchors (&{anchor}) are not allowed",
            f"remove '&{anchor}' and write the value out in full",
        )

    def place(self, value: Any, at: tuple[int, int]) -> Path | None:
        """Attach a finished value to its parent; return its path (None for a key)."""
        stack = self.stack
        out = self.out
        if not stack:
            out.data = value
            out.positions[()] = at
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            path = (*top.path, len(top.container))
            top.container.append(value)
            out.positions[path] = at
            return path
        if top.key is None:  # this value is a key
            self.key(top, value, at)
            return None
        path = (*top.path, top.key)
        if not top.duplicate:  # the first value is kept; the second is reported
            top.container[top.key] = value
            out.positions[path] = top.key_mark
        top.key = None
        return path

    def key(self, top: _Frame, value: Any, at: tuple[int, int]) -> None:
        """A mapping's key: a name, used once; the entry of any other is dropped."""
        if not isinstance(value, str):
            self.problem(
                at, "complex-key", top.path, "a key must be a plain name, not a list or mapping"
            )
            top.key, top.key_mark, top.duplicate = "", at, True  # drop the entry
            return
        first = top.seen.get(value)
        top.duplicate = first is not None
        if first is not None:
            self.problem(
                at,
                "duplicate-key",
                (*top.path, value),
                f"the key '{value}' appears twice (first at line {first})",
                "YAML would silently keep only the last value: merge the two into one key",
            )
        else:
            top.seen[value] = at[0]
        top.key, top.key_mark = value, at


def _position(mark: Any, line_offset: int) -> tuple[int, int]:
    """1-based (line, column) of a libyaml mark in the whole file."""
    return (mark.line + 1 + line_offset, mark.column + 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, rel_path: str, line_offset: int) -> Problem:
    """What libyaml could not parse, where it stopped."""
    mark = exc.problem_mark or exc.context_mark
    at = _position(mark, line_offset) if mark is not None else (1 + line_offset, 1)
    what = " ".join(s for s in (exc.context, exc.problem) if s)
    if "expected <document start>" in what:
        return Problem(
            rel_path,
            at[0],
            at[1],
            "multiple-documents",
            "expected one YAML document, found more after a '...' line",
            "",
            "remove the '...' line and what follows it, or merge",
        )
    return Problem(
        rel_path, at[0], at[1], "yaml-syntax", f"YAML syntax: {what}", "", _syntax_hint(what)
    )


def _reader_problem(
    exc: yaml.reader.ReaderError, text: str, rel_path: str, line_offset: int
) -> Problem:
    """A character YAML does not allow, at its line and column."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
    at = (line_offset + 1 + before.count("\n"), len(before) - before.rfind("\n"))
    return Problem(
        rel_path,
        at[0],
        at[1],
        "control-character",
        f"the character U+{exc.character:04X} is not allowed in YAML ({exc.reason})",
        "",
        "delete it; it is often pasted in by accident",
    )


def _next_path(stack: list[_Frame]) -> Path:
    """The path the next value will take."""
    if not stack:
        return ()
    top = stack[-1]
    if isinstance(top.container, list):
        return (*top.path, len(top.container))
    return (*top.path, top.key) if top.key is not None else top.path


def _syntax_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put text that contains ': ' in quotes"
    if "found character '\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in what:
        return "each line of a mapping needs 'key: value'; check the indentation of this line"
    if "did not find expected" in what:
        return "check the indentation and any unclosed quotes or brackets"
    return "check the indentation and quote values that start with a special character"
