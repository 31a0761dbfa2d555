"""A Python-Markdown extension: HTML blocks the renderer made go through unread.

Python-Markdown finds raw HTML by running an HTML parser over the whole page; for a
generated page that parse was most of its build time. The renderer writes the HTML it
made itself between a ``<!--sikb-html-->`` line and a ``<!--/sikb-html-->`` line, and
this extension puts each such block into Markdown's own HTML stash before that parser
runs, so the block comes out exactly as written, as a raw HTML block would.

Contributor text can never hold the markers: every ``<`` in a case body becomes an
entity (``markdown_safe.py``). Without this extension (another engine) the markers
are HTML comments and the page reads the same.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

START = "<!--sikb-html-->"
END = "<!--/sikb-html-->"
_BLOCK = re.compile(rf"^{START}\n(.*?)\n{END}$", re.MULTILINE | re.DOTALL)


def wrap(html: str) -> str:
    """``html`` as one block that Markdown passes through as it is; nothing for nothing."""
    html = html.strip()
    return f"{START}\n{html}\n{END}" if html else ""


class HtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines

        def stash(m: re.Match[str]) -> str:
            return f"\n\n{self.md.htmlStash.store(m.group(1))}\n\n"

        return _BLOCK.sub(stash, text).split("\n")


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before raw HTML is parsed (20).
        md.preprocessors.register(HtmlBlocks(md), "sikb_html_blocks", 25)


def makeExtension(**kwargs: Any) -> HtmlBlocksExtension:
    return HtmlBlocksExtension(**kwargs)
