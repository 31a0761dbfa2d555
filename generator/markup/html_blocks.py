"""A Python-Markdown extension: the HTML the renderer made goes through unread.

Python-Markdown finds raw HTML by running an HTML parser over the whole page; for a
generated page that parse was most of its build time, and raw HTML is off anyway
(``sanitise.py``: contributor text may not write HTML). The renderer writes the HTML
it made itself between markers, and this extension puts it into Markdown's own HTML
stash before anything else reads the page, so it comes out exactly as written:

- a block: a ``<!--sikb-html-->`` line, the HTML, a ``<!--/sikb-html-->`` line;
- inline (a link in a heading or a list item): ``<!--sikb-i-->…<!--/sikb-i-->`` on
  one line. Inside a block the inline markers are dropped.

The stash entries made here are the only ones ``sanitise.py`` trusts. Contributor text
(case bodies, hand-written pages) is passed through :func:`defuse` before it joins a
page, so it can never write a marker. Without this extension (another engine) the
markers are HTML comments and the page reads the same.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

START = "<!--sikb-html-->"
END = "<!--/sikb-html-->"
INLINE_START = "<!--sikb-i-->"
INLINE_END = "<!--/sikb-i-->"
_BLOCK = re.compile(rf"^{START}\n(.*?)\n{END}$", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(rf"{INLINE_START}(.*?){INLINE_END}")
_MARKERS = (START, END, INLINE_START, INLINE_END)
# Python-Markdown deletes these from a page before reading it (its own placeholders).


def wrap(html: str) -> str:
    """``html`` as one block that Markdown passes through as it is; nothing for nothing."""
    html = html.strip()
    return f"{START}\n{html}\n{END}" if html else ""


def inline(html: str) -> str:
    """``html`` (one line) passed through as it is inside a line of Markdown."""
    return f"{INLINE_START}{html}{INLINE_END}"


def defuse(text: str) -> str:
    """Contributor text that can hold no marker, as Markdown will read it.

    Markdown deletes STX and ETX before this extension reads a page, so they are
    deleted first (``<!--sikb-\\x02html-->`` is a marker to Markdown); each marker left
    then gets a space before its ``>``: it prints as text, like any other tag.
    """
    text = text.replace("\x02", "").replace("\x03", "")  # not translate: far slower
    for marker in _MARKERS:
        if marker in text:
            text = text.replace(marker, marker[:-1] + " >")
    return text


class HtmlBlocks(Preprocessor):
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.trusted: set[str] = set()
        """The stash placeholders of this page's renderer HTML."""

    def run(self, lines: list[str]) -> list[str]:
        self.trusted = set()
        text = "\n".join(lines)
        if START not in text and INLINE_START not in text:
            return lines

        def store(html: str) -> str:
            placeholder = self.md.htmlStash.store(html)
            self.trusted.add(placeholder)
            return placeholder

        def block(m: re.Match[str]) -> str:
            html = m.group(1).replace(INLINE_START, "").replace(INLINE_END, "")
            return f"\n\n{store(html)}\n\n"

        text = _BLOCK.sub(block, text)
        if INLINE_START in text:
            text = _INLINE.sub(lambda m: store(m.group(1)), text)
        return text.split("\n")


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(HtmlBlocks(md), "sikb_html_blocks", 27)


def makeExtension(**kwargs: Any) -> HtmlBlocksExtension:
    return HtmlBlocksExtension(**kwargs)
