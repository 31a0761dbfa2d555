"""Dates are ASCII digits and whole strings; a future period needs a status that allows it."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.dates import DateProblem, parse_partial
from generator.validate.checks import Context
from generator.validate.collection import check_case_text
from generator.validate.taxonomy import load_taxonomy
from tests.conftest import REPO

TAXONOMY, _ = load_taxonomy(REPO)
assert TAXONOMY is not None
CTX = Context(TAXONOMY, frozenset({"a-case"}), date(2026, 11, 23))


@pytest.mark.parametrize(
    ("text", "found", "hint"),
    [
        ("２０１９", "'２０１９'", "write it with the ASCII digits 0-9: '2019'"),
        ("٢٠١٩", "'٢٠١٩'", "write it with the ASCII digits 0-9: '2019'"),
        ("۲۰۱۹-۰۵", "'۲۰۱۹-۰۵'", "write it with the ASCII digits 0-9: '2019-05'"),
        ("2019\n", "'2019\\n'", "write it with no space or line break: '2019'"),
        (" 2019", "' 2019'", "write it with no space or line break: '2019'"),
        ("2019-05-01\n", "'2019-05-01\\n'", "write it with no space or line break: '2019-05-01'"),
    ],
)
def test_non_ascii_digits_and_trailing_newlines_are_not_dates(
    text: str, found: str, hint: str
) -> None:
    """Only ASCII digits, and the whole string, make a date; the hint gives the fixed one."""
    with pytest.raises(DateProblem) as info:
        parse_partial(text)
    assert info.value.code == "invalid-date"
    assert info.value.message == (f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {found}")
    assert info.value.hint == hint


CRITERIA = "".join(f"  {c}: unknown\n" for c in TAXONOMY.criteria)


def _case(status: str, period: str, updated: str = '"2026-01-01"') -> str:
    return f"""---
title: T
summary: S.
language: en
countries: [MD]
sectors: [civic]
themes: [youth]
actors:
  - {{id: unicef, role: initiator}}
status: {status}
{period}
criteria:
{CRITERIA}sources:
  - {{title: A report, language: en}}
updated: {updated}
---
Text.
"""


def _codes(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.code, p.field) for p in check_case_text("a-case", text, CTX)]


def test_the_template_case_is_valid() -> None:
    """The case the next tests vary has no problem of its own."""
    assert _codes(_case("active", 'period: {start: "2019"}')) == []


def test_a_period_that_starts_in_the_future_needs_status_planned() -> None:
    """A start after today is an error on an active case and fine on a planned one."""
    future = 'period: {start: "2099-01"}'
    assert _codes(_case("active", future)) == [(11, "future-date", "period.start")]
    assert _codes(_case("pilot", future)) == [(11, "future-date", "period.start")]
    assert _codes(_case("planned", future)) == []
    assert _codes(_case("planned", 'period: {start: "2026"}')) == []  # may have begun this year


def test_a_completed_case_cannot_end_in_the_future() -> None:
    """A completed case's end after today is an error; an active case may name a planned end."""
    period = 'period: {start: "2020", end: "2027-03"}'
    assert _codes(_case("completed", period)) == [(11, "future-date", "period.end")]
    assert _codes(_case("active", period)) == []
    assert _codes(_case("completed", 'period: {start: "2020", end: "2026-11"}')) == []


@pytest.mark.parametrize("updated", ['"２０２６-０１-０１"', '"2026-01-01\\n"', "'٢٠٢٦-٠١-٠١'"])
def test_updated_takes_only_ascii_digits_and_no_trailing_newline(updated: str) -> None:
    """``updated`` is held to the same whole-string ASCII form as every other date."""
    assert _codes(_case("active", "", updated)) == [(22, "invalid-date", "updated")]
