"""How to cite a case: a reference in the page's language, BibTeX and CSL-JSON.

The knowledge base is the author, the case's title the title, its page's permanent URL
(``paths.case_url``) the address and its last update the date. The date of access is
the reader's: the reference on the page leaves a place for it, which the page's script
(``render/assets/sikb-cite.js``) fills with today's date, and the files leave it out, so
that a build today and a build in a year of the same cases give the same files (a
reference manager records the date it imports one).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape

from babel.core import Locale
from babel.dates import format_date

from generator.i18n.catalogs import N_, translations

SITE_NAME = N_("SIKB — Social Innovation Knowledge Base")
"""The site's name, and the author of every reference to a case."""
REFERENCE = N_(
    "%(author)s. %(title)s [online]. Last updated %(updated)s. "
    "Available at: %(url)s (accessed %(accessed)s)."
)
# Translators: the placeholder for the date of access, shown until the page's script
# writes today's date in its place (and instead of it without JavaScript).
ACCESS_DATE = N_("[date]")
# Translators: how a reference writes its dates: "long" (March 5, 2024) or "numeric"
# (05.03.2024, as GOST and DSTU references do). Write one of the two words, untranslated.
DATE_STYLE = N_("long")
STYLES = ("long", "numeric")


@dataclass(frozen=True)
class Work:
    """A case's page, as a reference names it."""

    case_id: str
    lang: str
    """The page's language: the reference's words and dates."""
    text_language: str
    """The language of the title and summary shown (the original's on a page not yet
    translated)."""
    title: str
    summary: str
    url: str
    """The page's permanent URL."""
    updated: str
    """The case's last update, ``YYYY-MM-DD``."""


def date_style(lang: str) -> str:
    """``long`` or ``numeric``, as the catalog of ``lang`` says."""
    style = translations(lang).ugettext(DATE_STYLE)
    return style if style in STYLES else "long"


@cache  # Babel's formatting is slow, and cases share their days of update
def format_day(day: str, lang: str) -> str:
    """``2024-03-05`` as a reference in ``lang`` writes it."""
    when = dt.date.fromisoformat(day)
    if date_style(lang) == "numeric":
        return str(format_date(when, "dd.MM.yyyy", locale=lang))
    return str(format_date(when, "long", locale=lang))


def author(lang: str) -> str:
    return translations(lang).ugettext(SITE_NAME)


def reference_html(work: Work) -> str:
    """The reference as HTML: every value escaped, the title in ``<cite>``, the URL a
    link, the date of access a ``<time class="sikb-accessed">`` holding its placeholder."""
    tr = translations(work.lang)
    url = escape(work.url)
    accessed = (
        f'<time class="sikb-accessed" data-sikb-date="{date_style(work.lang)}">'
        f"{escape(tr.ugettext(ACCESS_DATE))}</time>"
    )
    parts = {
        "author": escape(author(work.lang)),
        "title": f'<cite lang="{escape(work.text_language)}">{escape(work.title)}</cite>',
        "updated": f'<time datetime="{escape(work.updated)}">'
        f"{escape(format_day(work.updated, work.lang))}</time>",
        "url": f'<a href="{url}">{url}</a>',
        "accessed": accessed,
    }
    return escape(tr.ugettext(REFERENCE), quote=False) % parts


@cache  # once per language, not once per case and page language
def _english_name(lang: str) -> str:
    return str(Locale.parse(lang).get_language_name("en") or lang).lower()


_BIBTEX_SPECIAL = re.compile(r"[\\{}#$%&_^~]")
_BIBTEX = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def bibtex_text(text: str) -> str:
    """Plain text as a BibTeX value prints it: braces and TeX's special characters escaped."""
    one_line = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX.get(m[0], "\\" + m[0]), one_line)


def bibtex_key(work: Work) -> str:
    return f"sikb-{work.case_id}-{work.lang}"


def bibtex(work: Work) -> str:
    """A biblatex ``@online`` entry (with ``year`` and ``howpublished`` for BibTeX)."""
    url = re.sub(r"[{}\\%#\s]", lambda m: f"%{ord(m[0]):02X}", work.url)
    fields = [
        ("author", "{" + bibtex_text(author(work.lang)) + "}"),
        ("title", bibtex_text(work.title)),
        ("url", url),
        ("howpublished", "\\url{" + url + "}"),
        ("date", work.updated),
        ("year", work.updated[:4]),
        ("langid", _english_name(work.text_language)),
        ("abstract", bibtex_text(work.summary)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{bibtex_key(work)},\n{body}\n}}\n"


def csl_item(work: Work) -> dict[str, object]:
    """The case's page as one CSL-JSON item (CSL's data schema, ``csl-data.json``)."""
    day = dt.date.fromisoformat(work.updated)
    return {
        "id": bibtex_key(work),
        "type": "webpage",
        "title": work.title,
        "author": [{"literal": author(work.lang)}],
        "container-title": author(work.lang),
        "URL": work.url,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
        "language": work.text_language,
        "abstract": work.summary,
    }


def csl_json(work: Work) -> str:
    """A CSL-JSON file: a list holding the one item."""
    return json.dumps([csl_item(work)], ensure_ascii=False, indent=2) + "\n"
