"""``sikb new --from-issue``: an issue made with the 'Propose a case' form, as a new case.

The answers (``issue_body``) fill the front matter each field's id names; every criterion
is rated as the skeleton of ``sikb new`` rates it (``scaffold``). An answer that names no
term of the taxonomy is left out and named, with the nearest term, in a warning on its
line of the issue. The file is written by a YAML emitter, so no answer can add a key or
change the file's shape, and, as ``sikb new`` does, never over an existing file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.data import issue_body, issue_forms, scaffold
from generator.data.issue_body import Answer, problem
from generator.i18n import names
from generator.i18n.labels import Labels
from generator.model.dates import DateProblem, parse_partial
from generator.model.taxonomy import Taxonomy
from generator.problems import Problem
from generator.validate.collection import CASE_ID, MAX_ID

REQUIRED = ("title", "summary", "countries", "sectors", "themes", "actors", "status", "sources")
"""The keys a case must have that the issue may leave empty: the contributor fills them."""
_WHAT = {
    "countries": "country",
    "sectors": "sector",
    "themes": "theme",
    "statuses": "status",
    "actors": "actor",
    "roles": "role",
}
_URL = re.compile(r"<?(https?://[^\s<>()]+(?:\([^\s<>()]*\)[^\s<>()]*)*)>?")
_MD_LINK = re.compile(r"\[(?P<title>[^\]]*)\]\((?P<url>https?://[^\s)]+)\)")
_ACTOR = re.compile(r"(?P<actor>.+?)[ \t]*(?::|—|–|\s-\s|,|\sas\s)[ \t]*(?P<role>[^:—–,]+)")
_TRANSLIT = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdezijklmnoprstufye", strict=True)),
        **{"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
    }
)


@dataclass
class Proposal:
    """What the issue gave, and what it could not: the problems, each on its line."""

    path: str
    taxonomy: Taxonomy
    answers: dict[str, Answer]
    front: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def text(self, fid: str) -> str:
        answer = self.answers.get(fid)
        return answer.text if answer else ""

    def warn(self, fid: str, code: str, message: str, hint: str = "", line: int = 0) -> None:
        answer = self.answers.get(fid)
        at = line or (answer.line if answer else 0)
        self.problems.append(problem(self.path, at, fid, code, message, hint))


def kebab(text: str) -> str:
    """A case id made from a title, Cyrillic transliterated: ``Лаборатория «Открытые данные»``
    -> ``laboratoriya-otkrytye-dannye``."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLIT))
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode())
    case_id = "-".join(words)
    while len(case_id) > MAX_ID:
        case_id = case_id.rsplit("-", 1)[0] if "-" in case_id else case_id[:MAX_ID]
    return case_id


def _lookup(labels: Mapping[str, str], extra: Mapping[str, list[str]]) -> dict[str, str]:
    """Every way to name a term, case-folded, to its id: id, label, the form's option."""
    found: dict[str, str] = {}
    for tid, label in labels.items():
        for name in (tid, label, issue_forms.option(label, tid), *extra.get(tid, [])):
            found.setdefault(name.casefold(), tid)
    return found


def _names(taxonomy: Taxonomy, vocabulary: str) -> dict[str, list[str]]:
    """A term's labels (an actor's names) in every site language."""
    out: dict[str, list[str]] = {}
    for lang in taxonomy.languages:
        label = Labels(taxonomy, lang).label
        for tid in getattr(taxonomy, vocabulary):
            out.setdefault(tid, []).append(label(vocabulary, tid))
    return out


def resolve(value: str, taxonomy: Taxonomy, vocabulary: str) -> tuple[str | None, str]:
    """The id ``value`` names in a vocabulary (its id, its label in a site language, or the
    form's ``Label (id)``), or None and a did-you-mean hint naming the nearest term."""
    labels = issue_forms.term_labels(taxonomy, vocabulary)
    known = _lookup(labels, _names(taxonomy, vocabulary))
    bracketed = re.fullmatch(r"(?P<label>.*?)\s*\((?P<id>[^()]*)\)", value.strip())
    tries = [value.strip(), *(bracketed.group("id", "label") if bracketed else ())]
    for text in tries:
        if text.casefold() in known:
            return known[text.casefold()], ""
    for text in tries:
        near = names.closest(text, known, n=1)
        if near:
            tid = known[near[0]]
            return None, f"did you mean '{tid}' ({labels[tid]})?"
    return None, f"expected one of: {names.quoted_list(labels)}"


