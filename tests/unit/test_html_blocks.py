"""The renderer's own HTML blocks pass through Markdown exactly as written."""

from __future__ import annotations

import markdown

from generator.html_blocks import wrap
from generator.markdown_safe import safe_body


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["generator.html_blocks", "md_in_html"])


def test_a_marked_block_comes_out_as_written_and_the_rest_is_markdown() -> None:
    html = '<div class="facts"><dl>\n<dt>*Not* emphasis</dt>\n\n<dd>a &amp; b</dd>\n</dl></div>'
    text = f"# Title\n\n{wrap(html)}\n\nSome *prose*.\n\n{wrap('<p>two</p>')}\n"
    assert convert(text) == (f"<h1>Title</h1>\n{html}\n<p>Some <em>prose</em>.</p>\n<p>two</p>")


def test_markdown_between_an_opening_and_a_closing_block_is_converted() -> None:
    opening, closing = wrap('<div class="body">'), wrap("</div>")
    text = f"{opening}\n\n## Context\n\nWords.\n\n{closing}\n"
    assert convert(text) == '<div class="body">\n<h2>Context</h2>\n<p>Words.</p>\n</div>'


def test_nothing_to_wrap_is_nothing() -> None:
    assert wrap("  \n") == ""


def test_a_case_body_cannot_write_the_markers() -> None:
    body = safe_body("<!--sikb-html-->\n<script>alert(1)</script>\n<!--/sikb-html-->\n")
    out = convert(body)
    assert "<script" not in out
    assert "&lt;script&gt;" in out or "&lt;script>" in out
