"""Contributor Markdown as the browser gets it: raw HTML off, then nh3 (sanitise.py)."""

from __future__ import annotations

import markdown
import pytest
import yaml

from generator import markup
from generator.markup.html_blocks import defuse, inline, wrap
from generator.markup.sanitise import clean
from tests.conftest import REPO
from tests.htmlsafety import hazards

# The extensions of mkdocs.yml, with MkDocs' own (toc, tables, fenced_code).
EXTENSIONS = [*markup.EXTENSIONS, "generator.markup.html_blocks", "generator.markup.sanitise"]


def convert(text: str, *, contributor: bool = True) -> str:
    """``text`` as a page; contributor text is defused first, as the renderer does."""
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": markup.TOC})
    return md.convert(defuse(text) if contributor else text)


def test_a_footnote_in_cyrillic_is_a_footnote_not_a_heading() -> None:
    out = convert("Текст[^1].\n\n[^1]: Иванов И. Доклад, 2019.\n")
    assert out == (
        '<p>Текст<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>\n'
        '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1">\n'
        "<p>Иванов И. Доклад, 2019.&#160;"
        '<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">'
        "&#8617;</a></p>\n</li>\n</ol>\n</div>"
    )


def test_a_table_keeps_its_column_alignment() -> None:
    out = convert("| a | б |\n|:--|--:|\n| 1 | 2 |\n")
    assert out == (
        "<table>\n<thead>\n<tr>\n"
        '<th style="text-align: left;">a</th>\n<th style="text-align: right;">б</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td style="text-align: left;">1</td>\n<td style="text-align: right;">2</td>\n'
        "</tr>\n</tbody>\n</table>"
    )


def test_emphasis_code_and_a_heading_with_its_permalink() -> None:
    out = convert("## Контекст\n\n*а* **б** `<script>` и\n\n```python\nif a < b: pass\n```\n")
    assert out == (
        '<h2 id="_1">Контекст<a class="headerlink" href="#_1" '
        'title="Permanent link">¶</a></h2>\n'
        "<p><em>а</em> <strong>б</strong> <code>&lt;script&gt;</code> и</p>\n"
        '<pre><code class="language-python">if a &lt; b: pass\n</code></pre>'
    )


def test_links_with_cyrillic_paths_and_anchors_are_kept() -> None:
    out = convert("[кейс](../кейсы/львов/#контекст), [web](https://example.org/a?b=1&c=2), "
                  "<https://example.org/auto>, [mail](mailto:a@example.org)")  # fmt: skip
    assert out == (
        '<p><a href="../кейсы/львов/#контекст">кейс</a>, '
        '<a href="https://example.org/a?b=1&amp;c=2">web</a>, '
        '<a href="https://example.org/auto">https://example.org/auto</a>, '
        '<a href="mailto:a@example.org">mail</a></p>'
    )


def test_definition_list_blockquote_admonition_and_image() -> None:
    out = convert(
        'Термин\n:   Определение\n\n> цитата\n\n!!! note "Заметка"\n    текст\n\n'
        '![схема](../img/схема.png "Схема")\n'
    )
    assert out == (
        "<dl>\n<dt>Термин</dt>\n<dd>Определение</dd>\n</dl>\n"
        "<blockquote>\n<p>цитата</p>\n</blockquote>\n"
        '<div class="admonition note">\n<p class="admonition-title">Заметка</p>\n'
        "<p>текст</p>\n</div>\n"
        '<p><img alt="схема" src="../img/схема.png" title="Схема"></p>'
    )


def test_tags_in_text_print_as_text() -> None:
    assert convert(
        "<b>x</b> <img src=x onerror=alert(1)>\n\n<div>\n<script>y</script>\n</div>"
    ) == (
        "<p>&lt;b&gt;x&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n"
        "<p>&lt;div&gt;\n&lt;script&gt;y&lt;/script&gt;\n&lt;/div&gt;</p>"
    )


@pytest.mark.parametrize(
    "text",
    [
        "[x]:\n  javascript:alert(1)\n\n[a][x]",
        "> [x]:\n> javascript:alert(1)\n\n> [a][x]",
        "- [x]:\n  javascript:alert(1)\n\n  [a][x]",
        "[]:\njavascript:alert(1)\n\n[a][]",
        "[x]:\r  javascript:alert(1)\r\r[a][x]",
        "[a](JaVaScRiPt:alert(1))",
        "[a](jav&#x61;script:alert(1))",
        "[a](&#106;avascript:alert(1))",
        "[a](&#0000106avascript:alert(1))",
        "[a](java&#9;script:alert(1))",
        "[a](<java\tscript:alert(1)>)",
        "[a](vbscript:msgbox(1))",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "![a](javascript:alert(1))",
        "<javascript:alert(1)>",
    ],
)
def test_no_script_url_survives(text: str) -> None:
    """Whatever the disguise, no link or image leads to script (the link text stays)."""
    out = convert(text)
    assert hazards(out) == ([], [])
    assert "a" in out


