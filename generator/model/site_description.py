"""What an engine gets to build one language's site: an engine-neutral description.

The build (``generator.build.pipeline``) makes one per language with
``generator.render.describe``; the engine's adapter (``generator.engine``) turns it into
its own configuration and imports nothing from render or search. Plain data: texts
already translated into the language, paths as the engine should write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NavItem:
    """One entry of the navigation: a page (``path``) or a section (``children``)."""

    title: str
    """In the page's language."""
    path: str = ""
    """The page, relative to the docs folder; empty for a section."""
    children: tuple[NavItem, ...] = ()


@dataclass(frozen=True)
class Alternate:
    """One language of the site, for the language switcher and the head's alternates."""

    name: str
    """The language's name in itself (its autonym)."""
    link: str
    """The language's home, relative to this language's site (``../ru/``)."""
    lang: str
    """Its code (``ru``)."""


@dataclass(frozen=True)
class SearchFilter:
    name: str
    label: str
    all: str
    """The option that filters nothing."""


@dataclass(frozen=True)
class SearchBox:
    """The search box's texts in the page's language (the theme's search override)."""

    filters_label: str
    error: str
    too_common: str
    """Told when a query has only words too common to search alone."""
    common: tuple[str, ...]
    """Those words, in this language."""
    filters: tuple[SearchFilter, ...]


@dataclass(frozen=True)
class Licence:
    """A licence every page names in its footer, in the page's language."""

    covers: str
    """What it covers (``Content and data``)."""
    name: str
    """Its short name (``CC BY 4.0``)."""
    url: str
    """Its text or summary, in the page's language where there is one (an https URL)."""


@dataclass(frozen=True)
class Feed:
    """The language's Atom feed, linked from every page's head."""

    path: str
    """Relative to the language's site (``feed.xml``)."""
    title: str


@dataclass(frozen=True)
class NotFound:
    """The page for an address the site does not have, in the page's language."""

    title: str
    text: str
    """What happened and what the reader can do."""
    home: str
    """The link to the language's home page."""
    search: str
    """The button that opens the search."""


@dataclass(frozen=True)
class SiteDescription:
    """One language's site, as any engine needs it."""

    language: str
    site_name: str
    site_url: str
    """This language's site (``<root>/<lang>/``), or empty when no URL is set."""
    root_url: str
    """The whole site's URL (all languages), or empty."""
    docs: Path
    """The folder of Markdown the renderer wrote for this language."""
    nav: tuple[NavItem, ...]
    alternates: tuple[Alternate, ...]
    """Every language of the site, this one included, in the site's order."""
    search: SearchBox
    licences: tuple[Licence, ...] = ()
    """The licences of the site's content and code, for every page's footer."""
    feed: Feed | None = None
    locale: str = ""
    """The language with its likeliest territory (``ru_RU``), as OpenGraph's ``og:locale``."""
    not_found: NotFound | None = None
    palette: tuple[tuple[str, str], ...] = ()
    """The colour scheme toggle's words for switching to each scheme: ``("dark", "Switch to
    dark mode")``, ``("light", ...)``."""
    credit: str = ""
    """The footer's credit to the tool that built the site, ``%(tool)s`` where the engine
    puts its name (``Made with %(tool)s``)."""
    render_once: bool = True
    """Let the engine render what every page shares (navigation, search box) once per
    build, if it can (MkDocs: ``mkdocs_hooks.py``); an optimisation only, the site built
    without it is the same (tests/e2e/test_engine.py)."""
