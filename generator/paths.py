"""Every path and URL a build writes or links to, in one place.

Folders (``Layout``): ``build/docs/<lang>/`` (a language's Markdown tree),
``build/mkdocs/<lang>.yml`` (its config), ``site/<lang>/`` (its pages) and
``site/<lang>/pagefind/`` (its search bundle). In a language's tree: a case's page,
a term's, a list's, the explorer and the data files (``case_path``, ``DATA_CSV``, ...),
and the URL each page is served at (``page_url``). Absolute URLs: each language's root
below the site's (``language_url``). The render, engine, build and search steps ask here
instead of joining strings of their own; the browser's scripts find theirs in the page
(``data-data``, ``data-summaries``) or relative to their own file (the search bundle).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

BUILD_DIR = "build"
SITE_DIR = "site"
SITEMAP = "sitemap.xml"
"""Each language's sitemap (MkDocs'), and the site's index of them, at the site's root."""
BUNDLE = "pagefind"
"""Where the search index goes, under ``site/<lang>/``; the script finds it at ``../pagefind/``."""

CASES = "cases"
"""The folder of case pages in each language's tree (and of case files in the root)."""
DATA_CSV = "data/cases.csv"
DATA_JSON = "data/cases.json"
DATA_PACKAGE = "data/datapackage.json"
"""The Frictionless Data Package describing the files of ``data/`` (``data.datapackage``)."""
DATA_TAXONOMY = "data/taxonomy.json"
DATA_SCHEMA = "data/case.schema.json"
DATA_PAGE = "data/index.md"
"""The data page: what is there, the codebook, the licence, how to cite, the downloads."""
EXPLORER_PATH = "explorer/index.md"
EXPLORER_DATA = "explorer/data.json"
"""The explorer's compact records (``dataset.Dataset.explorer``), beside its page."""
EXPLORER_SUMMARIES = "explorer/summaries.json"
"""The cases' summaries, loaded by the explorer when first shown."""
EXPLORER_SPREADSHEET = "explorer/spreadsheet.json"
"""The spreadsheet's header and each case's row (``data.spreadsheet``), fetched by the
explorer's download only."""
FEED = "feed.xml"
"""Each language's Atom feed of new and updated cases, at its root (``data.feed``)."""


@dataclass(frozen=True)
class Layout:
    """Where things are, relative to the knowledge base root."""

    root: Path
    build: Path
    site: Path
    """Where the site is written: the site folder, or the folder beside it that a build
    writes into before it replaces the site (``publish``)."""

    @classmethod
    def at(cls, root: Path, site: Path | None = None) -> Layout:
        return cls(root, root / BUILD_DIR, site or root / SITE_DIR)

    def docs(self, lang: str) -> Path:
        """The Markdown tree of ``lang``: ``build/docs/<lang>/``."""
        return self.build / "docs" / lang

    def config(self, lang: str) -> Path:
        """The MkDocs config of ``lang``: ``build/mkdocs/<lang>.yml``."""
        return self.build / "mkdocs" / f"{lang}.yml"

    @property
    def root_page(self) -> Path:
        """``site/index.html``: sends a reader to their language (``engine.write_root``)."""
        return self.site / "index.html"

    @property
    def root_sitemap(self) -> Path:
        """``site/sitemap.xml``: the index of the languages' sitemaps."""
        return self.site / SITEMAP

    def language_site(self, lang: str) -> Path:
        """The built pages of ``lang``: ``site/<lang>/``."""
        return self.site / lang


def bundle(language_site: Path) -> Path:
    """The search bundle of a built language: ``site/<lang>/pagefind/``."""
    return language_site / BUNDLE


def language_url(site_url: str, lang: str) -> str:
    """The root URL of ``lang``: ``<site_url><lang>/`` (``site_url`` ends with a slash)."""
    return f"{site_url}{lang}/"


def other_language(lang: str) -> str:
    """The root of ``lang``, relative to another language's root: ``../<lang>/``."""
    return f"../{lang}/"


def cases_url(site_url: str, lang: str) -> str:
    """The absolute URL below which each case's page is, ``<id>/`` appended."""
    return f"{language_url(site_url, lang)}{CASES}/"


def spreadsheet_path(lang: str) -> str:
    """A language's spreadsheet for readers, in its tree: ``data/sikb-cases-<lang>.csv``
    (the language in the name, so that downloads in two languages do not collide)."""
    return f"data/sikb-cases-{lang}.csv"


def case_path(case_id: str) -> str:
    return f"{CASES}/{case_id}.md"


def original_path(case_id: str) -> str:
    """The page of a case's original where its language is no site language:
    ``cases/<id>.original.md`` (beside the case's page, so its body's links resolve; no
    case id has a dot)."""
    return f"{CASES}/{case_id}.original.md"


def redirect_page(case_id: str) -> str:
    """A retired case id's page in a language's built site, ``cases/<id>/index.html``: an
    HTML page that sends the reader to its successor (``engine``, written after the build)."""
    return f"{CASES}/{case_id}/index.html"


def case_url(site_url: str, lang: str, case_id: str) -> str:
    """A case page's permanent URL in ``lang``: ``<site_url><lang>/cases/<id>/``."""
    return f"{cases_url(site_url, lang)}{case_id}/"


def case_file(case_id: str, kind: str) -> str:
    """A file beside a case's page, in its folder: ``cases/<id>/<id>.<kind>``, where
    ``kind`` is ``json`` (the case as data), ``csl.json`` (CSL-JSON) or ``bib`` (BibTeX);
    from the page, its URL is ``<id>.<kind>`` (``relative``)."""
    return f"{CASES}/{case_id}/{case_id}.{kind}"


def feed_url(site_url: str, lang: str) -> str:
    """The absolute URL of ``lang``'s Atom feed: ``<site_url><lang>/feed.xml``."""
    return f"{language_url(site_url, lang)}{FEED}"


def case_href_pattern(here: str) -> str:
    """Every case page's URL relative to the page built from ``here``, ``{id}`` in place of
    the case's id (the explorer's script fills it in): ``../cases/{id}/``."""
    return href(case_path("{id}"), here)


def term_path(kind: str, term_id: str, page: int = 1) -> str:
    slug = term_id.lower()
    return f"{kind}/{slug}/index.md" if page == 1 else f"{kind}/{slug}/page/{page}.md"


def list_path(kind: str, page: int = 1) -> str:
    return f"{kind}/index.md" if page == 1 else f"{kind}/page/{page}.md"


def relative(path: str, page: str) -> str:
    """``path`` in a language's tree, relative to the page built from ``page``
    (``explorer/data.json`` from ``explorer/index.md``: ``data.json``)."""
    return posixpath.relpath(path, page_url(page) or ".")


def href(target: str, here: str) -> str:
    """The URL of the page built from ``target``, relative to the page built from ``here``
    (directory URLs: ``cases/x.md`` from ``countries/md/index.md`` is ``../../cases/x/``)."""
    target_url = page_url(target)
    up = up_to_root(here)
    return f"{up}{target_url}/" if target_url else (up or "./")


def file_href(path: str, here: str) -> str:
    """The URL of a file that is not a page (``data/cases.csv``), relative to ``here``."""
    return up_to_root(here) + path


def up_to_root(here: str) -> str:
    """From the page built from ``here`` up to its language's root: ``../`` per level."""
    here_url = page_url(here)
    return "../" * (here_url.count("/") + 1 if here_url else 0)


def page_url(path: str) -> str:
    """``cases/x.md`` -> ``cases/x``; ``countries/md/index.md`` -> ``countries/md``."""
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")].rstrip("/")
    return path[: -len(".md")]
