"""Where a case happens and where it is only discussed; how its sources are named.

Checks beside ``checks.check_original``, on the same raw data and with its ``_Checker``:
``countries`` may be empty only for a case with ``scope: global``; ``discussed_in``
holds countries of the taxonomy, none of them also under ``countries``; a source has a
``title`` or, when it has none, a ``description``, never both.
"""

from __future__ import annotations

from typing import Any

from generator.load.yamlload import Parsed
from generator.model.meta import SCOPES
from generator.problems import Problem, Severity
from generator.validate.checks import Context, _Checker


def check_reach(parsed: Parsed, rel: str, ctx: Context) -> list[Problem]:
    """The checks of an original case that ``checks.check_original`` leaves to this module."""
    c = _Checker(parsed, rel, ctx)
    _check_scope(c)
    _check_discussed_in(c)
    _check_source_names(c)
    return c.out


def _check_scope(c: _Checker) -> None:
    scope, countries = c.data.get("scope"), c.data.get("countries")
    if isinstance(scope, str) and scope not in SCOPES:
        c.add(
            ("scope",),
            "unknown-term",
            f"expected {' or '.join(repr(s) for s in SCOPES)}, found '{scope}'",
            "set 'scope: global' for a case that happens worldwide; "
            "otherwise remove 'scope' and list its countries",
        )
    if countries == [] and scope not in SCOPES:
        c.add(
            ("countries",),
            "no-country",
            "expected at least one country where the case happens, found an empty list",
            "list the countries where it happens; for one that happens worldwide, in no "
            "country of its own, add 'scope: global'; a country whose sources only discuss "
            "it goes under 'discussed_in'",
        )


def _check_discussed_in(c: _Checker) -> None:
    countries = {code for _, code in c.strings("countries")}
    for path, code in c.strings("discussed_in"):
        c.country(path, code)
        if code in countries:
            c.add(
                path,
                "happens-and-discussed",
                f"'{code}' is under 'countries' too, where the case happens",
                "keep a country where the case happens under 'countries' only, and remove it here",
            )
    c.no_duplicates("discussed_in")


def _check_source_names(c: _Checker) -> None:
    sources = c.data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict):
            continue
        title, description = source.get("title"), source.get("description")
        c.plain_text(("sources", i, "description"), description)
        if "title" in source and "description" in source:
            c.add(
                ("sources", i, "description"),
                "title-and-description",
                "a source has a 'title' or a 'description', found both",
                "keep 'title' for a document's own title, 'description' for an untitled one",
            )
        elif "title" not in source and "description" not in source:
            c.add(
                ("sources", i),
                "missing-key",
                "the required key 'title' is missing",
                "add 'title:' with the document's title, or 'description:' saying what "
                "an untitled document is",
            )
        if _bracketed(title):
            c.add(
                ("sources", i, "title"),
                "bracketed-title",
                "a title in square brackets reads as the description of an untitled source",
                f"write it as 'description: {str(title)[1:-1].strip()}', without the brackets",
                Severity.WARNING,
            )


def _bracketed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("[") and value.endswith("]")
