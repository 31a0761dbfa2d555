"""The settings of a run, read once: the command's flags, then the environment, then defaults.

The only module that reads ``SIKB_*`` from the environment. ``sikb`` reads them once, at
the start (``cli.main``), and hands the frozen ``Settings`` down the pipeline; a value it
cannot use stops it there with one line that names the variable (or flag), the value and
what was expected (``SettingError``, exit 2), before anything is loaded or written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any
from urllib.parse import urlsplit

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
DEFAULT_SEARCH_TOO_COMMON = 100_000
"""A word written more often than this in one language's cases is too common to search
alone. Pagefind keeps every word and where it stands in every page (its maintainer leaves
out no stop words, by design: Pagefind issue #48), about 1.3 bytes gzipped per place,
and a query loads the whole chunk of each of its words. Measured at 10,000 cases
(``make bench``), whose index is in parts (``DEFAULT_SEARCH_PART_PAGES``): ``social``,
126,000 times, loads 175 KB of chunks and its first query 435 KB in all, over the 400 KB
budget (the parts' metadata adds about 35 KB); ``Moldova`` 297 KB. At this limit a first
query stays under the budget. Such words are dropped from a query that has other words,
and a query of nothing else is not run (``render/assets/sikb-search.js``). Below a few
thousand cases no word comes near the limit."""

DEFAULT_SEARCH_PART_PAGES = 2000
"""The most pages Pagefind indexes in one run (``search_index.prepare``): it holds a run's
pages in memory, about 0.5 MB a Ukrainian case page (1.5.2: 2,000 pages 1.0 GB, 13,000
pages 4.8 GB), so a larger language is indexed in parts that the browser merges."""


class SettingError(ValueError):
    """A flag or variable whose value cannot be used, as one line."""


@dataclass(frozen=True)
class Settings:
    site_url: str = DEFAULT_SITE_URL
    """The address the site is served from, with its trailing slash; each language is
    below it (``<site_url><lang>/``). ``--site-url``, ``SIKB_SITE_URL``."""
    edit_url: str | None = None
    """Prefix of the repository's edit link, a case's path appended; none: no edit link.
    ``--edit-url``, ``SIKB_EDIT_URL``."""
    search_too_common: int = DEFAULT_SEARCH_TOO_COMMON
    """Occurrences in one language's cases above which search leaves a word out
    (``search_index.too_common``). ``--search-too-common``, ``SIKB_SEARCH_TOO_COMMON``."""
    today: date | None = None
    """The day against which "in the future" is judged; none: the real today.
    ``--today``, ``SIKB_TODAY``."""

    search_part_pages: int = DEFAULT_SEARCH_PART_PAGES
    """The most pages indexed for search in one run, its memory's bound
    (``search_index.prepare``). ``SIKB_SEARCH_PART_PAGES``."""

    def day(self) -> date:
        """``today``, or the real today."""
        return self.today or date.today()


def variable(name: str) -> str:
    """The environment variable of a field: ``site_url`` -> ``SIKB_SITE_URL``."""
    return f"SIKB_{name.upper()}"


def flag(name: str) -> str:
    """The flag of a field: ``site_url`` -> ``--site-url``."""
    return "--" + name.replace("_", "-")


def http_url(text: str) -> str:
    """An absolute http(s) URL, ending with a slash."""
    text = _absolute_http(text, "https://example.org/sikb/")
    return text if text.endswith("/") else text + "/"


def edit_prefix(text: str) -> str:
    """An absolute http(s) URL, kept as it is (a case's path is appended to it)."""
    return _absolute_http(text, "https://github.com/owner/repo/edit/main/")


def _absolute_http(text: str, example: str) -> str:
    """``text`` if it is an absolute http(s) URL, else ValueError naming ``example``."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise ValueError(f"an absolute http:// or https:// URL, such as {example}")
    return text


def occurrences(text: str) -> int:
    """A whole number of occurrences, 1 or more."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"a whole number above 0 (default {DEFAULT_SEARCH_TOO_COMMON})")
    return number


def pages(text: str) -> int:
    """A whole number of pages, 1 or more."""
    number = int(text) if text.isdigit() else 0
    if number < 1:
        raise ValueError(f"a whole number above 0 (default {DEFAULT_SEARCH_PART_PAGES})")
    return number


def iso_day(text: str) -> date:
    """A calendar date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("a date YYYY-MM-DD, such as 2026-11-23") from None


PARSERS: dict[str, Callable[[str], Any]] = {
    "site_url": http_url,
    "edit_url": edit_prefix,
    "search_too_common": occurrences,
    "search_part_pages": pages,
    "today": iso_day,
}
"""How each field's text is read; ``ValueError``'s message says what was expected."""


def read(
    flags: Mapping[str, str | None] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """The settings from ``flags`` (by field name; None: not given), then ``environ``
    (``os.environ`` unless given), then the defaults; an empty value counts as unset.

    Raises ``SettingError`` naming the first flag or variable that cannot be used.
    """
    flags = flags or {}
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        given, source = flags.get(f.name), flag(f.name)
        if not given:
            given, source = env.get(variable(f.name)), variable(f.name)
        if not given:
            continue
        try:
            values[f.name] = PARSERS[f.name](given)
        except ValueError as e:
            raise SettingError(f"{source}={given!r}: expected {e}") from None
    return Settings(**values)
