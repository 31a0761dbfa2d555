"""Checks of a case's values against the taxonomy, CLDR, the calendar and the collection.

They read the raw parsed data (not the model), skipping what is of the wrong
type: the schema reports that, and every other value still gets checked.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from generator import body_links, names
from generator.dates import DateProblem, PartialDate, parse_partial
from generator.page_ids import Pages
from generator.problems import Problem, Severity
from generator.taxonomy import Taxonomy
from generator.yamlload import Parsed, Path, field_name

NEEDS_NOTE = ("met", "partial")
_MARKUP = re.compile(r"<[A-Za-z/!?]")


@dataclass(frozen=True)
class Context:
    """What a case is checked against."""

    taxonomy: Taxonomy
    case_ids: frozenset[str]
    """Ids of every original case in the collection."""
    today: date


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
        lang = self.tax.default_language
        if hasattr(term, "label"):
            return str(term.label.get(lang, key))
        return self.tax.actor_name(key, lang) if hasattr(term, "name") else key

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
    tax = ctx.taxonomy
    for key in ("title", "summary"):
        c.plain_text((key,), c.data.get(key))
    c.language(("language",), c.data.get("language"))
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

    period = c.data.get("period")
    if isinstance(period, dict):
        start = c.date(("period", "start"), period.get("start"))
        end = c.date(("period", "end"), period.get("end"))
        if start and end and end.last < start.first:
            c.add(
                ("period", "end"),
                "date-order",
                f"the end '{end.text}' is before the start '{start.text}'",
                "swap them, or correct the one that is wrong",
            )
        status = c.data.get("status")
        today = ctx.today.isoformat()
        shown = f"is '{status}', not 'planned'" if isinstance(status, str) else "is not 'planned'"
        if start and start.first > ctx.today and status != "planned":
            c.add(
                ("period", "start"),
                "future-date",
                f"the period starts '{start.text}', in the future (today is {today}), "
                f"but the status {shown}",
                "set 'status: planned' for a case that has not started, or correct the start",
            )
        if end and end.first > ctx.today and status == "completed":
            c.add(
                ("period", "end"),
                "future-date",
                f"the case is 'completed' but its period ends '{end.text}', in the future "
                f"(today is {today})",
                "give the date on which it ended, or the status it has now",
            )
    c.date(("updated",), c.data.get("updated"), full=True, past=True)

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
        if rating in NEEDS_NOTE and not assessment.get("note"):
            c.add(
                ("criteria", key),
                "missing-note",
                f"rated '{rating}' without a note",
                "add a note saying what in the sources supports the rating",
                Severity.WARNING,
            )

    sources = c.data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(source, dict):
            for key in ("title", "author", "publisher"):
                c.plain_text(("sources", i, key), source.get(key))
            c.language(("sources", i, "language"), source.get("language"))
            c.date(("sources", i, "date"), source.get("date"), past=True)
            c.url(("sources", i, "url"), source.get("url"))

    for path, other in c.strings("related"):
        if other == case_id:
            c.add(path, "self-related", "a case cannot be related to itself", "remove it")
        elif other not in ctx.case_ids:
            near = names.closest(other, ctx.case_ids, n=1)
            c.add(
                path,
                "unknown-case",
                f"'{other}' is not a case in cases/",
                f"did you mean '{near[0]}'?" if near else "use the id of a file in cases/",
            )
    return c.out


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
    from generator.model import ORIGINAL_KEYS, TRANSLATION_KEYS

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


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_DEST = re.compile(r"\]\([ \t]*(?:<([^>]*)>|([^\s)]*))")
_REFERENCE_DEST = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*<?([^\s>]+)")
"""A reference definition ``[label]: dest``; ``[^label]:`` is a footnote, not a link."""
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/%#?=+-]+")
"""What a contributor's relative link is made of. Anything else (an entity, a colon,
a space) is judged as Markdown reads it (``_unseen_link_problems``)."""
_SIBLING_PAGE = re.compile(r"\.\./[^/.][^/]*/?")
"""``../y/``: from the page ``cases/x/``, the page of case ``y``."""


def check_links(
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    pages: Pages | None = None,
    shown: Sequence[str] = (),
) -> list[Problem]:
    """Relative links in a body: to another case as ``<id>.md[#anchor]``, and nothing else.

    The page of case ``x`` is ``cases/x.md`` in every language's tree (a case without
    a translation shows its original), so ``y.md`` resolves on every language's page,
    and MkDocs checks it. Any other relative link (``../y/``, ``/en/cases/y/``, an
    image beside the file) is one that MkDocs cannot resolve, and in strict mode it
    would stop the build of every language: it is reported here instead, on its line.

    With ``pages``, the anchor of ``<id>.md#anchor`` must be an id on the page of case
    ``<id>`` in every language in ``shown`` (those whose page shows this body).
    """
    if "]" not in body:
        return []  # most bodies: no link at all
    out: list[Problem] = []
    reported: set[str] = set()
    seen: dict[str, list[tuple[int, int]]] = {}
    fence = ""
    for n, line in enumerate(body.split("\n")):
        if m := _FENCE.match(line):
            marker = m.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if fence or ("](" not in line and "]:" not in line):
            continue
        text = _CODE_SPAN.sub(lambda s: " " * len(s.group()), line)
        found = [
            (d.start(1), d.group(1)) if d.group(1) is not None else (d.start(2), d.group(2))
            for d in _INLINE_DEST.finditer(text)
        ]
        if ref := _REFERENCE_DEST.match(text):
            found.append((ref.start(1), ref.group(1)))
        for start, dest in found:
            problem = _link_problem(dest, case_ids)
            if problem:
                reported.add(dest)
                code, message, hint = problem
                out.append(Problem(rel, body_line + n, start + 1, code, message, "body", hint))
            else:
                seen.setdefault(dest, []).append((n, start))
    urls = body_links.urls(body)
    out += _unseen_link_problems(urls, body, body_line, rel, case_ids, reported)
    if pages is not None and "#" in body:  # only a link with an anchor pays for the pages
        out += _anchor_problems(urls, body, body_line, rel, case_ids, seen, pages, shown)
    return out


def _unseen_link_problems(
    urls: list[str],
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    reported: set[str],
) -> list[Problem]:
    """Links the line scan did not report, as Markdown reads them (``body_links``), that
    MkDocs would take for a page of the site and not find."""
    out = []
    for url in urls:
        if url in reported or _engine_resolves(url, case_ids):
            continue
        reported.add(url)
        code, message, hint = _link_problem(url, case_ids) or (
            "relative-link",
            f"expected a link to another case ('<id>.md') or a full https:// address, "
            f"found '{url}'",
            "write the address as it is, with no entity, backslash, space or line break in it",
        )
        line, column = _locate(body, url)
        out.append(Problem(rel, body_line + line, column + 1, code, message, "body", hint))
    return out


def _anchor_problems(
    urls: list[str],
    body: str,
    body_line: int,
    rel: str,
    case_ids: frozenset[str],
    seen: Mapping[str, list[tuple[int, int]]],
    pages: Pages,
    shown: Sequence[str],
) -> list[Problem]:
    """Links ``<id>.md#anchor`` (as Markdown reads them) whose anchor is not an id on the
    page of case ``<id>`` in every language of ``shown``: on the others the link would
    land at the top of the page. A translation's headings have ids of their own."""
    out = []
    checked = set()
    for url in urls:
        link = _case_anchor(url, case_ids)
        if link is None or url in checked:
            continue
        checked.add(url)
        target, anchor = link
        on = {lang: have for lang in shown if (have := pages.ids(target, lang)) is not None}
        missing = [lang for lang, have in on.items() if anchor not in have]
        if not missing:
            continue
        message = (
            f"'#{anchor}' in the link '{url}' is not an id on the page of case '{target}' "
            f"in {', '.join(missing)}"
        )
        everywhere = [i for i in next(iter(on.values())) if all(i in h for h in on.values())]
        if near := names.closest(anchor, everywhere, n=1):
            hint = f"did you mean '{target}.md#{near[0]}'?"
        elif everywhere:
            hint = (
                f"ids on its page in {', '.join(on)}: {names.quoted_list(everywhere)}; "
                f"or link to '{target}.md', with no anchor"
            )
        else:
            by_ids: dict[tuple[str, ...], list[str]] = {}
            for lang in missing:
                by_ids.setdefault(on[lang], []).append(lang)
            hint = "; ".join(
                f"its ids in {', '.join(langs)}: {names.quoted_list(have)}"
                for have, langs in by_ids.items()
            )
            hint += (
                f"; none is on its page in {', '.join(on)}: link to '{target}.md', with no anchor"
            )
        for line, column in seen.get(url) or [_locate(body, url)]:
            out.append(
                Problem(rel, body_line + line, column + 1, "unknown-anchor", message, "body", hint)
            )
    return out


