"""An issue's body, as GitHub renders a form, read back into a case's front matter."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.data import issue_body, issue_forms
from generator.data.from_issue import case_id, kebab, read_proposal, render_case, resolve
from generator.data.scaffold import taxonomy_of
from generator.model.taxonomy import Taxonomy
from tests.conftest import FIXTURES
from tests.issue_render import render_body

CONFIRM = issue_forms.PROPOSAL[-1].options[0]
ANSWERS: dict[str, Any] = {
    "title": "Youth lab",
    "summary": "A lab for young people.",
    "countries": ["Moldova (MD)", "Ukraine (UA)"],
    "sectors": ["Civic sector (civic)"],
    "themes": ["Youth (youth)"],
    "actors": "unicef: initiator",
    "status": ["Active (active)"],
    "period-start": "2019",
    "sources": "A report https://example.org/report",
    "confirm": {CONFIRM},
}


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return taxonomy_of(FIXTURES / "kb")


@pytest.fixture(scope="module")
def form(tax: Taxonomy) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(issue_forms.forms(tax)[issue_forms.PROPOSE])
    return loaded


def _read(form: dict[str, Any], tax: Taxonomy, **changes: Any) -> Any:
    return read_proposal(render_body(form, {**ANSWERS, **changes}), tax, "issue.md")


def _messages(proposal: Any) -> list[str]:
    return [p.as_text() for p in proposal.problems]


def test_a_complete_answer_fills_every_key(form: dict[str, Any], tax: Taxonomy) -> None:
    """Every field lands on the front-matter key its id names; nothing is reported."""
    p = _read(form, tax)
    assert _messages(p) == []
    assert p.front == {
        "title": "Youth lab",
        "summary": "A lab for young people.",
        "language": "en",
        "countries": ["MD", "UA"],
        "places": [],
        "sectors": ["civic"],
        "themes": ["youth"],
        "actors": [{"id": "unicef", "role": "initiator"}],
        "status": "active",
        "period": {"start": "2019"},
        "sources": [{"title": "A report", "language": "en", "url": "https://example.org/report"}],
    }


def test_no_response_and_empty_answers_leave_the_key_empty(
    form: dict[str, Any], tax: Taxonomy
) -> None:
    """``_No response_`` and ``None`` are no answer, like an empty one."""
    body = render_body(form, {**ANSWERS, "summary": "", "themes": []})
    body = body.replace("### Status\n\nActive (active)", "### Status\n\nNone")
    p = read_proposal(body, tax, "issue.md")
    assert (p.front["summary"], p.front["themes"], p.front["status"]) == ("", [], "")
    assert _messages(p) == []


def test_an_unknown_country_is_named_with_the_nearest(form: dict[str, Any], tax: Taxonomy) -> None:
    """The heading's line, what was expected and a did-you-mean; the others are kept."""
    p = _read(form, tax, countries=["Moldova (MD)", "Moldavia", "Narnia"])
    assert p.front["countries"] == ["MD"]
    assert _messages(p) == [
        "issue.md:17:1: warning[unknown-term] countries: 'Moldavia' is not a country in "
        "taxonomy.yaml; did you mean 'MD' (Moldova)?",
        "issue.md:17:1: warning[unknown-term] countries: 'Narnia' is not a country in "
        "taxonomy.yaml; expected one of: 'MD', 'UA', 'SE'",
    ]


def test_an_answer_may_be_an_id_or_a_label_in_any_site_language(tax: Taxonomy) -> None:
    """``md``, ``Молдова`` and the form's ``Moldova (MD)`` are all Moldova."""
    for value in ("md", "Молдова", "Moldova (MD)", "Moldova"):
        assert resolve(value, tax, "countries") == ("MD", "")
    assert resolve("Действует", tax, "statuses") == ("active", "")


def test_unticked_checkbox_is_reported(form: dict[str, Any], tax: Taxonomy) -> None:
    """A proposal whose author did not confirm the sources says so to the maintainer."""
    p = _read(form, tax, confirm=set())
    assert [m.code for m in p.problems] == ["not-confirmed"]
    ticked = render_body(form, ANSWERS).replace("- [X]", "- [x]")
    assert read_proposal(ticked, tax, "issue.md").problems == []


def test_crlf_line_endings_read_as_lf(form: dict[str, Any], tax: Taxonomy) -> None:
    """A body with Windows line endings (GitHub's API gives them in textareas) reads the same."""
    body = render_body(form, {**ANSWERS, "actors": "unicef: initiator\nlviv-city-council: funder"})
    crlf = read_proposal(body.replace("\n", "\r\n"), tax, "issue.md")
    assert crlf.front == read_proposal(body, tax, "issue.md").front
    assert crlf.front["actors"][1] == {"id": "lviv-city-council", "role": "funder"}


def test_lines_of_actors_and_sources_are_reported_on_their_own_line(
    form: dict[str, Any], tax: Taxonomy
) -> None:
    """A line that cannot be read names its own line of the issue, and how to write it."""
    p = _read(
        form,
        tax,
        actors="- unicef: initiator\n- UNICEFF: founder\n- just a name",
        sources="https://example.org/only-an-address",
    )
    assert p.front["actors"] == [{"id": "unicef", "role": "initiator"}]
    assert p.front["sources"] == []
    assert _messages(p) == [
        "issue.md:36:1: warning[unknown-term] actors: 'UNICEFF' is not an actor in "
        "taxonomy.yaml; did you mean 'unicef' (UNICEF)? Or add the actor to taxonomy.yaml "
        "in the same pull request",
        "issue.md:36:1: warning[unknown-term] actors: 'founder' is not a role in "
        "taxonomy.yaml; did you mean 'funder' (Funder)?",
        "issue.md:37:1: warning[no-role] actors: expected 'actor: role', found 'just a name'; "
        "write the actor, a colon and its role, such as 'unicef: initiator'",
        "issue.md:53:1: warning[no-title] sources: expected a source's title before its "
        "address, found 'https://example.org/only-an-address'; write the document's title, "
        "then its address",
    ]


