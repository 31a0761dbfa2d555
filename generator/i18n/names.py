"""Names of countries and languages from CLDR (Babel), and spelling suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache

from babel import Locale
from babel.core import get_global


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def country_name(code: str, lang: str = "en") -> str:
    """CLDR's name of a territory in ``lang``, e.g. ``MD`` -> ``Moldova``."""
    return str(_locale(lang).territories.get(code, code))


def language_name(code: str, lang: str = "en") -> str:
    """CLDR's name of a language in ``lang``, e.g. ``sv`` -> ``Swedish``."""
    return str(_locale(lang).languages.get(code, code))


@cache
def iso639_1() -> frozenset[str]:
    """Two-letter language codes that CLDR names."""
    codes: list[str] = list(_locale("en").languages)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha())


@cache
def territories() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes that CLDR names (no numeric regions)."""
    codes: list[str] = list(_locale("en").territories)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha())


def language_alias(code: str) -> str | None:
    """The ISO 639-1 code CLDR gives for another code of the same language: ``eng`` -> ``en``."""
    target = get_global("language_aliases").get(code.lower())
    return target if isinstance(target, str) and target in iso639_1() else None


def closest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Choices closest to ``value`` by spelling, ignoring case; the exact case-fold first."""
    options = list(choices)
    folded = {c.casefold(): c for c in options}
    if value.casefold() in folded:
        return [folded[value.casefold()]]
    hits = difflib.get_close_matches(value.casefold(), list(folded), n=n, cutoff=0.6)
    return [folded[h] for h in hits]


def quoted_list(values: Iterable[str], limit: int = 12) -> str:
    """``'a', 'b', 'c'`` with an ellipsis past ``limit``."""
    items = list(values)
    text = ", ".join(f"'{v}'" for v in items[:limit])
    return text + (f", ... ({len(items)} in all)" if len(items) > limit else "")


def autonym(lang: str) -> str:
    """A language's name in itself, capitalised for a switcher: ``uk`` -> ``Українська``."""
    return capitalised(str(_locale(lang).get_display_name(lang) or lang))


def capitalised(name: str) -> str:
    """CLDR's dictionary form (``шведский``) as it stands alone in a label: ``Шведский``."""
    return name[:1].upper() + name[1:]


@cache  # Babel's formatting is slow (~0.2 ms), and pages repeat their dates
def format_partial(text: str, lang: str) -> str:
    """``2022-10-20``, ``2005-09`` or ``2005`` in the reader's language, per CLDR."""
    from babel.dates import format_date, format_skeleton

    from generator.model.dates import parse_partial

    try:
        when = parse_partial(text)
    except ValueError:
        return text
    if when.precision == "day":
        return str(format_date(when.first, format="long", locale=_locale(lang)))
    if when.precision == "month":
        return str(format_skeleton("yMMMM", when.first, locale=_locale(lang)))
    return str(when.first.year)