def _case_anchor(url: str, case_ids: frozenset[str]) -> tuple[str, str] | None:
    """(case id, anchor) of a link ``<id>.md#anchor`` to a case's page, else None."""
    if url.startswith(("/", "\\")):
        return None
    try:
        scheme, netloc, path, _, fragment = urlsplit(url)
    except ValueError:
        return None
    own = unquote(path).removeprefix("./")
    if scheme or netloc or not fragment or not own.endswith(".md") or own[:-3] not in case_ids:
        return None
    return own[:-3], unquote(fragment)


def _engine_resolves(url: str, case_ids: frozenset[str]) -> bool:
    """Whether MkDocs leaves ``url`` alone or finds it, as ``mkdocs.structure.pages``
    reads a link: an address with a scheme or a host, a link within the page, or
    ``<id>.md`` beside the case's own page."""
    if url.startswith(("/", "\\")):
        return False
    scheme, netloc, path, _, _ = urlsplit(url)
    if scheme or netloc or not path:
        return True  # the sanitiser decides which schemes stay
    own = unquote(path).removeprefix("./")
    return own.endswith(".md") and own[:-3] in case_ids


def _locate(body: str, url: str) -> tuple[int, int]:
    """The line (from 0) and column (from 0) of ``url`` in ``body``, else of the first
    line that has a link on it."""
    lines = body.split("\n")
    for needle in (url, url.rstrip("/").rsplit("/", 1)[-1]):
        for n, line in enumerate(lines):
            if needle and (col := line.find(needle)) >= 0:
                return n, col
    for n, line in enumerate(lines):
        if "](" in line or "]:" in line or "][" in line:
            return n, 0
    return 0, 0


