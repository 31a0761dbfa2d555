"""Search's word normaliser for inflected languages: a light stemmer written once.

Pagefind has no Ukrainian stemmer (each inflected form is a word of its own), and for
Russian it folds ``й`` into ``и`` before its stemmer, so ``социальный`` and ``социальной``
stay apart. For the languages ``stems.json`` names, every Cyrillic word of what Pagefind
indexes (``shadow.py``) and of what a reader types (``render/assets/sikb-stem.js``) is
replaced by its stem: lower-cased, letters folded, the longest inflectional ending that
leaves at least ``min`` letters (and does not cut into a stem that ``keep`` names)
stripped. Both engines read the same ``stems.json``, and a unit test checks that they
agree on every word of the collection. Latin words and numbers
are left alone (Pagefind stems English well); for Russian, Pagefind's own stemmer still
runs after this one, on the index and on the query alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).with_name("stems.json")
SCRIPT_MARK = "/* sikb:stems */ {}"
"""Where ``sikb-stem.js`` gets the rules: ``embed`` writes them there."""

APOSTROPHES = "'’ʼ"
WORD = re.compile(r"[\u0400-\u052f]+(?:['’ʼ][\u0400-\u052f]+)*")
"""A Cyrillic word, with the apostrophes inside Ukrainian words (``інтерв'ю``); the same
pattern as ``sikb-stem.js``."""


@cache
def rules() -> dict[str, dict[str, Any]]:
    """The rules of each language that has them, by language code."""
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return {lang: r for lang, r in data.items() if isinstance(r, dict)}


def languages() -> frozenset[str]:
    """The languages whose words are normalised."""
    return frozenset(rules())


def stemmer(lang: str) -> Callable[[str], str]:
    """The stem of one word in ``lang`` (a word unchanged in a language with no rules);
    stems are cached, as a page repeats its words."""
    r = rules().get(lang)
    if r is None:
        return lambda word: word
    least: int = r["min"]
    fold: dict[str, str] = r["fold"]
    swap: dict[str, str] = r["replace"]
    keep: list[str] = r["keep"]
    endings = frozenset(r["endings"])
    longest = max(map(len, endings))
    done: dict[str, str] = {}

    def stem(word: str) -> str:
        known = done.get(word)
        if known is not None:
            return known
        w = "".join(fold.get(c, c) for c in word.lower())
        for k in range(min(longest, len(w) - least), 0, -1):
            cut = len(w) - k
            if w[cut - 1] in APOSTROPHES or w[cut:] not in endings:
                continue  # a stem ends in a letter (Pagefind drops an apostrophe there)
            if not any(w.startswith(p) and cut < len(p) for p in keep):
                w = w[:cut] + swap.get(w[cut:], "")
                break
        done[word] = w
        return w

    return stem


def normaliser(lang: str) -> Callable[[str], str]:
    """``text`` with each Cyrillic word replaced by its stem in ``lang``, the rest as is."""
    stem = stemmer(lang)
    if lang not in rules():
        return lambda text: text
    return lambda text: WORD.sub(lambda m: stem(m.group()), text)


def tail(word: str, stem: str) -> str:
    """What ``stem`` lost of ``word``, for ``sikb-stem.js``'s ``restore`` to give ``word``
    back: the ending; ``^`` and the ending if the word began with a capital; else ``=`` and
    the word (letters folded, an ending replaced, capitals inside)."""
    if word.startswith(stem):
        return word[len(stem) :]
    if word[:1].lower() + word[1:] == word.lower() and word.lower().startswith(stem):
        return "^" + word[len(stem) :]
    return "=" + word


HIDDEN = 0xE000
"""Where ``hide`` moves characters: the Private Use Area, none of whose characters Pagefind
takes for a letter or a digit."""
_HIDE = {c: HIDDEN + c for c in range(0x1900)}  # up to U+18FF: the area ends at U+F8FF


def hide(text: str) -> str:
    """``text`` with each character below U+1900 moved into the Private Use Area, which
    ``sikb-stem.js``'s ``shown`` moves back: not a letter or a digit to Pagefind (the tails
    that ``packer`` does not have a character for)."""
    return text.translate(_HIDE)


PACKED = 0xF000
"""Where ``packer`` writes a tail of the language's table (``tails``), one character each: in
the Private Use Area, above what ``hide`` makes of a tail's own characters (a Cyrillic word's
and its apostrophes': below U+E530)."""
_END = chr(HIDDEN + ord(","))


@cache
def tails(lang: str) -> tuple[str, ...]:
    """The tails that ``packer`` writes as one character each, by their place: none, each
    ending of ``lang``'s rules (sorted), "^" alone and before each ending; ``sikb-stem.js``
    makes the same table from the same rules."""
    endings = sorted(rules()[lang]["endings"])
    return ("", *endings, "^", *(f"^{e}" for e in endings))


@cache
def packer(lang: str) -> Callable[[list[str]], str]:
    """What a page's stems lost in ``lang`` (``tail`` of each word, in order) as one string,
    which ``sikb-stem.js``'s ``unpack`` reads back: a tail of ``tails`` as its one character
    (``PACKED`` and on), any other (a word whose stem is not its start, "=" and the word)
    hidden (``hide``) and ended by a hidden comma. No letter or digit: Pagefind 1.5 indexes
    the words of metadata, and the tails would be words (endings) that queries could find.
    Their cost to Pagefind is in their length (uk, 1,000 cases: 4.6 s of CPU with the tails
    hidden and comma-joined, 3.9 packed, 3.7 with none)."""
    codes = {t: chr(PACKED + i) for i, t in enumerate(tails(lang))}

    def pack(lost: list[str]) -> str:
        return "".join(codes.get(t) or hide(t) + _END for t in lost)

    return pack


def embed(script: str) -> str:
    """``sikb-stem.js`` with the rules written in (as JSON, which is JavaScript)."""
    data = json.dumps(rules(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return script.replace(SCRIPT_MARK, data)