def _terms(p: Proposal, fid: str, vocabulary: str) -> list[str]:
    answer = p.answers.get(fid)
    found: list[str] = []
    for value in issue_body.choices(answer) if answer else []:
        tid, hint = resolve(value, p.taxonomy, vocabulary)
        if tid is None:
            what = _WHAT[vocabulary]
            p.warn(fid, "unknown-term", f"'{value}' is not a {what} in taxonomy.yaml", hint)
        elif tid not in found:
            found.append(tid)
    return found


def _actors(p: Proposal) -> list[dict[str, str]]:
    answer = p.answers.get("actors")
    found: list[dict[str, str]] = []
    for line, row in answer.lines() if answer else []:
        m = _ACTOR.fullmatch(row.replace("`", ""))
        if not m:
            p.warn(
                "actors", "no-role", f"expected 'actor: role', found '{row}'",
                "write the actor, a colon and its role, such as 'unicef: initiator'", line,
            )  # fmt: skip
            continue
        actor, actor_hint = resolve(m.group("actor"), p.taxonomy, "actors")
        role, role_hint = resolve(m.group("role"), p.taxonomy, "roles")
        if actor is None:
            p.warn(
                "actors", "unknown-term",
                f"'{m.group('actor')}' is not an actor in taxonomy.yaml",
                f"{actor_hint} Or add the actor to taxonomy.yaml in the same pull request",
                line,
            )  # fmt: skip
        if role is None:
            message = f"'{m.group('role')}' is not a role in taxonomy.yaml"
            p.warn("actors", "unknown-term", message, role_hint, line)
        if actor and role:
            found.append({"id": actor, "role": role})
    return found


def _source(p: Proposal, row: str, line: int, language: str) -> dict[str, str] | None:
    link = _MD_LINK.search(row)
    if link:
        title, url = link.group("title"), link.group("url")
        rest = (row[: link.start()] + " " + row[link.end() :]).strip()
        title = title or rest
    else:
        m = _URL.search(row)
        url = m.group(1) if m else ""
        title = (row[: m.start()] + " " + row[m.end() :]) if m else row
    title = title.strip().strip("-—–:|,;").strip()
    if not title:
        p.warn(
            "sources", "no-title", f"expected a source's title before its address, found '{row}'",
            "write the document's title, then its address", line,
        )  # fmt: skip
        return None
    source = {"title": title, "language": language}
    if url:
        source["url"] = url
    return source


def _sources(p: Proposal, language: str) -> list[dict[str, str]]:
    answer = p.answers.get("sources")
    rows = answer.lines() if answer else []
    return [s for line, row in rows if (s := _source(p, row, line, language))]


def _language(p: Proposal) -> str:
    default = p.taxonomy.default_language
    given = p.text("language").strip().lower()
    if not given or given in names.iso639_1():
        return given or default
    near = names.closest(given, names.iso639_1(), n=1)
    hint = f"did you mean '{near[0]}'?" if near else "use a two-letter code such as 'en'"
    p.warn("language", "unknown-language", f"'{given}' is not an ISO 639-1 code", hint)
    p.warn("language", "default-language", f"the case is written as '{default}' until it is set")
    return default


def _period(p: Proposal) -> dict[str, str]:
    period: dict[str, str] = {}
    for key in ("start", "end"):
        fid = f"period-{key}"
        value = p.text(fid).strip()
        if not value:
            continue
        try:
            parse_partial(value)
        except DateProblem as exc:
            p.warn(fid, exc.code, exc.message, exc.hint)
            continue
        period[key] = Date(value)
    if "end" in period and "start" not in period:
        p.warn("period-end", "no-start", "a period with an end needs a start", "give its start")
        return {}
    return period


def _title(p: Proposal) -> str:
    title = p.text("title")
    if "\n" in title:
        p.warn("title", "multi-line", "expected a title of one line", "put the rest in the summary")
        return ""
    return title.strip()


