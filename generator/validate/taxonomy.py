"""Load ``taxonomy.yaml``, check it against itself and CLDR, and build the vocabularies."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.i18n import names
from generator.load.yamlload import Parsed, field_name, parse
from generator.model.taxonomy import ID, TAXONOMY_FILE, TERM_LISTS, Taxonomy, TaxonomyFile
from generator.model.vocabulary import FACET_KINDS
from generator.problems import Problem
from generator.validate.schema_errors import problems_from


def load_taxonomy(root: Path) -> tuple[Taxonomy | None, list[Problem]]:
    """The taxonomy, or None with every problem found in it."""
    path = root / TAXONOMY_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [
            Problem(
                TAXONOMY_FILE,
                0,
                0,
                "missing-file",
                "the taxonomy file is missing",
                hint="every knowledge base needs taxonomy.yaml at its root",
            )
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(TAXONOMY_FILE, 0, 0, "unreadable", f"cannot read it: {exc}")]
    return parse_taxonomy(text)


def parse_taxonomy(text: str) -> tuple[Taxonomy | None, list[Problem]]:
    """The taxonomy in ``text``, or None with every problem found in it; never raises."""
    parsed = parse(text, TAXONOMY_FILE)
    problems = list(parsed.problems)
    if parsed.data is None and problems:
        return None, problems
    if not isinstance(parsed.data, dict):
        return None, [
            *problems,
            Problem(
                TAXONOMY_FILE,
                1,
                1,
                "wrong-type",
                "expected a mapping of vocabularies at the top level",
            ),
        ]
    try:
        data: TaxonomyFile | None = TaxonomyFile.model_validate(parsed.data)
    except ValidationError as exc:
        data = None
        problems += problems_from(exc, parsed, TAXONOMY_FILE, TaxonomyFile)
    problems += _check(parsed)
    if problems or data is None:
        return None, problems
    return Taxonomy.from_file(data), []


_Add = Callable[..., None]
"""Records one problem: ``add(path, code, message, hint="")``."""
_Items = Callable[[str], list[tuple[int, dict[str, Any]]]]
"""The mappings listed under a key, with their indexes."""


def _check(parsed: Parsed) -> list[Problem]:
    """References, duplicates and labels, on the raw data so that nothing hides anything."""
    out: list[Problem] = []
    raw: dict[str, Any] = parsed.data

    def add(path: tuple[str | int, ...], code: str, message: str, hint: str = "") -> None:
        line, col = parsed.where(path)
        out.append(Problem(TAXONOMY_FILE, line, col, code, message, field_name(path), hint))

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        value = raw.get(key)
        if not isinstance(value, list):
            return []
        return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]

    langs = raw.get("languages")
    site = [x for x in langs if isinstance(x, str)] if isinstance(langs, list) else []
    _check_languages(add, site)
    ids = _check_ids(add, items, parsed)
    _check_references(add, items, ids)
    _check_registry(add, items, parsed)
    if any(lang not in names.iso639_1() for lang in site):
        return out  # labels are checked once the languages themselves are right
    _check_labels(add, items, site)
    return out


def _check_languages(add: _Add, site: list[str]) -> None:
    """Each site language is an ISO 639-1 code, listed once."""
    for i, lang in enumerate(site):
        if lang not in names.iso639_1():
            alias = names.language_alias(lang)
            add(
                ("languages", i),
                "unknown-language",
                f"'{lang}' is not an ISO 639-1 language code",
                f"did you mean '{alias}' ({names.language_name(alias)})?" if alias else "",
            )
        elif lang in site[:i]:
            add(("languages", i), "duplicate-item", f"'{lang}' is listed twice", "remove one")


def _check_ids(add: _Add, items: _Items, parsed: Parsed) -> dict[str, set[str]]:
    """Each term's id is valid and used once in its list; the ids of each list."""
    ids: dict[str, set[str]] = {}
    for key in (*TERM_LISTS, "countries"):
        id_key = "code" if key == "countries" else "id"
        seen: dict[str, int] = {}
        for i, item in items(key):
            value = item.get(id_key)
            if not isinstance(value, str):
                continue
            if value in seen:
                add(
                    (key, i, id_key),
                    "duplicate-id",
                    f"the {id_key} '{value}' is used twice (first at line {seen[value]})",
                    "merge the two entries or give one another id",
                )
            else:
                seen[value] = parsed.where((key, i, id_key))[0]
            if key != "countries" and not ID.match(value):
                add(
                    (key, i, id_key),
                    "invalid-id",
                    f"'{value}' is not a valid id: use lowercase ASCII letters, digits and "
                    "single hyphens",
                    f"try '{_slug(value)}'",
                )
        ids[key] = set(seen)
    return ids


