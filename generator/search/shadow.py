"""What Pagefind reads of a built language: a shadow copy of the pages it indexes, each
stripped to what Pagefind reads of it, and in a language whose words are normalised
(``stems.py``) each word of the indexed text replaced by its stem.

Pagefind indexes the shadow pages and writes its bundle into the real site; the shadow's
paths are the real ones, so results link to the real pages. A shadow page is the page's
``<html>`` tag, title and ``data-pagefind-body`` block, all that Pagefind reads of it (a
third of its bytes: less to write, and for Pagefind to parse); a page without that block
is left out (at 1,000 cases, Pagefind's time in English went from 5.1 to 3.3 s of CPU).
Where words are normalised, only the text that Pagefind indexes changes (inside
``data-pagefind-body``, outside ``data-pagefind-ignore``, the headings' ``.headerlink``
and what Pagefind skips, such as SVG), word for word; filters and metadata are in ignored
blocks and stay as written. Each changed page gets two metadata: ``title``, its first
heading as written (Pagefind would take the stemmed one), and ``sikb_tails``, what each
stem of its text lost (``stems.tail``), in order: the browser gives Pagefind's text of
stems its words back as written for excerpts (``sikb-stem.js``'s ``written``), packed about
a character a word, with no letter or digit for Pagefind's index of metadata
(``stems.packer``). The whole text as written in metadata would have doubled the bundle and
Pagefind's time.

A pass of regular expressions per page, not an HTML parser: the pages are the engine's
own output, and a page read wrong here only loses words to search, never shows markup;
if Pagefind's text and the tails do not pair up, the browser shows Pagefind's excerpt.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from generator.search import stems

_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]+)\"")
_TOP = re.compile(r"<html\b[^>]*>")
_TITLE = re.compile(r"<title>[^<]*</title>")
BODY = "<div data-pagefind-body>"
"""How ``overrides/main.html`` marks the text that Pagefind reads (``data-pagefind-body``)."""
_PIECES = re.compile(r"(<(?:script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[^>]*>)", re.S)
_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_IGNORED = ("data-pagefind-ignore", 'class="headerlink"')
_SKIPPED = frozenset(("svg", "noscript", "template"))  # what Pagefind does not read either
_VOID = frozenset(("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"))
_INLINE = frozenset(("a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q"))
_INLINE |= {"s", "small", "span", "strong", "sub", "sup", "time", "u"}
_SPACES = re.compile(r"\s+")
TAILS = "sikb_tails"
"""The metadata of what each indexed word's stem lost (``stems.tail``), in order."""


def write(site: Path, shadow: Path, exclude: str) -> int:
    """Write the shadow of each page of ``site`` that Pagefind indexes (one with
    ``data-pagefind-body``) into ``shadow``: stripped to what Pagefind reads, and in a
    language with rules normalised; how many. A page without that block is left out, as
    Pagefind leaves it out once any page has one (it would only parse it to drop it); so is
    the folder ``exclude`` (the bundle)."""
    written = 0
    known: dict[str, dict[str, tuple[str, str]]] = {}
    rules = stems.languages()
    for folder, dirs, files in os.walk(site):
        here = Path(folder)
        if here == site and exclude in dirs:
            dirs.remove(exclude)
        into = shadow / here.relative_to(site)
        made = False
        for name in files:
            if not name.endswith(".html"):
                continue
            data = (here / name).read_bytes()
            text = data.decode("utf-8")
            if BODY not in text:
                continue
            lang = lang_of(data) or ""
            text = page(text, lang, known.setdefault(lang, {})) if lang in rules else strip(text)
            if not made:
                into.mkdir(parents=True, exist_ok=True)
                made = True
            (into / name).write_text(text, encoding="utf-8")
            written += 1
    return written


def lang_of(data: bytes) -> str | None:
    """The ``<html lang>`` of a page's bytes (in its first 2,000), or None."""
    found = _LANG.search(data, 0, 2000)
    return found.group(1).decode("ascii", "replace") if found else None


_stemmer = cache(stems.stemmer)  # one a language, its stems kept