def read_proposal(body: str, taxonomy: Taxonomy, path: str) -> Proposal:
    """The front matter the issue's answers give, and a problem for each answer left out."""
    labels = [(f.id, f.label) for f in issue_forms.PROPOSAL]
    answers, problems = issue_body.read(body, labels, path)
    p = Proposal(path, taxonomy, answers, problems=problems)
    if not answers:
        if not problems:  # not one heading of the form (a repeated one is its own problem)
            p.warn(
                "", "not-a-form",
                "expected the body of an issue of the 'Propose a case' form, found none of "
                "its '### ' headings", "pass the issue's body as GitHub wrote it (gh issue "
                "view N --json body --jq .body)",
            )  # fmt: skip
        return p
    language = _language(p)
    status = _terms(p, "status", "statuses")
    p.front = {
        "title": _title(p),
        "summary": " ".join(p.text("summary").split()),
        "language": language,
        "countries": _terms(p, "countries", "countries"),
        "places": [row for _, row in answers["places"].lines()] if "places" in answers else [],
        "sectors": _terms(p, "sectors", "sectors"),
        "themes": _terms(p, "themes", "themes"),
        "actors": _actors(p),
        "status": status[0] if status else "",
        "period": _period(p),
        "sources": _sources(p, language),
    }
    _confirmed(p)
    return p


def _confirmed(p: Proposal) -> None:
    confirm = next(f for f in issue_forms.PROPOSAL if f.id == "confirm")
    answer = p.answers.get("confirm")
    if answer is None or issue_body.checked(answer, confirm.options) != set(confirm.options):
        p.warn(
            "confirm", "not-confirmed", "the contributor did not tick that the summary is in "
            "their own words and comes from the sources", "ask them before accepting the case",
        )  # fmt: skip


def missing(front: Mapping[str, Any]) -> list[str]:
    """The keys a case needs that are still empty: what the contributor fills in."""
    return [key for key in REQUIRED if not front.get(key)]


class Date(str):
    """A date, written in double quotes as every case writes its dates (``"2019"``)."""


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe emitter; a ``Date`` in double quotes."""


_Dumper.add_representer(
    Date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"')
)


_INTRO = """\
# Made by 'sikb new --from-issue' from an issue of the 'Propose a case' form. Check every
# fact against the sources (each is given the case's language: correct it where a source
# is in another), rate the criteria as docs/methodology.md says, write the body, then:
# sikb validate"""


def render_case(taxonomy: Taxonomy, front: Mapping[str, Any], today: date) -> str:
    """The new case's file: the front matter written by a YAML emitter, every criterion at
    the skeleton's rating with its question beside it, the body's headings."""
    head = {k: v for k, v in front.items() if k != "sources" and (v or k in REQUIRED)}
    tail = {"sources": front.get("sources") or [], "updated": Date(today.isoformat())}
    criteria = scaffold.criteria_lines(taxonomy, taxonomy.default_language)
    head_yaml, tail_yaml = scaffold.dump(head, _Dumper, None), scaffold.dump(tail, _Dumper, False)
    return f"---\n{_INTRO}\n{head_yaml}criteria:\n{criteria}\n{tail_yaml}---\n{scaffold.BODY}"


def case_id(p: Proposal, given: str | None) -> str | None:
    """The new case's id: ``given``, else the form's ``id``, else made from the title."""
    wanted = given or p.text("id").strip()
    if wanted and CASE_ID.match(wanted) and len(wanted) <= MAX_ID:
        return wanted
    made = kebab(wanted or str(p.front["title"]))
    if wanted:
        p.warn(
            "id", "invalid-id",
            f"'{wanted}' is not a valid case id: lowercase ASCII letters, digits and single "
            f"hyphens, at most {MAX_ID} characters",
            f"the case is written as '{made}'" if made else "give one, such as 'upshift-moldova'",
        )  # fmt: skip
    if not made and not wanted:
        p.warn(
            "title", "no-id", "expected a case id or a title to make one from, found neither",
            "give the case an id in the issue, or pass one: sikb new ID --from-issue FILE",
        )  # fmt: skip
    return made or None


def write_from_issue(
    root: Path, body: str, path: str, today: date, given_id: str | None = None
) -> tuple[Path | None, Proposal]:
    """Write ``cases/<id>.md`` from an issue's body; None when no id can be had.

    Raises ``scaffold.ScaffoldError`` for a bad taxonomy, a given id that is not valid, or a
    file that exists (``exists``).
    """
    taxonomy = scaffold.taxonomy_of(root)
    p = read_proposal(body, taxonomy, path)
    if not p.answers:
        return None, p
    if given_id is not None:
        scaffold.check_id(given_id)
    new_id = case_id(p, given_id)
    if new_id is None:
        return None, p
    return scaffold.write_new(root, new_id, render_case(taxonomy, p.front, today)), p
