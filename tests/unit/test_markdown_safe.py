"""Plain text the renderer prints, and the URLs it writes into its own HTML."""

from __future__ import annotations

import pytest

from generator.markup.markdown_safe import md_text, meta_text, safe_url


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a_b?x=1#y", True),
        ("mailto:someone@example.org", True),
        ("../cases/x/", True),
        ("#context", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html;base64,xx", False),
        ("jav&#x61;script:alert(1)", False),
        ("vbscript:x", False),
        ('https://example.org/"onmouseover=alert(1)', False),
        ("../кейсы/х/#раздел", True),
        ("HTTPS://example.org/", True),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("x:y/z", False),
        ("?q=a/b:c", True),
    ],
)
def test_safe_url_keeps_only_web_mail_and_relative_links(url: str, kept: bool) -> None:
    assert (safe_url(url) == url) is kept


def test_md_text_prints_markdown_and_html_characters_as_written() -> None:
    assert md_text("a *b* _c_ [d] <e> & `f`\n g") == (
        "a &#42;b&#42; &#95;c&#95; &#91;d&#93; &lt;e&gt; &amp; &#96;f&#96; g"
    )


def test_meta_text_is_a_quoted_yaml_string_with_html_escaped() -> None:
    assert meta_text('Say "hi" <b>') == '"Say &quot;hi&quot; &lt;b&gt;"'
