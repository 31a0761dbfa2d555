"""Checks of a case's values against the taxonomy, CLDR, the calendar and the collection.

They read the raw parsed data (not the model), skipping what is of the wrong
type: the schema reports that, and every other value still gets checked.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from generator.i18n import names
from generator.i18n.labels import Labels
from generator.load.yamlload import Parsed, Path, field_name
from generator.model.dates import DateProblem, PartialDate, parse_partial
from generator.model.taxonomy import Taxonomy
from generator.model.vocabulary import Vocabularies
from generator.problems import Problem, Severity

_MARKUP = re.compile(r"<[A-Za-z/!?]")


@dataclass(frozen=True)
class Context:
    """What a case is checked against."""

    taxonomy: Taxonomy
    case_ids: frozenset[str]
    """Ids of every original case in the collection."""
    today: date

    @cached_property
    def vocab(self) -> Vocabularies:
        return Vocabularies.from_taxonomy(self.taxonomy)


class _Checker:
    def __init__(self, parsed: Parsed, rel: str, ctx: Context) -> None:
        self.parsed, self.rel, self.ctx, self.tax = parsed, rel, ctx, ctx.taxonomy
        self.data: dict[str, Any] = parsed.data if isinstance(parsed.data, dict) else {}
        self.out: list[Problem] = []

    def add(
        self,
        path: Path,
        code: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, col = self.parsed.where(path)
        self.out.append(
            Problem(self.rel, line, col, code, message, field_name(path), hint, severity)
        )

    def strings(self, key: str) -> list[tuple[Path, str]]:
        """The text items of the list at ``key``, each with its path."""
        value = self.data.get(key)
        if not isinstance(value, list):
            return []
        return [((key, i), v) for i, v in enumerate(value) if isinstance(v, str)]

    def no_duplicates(self, key: str) -> None:
        seen: dict[str, int] = {}
        for path, value in self.strings(key):
            if value in seen:
                self.add(
                    path,
                    "duplicate-item",
                    f"'{value}' is listed twice (first at line {seen[value]})",
                    "remove one of them",
                )
            else:
                seen[value] = self.parsed.where(path)[0]

    def term(self, path: Path, value: Any, vocabulary: Mapping[str, Any], what: str) -> None:
        if not isinstance(value, str) or not value or value in vocabulary:
            return  # an empty value is reported by the schema
        near = names.closest(value, vocabulary, n=1)
        if near:
            hint = f"did you mean '{near[0]}' ({self.label(vocabulary, near[0])})?"
        else:
            hint = f"the {what} ids are {names.quoted_list(vocabulary)}"
        self.add(path, "unknown-term", f"'{value}' is not a {what} id in taxonomy.yaml", hint)

    def label(self, vocabulary: Mapping[str, Any], key: str) -> str:
        term = vocabulary[key]
        labels = Labels(self.tax, self.tax.default_language)
        if hasattr(term, "label"):
            return labels.text(term.label) or key
        return self.tax.actor_name(key, labels.lang) if hasattr(term, "name") else key

    def country(self, path: Path, code: str) -> None:
        countries = self.tax.countries
        if not code or code in countries:
            return
        by_name = {names.country_name(c).casefold(): c for c in countries}
        near = (
            [by_name[code.casefold()]]
            if code.casefold() in by_name
            else names.closest(code, countries, n=1)
        )
        if code in names.territories():
            hint = (
                f"'{code}' ({names.country_name(code)}) is not in taxonomy.yaml yet: "
                "add it under 'countries' there"
            )
        elif near:
            hint = f"did you mean '{near[0]}' ({names.country_name(near[0])})?"
        else:
            hint = "use an ISO 3166-1 alpha-2 code listed under 'countries' in taxonomy.yaml"
        self.add(path, "unknown-term", f"'{code}' is not a country code in taxonomy.yaml", hint)

    def language(self, path: Path, value: Any) -> None:
        if not isinstance(value, str) or not value or value in names.iso639_1():
            return
        by_name = {names.language_name(c).casefold(): c for c in names.iso639_1()}
        alias = names.language_alias(value) or by_name.get(value.casefold())
        near = [alias] if alias else names.closest(value, names.iso639_1(), n=1)
        hint = f"did you mean '{near[0]}' ({names.language_name(near[0])})?" if near else ""
        self.add(path, "unknown-language", f"'{value}' is not an ISO 639-1 language code", hint)

    def date(
        self, path: Path, value: Any, *, full: bool = False, past: bool = False
    ) -> PartialDate | None:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return None
        try:
            parsed = parse_partial(value, full=full)
        except DateProblem as exc:
            self.add(path, exc.code, exc.message, exc.hint)
            return None
        if past and parsed.first > self.ctx.today:
            self.add(
                path,
                "future-date",
                f"'{value}' is in the future (today is {self.ctx.today.isoformat()})",
                "use the date on which it happened",
            )
        return parsed

    def url(self, path: Path, value: Any) -> None:
        if not isinstance(value, str):
            return
        parts = urlsplit(value) if not any(c.isspace() for c in value) else None
        if parts and parts.scheme in ("http", "https") and parts.hostname:
            return
        hint = (
            f"write it in full: 'https://{value}'"
            if value.startswith("www.")
            else "link to a web page with an address that starts with https:// or http://"
        )
        self.add(path, "invalid-url", f"expected an http or https address, found '{value}'", hint)

    def plain_text(self, path: Path, value: Any) -> None:
        if isinstance(value, str) and (m := _MARKUP.search(value)):
            self.add(
                path,
                "markup-in-text",
                f"expected plain text, found markup at '{value[m.start() : m.start() + 12]}'",
                "remove the tags; formatting belongs in the body",
            )

    def criteria_keys(self) -> dict[str, Any]:
        value = self.data.get("criteria")
        if not isinstance(value, dict):
            return {}
        for key in value:
            self.term(("criteria", key), key, self.tax.criteria, "criterion")
        return value


def check_original(case_id: str, parsed: Parsed, rel: str, ctx: Context) -> list[Problem]:
    """Every value of an original case, beyond its types."""
    c = _Checker(parsed, rel, ctx)
    for key in ("title", "summary"):
        c.plain_text((key,), c.data.get(key))
    c.language(("language",), c.data.get("language"))
    _check_terms(c)
    _check_period(c)
    c.date(("updated",), c.data.get("updated"), full=True, past=True)
    _check_criteria(c)
    _check_sources(c)
    _check_related(c, case_id)
    return c.out


def _check_terms(c: _Checker) -> None:
    """Countries, sectors, themes, actors and their roles, the status: known, listed once."""
    tax = c.tax
    for path, code in c.strings("countries"):
        c.country(path, code)
    for key, vocab, what in (("sectors", tax.sectors, "sector"), ("themes", tax.themes, "theme")):
        for path, value in c.strings(key):
            c.term(path, value, vocab, what)
    for key in ("countries", "places", "sectors", "themes", "related"):
        c.no_duplicates(key)
    actors = c.data.get("actors")
    seen_actors: dict[tuple[Any, Any], int] = {}
    for i, actor in enumerate(actors if isinstance(actors, list) else []):
        if isinstance(actor, dict):
            c.term(("actors", i, "id"), actor.get("id"), tax.actors, "actor")
            c.term(("actors", i, "role"), actor.get("role"), tax.roles, "role")
            pair = (actor.get("id"), actor.get("role"))
            if pair in seen_actors and all(isinstance(x, str) for x in pair):
                c.add(
                    ("actors", i),
                    "duplicate-item",
                    f"'{pair[0]}' as '{pair[1]}' is listed twice "
                    f"(first at line {seen_actors[pair]})",
                    "remove one of them",
                )
            seen_actors.setdefault(pair, c.parsed.where(("actors", i))[0])
    c.term(("status",), c.data.get("status"), tax.statuses, "status")


def _check_period(c: _Checker) -> None:
    """The period's dates, in order, and in the future only for a case that has not started."""
    period = c.data.get("period")
    if not isinstance(period, dict):
        return
    start = c.date(("period", "start"), period.get("start"))
    end = c.date(("period", "end"), period.get("end"))
    if start and end and end.last < start.first:
        c.add(
            ("period", "end"),
            "date-order",
            f"the end '{end.text}' is before the start '{start.text}'",
            "swap them, or correct the one that is wrong",
        )
    status, vocab = c.data.get("status"), c.ctx.vocab
    today, waiting = c.ctx.today.isoformat(), vocab.not_started
    if start and start.first > c.ctx.today and status not in waiting:
        shown = f"is '{status}', not " if isinstance(status, str) else "is not "
        shown += " or ".join(f"'{s}'" for s in waiting) or "one taxonomy.yaml marks 'not_started'"
        c.add(
            ("period", "start"),
            "future-date",
            f"the period starts '{start.text}', in the future (today is {today}), "
            f"but the status {shown}",
            f"set 'status: {waiting[0]}' for a case that has not started, or correct the start"
            if waiting
            else "correct the start, or mark a status 'not_started: true' in taxonomy.yaml",
        )
    if end and end.first > c.ctx.today and status in vocab.finished:
        c.add(
            ("period", "end"),
            "future-date",
            f"the case is '{status}' but its period ends '{end.text}', in the future "
            f"(today is {today})",
            "give the date on which it ended, or the status it has now",
        )


