"""What Pagefind reads for a language whose words are normalised (``stems.py``): a shadow
copy of the built pages, each word of the indexed text replaced by its stem.

Pagefind indexes the shadow pages and writes its bundle into the real site; the shadow's
paths are the real ones, so results link to the real pages. Only the text that Pagefind
indexes changes (inside ``data-pagefind-body``, outside ``data-pagefind-ignore`` and the
headings' ``.headerlink``), word for word, whitespace kept; filters and metadata are in
ignored blocks and stay as written. Each changed page gets two metadata: ``title``, its
first heading as written (Pagefind would take the stemmed one), and ``sikb_text``, its
indexed text as written, from which the browser makes excerpts (``sikb-stem.js``).

A pass of regular expressions per page, not an HTML parser: the pages are the engine's
own output, and a page read wrong here only loses words to search, never shows markup.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.search import stems

_LANG = re.compile(rb"<html\b[^>]*?\slang=\"([^\"]+)\"")
_BODY = "<div data-pagefind-body>"
_PIECES = re.compile(r"(<(?:script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[^>]*>)", re.S)
_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_IGNORED = ("data-pagefind-ignore", 'class="headerlink"')
_VOID = frozenset(("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"))
_INLINE = frozenset(("a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q"))
_INLINE |= {"s", "small", "span", "strong", "sub", "sup", "time", "u"}
_SPACES = re.compile(r"\s+")


@contextlib.contextmanager
def pages(site: Path, exclude: str) -> Iterator[Path]:
    """The folder for Pagefind to read instead of ``site``: a shadow copy of its pages if
    any is in a language with rules, else ``site`` itself. The folder ``exclude`` (the
    bundle) is not copied; the shadow is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=".sikb-search-", dir=site.parent) as temp:
        shadow = Path(temp)
        if write(site, shadow, exclude):
            yield shadow
        else:
            yield site


def write(site: Path, shadow: Path, exclude: str) -> int:
    """Write the shadow of each page of ``site`` into ``shadow``: normalised, or linked as
    it is; how many were normalised."""
    changed = 0
    normalisers: dict[str, Callable[[str], str]] = {}
    for folder, dirs, files in os.walk(site):
        here = Path(folder)
        if here == site and exclude in dirs:
            dirs.remove(exclude)
        into = shadow / here.relative_to(site)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            if not name.endswith(".html"):
                continue
            data = (here / name).read_bytes()
            found = _LANG.search(data, 0, 2000)
            lang = found.group(1).decode("ascii", "replace") if found else ""
            if lang not in stems.languages():
                _link(here / name, into / name)
                continue
            if lang not in normalisers:
                normalisers[lang] = stems.normaliser(lang)
            text = page(data.decode("utf-8"), normalisers[lang])
            (into / name).write_text(text, encoding="utf-8")
            changed += 1
    return changed


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def page(text: str, normalise: Callable[[str], str]) -> str:
    """One page with its indexed words normalised, and its title and text as written in
    metadata (a page with no ``data-pagefind-body`` as it is)."""
    start = text.find(_BODY)
    if start < 0:
        return text
    start += len(_BODY)
    pieces = _PIECES.split(text[start:])
    depth = 1  # divs open in the body
    ignored: tuple[str, int] | None = None  # the tag of an ignored element, its depth
    title: list[str] | None = None  # the first heading's text, while it is read
    heading = ""
    plain: list[str] = []
    for i in range(1, len(pieces), 2):
        before = pieces[i - 1]
        if before and ignored is None:
            pieces[i - 1] = normalise(before)
            plain.append(before)
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
        if not closing and name not in _VOID and any(s in tag for s in _IGNORED):
            ignored = (name, 1)
        if name not in _INLINE:
            plain.append(" ")
        if name == "h1" and not heading:
            if closing and title is not None:
                heading, title = "".join(title), None
            elif not closing:
                title = []
    else:
        return text  # the body never closed: left as it is, rather than guessed
    meta = _meta(_text(heading), _text("".join(plain)))
    return text[:start] + "".join(pieces[:end]) + meta + "".join(pieces[end:])


def _step(ignored: tuple[str, int], closing: bool) -> tuple[str, int]:
    return ignored[0], ignored[1] + (-1 if closing else 1)


def _text(markup_text: str) -> str:
    return _SPACES.sub(" ", html.unescape(markup_text)).strip()


def _meta(title: str, text: str) -> str:
    spans = f'<span data-pagefind-meta="sikb_text">{html.escape(text, quote=False)}</span>'
    if title:
        spans = f'<span data-pagefind-meta="title">{html.escape(title, quote=False)}</span>' + spans
    return f"<div data-pagefind-ignore hidden>{spans}</div>"
