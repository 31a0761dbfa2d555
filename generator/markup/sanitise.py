"""A Python-Markdown extension: what contributors write reaches a page only through nh3.

Case files and hand-written pages are untrusted. Rather than guess which text the
Markdown engine will read as HTML or as a link, this extension

- turns raw HTML off: ``<tag>`` in text is text (no ``html_block`` preprocessor, no
  inline ``html`` pattern), so Markdown makes HTML only from Markdown syntax;
- shows an image from another host as a link to it, so that no page makes a reader's
  browser call a host a contributor chose (a tracking pixel);
- cleans the HTML Markdown made, with nh3 (the Rust sanitiser ammonia, which parses it
  as a browser does: entities, case and whitespace in a scheme, broken tags), against
  an allow-list of the tags, attributes, classes and URL schemes that Markdown and the
  extensions in ``mkdocs.yml`` make. Its output is what reaches the page.

It runs before Markdown puts its stashed HTML back (``raw_html``, priority 30), while
the renderer's own HTML (``html_blocks.py``) is still a placeholder
(``\\x02wzxhzdk:N\\x03``, characters Markdown deletes from every page before reading
it; nor can an entity that nh3 decodes make one: see ``Sanitise``): the renderer's HTML
is not parsed twice. Every other stash entry (fenced code, entities, anything another
extension stashed) is cleaned too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote, urlsplit
from xml.etree.ElementTree import Element

import nh3
from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from generator.markup.html_blocks import HtmlBlocks

TAGS = frozenset(
    {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre",
     "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "span", "sup", "div",
     "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "li": {"id"},
    "sup": {"id"},
    "code": {"class"},
    "div": {"class"},
    "p": {"class"},
    "th": {"style"},
    "td": {"style"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
"""Attributes per tag; ``class``, ``id`` and ``style`` values are checked further below."""
URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Besides relative URLs (``../кейс/``, ``#fn:1``), which nh3 keeps."""

# Material's admonition types and their aliases (admonition's CSS class).
_ADMONITIONS = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint",
                "important", "success", "check", "done", "question", "help", "faq",
                "warning", "caution", "attention", "failure", "fail", "missing", "danger",
                "error", "bug", "example", "quote", "cite"}  # fmt: skip
CLASSES = {
    "a": {"headerlink", "footnote-ref", "footnote-backref"},
    "div": {"admonition", "footnote", *_ADMONITIONS},
    "p": {"admonition-title"},
}
"""The classes Markdown gives each tag; fenced code's ``language-*`` besides."""
_LANGUAGE = re.compile(r"language-[\w+#.-]+")
STYLES = frozenset(f"text-align: {side};" for side in ("left", "right", "center"))
"""A table column's alignment, the only style Markdown writes."""
_ID = re.compile(r"(?!__)\S+")
"""Heading and footnote ids (``_1`` for a heading in Cyrillic); not ``__…``, the ids
of Material's own controls."""
_URLS = frozenset({"href", "src"})


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        if tag == "code":
            kept = [c for c in value.split() if _LANGUAGE.fullmatch(c)]
        else:
            kept = [c for c in value.split() if c in CLASSES.get(tag, ())]
        return " ".join(kept) or None
    if name == "id":
        return value if _ID.fullmatch(value) else None
    if name == "style":
        return value if value in STYLES else None
    if name in _URLS and not _plain(value) and any(_invisible(c) for c in value):
        # nh3 has read a path here ("java script:" has no scheme); percent-encoded, as a
        # browser would send it, no later reader can take the invisible out and find one.
        return "".join(quote(c, safe="") if _invisible(c) else c for c in value)
    return value


def _plain(value: str) -> bool:
    """Printable ASCII without a space: nothing invisible (most URLs; a quick answer)."""
    return value.isascii() and value.isprintable() and " " not in value


def _invisible(c: str) -> bool:
    return c.isspace() or unicodedata.category(c)[0] == "C"


def _cleaner(tags: frozenset[str], attributes: dict[str, set[str]]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        attributes={tag: set(names) for tag, names in attributes.items()},
        attribute_filter=_attribute,
        url_schemes=set(URL_SCHEMES),
        # No rel: no link opens a new window (no target), and internal links stay plain.
        link_rel=None,
        strip_comments=True,
    )