def _check_criteria(c: _Checker) -> None:
    """Every criterion assessed, with a known rating, and a note where the rating needs one."""
    tax = c.tax
    criteria = c.criteria_keys()
    if isinstance(c.data.get("criteria"), dict):
        for key in tax.criteria:
            if key not in criteria:
                c.add(
                    ("criteria",),
                    "missing-criterion",
                    f"no assessment of '{key}'",
                    f"add '{key}: unknown' if the sources do not speak to it",
                )
    for key, value in criteria.items():
        assessment = {"rating": value} if isinstance(value, str) else value
        if not isinstance(assessment, dict):
            continue
        rating = assessment.get("rating")
        c.term(
            ("criteria", key, "rating") if value is assessment else ("criteria", key),
            rating,
            tax.ratings,
            "rating",
        )
        needs_note = (
            isinstance(rating, str) and rating in tax.ratings and tax.ratings[rating].needs_note
        )
        if needs_note and not assessment.get("note"):
            c.add(
                ("criteria", key),
                "missing-note",
                f"rated '{rating}' without a note",
                "add a note saying what in the sources supports the rating",
                Severity.WARNING,
            )


def _check_sources(c: _Checker) -> None:
    """Each source's texts, language, date and address."""
    sources = c.data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict):
            for key in ("title", "author", "publisher"):
                c.plain_text(("sources", i, key), source.get(key))
            c.language(("sources", i, "language"), source.get("language"))
            c.date(("sources", i, "date"), source.get("date"), past=True)
            c.url(("sources", i, "url"), source.get("url"))


