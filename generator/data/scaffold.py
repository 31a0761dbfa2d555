"""``sikb new``: a complete, commented skeleton for a new case."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.i18n import names
from generator.load import characters
from generator.model.taxonomy import Taxonomy
from generator.model.vocabulary import Vocabularies
from generator.validate.collection import CASE_ID, CASES_DIR, MAX_ID
from generator.validate.collection import today as current_day
from generator.validate.taxonomy import load_taxonomy


class ScaffoldError(Exception):
    def __init__(self, message: str, *, exists: bool = False) -> None:
        super().__init__(message)
        self.exists = exists


def _check(values: list[str], vocabulary: object, what: str) -> None:
    known = list(vocabulary)  # type: ignore[call-overload]
    for value in values:
        if value not in known:
            near = names.closest(value, known, n=1)
            hint = (
                f"; did you mean '{near[0]}'?" if near else f"; known: {names.quoted_list(known)}"
            )
            raise ScaffoldError(f"'{value}' is not a {what} in taxonomy.yaml{hint}")


def dump(data: Mapping[str, Any], dumper: type[yaml.SafeDumper], flow: bool | None) -> str:
    """``data`` as YAML from PyYAML's emitter: keys in their order, letters as they are,
    no line folded; ``flow``: PyYAML's ``default_flow_style``."""
    text: str = yaml.dump(
        dict(data),
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=math.inf,
        default_flow_style=flow,
    )
    return text


def quoted(value: str) -> str:
    """``value`` as one double-quoted YAML scalar, escaped by PyYAML's emitter, never by hand."""
    text: str = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf)
    return text.rstrip("\n")


def check_title(title: str) -> None:
    """Refuse a title that no case may have: one line, no hidden characters, real text."""
    if "\n" in title:
        raise ScaffoldError("the title must be one line; put the rest in the summary")
    if bad := characters.IN_VALUE.search(title):
        raise ScaffoldError(f"the title contains {characters.describe(bad.group())}; remove it")
    try:
        title.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ScaffoldError(
            "the title is not valid text: it holds bytes that are not UTF-8"
        ) from exc


_INTRO = """\
# A case of the Social Innovation Knowledge Base. Every fact comes from a source
# listed under 'sources'; write in your own words. Check with: sikb validate"""
BODY = """
## Context

## The innovation

## Actors and collaboration

## Results and evidence

## Lessons
"""
"""A new case's body: the headings every case has."""


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def render_skeleton(
    taxonomy: Taxonomy,
    countries: list[str],
    sectors: list[str],
    themes: list[str],
    language: str,
    title: str,
    today: date,
) -> str:
    """The text of a new case file; every criterion at the default rating (``unknown``)."""
    lang = taxonomy.default_language
    country_names = ", ".join(names.country_name(c, lang) for c in countries)
    status = "unknown" if "unknown" in taxonomy.statuses else '""'
    default = Vocabularies.from_taxonomy(taxonomy).default_rating
    noted = next((r for r, x in taxonomy.ratings.items() if x.needs_note), default)
    title_value = quoted(title)

    def line(text: str, comment: str) -> str:
        return f"{text:<23} # {comment}"

    head = "\n".join(
        [
            line(f"title: {title_value}", "one line: the project's name"),
            line('summary: ""', "plain text, at most 500 characters: what, where, by whom, why"),
            line(f"language: {language}", "ISO 639-1 code of the language you write this file in"),
            line(f"countries: {_flow(countries)}", country_names),
            line("places: []", "optional: cities or districts named by the sources"),
            line(f"sectors: {_flow(sectors)}", f"one or more of: {', '.join(taxonomy.sectors)}"),
            line(f"themes: {_flow(themes)}", "one or more theme ids from taxonomy.yaml"),
            line("actors:", "one or more: an actor id and a role id from the taxonomy"),
            f"  # - {{id: {next(iter(taxonomy.actors))}, role: {next(iter(taxonomy.roles))}}}",
            line(f"status: {status}", f"one of: {', '.join(taxonomy.statuses)}"),
            line("# period:", "optional: only the dates the sources give"),
            '#   start: "2019"        # YYYY, YYYY-MM or YYYY-MM-DD',
            '#   end: "2021"',
            line("criteria:", f"rate each: {', '.join(taxonomy.ratings)}"),
            f"  # '{default}' is an honest answer. Any other rating needs a note:",
            f'  #   novelty: {{rating: {noted}, note: "What in the sources supports the rating."}}',
            criteria_lines(taxonomy, lang),
            line("sources:", "one or more; title and language required"),
            '  # - title: "The document\'s title"',
            '  #   author: "Its author"           # optional',
            '  #   publisher: "Its publisher"     # optional',
            '  #   date: "2022-10-20"             # optional: YYYY, YYYY-MM or YYYY-MM-DD',
            "  #   language: en",
            '  #   url: "https://..."             # optional: http or https only',
            line("related: []", "optional: ids of other cases in cases/"),
            line(f'updated: "{today.isoformat()}"', "the date of the last substantive edit"),
        ]
    )
    return f"---\n{_INTRO}\n{head}\n---\n{BODY}"


def criteria_lines(taxonomy: Taxonomy, lang: str) -> str:
    """One line per criterion, at the default rating (``unknown``), its question beside it."""
    width = max(len(c) for c in taxonomy.criteria)
    default = Vocabularies.from_taxonomy(taxonomy).default_rating
    return "\n".join(
        f"  {cid + ':':<{width + 1}} {default}   # {c.question[lang]}"
        for cid, c in taxonomy.criteria.items()
    )


def write_skeleton(
    root: Path,
    case_id: str,
    countries: list[str],
    sectors: list[str],
    themes: list[str],
    language: str | None,
    title: str,
    today: date | None = None,
) -> Path:
    """Write ``cases/<id>.md``; refuse a bad id, unknown terms, or an existing file."""
    check_id(case_id)
    taxonomy = taxonomy_of(root)
    check_title(title)
    _check(countries, taxonomy.countries, "country code")
    _check(sectors, taxonomy.sectors, "sector")
    _check(themes, taxonomy.themes, "theme")
    language = language or taxonomy.default_language
    if language not in names.iso639_1():
        raise ScaffoldError(f"'{language}' is not an ISO 639-1 language code")
    text = render_skeleton(
        taxonomy, countries, sectors, themes, language, title, today or current_day()
    )
    return write_new(root, case_id, text)


def check_id(case_id: str) -> None:
    """Refuse an id that no case may have."""
    if not CASE_ID.match(case_id) or len(case_id) > MAX_ID:
        raise ScaffoldError(
            f"'{case_id}' is not a valid case id: use lowercase ASCII letters, digits and "
            f"single hyphens, at most {MAX_ID} characters (e.g. 'upshift-moldova')"
        )


def taxonomy_of(root: Path) -> Taxonomy:
    """The knowledge base's taxonomy; refused when it has problems."""
    taxonomy, problems = load_taxonomy(root)
    if taxonomy is None:
        raise ScaffoldError(f"taxonomy.yaml has {len(problems)} problems; run 'sikb validate'")
    return taxonomy


def write_new(root: Path, case_id: str, text: str) -> Path:
    """Write ``cases/<id>.md``, never over a file, even one that appeared since a check."""
    path = root / CASES_DIR / f"{case_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # 'x' mode: never overwrite, even if the file appeared since the check
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise ScaffoldError(
            f"{CASES_DIR}/{case_id}.md already exists; nothing was written", exists=True
        ) from exc
    return path
