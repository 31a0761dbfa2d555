"""Parse YAML into plain Python values plus the line and column of every key and item.

PyYAML's loaders keep the last of two duplicate keys, expand aliases and guess
types in YAML 1.1 style (``NO`` is false, ``2019-02-30`` crashes the date
constructor). We read libyaml's event stream instead and build the values
ourselves: duplicates, anchors, aliases and tags become problems, scalars are
resolved by the YAML 1.2 core schema, and dates stay text for the validator.
Building from events is also faster than PyYAML's own constructor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events

from generator.load.characters import IN_VALUE, describe
from generator.problems import Problem

try:  # libyaml is in PyYAML's wheels; fall back to pure Python rather than fail.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
"""A location in the data: keys and list indexes from the root."""

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_FLOAT_SPECIAL = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}


_MAY_RESOLVE = frozenset("-+.0123456789~nNtTfF")

MAX_DEPTH = 20
"""Lists and mappings nested deeper than this are refused: a case needs 4."""
MAX_SCALAR = 100_000
"""A value longer than this many characters is refused: a summary has at most 500."""


class _Refused(Exception):
    """Reading stops: the problem is recorded, the data is dropped."""


def resolve_plain(value: str) -> Any:
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
    if value and value[0] not in _MAY_RESOLVE:
        return value  # most scalars are words: skip the patterns
    if value in _BOOL:
        return _BOOL[value]
    if _NULL.match(value):
        return None
    if _INT.match(value):
        return int(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    return _FLOAT_SPECIAL.get(value, value)


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
    out = Parsed()

    def pos(mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + line_offset, mark.column + 1)

    def problem(at: tuple[int, int], code: str, path: Path, message: str, hint: str = "") -> None:
        out.problems.append(Problem(rel_path, at[0], at[1], code, message, field_name(path), hint))

    stack: list[_Frame] = []
    documents = 0

    def place(value: Any, at: tuple[int, int]) -> Path | None:
        """Attach a finished value to its parent; return its path (None for a key)."""
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
            if not isinstance(value, str):
                problem(
                    at, "complex-key", top.path, "a key must be a plain name, not a list or mapping"
                )
                top.key, top.key_mark, top.duplicate = "", at, True  # drop the entry
                return None
            first = top.seen.get(value)
            top.duplicate = first is not None
            if first is not None:
                problem(
                    at,
                    "duplicate-key",
                    (*top.path, value),
                    f"the key '{value}' appears twice (first at line {first})",
                    "YAML would silently keep only the last value: merge the two into one key",
                )
            else:
                top.seen[value] = at[0]
            top.key, top.key_mark = value, at
            return None
        path = (*top.path, top.key)
        if not top.duplicate:  # the first value is kept; the second is reported
            top.container[top.key] = value
            out.positions[path] = top.key_mark
        top.key = None
        return path

    try:
        ev: Any
        for ev in yaml.parse(text, Loader=_Loader):
            kind = type(ev)
            if kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem(
                        pos(ev.start_mark),
                        "multiple-documents",
                        (),
                        "expected one YAML document, found a second one",
                        "remove the '---' or '...' line inside the front matter",
                    )
                    break
                continue
            if kind in (events.StreamStartEvent, events.StreamEndEvent, events.DocumentEndEvent):
                continue
            if kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                stack.pop()
                continue
            mark = ev.start_mark
            at = (mark.line + 1 + line_offset, mark.column + 1)
            if kind is events.AliasEvent:
                problem(
                    at,
                    "yaml-alias",
                    _next_path(stack),
                    f"YAML aliases (*{ev.anchor}) are not allowed",
                    "write the value out in full where it is used",
                )
                place(None, at)
                continue
            anchor = ev.anchor
            if anchor is not None:
                problem(
                    at,
                    "yaml-anchor",
                    _next_path(stack),
                    f"YAML anchors (&{anchor}) are not allowed",
                    f"remove '&{anchor}' and write the value out in full",
                )
            tag = ev.tag
            if kind is events.ScalarEvent:
                if len(ev.value) > MAX_SCALAR:
                    problem(
                        at,
                        "value-too-long",
                        _next_path(stack),
                        f"a value of {len(ev.value):,} characters; a value may have at most "
                        f"{MAX_SCALAR:,}",
                        "move long text into the body, or cite it as a source",
                    )
                    raise _Refused
                if bad := IN_VALUE.search(ev.value):
                    problem(
                        at,
                        "control-character",
                        _next_path(stack),
                        f"the value contains {describe(bad.group())}, which is not allowed",
                        "delete it, or the backslash escape that writes it",
                    )
                if tag is not None and tag != "!":
                    problem(
                        at,
                        "yaml-tag",
                        _next_path(stack),
                        f"YAML tags ({tag}) are not allowed",
                        "remove the tag; quote the value if it must be text",
                    )
                value = ev.value
                is_key = stack and stack[-1].key is None and type(stack[-1].container) is dict
                if ev.implicit[0] and not is_key:  # keys are names, whatever they look like
                    value = resolve_plain(value)
                path = place(value, at)
                if path is not None and not isinstance(value, str):
                    out.plain_text[path] = ev.value
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                current = _next_path(stack)
                if tag is not None and not ev.implicit:
                    problem(
                        at,
                        "yaml-tag",
                        current,
                        f"YAML tags ({tag}) are not allowed",
                        "remove the tag",
                    )
                if len(stack) >= MAX_DEPTH:
                    problem(
                        at,
                        "too-deep",
                        current,
                        f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                        "no field nests that deep: check the brackets and the indentation",
                    )
                    raise _Refused
                container: Any = {} if kind is events.MappingStartEvent else []
                path = place(container, at)
                stack.append(_Frame(container, path if path is not None else current))
    except _Refused:
        out.data = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = pos(mark) if mark is not None else (1 + line_offset, 1)
        what = " ".join(s for s in (exc.context, exc.problem) if s)
        if "expected <document start>" in what:
            out.problems.append(
                Problem(
                    rel_path,
                    at[0],
                    at[1],
                    "multiple-documents",
                    "expected one YAML document, found more after a '...' line",
                    "",
                    "remove the '...' line and what follows it, or merge",
                )
            )
            out.data = None
            return out
        out.problems.append(
            Problem(
                rel_path,
                at[0],
                at[1],
                "yaml-syntax",
                f"YAML syntax: {what}",
                "",
                _syntax_hint(what),
            )
        )
        out.data = None
    except yaml.reader.ReaderError as exc:  # control characters and the like
        before = text.encode("utf-8")[: exc.position].decode("utf-8", "replace")
        at = (line_offset + 1 + before.count("\n"), len(before) - before.rfind("\n"))
        out.problems.append(
            Problem(
                rel_path,
                at[0],
                at[1],
                "control-character",
                f"the character U+{exc.character:04X} is not allowed in YAML ({exc.reason})",
                "",
                "delete it; it is often pasted in by accident",
            )
        )
        out.data = None
    except yaml.YAMLError as exc:  # anything else libyaml refuses
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        out.problems.append(
            Problem(rel_path, line_offset + 1, 0, "yaml-syntax", f"YAML syntax: {first_line}")
        )
        out.data = None
    return out


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
