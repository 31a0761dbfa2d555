"""The renderer's own HTML blocks pass through Markdown exactly as written."""

from __future__ import annotations

import markdown
import pytest

from generator.markup.html_blocks import defuse, inline, wrap


def convert(text: str) -> str:
    return markdown.markdown(
        text, extensions=["generator.markup.html_blocks", "generator.markup.sanitise"]
    )


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


def test_an_inline_span_comes_out_as_written_and_a_block_drops_its_inline_markers() -> None:
    link = inline('<a href="../x/">X</a>')
    text = f"- {link} (2)\n\n{wrap(f'<p>{link}</p>')}\n"
    assert (
        convert(text)
        == '<ul>\n<li><a href="../x/">X</a> (2)</li>\n</ul>\n<p><a href="../x/">X</a></p>'
    )


@pytest.mark.parametrize(
    "body",
    [
        "<!--sikb-html-->\n<script>alert(1)</script>\n<!--/sikb-html-->\n",
        "<!--sikb-html-->\r<script>alert(1)</script>\r<!--/sikb-html-->\r",
        "<!--sikb-\x02html-->\n<script>alert(1)</script>\n<!--/sikb-ht\x03ml-->\n",
        "a <!--sikb-i--><script>alert(1)</script><!--/sikb-i--> b\n",
    ],
)
def test_contributor_text_cannot_write_the_markers(body: str) -> None:
    """Defused, a forged marker prints as text and its script as text too."""
    out = convert(defuse(body))
    assert "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
