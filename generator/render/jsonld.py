"""A case page's schema.org description (JSON-LD), the data page's, and JSON made safe
inside ``<script>``.

An ``Article`` about the initiative: its language (``inLanguage``), last update
(``dateModified``), countries (``spatialCoverage``), sources (``isBasedOn``) and the
other language versions: an original page names its translations
(``workTranslation``), a translation the original (``translationOfWork``). The theme
prints it in the page's head (``engine/overrides/main.html``, front matter
``sikb_jsonld``), where HTML does not read a script's text as markup but looks for
``</script``: ``script_json`` writes ``<``, ``>`` and ``&`` as ``\\u003c`` and so on,
which JSON reads as the same characters.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from generator.data import datapackage
from generator.data.citation import author
from generator.i18n.labels import Labels
from generator.markup.markdown_safe import safe_url
from generator.model.collection import Case, Collection
from generator.model.views import CaseText, State
from generator.paths import case_url, language_url

CONTEXT = "https://schema.org"
LICENCE = datapackage.LICENCE["path"]
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                "\u2029": "\\u2029"}  # fmt: skip


def script_json(data: Any) -> str:
    """``data`` as JSON that no text in it can end or escape a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return text


def front_matter(data: Any) -> Markup:
    """``data`` as a page's front matter holds it: ``script_json`` as a YAML double-quoted
    value (JSON's strings are YAML's)."""
    return Markup(json.dumps(script_json(data), ensure_ascii=False))


def _version(site_url: str, lang: str, case_id: str) -> dict[str, str]:
    url = case_url(site_url, lang, case_id)
    return {"@type": "Article", "@id": url, "url": url, "inLanguage": lang}


def _translations(
    collection: Collection, case: Case, text: CaseText, site_url: str
) -> dict[str, Any]:
    """``workTranslation`` on the original's page, ``translationOfWork`` on a page showing a
    translation (its own language's, or the default language's where it has none)."""
    original = case.meta.language
    languages = collection.taxonomy.languages
    if text.shown != original and original in languages:
        return {"translationOfWork": _version(site_url, original, case.id)}
    if text.state is State.ORIGINAL:
        found = collection.translations.get(case.id, {})
        versions = [_version(site_url, lang, case.id) for lang in languages if lang in found]
        return {"workTranslation": versions} if versions else {}
    return {}


def _organisation(lang: str, site_url: str) -> dict[str, str]:
    """The knowledge base in ``lang``: author and publisher of its pages and data."""
    return {"@type": "Organization", "name": author(lang), "url": language_url(site_url, lang)}


def _source(source: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "CreativeWork", "inLanguage": source.language}
    if source.title:
        item["name"] = source.title
    else:  # an untitled document: what it is, not a title
        item["description"] = source.description
    if source.author:
        item["author"] = source.author
    if source.publisher:
        item["publisher"] = source.publisher
    if source.date:
        item["datePublished"] = source.date
    if source.url and safe_url(source.url) == source.url:
        item["url"] = source.url
    return item


def article(
    collection: Collection, text: CaseText, labels: Labels, site_url: str
) -> dict[str, Any]:
    """The case's page in ``text.lang`` as a schema.org ``Article``."""
    case, lang = text.case, text.lang
    url = case_url(site_url, lang, case.id)
    kb = _organisation(lang, site_url)
    return {
        "@context": CONTEXT,
        "@type": "Article",
        "@id": url,
        "url": url,
        "headline": text.title,
        "name": text.title,
        "description": text.summary,
        "inLanguage": text.shown,
        "dateModified": case.meta.updated,
        "author": kb,
        "publisher": kb,
        "license": LICENCE,
        "isPartOf": {"@type": "WebSite", "name": author(lang), "url": kb["url"]},
        "about": {"@type": "Project", "name": text.title, "description": text.summary},
        "spatialCoverage": [
            {"@type": "Country", "name": labels.label("countries", c), "identifier": c}
            for c in case.meta.countries
        ],
        "isBasedOn": [_source(s) for s in case.meta.sources],
        **_translations(collection, case, text, site_url),
    }


def dataset(
    lang: str, site_url: str, page: str, about: tuple[str, str], files: Mapping[str, str]
) -> dict[str, Any]:
    """The data page in ``lang`` (absolute URL ``page``) as a schema.org ``Dataset``:
    ``about`` its name and description, ``files`` each file's URL by its media type."""
    kb = _organisation(lang, site_url)
    return {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": page,
        "url": page,
        "name": about[0],
        "description": about[1],
        "inLanguage": lang,
        "creator": kb,
        "publisher": kb,
        "license": LICENCE,
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "contentUrl": url, "encodingFormat": media}
            for url, media in files.items()
        ],
    }