_CLEANER = _cleaner(TAGS, ATTRIBUTES)
# A page's own text also keeps the stand-ins for Markdown's stash placeholders.
_STAND_IN = "sikb-stash"
_PAGE_CLEANER = _cleaner(TAGS | {_STAND_IN}, {**ATTRIBUTES, _STAND_IN: {"data-s"}})
_PLACEHOLDER = re.compile(f"{util.STX}([\\w:]*){util.ETX}")
_STOOD_IN = re.compile(rf'<{_STAND_IN} data-s="([\w:]*)"></{_STAND_IN}>')


def _no_controls(text: str) -> str:
    # str.replace, not str.translate: translate is many times slower on a long page.
    return text.replace(util.STX, "").replace(util.ETX, "")


def clean(html: str) -> str:
    """``html`` with nothing left but the allow-list (and no STX or ETX)."""
    return _no_controls(_CLEANER.clean(html))


class Sanitise(Postprocessor):
    """Cleans the page and every stash entry but the renderer's.

    Markdown's placeholders (``\\x02wzxhzdk:N\\x03`` for the stash, footnotes' own)
    go through nh3 as elements of their own, which only Markdown's output can hold:
    nh3 decodes entities, and ``&#2;wzxhzdk:0&#3;`` in an attribute or a text would
    otherwise come out as a placeholder, which Markdown then fills with stashed HTML
    (inside an attribute too). Every STX and ETX left after cleaning came from such an
    entity and is deleted; STX and ETX never come from the page's source, which
    Markdown deletes them from.
    """

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self._blocks: list[Any] | None = None
        self._cleaned = 0
        """How many of ``_blocks`` (the stash of the page being made) are cleaned: the
        postprocessors also run once per heading (toc), and the stash only grows."""

    def run(self, text: str) -> str:
        try:
            trusted = self.md.preprocessors["sikb_html_blocks"]
        except KeyError:
            trusted = None
        keep = trusted.trusted if isinstance(trusted, HtmlBlocks) else set()
        stash = self.md.htmlStash
        blocks = stash.rawHtmlBlocks
        if blocks is not self._blocks:  # another page: Markdown.reset makes a new list
            self._blocks, self._cleaned = blocks, 0
        for i in range(self._cleaned, len(blocks)):
            if stash.get_placeholder(i) not in keep:
                blocks[i] = clean(str(blocks[i]))
        self._cleaned = len(blocks)
        # Markdown's own entities (a mail address, the permalink's pilcrow) as entities.
        text = text.replace(util.AMP_SUBSTITUTE, "&")
        text = _PLACEHOLDER.sub(rf'<{_STAND_IN} data-s="\1"></{_STAND_IN}>', text)
        text = _no_controls(_PAGE_CLEANER.clean(text))
        return _STOOD_IN.sub(rf"{util.STX}\1{util.ETX}", text)


class OffHostImages(Treeprocessor):
    """``![alt](https://host/x.png)`` becomes a link to the image, with ``alt`` as its
    text (inside a link, just ``alt``)."""

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for el in parent:
                if el.tag != "img":
                    continue
                src = el.get("src", "")
                parts = urlsplit(src)
                if not (parts.scheme or parts.netloc):
                    continue  # an image of the site itself
                text, title, tail = el.get("alt") or src, el.get("title"), el.tail
                el.clear()
                el.text, el.tail = text, tail
                if parent.tag == "a":
                    el.tag = "span"
                    continue
                el.tag = "a"
                el.set("href", src)
                if title:
                    el.set("title", title)


class SanitiseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Raw HTML off. md_in_html registers its own html_block: leave it out of the
        # configuration (if it were loaded later, its stash would still be cleaned).
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        # After the inline patterns (20) have made the images.
        md.treeprocessors.register(OffHostImages(md), "sikb_off_host_images", 5)
        # Before the stash goes back into the page (raw_html, 30).
        md.postprocessors.register(Sanitise(md), "sikb_sanitise", 35)


def makeExtension(**kwargs: Any) -> SanitiseExtension:
    return SanitiseExtension(**kwargs)
