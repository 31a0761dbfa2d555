"""Reports: compiler-style text, GitHub annotations, JSON, and the summary line."""

from __future__ import annotations

import json

from generator.problems import Problem, Severity, promote, render

P1 = Problem(
    "cases/a.md",
    7,
    3,
    "unknown-term",
    "'MDA' is not a country code",
    "countries[0]",
    "did you mean 'MD' (Moldova)?",
)
P2 = Problem(
    "cases/b.md",
    4,
    1,
    "missing-note",
    "rated 'met' without a note",
    "criteria.novelty",
    "",
    Severity.WARNING,
)


def test_text_report_lists_problems_then_one_summary_line() -> None:
    """One line per problem, path first, then the counts."""
    assert render([P2, P1], 5, "text").splitlines() == [
        "cases/a.md:7:3: error[unknown-term] countries[0]: 'MDA' is not a country code; "
        "did you mean 'MD' (Moldova)?",
        "cases/b.md:4:1: warning[missing-note] criteria.novelty: rated 'met' without a note",
        "1 error and 1 warning in 2 files (5 files checked).",
    ]


def test_clean_report_says_so() -> None:
    """No problems: one line saying how many files were checked."""
    assert render([], 1, "text") == "No problems in 1 file."


def test_github_annotations_escape_their_properties_and_data() -> None:
    """Commas, colons, percent signs and newlines cannot break an annotation."""
    odd = Problem("cases/x,y.md", 2, 0, "c", "100% wrong\nreally")
    assert render([odd], 1, "github").splitlines()[0] == (
        "::error file=cases/x%2Cy.md,line=2,title=c::100%25 wrong%0Areally"
    )


def test_json_report_is_machine_readable() -> None:
    """JSON carries every field and the counts."""
    doc = json.loads(render([P1, P2], 2, "json"))
    assert (doc["errors"], doc["warnings"], doc["files_checked"]) == (1, 1, 2)
    assert doc["problems"][0] == {
        "path": "cases/a.md",
        "line": 7,
        "column": 3,
        "code": "unknown-term",
        "message": "'MDA' is not a country code",
        "field": "countries[0]",
        "hint": "did you mean 'MD' (Moldova)?",
        "severity": "error",
    }


def test_strict_mode_turns_warnings_into_errors() -> None:
    """--strict: a warning counts as an error."""
    assert [p.severity for p in promote([P1, P2])] == [Severity.ERROR, Severity.ERROR]


def test_a_value_quoted_in_a_message_cannot_break_or_reorder_the_report_line() -> None:
    """Controls and bidi overrides in a message print as escapes; a line break as \\n (%0A)."""
    p = Problem(
        "cases/a.md", 9, 1, "unknown-term", "'active\u202e\nx\x07' is not a status", "status"
    )
    assert p.as_text() == (
        "cases/a.md:9:1: error[unknown-term] status: 'active\\u202e\\nx\\x07' is not a status"
    )
    assert p.as_github() == (
        "::error file=cases/a.md,line=9,col=1,title=unknown-term::"
        "status: 'active\\u202e%0Ax\\x07' is not a status"
    )
    assert render([p], 1, "text").count("\n") == 1
