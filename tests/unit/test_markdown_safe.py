"""Contributor text reaching the Markdown engine: tags become text, unsafe links go."""

from __future__ import annotations

import pytest

from generator.markdown_safe import md_text, meta_text, safe_body, safe_url


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
    ],
)
def test_safe_url_keeps_only_web_mail_and_relative_links(url: str, kept: bool) -> None:
    assert (safe_url(url) == url) is kept


def test_safe_body_turns_tags_into_text_and_drops_script_links() -> None:
    body = (
        "<script>x</script> [a](javascript:alert(1)) [b](<data:x>) <https://ok.example/>"
        "\n\n[r]: vbscript:x\n"
    )
    assert safe_body(body) == (
        "&lt;script>x&lt;/script> [a](#) [b](#) <https://ok.example/>\n\n[r]: #\n"
    )


def test_md_text_prints_markdown_and_html_characters_as_written() -> None:
    assert md_text("a *b* _c_ [d] <e> & `f`\n g") == (
        "a &#42;b&#42; &#95;c&#95; &#91;d&#93; &lt;e&gt; &amp; &#96;f&#96; g"
    )


def test_meta_text_is_a_quoted_yaml_string_with_html_escaped() -> None:
    assert meta_text('Say "hi" <b>') == '"Say &quot;hi&quot; &lt;b&gt;"'