class _Words:
    """The stems of one page's indexed words, and what each stem lost, in order."""

    def __init__(self, stem: Callable[[str], str], known: dict[str, tuple[str, str]]) -> None:
        self.stem = stem
        self.known = known  # each word's stem and tail, for every page of the language
        self.tails: list[str] = []

    def normalise(self, text: str) -> str:
        if "&#" in text:  # a character reference is a letter to Pagefind: decoded
            text = html.escape(html.unescape(text), quote=False)
        return stems.WORD.sub(self._one, text)

    def _one(self, found: re.Match[str]) -> str:
        word = found.group()
        pair = self.known.get(word)
        if pair is None:
            stem = self.stem(word)
            pair = self.known[word] = (stem, stems.tail(word, stem))
        self.tails.append(pair[1])
        return pair[0]


def page(text: str, lang: str, known: dict[str, tuple[str, str]] | None = None) -> str:
    """One page with its indexed words replaced by their stems in ``lang`` (``stems.py``),
    and its title and what the stems lost in metadata (a page with no
    ``data-pagefind-body`` as it is); ``known``: the stems and tails of the words already
    seen, kept across pages."""
    split = _split(text)
    if split is None:
        return text
    start, pieces = split
    depth = 1  # divs open in the body
    ignored: tuple[str, int] | None = None  # the tag of an ignored element, its depth
    title: list[str] | None = None  # the first heading's text, while it is read
    heading = ""
    words = _Words(_stemmer(lang), {} if known is None else known)
    for i in range(1, len(pieces), 2):
        before = pieces[i - 1]
        if before and ignored is None:
            pieces[i - 1] = words.normalise(before)
            if title is not None:
                title.append(before)
        tag = pieces[i]
        found = _NAME.match(tag)
        if not found:
            continue
        name = found.group(1).lower()
        closing = tag[1] == "/"
        if name == "div":
            depth += -1 if closing else 1
            if depth == 0:
                end = i
                break
        if ignored is not None:
            if name == ignored[0]:
                ignored = None if closing and ignored[1] == 1 else _step(ignored, closing)
            continue
        if not closing and _ignores(name, tag):
            ignored = (name, 1)
        if name not in _INLINE:  # Pagefind would join the words of two cells: kept apart
            pieces[i] = tag + " "
        if name == "h1" and not heading:
            if closing and title is not None:
                heading, title = "".join(title), None
            elif not closing:
                title = []
    else:
        return text  # the body never closed: left as it is, rather than guessed
    named = _SPACES.sub(" ", html.unescape(heading)).strip()
    body = "".join(pieces[:end]) + _meta(named, stems.packer(lang)(words.tails))
    return _around(text, start, body)


def strip(text: str) -> str:
    """``text`` stripped to what Pagefind reads, as written (see ``page``)."""
    split = _split(text)
    if split is None:
        return text
    start, pieces = split
    depth = 1
    for i in range(1, len(pieces), 2):
        found = _NAME.match(pieces[i])
        if found and found.group(1).lower() == "div":
            depth += -1 if pieces[i][1] == "/" else 1
            if depth == 0:
                return _around(text, start, "".join(pieces[:i]))
    return text


def _split(text: str) -> tuple[int, list[str]] | None:
    """Where the content of ``text``'s body block begins, and all from there in text and
    tags (tags at odd places); None if it has no such block."""
    start = text.find(BODY)
    if start < 0:
        return None
    start += len(BODY)
    return start, _PIECES.split(text[start:])


def _around(text: str, start: int, body: str) -> str:
    """Only what Pagefind reads of ``text``, whose body block begins at ``start``: the
    language, the title, and ``body`` (a third of the page)."""
    top, named = _TOP.search(text, 0, start), _TITLE.search(text, 0, start)
    head = f'{top.group() if top else "<html>"}<head><meta charset="utf-8">'
    head += f"{named.group() if named else ''}</head>"
    return f"<!doctype html>{head}<body>{BODY}{body}</div></body></html>"


def _ignores(name: str, tag: str) -> bool:
    """Whether Pagefind leaves out the element that ``tag`` opens, and what is in it."""
    return name not in _VOID and (name in _SKIPPED or any(s in tag for s in _IGNORED))


def _step(ignored: tuple[str, int], closing: bool) -> tuple[str, int]:
    return ignored[0], ignored[1] + (-1 if closing else 1)


def _meta(title: str, packed: str) -> str:
    tails = html.escape(packed, quote=False)
    spans = f'<span data-pagefind-meta="{TAILS}">{tails}</span>'
    if title:
        spans = f'<span data-pagefind-meta="title">{html.escape(title, quote=False)}</span>' + spans
    return f"<div data-pagefind-ignore hidden>{spans}</div>"
