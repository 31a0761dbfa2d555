"""Turn pydantic's validation errors into problems a contributor can act on."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.i18n.names import closest, quoted_list
from generator.load.yamlload import Parsed, Path, field_name
from generator.problems import Problem

_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "bool_type": "true or false",
    "int_type": "a whole number",
}


def describe(value: Any, written: str | None = None) -> str:
    """How a value found in YAML reads to a person; ``written`` is its text in the file."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {written or value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:40] + "..."
        return f"the text {short!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def problems_from(
    exc: ValidationError,
    parsed: Parsed,
    rel: str,
    model: type[BaseModel],
    extra_key_problem: Any = None,
) -> list[Problem]:
    """One problem per pydantic error, placed at the line of the field.

    ``extra_key_problem(path, at)`` may return a better problem for an unknown
    key (a translation uses it to point at the original).
    """
    out: list[Problem] = []
    # A duplicate key, an alias or a tag is already reported; its value says nothing more.
    reported = {p.field for p in parsed.problems}
    for err in exc.errors(include_url=False):
        loc = _data_path(parsed.data, err["loc"])
        field = field_name(loc)
        if field in reported:
            continue
        kind = err["type"]
        at = parsed.where(loc)
        if kind == "missing":
            key = str(loc[-1])
            at = parsed.where(loc[:-1])
            code, message = "missing-key", f"the required key '{key}' is missing"
            hint = f"add '{key}:' with a value"
        elif kind == "extra_forbidden":
            special = extra_key_problem(loc, at) if extra_key_problem else None
            if special is not None:
                out.append(special)
                continue
            code, message, hint = _unknown_key(parsed, model, loc)
        else:
            code, message, hint = _wrong_value(err, loc, parsed.plain_text.get(loc))
        out.append(Problem(rel, at[0], at[1], code, message, field, hint))
    return out


def _unknown_key(parsed: Parsed, model: type[BaseModel], loc: Path) -> tuple[str, str, str]:
    """A key the model does not have: the closest one it has and the file lacks."""
    allowed = [k for k in fields_at(model, loc) if k not in _siblings(parsed, loc)]
    near = closest(str(loc[-1]), allowed, n=1)
    hint = (
        f"did you mean '{near[0]}'?"
        if near
        else f"the keys allowed here are {quoted_list(fields_at(model, loc))}"
    )
    return "unknown-key", f"unknown key '{loc[-1]}'", hint


def _wrong_value(err: Any, loc: Path, written: str | None) -> tuple[str, str, str]:
    """The code, message and hint for a value of the wrong type, length or form."""
    kind, value = err["type"], err.get("input")
    if kind in _EXPECTED:
        return (
            "empty-value" if value is None and not written else "wrong-type",
            f"expected {_EXPECTED[kind]}, found {describe(value, written)}",
            _type_hint(kind, value, written),
        )
    if kind == "too_short" and isinstance(value, list):
        return (
            "empty-list",
            "expected at least one item, found an empty list",
            "add an item, or remove the key if it is optional",
        )
    if kind == "too_long" and isinstance(value, list):
        limit = (err.get("ctx") or {}).get("max_length", "?")
        return ("too-many", f"expected at most {limit} items, found {len(value)}", "remove some")
    if kind == "string_too_short":
        return "empty-value", "expected text, found an empty value", "fill it in"
    if kind == "string_too_long":
        limit = (err.get("ctx") or {}).get("max_length", "?")
        return (
            "too-long",
            f"is {len(value)} characters long; at most {limit} are allowed",
            "shorten it; the body of the case is the place for detail",
        )
    if kind == "string_pattern_mismatch" and loc[-1] == "original_fingerprint":
        return (
            "invalid-fingerprint",
            f"expected the 12-character fingerprint of the original, found {describe(value)}",
            "copy it from 'sikb fingerprint' run on the original",
        )
    if kind == "string_pattern_mismatch":
        lines = max(2, len(str(value).rstrip("\n").split("\n")))
        return "multi-line", f"expected one line, found {lines} lines", "join the lines into one"
    return "invalid-value", err["msg"], ""


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path:
    """Pydantic's location less the tags it adds for unions (``str``, ``dict[str,str]``)."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        elif i == len(loc) - 1 and isinstance(node, dict) and isinstance(part, str):
            pass  # a missing key: the last part names it
        else:
            continue  # a union tag, not a place in the data
        out.append(part)
    return tuple(out)


def _type_hint(kind: str, value: Any, written: str | None) -> str:
    if value is None and not written:
        return "fill it in"
    if kind == "string_type" and isinstance(value, int | float | bool | None):
        return f'put the value in quotes: "{written or _yaml_text(value)}"'
    if kind == "list_type" and isinstance(value, str):
        return f"write a list, even of one item: [{value}]"
    return ""


def _yaml_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _siblings(parsed: Parsed, loc: Path) -> set[str]:
    node = parsed.data
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return set()
    return set(node) if isinstance(node, dict) else set()


def fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The keys a model allows in the mapping that holds ``loc``'s last key."""
    t: Any = model
    for part in loc[:-1]:
        t = _unwrap(t)
        if isinstance(t, type) and issubclass(t, BaseModel):
            if not isinstance(part, str) or part not in t.model_fields:
                return []
            t = t.model_fields[part].annotation
        elif get_origin(t) is list:
            t = get_args(t)[0]
        elif get_origin(t) is dict:
            t = get_args(t)[1]
        else:
            return []
    t = _unwrap(t)
    return list(t.model_fields) if isinstance(t, type) and issubclass(t, BaseModel) else []


def _unwrap(t: Any) -> Any:
    while True:
        origin = get_origin(t)
        if origin is Annotated:
            t = get_args(t)[0]
        elif origin is Union or origin is types.UnionType:
            args = [a for a in get_args(t) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            t = models[0] if models else args[0]
        else:
            return t