def _check_related(c: _Checker, case_id: str) -> None:
    """Related cases exist in the collection, and are other cases."""
    for path, other in c.strings("related"):
        if other == case_id:
            c.add(path, "self-related", "a case cannot be related to itself", "remove it")
        elif other not in c.ctx.case_ids:
            near = names.closest(other, c.ctx.case_ids, n=1)
            c.add(
                path,
                "unknown-case",
                f"'{other}' is not a case in cases/",
                f"did you mean '{near[0]}'?" if near else "use the id of a file in cases/",
            )


def check_translation(
    parsed: Parsed,
    rel: str,
    ctx: Context,
    original_rel: str,
    current_fingerprint: str | None,
) -> list[Problem]:
    """The values of a translation: criteria ids, and whether it is stale."""
    c = _Checker(parsed, rel, ctx)
    for key in ("title", "summary"):
        c.plain_text((key,), c.data.get(key))
    c.criteria_keys()
    made_from = c.data.get("original_fingerprint")
    well_formed = isinstance(made_from, str) and re.fullmatch(r"[0-9a-f]{12}", made_from)
    if current_fingerprint and well_formed and made_from != current_fingerprint:
        c.add(
            ("original_fingerprint",),
            "stale-translation",
            f"this translation was made from an earlier version of {original_rel} "
            f"(fingerprint {made_from}; the original is now {current_fingerprint})",
            "bring the translation up to date with the original, then set "
            f'original_fingerprint: "{current_fingerprint}"',
            Severity.WARNING,
        )
    return c.out


def translation_key_problem(
    rel: str, original_rel: str
) -> Callable[[Path, tuple[int, int]], Problem | None]:
    """A better problem for a key that belongs in the original, not in a translation."""
    from generator.model.meta import ORIGINAL_KEYS, TRANSLATION_KEYS

    def problem(loc: Path, at: tuple[int, int]) -> Problem | None:
        key = loc[-1]
        in_original = (len(loc) == 1 and key in ORIGINAL_KEYS) or (
            len(loc) == 3 and loc[0] == "criteria" and key == "rating"
        )
        if not in_original:
            return None
        return Problem(
            rel,
            at[0],
            at[1],
            "not-translatable",
            f"'{key}' is not translated: it is set in the original {original_rel} only",
            field_name(loc),
            f"remove it here; a translation carries {', '.join(TRANSLATION_KEYS)} "
            "(criteria with notes only)",
        )

    return problem


def fingerprint(data: Any, body: str) -> str:
    """12 hex digits over what a translation translates: title, summary, places, notes, body."""
    data = data if isinstance(data, dict) else {}
    criteria = data.get("criteria")
    notes = {
        k: v.get("note")
        for k, v in (criteria.items() if isinstance(criteria, dict) else [])
        if isinstance(v, dict) and v.get("note")
    }
    content = {
        "title": data.get("title"),
        "summary": data.get("summary"),
        "places": data.get("places"),
        "notes": notes,
        "body": "\n".join(line.rstrip() for line in body.strip().splitlines()),
    }
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]
