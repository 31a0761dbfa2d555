"""The site's own words in every language: gettext catalogs read through Babel.

English is the source language: the templates are written in it and it needs no
catalog. Every other site language has ``generator/i18n/locales/<lang>/LC_MESSAGES/messages.po``
(edit it with any gettext tool). ``messages.pot`` is extracted from the templates
and the Python code (``sikb i18n --update``), so a string cannot be forgotten:
``sikb i18n`` lists every msgid a catalog lacks, and the tests fail on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations

PACKAGE = Path(__file__).parent.parent
"""The package whose templates and code are searched for strings (``generator/``)."""
LOCALES = Path(__file__).parent / "locales"
TEMPLATE = LOCALES / "messages.pot"
SOURCE_LANGUAGE = "en"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "Nn_": (1, 2)}
METHODS = [("render/templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"render/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}


def N_(message: str) -> str:
    """Mark a string for extraction where it is translated later (no lookup here)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural for extraction where it is translated later (``ngettext``)."""
    return singular, plural


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog of ``lang`` (English and a missing catalog give the msgids)."""
    path = po_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buf = BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(buf)


def extract() -> Catalog:
    """Every translatable string in the templates and the code, with where it is used."""
    catalog = Catalog(project="SIKB", fuzzy=False)
    found = extract_from_dir(
        PACKAGE, METHODS, keywords=KEYWORDS, options_map=OPTIONS, strip_comment_tags=True
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(str(Path("generator") / filename), lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def update(languages: tuple[str, ...]) -> list[Path]:
    """Rewrite messages.pot and merge it into each language's catalog (keeps translations)."""
    template = extract()
    written = [TEMPLATE]
    LOCALES.mkdir(exist_ok=True)
    with TEMPLATE.open("wb") as f:
        write_po(f, template, omit_header=False, sort_output=True)
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        path = po_path(lang)
        if path.is_file():
            with path.open("rb") as f:
                catalog = read_po(f, locale=lang)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, project="SIKB")
        catalog.update(template, no_fuzzy_matching=True)
        with path.open("wb") as f:
            write_po(f, catalog, sort_output=True, ignore_obsolete=True)
        written.append(path)
    translations.cache_clear()
    return written


@dataclass(frozen=True)
class Coverage:
    language: str
    total: int
    missing: tuple[str, ...]
    """msgids with no translation (or a fuzzy one) in the language's catalog."""
    has_catalog: bool


def coverage(lang: str) -> Coverage:
    """Which of the interface strings ``lang`` translates."""
    wanted = [m for m in extract() if m.id]
    if lang == SOURCE_LANGUAGE:
        return Coverage(lang, len(wanted), (), True)
    path = po_path(lang)
    if not path.is_file():
        return Coverage(lang, len(wanted), tuple(_key(m.id) for m in wanted), False)
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    missing = []
    for m in wanted:
        have = catalog.get(m.id, context=m.context)
        string = None if have is None else have.string
        forms = [string] if isinstance(string, str) else list(string or ())
        if have is None or have.fuzzy or not forms or not all(forms):
            missing.append(_key(m.id))
    return Coverage(lang, len(wanted), tuple(missing), True)


def _key(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]
