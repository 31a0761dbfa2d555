"""Dates of the precision a source gives: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
"""ASCII digits only: ``\\d`` would take Arabic-Indic and full-width digits too."""


class DateProblem(ValueError):
    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day, as the earliest and latest day it may be."""

    first: date
    last: date
    text: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.text), "day")


def parse_partial(text: str, *, full: bool = False) -> PartialDate:
    """Parse ``text``; ``full`` demands a day. Raises DateProblem with a reason."""
    m = _FORM.fullmatch(text)  # whole string: "$" would let a trailing newline through
    if not m or (full and m.group(3) is None):
        form = "YYYY-MM-DD" if full else "YYYY, YYYY-MM or YYYY-MM-DD"
        example = "for example '2022-10-20'" if full else "for example '2019' or '2019-05'"
        raise DateProblem(
            "invalid-date",
            f"expected a date as {form}, found {_quoted(text)}",
            _repair(text) or example,
        )
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year == 0:
        raise DateProblem("impossible-date", f"'{text}' is not a real date: there is no year 0")
    if month is not None and not 1 <= month <= 12:
        raise DateProblem(
            "impossible-date", f"'{text}' is not a real date: there is no month {month}"
        )
    if month is None:
        return PartialDate(date(year, 1, 1), date(year, 12, 31), text)
    days = calendar.monthrange(year, month)[1]
    if day is None:
        return PartialDate(date(year, month, 1), date(year, month, days), text)
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        raise DateProblem(
            "impossible-date", f"'{text}' is not a real date: {month_name} {year} has {days} days"
        )
    return PartialDate(date(year, month, day), date(year, month, day), text)


def _quoted(text: str) -> str:
    """``text`` in quotes; a line break or other invisible character shown as an escape."""
    return f"'{text}'" if text.isprintable() else repr(text)


def _repair(text: str) -> str:
    """A hint for digits that are not ASCII, or for spaces around the date."""
    ascii_digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)
    cleaned = ascii_digits.strip()
    if cleaned != text and _FORM.fullmatch(cleaned):
        what = "the ASCII digits 0-9" if ascii_digits != text else "no space or line break"
        return f"write it with {what}: '{cleaned}'"
    return ""