def test_a_markdown_link_is_a_source(form: dict[str, Any], tax: Taxonomy) -> None:
    """``[title](url)``, as contributors paste it, and a title alone."""
    p = _read(form, tax, sources="* [The report](https://example.org/r)\nA book without address")
    assert p.front["sources"] == [
        {"title": "The report", "language": "en", "url": "https://example.org/r"},
        {"title": "A book without address", "language": "en"},
    ]


TODAY = date(2026, 11, 23)
KEYS = ["title", "summary", "language", "countries", "sectors", "themes", "actors", "status"]
KEYS.append("period")
HOSTILE = [
    'Lab: "quoted" #1',
    "title: injected\nstatus: completed",
    "x\nsummary: replaced",
    "Лаборатория «Открытые данные»",
    "{a: 1}",
    "- item",
    "'single'",
    "--- \n...",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_one_value_and_adds_no_key(
    form: dict[str, Any], tax: Taxonomy, text: str
) -> None:
    """Whatever the summary holds, the file has the same keys and reads back as written."""
    p = _read(form, tax, summary=text)
    front = yaml.safe_load(render_case(tax, p.front, TODAY).split("\n---\n")[0][4:])
    assert front["summary"] == " ".join(text.split())
    assert list(front) == [*KEYS, "criteria", "sources", "updated"]
    assert front["status"] == "active"


def test_a_heading_written_into_an_answer_is_refused_not_followed(
    form: dict[str, Any], tax: Taxonomy
) -> None:
    """An author who edits the body to repeat a heading gets no guess for that field."""
    p = _read(form, tax, summary="Nice.\n\n### Status\n\nCompleted (completed)")
    assert p.front["status"] == ""
    assert _messages(p)[0] == (
        "issue.md:41:1: warning[repeated-heading] status: expected one '### Status' heading, "
        "found 2 (lines 13, 41); keep the heading GitHub wrote and remove the others from the "
        "answers"
    )


def test_a_hidden_character_empties_the_answer(form: dict[str, Any], tax: Taxonomy) -> None:
    """A bidirectional override in a title: named by its code point, the title left empty."""
    p = _read(form, tax, title="Lab\u202e")
    assert p.front["title"] == ""
    assert _messages(p) == [
        "issue.md:3:1: warning[hidden-character] title: expected text, found the bidirectional "
        "control U+202E (RIGHT-TO-LEFT OVERRIDE); delete it: it makes the text display in "
        "another order than it is written; right-to-left text needs no such character"
    ]


def test_a_dropdown_answer_splits_at_commas() -> None:
    """GitHub joins the options chosen with ', '."""
    answer = issue_body.Answer(1, "Moldova (MD), Ukraine (UA)", 3)
    assert issue_body.choices(answer) == ["Moldova (MD)", "Ukraine (UA)"]


@pytest.mark.parametrize(
    ("title", "case_id"),
    [
        ("UPSHIFT Moldova", "upshift-moldova"),
        ("Лаборатория «Открытые данные»", "laboratoriya-otkrytye-dannye"),
        ("Громада: Їжа", "gromada-yizha"),
        ("Café #1", "cafe-1"),
        ("x" * 90, "x" * 80),
    ],
)
def test_an_id_is_made_from_the_title(title: str, case_id: str) -> None:
    """Kebab-case, ASCII, Cyrillic transliterated, at most 80 characters."""
    assert kebab(title) == case_id


LABELS = [f.label for f in issue_forms.PROPOSAL]
PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from([f"### {label}" for label in LABELS]),
    st.sampled_from(["_No response_", "None", "\r\n", "\n\n", "- [X] ", ": ", ", ", "---"]),
)


@given(st.lists(PIECES, max_size=40).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_body_gives_problems_never_an_exception(text: str) -> None:
    """Whatever an author edits the body into: a proposal whose file has the case's keys only."""
    tax = taxonomy_of(FIXTURES / "kb")
    p = read_proposal(text, tax, "issue.md")
    if not p.answers:  # no heading of the form, or only repeated ones
        assert p.problems
        return
    front = yaml.safe_load(render_case(tax, p.front, TODAY).split("\n---\n")[0][4:])
    assert set(front) <= {*p.front, "criteria", "updated"}
    assert front["title"] == p.front["title"]


def test_without_an_id_or_a_title_nothing_can_be_named(form: dict[str, Any], tax: Taxonomy) -> None:
    """No id to write the file under: the problem says what to give."""
    p = _read(form, tax, title="", id="")
    assert case_id(p, None) is None
    assert _messages(p) == [
        "issue.md:1:1: warning[no-id] title: expected a case id or a title to make one from, "
        "found neither; give the case an id in the issue, or pass one: sikb new ID "
        "--from-issue FILE"
    ]


def test_an_invalid_id_is_made_valid_and_said(form: dict[str, Any], tax: Taxonomy) -> None:
    """'Youth Lab' is written as youth-lab, and the warning says so."""
    p = _read(form, tax, id="Youth Lab")
    assert case_id(p, None) == "youth-lab"
    assert _messages(p) == [
        "issue.md:5:1: warning[invalid-id] id: 'Youth Lab' is not a valid case id: lowercase "
        "ASCII letters, digits and single hyphens, at most 80 characters; the case is written "
        "as 'youth-lab'"
    ]