def _check_references(add: _Add, items: _Items, ids: dict[str, set[str]]) -> None:
    """Country codes, the terms that countries and actors name, the required ratings."""
    for i, item in items("countries"):
        code = item.get("code")
        if isinstance(code, str) and code not in names.territories():
            near = names.closest(code, names.territories(), n=1)
            add(
                ("countries", i, "code"),
                "unknown-country",
                f"'{code}' is not an ISO 3166-1 alpha-2 country code",
                f"did you mean '{near[0]}' ({names.country_name(near[0])})?" if near else "",
            )
        _ref(add, ids, ("countries", i, "region"), item.get("region"), "regions", "a region")
    for i, item in items("actors"):
        _ref(add, ids, ("actors", i, "type"), item.get("type"), "actor_types", "an actor type")
        if "country" in item:
            _ref(add, ids, ("actors", i, "country"), item.get("country"), "countries", "a country")


def _check_registry(add: _Add, items: _Items, parsed: Parsed) -> None:
    """One default rating; each facet names a vocabulary a case can be read for, once."""
    defaults = [(i, r.get("id")) for i, r in items("ratings") if r.get("default") is True]
    if items("ratings") and not defaults:
        add(
            ("ratings",),
            "missing-default",
            "no rating is the default: mark one 'default: true'",
            "a criterion a case does not rate reads as the default, and 'sikb new' writes it "
            "(such as 'unknown')",
        )
    for i, rating in defaults[1:]:
        first = parsed.where(("ratings", defaults[0][0], "default"))[0]
        add(
            ("ratings", i, "default"),
            "duplicate-default",
            f"'{rating}' is the default too (the first at line {first}); one rating is",
            "remove 'default: true' from all but one",
        )
    seen: dict[str, int] = {}
    for i, facet in items("facets"):
        kind = facet.get("vocabulary")
        if not isinstance(kind, str):
            continue
        if kind not in FACET_KINDS:
            near = names.closest(kind, FACET_KINDS, n=1)
            add(
                ("facets", i, "vocabulary"),
                "unknown-term",
                f"'{kind}' is not a vocabulary a facet can show: a facet shows one of "
                f"{names.quoted_list(list(FACET_KINDS))}",
                f"did you mean '{near[0]}'?"
                if near
                else "a facet of another needs code to read it from a case "
                "(FACET_KINDS in generator/model/vocabulary.py)",
            )
        elif kind in seen:
            add(
                ("facets", i, "vocabulary"),
                "duplicate-item",
                f"a facet of '{kind}' is listed twice (first at line {seen[kind]})",
                "remove one",
            )
        else:
            seen[kind] = parsed.where(("facets", i, "vocabulary"))[0]


def _check_labels(add: _Add, items: _Items, site: list[str]) -> None:
    """Every label is given in every site language (a name in the first), and in no other."""
    for key in (*TERM_LISTS, "facets"):
        for i, item in items(key):
            term = (
                f"'{item.get('id')}'"
                if key != "facets"
                else f"the facet of '{item.get('vocabulary')}'"
            )
            for label_key in ("label", "description", "question", "name", "plural", "all"):
                labels = item.get(label_key)
                if isinstance(labels, dict):
                    need = site[:1] if label_key == "name" else site
                    for lang in need:
                        if not isinstance(labels.get(lang), str) or not labels[lang].strip():
                            add(
                                (key, i, label_key),
                                "missing-label",
                                f"no '{lang}' text; every {label_key} is given in every site "
                                f"language ({', '.join(site)})",
                                f"add '{lang}: ...' to the {label_key} of {term}",
                            )
                    for lang in labels:
                        if lang not in site:
                            add(
                                (key, i, label_key, lang),
                                "unknown-language",
                                f"'{lang}' is not a site language ({', '.join(site)})",
                                "add it to 'languages' first, or remove this text",
                            )


def _ref(
    add: _Add,
    ids: dict[str, set[str]],
    path: tuple[str | int, ...],
    value: Any,
    vocabulary: str,
    what: str,
) -> None:
    if not isinstance(value, str) or value in ids.get(vocabulary, {value}):
        return
    near = names.closest(value, ids[vocabulary], n=1)
    add(
        path,
        "unknown-term",
        f"'{value}' is not {what} declared under '{vocabulary}'",
        f"did you mean '{near[0]}'?"
        if near
        else f"use one of {names.quoted_list(sorted(ids[vocabulary]))}, or declare it there",
    )


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "an-id"
