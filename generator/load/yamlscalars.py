"""Plain (unquoted) YAML scalars resolved by the YAML 1.2 core schema.

YAML 1.1, which PyYAML's own resolver follows, reads ``NO`` as false and ``012`` as
octal; the 1.2 core schema reads only ``true``/``false``, ``null``/``~``, decimal, ``0o``
and ``0x`` integers and the floats, so a country code or a year stays what it looks like.
"""

from __future__ import annotations

import re
from typing import Any

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
