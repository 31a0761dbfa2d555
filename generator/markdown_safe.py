"""Contributor text made safe to hand to a Markdown engine.

Case files are untrusted: no tag, script or event handler in a case may reach a
built page. Rather than guess which ``<`` the engine will read as HTML (code spans
and fences are easy to fake), every ``<`` in a body becomes an entity, and every
link destination that is not http(s), mailto or a plain relative path becomes
``#``. Plain-text fields (titles, summaries, notes) are also escaped for Markdown,
so that they print exactly as written.
"""

from __future__ import annotations

import re
from html import escape

_AUTOLINK = re.compile(r"<(https?://[^\s<>\"'`]+)>")
_INLINE_DEST = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_REF_DEF = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_SAFE_SCHEME = re.compile(r"(https?://|mailto:)", re.IGNORECASE)
_RELATIVE = re.compile(r"[A-Za-z0-9_./#?=%-]*")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def safe_url(url: str) -> str:
    """``url`` if it is http(s), mailto or a plain relative path; otherwise ``#``."""
    if _SAFE_SCHEME.match(url) and not re.search(r"[\s\"'<>`\\]", url):
        return url
    head = url.split("/", 1)[0]
    if _RELATIVE.fullmatch(url) and ":" not in head:
        return url
    return "#"


def _dest(m: re.Match[str]) -> str:
    dest = m.group(2)
    inner = dest[1:-1] if dest.startswith("<") else dest
    return m.group(1) + safe_url(inner)


def safe_body(text: str) -> str:
    """A case body with no raw HTML and no script-capable link."""
    text = _INLINE_DEST.sub(_dest, text)
    text = _REF_DEF.sub(_dest, text)
    placeholder = "\x00"
    text = _AUTOLINK.sub(lambda m: f"{placeholder}{m.group(1)}{placeholder}", text)
    text = text.replace("<", "&lt;")
    return re.sub(f"{placeholder}(.*?){placeholder}", r"<\1>", text)


def md_text(text: str) -> str:
    """Plain text as one line that prints exactly as written, in Markdown or in HTML.

    HTML-escaped, and Markdown's punctuation as numeric entities, which both read
    as the character itself: the same text is safe in a raw HTML block and in prose.
    """
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", escape(one_line))


def meta_text(text: str) -> str:
    """Plain text for a YAML front-matter value that the theme writes raw into <title>."""
    one_line = " ".join(text.split())
    return '"' + escape(one_line).replace("\\", "\\\\").replace('"', "&quot;") + '"'
