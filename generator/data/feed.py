"""Each language's Atom feed (RFC 4287) of new and updated cases: the latest ``LIMIT``.

Written with ``xml.etree``, which escapes every text and attribute. An entry's id is
its page's permanent URL (``paths.case_url``), which no rebuild changes; its
``updated`` is the case's last update; its title and summary are the page's, in the
language the page shows them in (``xml:lang``), a translation's where there is one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LIMIT = 50
NO_DATE = "1970-01-01"
"""A feed of no case is as old as can be: ``updated`` is required."""


@dataclass(frozen=True)
class Entry:
    url: str
    """The page's permanent URL: the entry's id and link."""
    title: str
    summary: str
    updated: str
    """``YYYY-MM-DD``."""
    lang: str
    """The language of the title and summary."""


@dataclass(frozen=True)
class Feed:
    title: str
    lang: str
    url: str
    """The feed's own URL (its id and its ``self`` link)."""
    home: str
    """The language's home page."""
    author: str


def latest(entries: Iterable[Entry], limit: int = LIMIT) -> list[Entry]:
    """The ``limit`` most recently updated entries, newest first, then by URL."""
    ordered = sorted(entries, key=lambda e: e.url)
    return sorted(ordered, key=lambda e: e.updated, reverse=True)[:limit]


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrib)
    el.text = text
    return el


def atom(feed: Feed, entries: Iterable[Entry]) -> str:
    """The feed of ``entries`` (the latest ``LIMIT`` of them), as UTF-8 XML text."""
    chosen = latest(entries)
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: feed.lang})
    _sub(root, "id", feed.url)
    _sub(root, "title", feed.title)
    _sub(root, "updated", _timestamp(chosen[0].updated if chosen else NO_DATE))
    _sub(root, "link", rel="self", type="application/atom+xml", href=feed.url)
    _sub(root, "link", rel="alternate", type="text/html", href=feed.home)
    _sub(_sub(root, "author"), "name", feed.author)
    _sub(root, "generator", "sikb")
    for e in chosen:
        entry = _sub(root, "entry", **{XML_LANG: e.lang})
        _sub(entry, "id", e.url)
        _sub(entry, "title", e.title)
        _sub(entry, "updated", _timestamp(e.updated))
        _sub(entry, "link", rel="alternate", type="text/html", href=e.url)
        _sub(entry, "summary", e.summary)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
