"""Partial dates: forms, impossible days, and ranges."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model.dates import DateProblem, parse_partial


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2022-10-20", date(2022, 10, 20), date(2022, 10, 20)),
    ],
)
def test_partial_date_covers_its_whole_period(text: str, first: date, last: date) -> None:
    """A year or a month stands for its first to its last day."""
    parsed = parse_partial(text)
    assert (parsed.first, parsed.last) == (first, last)


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            "2019/05",
            "invalid-date",
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '2019/05'",
        ),
        ("19-05", "invalid-date", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found '19-05'"),
        ("2019-00", "impossible-date", "'2019-00' is not a real date: there is no month 0"),
        (
            "2024-02-30",
            "impossible-date",
            "'2024-02-30' is not a real date: February 2024 has 29 days",
        ),
        ("0000", "impossible-date", "'0000' is not a real date: there is no year 0"),
    ],
)
def test_bad_dates_say_why(text: str, code: str, message: str) -> None:
    """Malformed and impossible dates are told apart, each with its reason."""
    with pytest.raises(DateProblem) as info:
        parse_partial(text)
    assert (info.value.code, info.value.message) == (code, message)


def test_full_date_is_demanded_where_a_day_is_needed() -> None:
    """`updated` needs a day: a month alone is refused."""
    with pytest.raises(DateProblem, match="YYYY-MM-DD, found '2024-01'"):
        parse_partial("2024-01", full=True)