def test_a_null_character_cannot_smuggle_a_tag() -> None:
    assert "<img" not in convert("a\x00<img src=x onerror=alert(1)>\x00b")


def test_a_link_title_cannot_add_an_attribute() -> None:
    out = convert('[a](http://x "\\"onmouseover=alert(1) x=\\"")')
    assert out == '<p><a href="http://x" title="\\&quot;onmouseover=alert(1) x=\\&quot;">a</a></p>'


def test_classes_and_ids_are_only_those_markdown_gives() -> None:
    out = convert("!!! danger md-header\n    x\n\n# __search\n")
    assert out == (
        '<div class="admonition danger">\n<p class="admonition-title">Danger</p>\n'
        "<p>x</p>\n</div>\n"
        '<h1>__search<a class="headerlink" href="#__search" title="Permanent link">¶</a></h1>'
    )


def test_a_heading_s_table_of_contents_entry_is_text() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.convert("## <img src=x onerror=alert(1)> &lt;b&gt;\n")
    assert [t["name"] for t in md.toc_tokens] == [  # type: ignore[attr-defined]
        "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;"
    ]


def test_the_renderer_s_html_is_kept_and_only_it() -> None:
    trusted = '<div class="sikb-x" data-pagefind-ignore onclick="ours()">'
    link = inline('<a href="../x/">X</a>')
    text = f"{wrap(trusted)}\n\n## {link}\n\nТекст\n\n{wrap('</div>')}\n"
    assert convert(text, contributor=False) == (
        f'{trusted}\n<h2 id="x"><a href="../x/">X</a><a class="headerlink" href="#x" '
        'title="Permanent link">¶</a></h2>\n<p>Текст</p>\n</div>'
    )


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<svg onload=alert(1)><circle/></svg>", ""),
        ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ""),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<iframe src=https://x></iframe><object data=x></object><embed src=x>", ""),
        ("<form action=https://x><input formaction=javascript:alert(1)></form>", ""),
        ('<base href="https://evil/"><meta http-equiv="refresh" content="0;url=x">', ""),
        ("<style>*{}</style><link rel=stylesheet href=x>", ""),
        ('<a href="javascript&colon;alert(1)">x</a>', "<a>x</a>"),
        ('<a href=" &#x6A;avascript:alert(1)">x</a>', "<a>x</a>"),
    ],
)
def test_the_allow_list_drops_what_markdown_never_makes(html: str, kept: str) -> None:
    """HTML that only another extension could make still meets the allow-list."""
    assert clean(html) == kept


@pytest.mark.parametrize(
    "text",
    [
        '&quot; [a](https://x "&#2;wzxhzdk:0&#3; onmouseover=alert(1) x")',
        "&quot; ![&#2;wzxhzdk:0&#3; onerror=alert(1) x](https://x)",
        '!!! note "&#x02;wzxhzdk:0&#x03;"\n    x',
        "&quot; &#2;wzxhzdk:0&#3; &#0002;wzxhzdk:0&#0003",
    ],
)
def test_an_entity_cannot_forge_a_placeholder_of_markdown_s_stash(text: str) -> None:
    """nh3 decodes ``&#2;``: the STX and ETX it gives are deleted, so Markdown never
    fills a forged placeholder with stashed HTML (here a quote, ending an attribute)."""
    out = convert(text)
    assert hazards(out) == ([], [])
    assert "\x02" not in out
    assert '"' not in out.replace('="', "").replace('" ', "").replace('">', "")


def test_markdown_s_own_placeholders_still_work() -> None:
    """Footnote back-links, a mail address, code fences and entities come out whole."""
    out = convert("x[^1] <a@example.org> &amp; &copy;\n\n```\n<b>\n```\n\n[^1]: y\n")
    assert out == (
        '<p>x<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> '
        '<a href="mailto:a@example.org">a@example.org</a> &amp; ©</p>\n'
        "<pre><code>&lt;b&gt;\n</code></pre>\n"
        '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1">\n<p>y&#160;'
        '<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">'
        "&#8617;</a></p>\n</li>\n</ol>\n</div>"
    )


def test_mkdocs_yml_runs_the_sanitiser_with_the_extensions_its_allow_list_knows() -> None:
    """A new Markdown extension makes new HTML: the allow-list must be looked at first."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names == [
        "toc",
        "tables",
        "admonition",
        "def_list",
        "footnotes",
        "generator.markup.html_blocks",
        "generator.markup.sanitise",
    ]


def test_an_image_from_another_host_is_a_link_to_it_not_a_request() -> None:
    """A reader's browser never calls a host a contributor chose (a tracking pixel)."""
    out = convert(
        'a ![план](https://example.org/p.png "Plan") b ![](//example.org/y.gif) '
        "c ![ok](../img/a.png) [![in](http://example.org/x.png) z](https://example.org/)"
    )
    assert out == (
        '<p>a <a href="https://example.org/p.png" title="Plan">план</a> b '
        '<a href="//example.org/y.gif">//example.org/y.gif</a> c '
        '<img alt="ok" src="../img/a.png"> '
        '<a href="https://example.org/"><span>in</span> z</a></p>'
    )