def _link_problem(dest: str, case_ids: frozenset[str]) -> tuple[str, str, str] | None:
    """(code, message, hint) for a link destination a case body may not have, else None."""
    if dest.startswith(("#", "//")) or not _PLAIN_PATH.fullmatch(dest):
        return None  # same page, an address (the sanitiser decides which schemes stay)
    path, hash_, anchor = dest.partition("#")
    path = path.split("?", 1)[0]
    fragment = f"#{anchor}" if hash_ else ""
    own = path.removeprefix("./")
    if own.endswith(".md") and "/" not in own and own[:-3] in case_ids:
        return None  # 'y.md': a case beside this one, as MkDocs resolves it
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    last = parts[-1] if parts else ""
    name = last[:-3].partition(".")[0] if last.endswith(".md") else last
    if name in case_ids:
        return (
            "case-link",
            f"link to case '{name}' with '{name}.md{fragment}', found '{dest}'",
            "a link to another case is its file name: it then works on the page in every language",
        )
    looks_like_case = (
        last.endswith(".md") or "cases" in parts[:-1] or bool(_SIBLING_PAGE.fullmatch(path))
    )
    if looks_like_case and name:
        near = names.closest(name, case_ids, n=1)
        return (
            "unknown-case",
            f"'{name}' in the link '{dest}' is not a case in cases/",
            f"did you mean '{near[0]}.md{fragment}'?"
            if near
            else "link to a file in cases/ as '<id>.md'",
        )
    return (
        "relative-link",
        f"expected a link to another case ('<id>.md') or a full https:// address, found '{dest}'",
        "link to other pages, images and files by their full https:// address",
    )
