"""Names in the order of the reader's alphabet: the Unicode Collation Algorithm (pyuca),
with CLDR's tailoring for the languages whose alphabet the default table gets wrong.

The default table (DUCET) orders Russian as a Russian dictionary does (ё with е, й after
и). For Ukrainian it treats ґ as a г with a mark and ї as an і with one, so "Ґудзик"
sorts among the г words and "Їжак" before "Ізраїль"; CLDR's ``uk`` tailoring makes them
letters of their own, right after г and і (``&Г<ґ<<<Ґ``, ``&І<ї<<<Ї``). pyuca is pure
Python: PyICU would give the same order but needs a compiler and libicu on every machine.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pyuca

Key = tuple[int, ...]

_LAST = 0xFFFD
"""A primary weight above every letter's. A tailored letter is its base letter followed by
one of these: it sorts after every word that goes on with the base letter, and before the
next letter's (the way UCA tailors a letter "after" another without new weights)."""

_TAILORING: dict[str, dict[str, str]] = {
    "uk": {"ґ": "г", "Ґ": "Г", "і\u0308": "і", "І\u0308": "І"},
}
"""Per language, letters that are letters of their own, each with the letter it follows.
Written decomposed (NFD), as the collator looks them up."""


@cache
def _collator(lang: str) -> Any:
    collator = pyuca.Collator()
    for letter, after in _TAILORING.get(lang, {}).items():
        base = collator.table.find_prefix([ord(c) for c in after])[1]
        tertiary = base[0][2]
        collator.table.add([ord(c) for c in letter], [*base, [_LAST, 0x20, tertiary]])
    return collator


def sort_key(lang: str) -> Callable[[str], Key]:
    """The sort key of a name in ``lang``'s alphabetical order (case and accents break ties
    only, as in a dictionary)."""
    key: Callable[[str], Key] = _collator(lang).sort_key
    return key
