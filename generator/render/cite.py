"""What a case page offers to cite it and follow the collection, in one language.

For each case: "Cite this case" (the reference in the page's language, BibTeX shown and
offered as a download from the page itself, a CSL-JSON download), the case as JSON, and the
page's JSON-LD; the two files beside the page (``paths.case_file``) are ``case_files``,
which the build writes straight into the built language (``site.write_case_files``), not
through the engine's docs folder. For the language: the Atom feed of the latest cases
(``paths.FEED``). The formats are ``data.citation`` and ``data.feed``'s.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from generator.data import citation, datapackage, feed
from generator.data.citation import Work
from generator.i18n.catalogs import N_, translations
from generator.i18n.labels import Labels
from generator.markup.markdown_safe import safe_url
from generator.model.collection import Collection
from generator.model.views import CaseText
from generator.paths import case_file, case_path, case_url, feed_url, language_url, relative
from generator.render.jsonld import article, front_matter

FEED_TITLE = N_("New and updated cases")
KINDS = ("json", "csl.json", "bib")
"""The files beside a case's page (``case_files``), written straight into the built language:
a ``data:`` link instead of the ``.bib`` file would be a URL the hostile-page checks refuse
and the old ``<id>.bib`` addresses would break."""


@dataclass(frozen=True)
class CaseCitation:
    """What the case template shows."""

    reference: Markup
    bibtex: Markup
    links: Mapping[str, str]
    """Each file's URL from the page, by kind (``json``, ``csl.json``, ``bib``)."""
    jsonld: Markup
    """The JSON-LD as a YAML double-quoted value for the page's front matter."""


def work(text: CaseText, site_url: str) -> Work:
    case = text.case
    return Work(
        case.id, text.lang, text.shown, text.title, text.summary,
        case_url(site_url, text.lang, case.id), case.meta.updated,
    )  # fmt: skip


def case_json(text: CaseText, record: Mapping[str, Any]) -> str:
    """The case as data: its record in the data files (``Dataset.record``), its sources."""
    sources = [
        {k: v for k, v in s.model_dump().items() if v is not None} for s in text.case.meta.sources
    ]
    for s in sources:
        if "url" in s and safe_url(s["url"]) != s["url"]:
            del s["url"]
    data = {**record, "sources": sources, "license": datapackage.LICENCE["name"]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def for_case(collection: Collection, text: CaseText, labels: Labels, site_url: str) -> CaseCitation:
    """What the page of ``text`` shows to cite it."""
    w = work(text, site_url)
    page = case_path(text.case.id)
    return CaseCitation(
        reference=Markup(citation.reference_html(w)),
        bibtex=Markup(escape(citation.bibtex(w))),
        links={kind: relative(case_file(text.case.id, kind), page) for kind in KINDS},
        jsonld=front_matter(article(collection, text, labels, site_url)),
    )


def case_files(text: CaseText, record: Mapping[str, Any], site_url: str) -> dict[str, str]:
    """The files beside the page of ``text``, by their path in the language's site: the
    case as JSON (``record``: ``Dataset.record``), its CSL-JSON and its BibTeX."""
    cid = text.case.id
    w = work(text, site_url)
    return {
        case_file(cid, "json"): case_json(text, record),
        case_file(cid, "csl.json"): citation.csl_json(w),
        case_file(cid, "bib"): citation.bibtex(w),
    }


def feed_text(texts: Mapping[str, CaseText], lang: str, site_url: str) -> str:
    """The Atom feed of ``lang``: the latest cases, each as its page in ``lang`` shows it."""
    _ = translations(lang).ugettext
    about = feed.Feed(
        title=f"{citation.author(lang)}: {_(FEED_TITLE)}",
        lang=lang,
        url=feed_url(site_url, lang),
        home=language_url(site_url, lang),
        author=citation.author(lang),
    )
    entries = (
        feed.Entry(
            case_url(site_url, lang, t.case.id), t.title, t.summary, t.case.meta.updated, t.shown
        )
        for t in texts.values()
    )
    return feed.atom(about, entries)
