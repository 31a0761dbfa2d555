"""Plain text printed exactly as written, in Markdown or in HTML; URLs the renderer writes.

Contributor Markdown (case bodies, hand-written pages) is not touched here: it is
rendered with raw HTML off and the result is cleaned by nh3 (``sanitise.py``). What
this module serves is the renderer's own output: plain-text fields (titles,
summaries, notes) escaped so that they print as written, and the URLs it writes into
its own HTML (a source's address, the edit link), which ``sanitise.py`` does not see.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_url(url: str) -> str:
    """``url`` if it is http(s), mailto or relative; otherwise ``#``.

    A browser ignores tabs and newlines in a URL and control characters around it, so
    a URL with any space or control character is refused outright, as is one with a
    character that could end an attribute. The caller HTML-escapes what is kept, so
    an entity in ``url`` stays text (``&#106;`` is never a ``j``).
    """
    if any(c <= " " or c in "\"'<>`\\\x7f" for c in url):
        return "#"
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        return "#"
    if scheme:
        return url if scheme.lower() in _SCHEMES else "#"
    # No scheme: relative; a colon before the first slash is refused, whatever follows.
    return "#" if ":" in url.split("/", 1)[0] else url


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
