"""Each language's data folder and its page: ``data/`` beside ``data/index.md``.

The renderer writes ``data/cases.csv`` and ``data/cases.json`` with the explorer; this
adds the rest of the data package (``data.datapackage``: ``taxonomy.json``,
``case.schema.json``, ``datapackage.json``, whose sizes and hashes are those of the files
written) and the page that says what is there: the files, the codebook (``data.codebook``,
the descriptions the Table Schema holds), the licence and how to cite.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from babel.numbers import format_decimal
from markupsafe import Markup

from generator import RELEASED, __version__
from generator.data import datapackage
from generator.data.codebook import SEPARATOR, codebook
from generator.i18n.catalogs import N_, translations
from generator.markup.html_blocks import inline
from generator.paths import (
    DATA_CSV,
    DATA_JSON,
    DATA_PAGE,
    language_url,
    page_url,
    spreadsheet_path,
)
from generator.render import jsonld
from generator.render.helpers import Helpers
from generator.render.pages import Page, Renderer

DATA_TITLE = N_("Open data")
DESCRIPTION = N_(
    "Every case as CSV and JSON, with the taxonomy, a codebook and a Frictionless Data "
    "Package, under CC BY 4.0."
)
"""The page's description (``data.md.j2``), also its JSON-LD's."""
MEDIA_TYPES = {datapackage.CSV: "text/csv", datapackage.PACKAGE: "application/json"}
"""Each file's media type, for the JSON-LD (``application/json`` unless named)."""
SIZE = N_("%(kb)s KB")
LICENCE_URL = N_("https://creativecommons.org/licenses/by/4.0/")
"""The deed of CC BY 4.0, translated as ``render.describe``'s (the same message)."""
TYPES = {
    "string": N_("text"),
    "date": N_("date"),
    "list": N_("list"),
}
"""A column's Table Schema type, as the codebook names it."""
SHEET = N_("Every case for Excel or LibreOffice, in this language, with notes and sources.")
"""The spreadsheet's line (``data.spreadsheet``), first: it is the one a reader wants."""
FILES = {
    datapackage.CSV: N_("Every case, one row each, for a spreadsheet or a data frame."),
    datapackage.JSON: N_("The same records as JSON, lists as arrays."),
    datapackage.TAXONOMY: N_("The taxonomy: every id in the data with its labels."),
    datapackage.SCHEMA: N_("The JSON Schema of a case file."),
    datapackage.PACKAGE: N_(
        "The Frictionless Data Package: every file, its columns, the licence and the version."
    ),
}


def data_pages(renderer: Renderer, pages: Sequence[Page]) -> list[Page]:
    """The data package's other files and the data page, given the pages rendered so far
    (``cases.csv`` and ``cases.json`` among them)."""
    lang, folder = renderer.lang, DATA_PAGE.rsplit("/", 1)[0]
    sheet_path = spreadsheet_path(lang)
    sheet = sheet_path.rsplit("/", 1)[1]
    written = {p.path: p.text for p in pages if p.path in (DATA_CSV, DATA_JSON, sheet_path)}
    homepage = language_url(renderer.options.settings.site_url, lang) + page_url(DATA_PAGE) + "/"
    files = {datapackage.CSV: written[DATA_CSV], datapackage.JSON: written[DATA_JSON]}
    files[sheet] = written[sheet_path]
    taxonomy = renderer.tax
    book = codebook(taxonomy, lang)
    files[datapackage.TAXONOMY] = datapackage.taxonomy_json(taxonomy)
    files[datapackage.SCHEMA] = datapackage.schema_json(taxonomy)
    files[datapackage.PACKAGE] = datapackage.package(taxonomy, lang, homepage, files)
    _ = translations(lang).ugettext
    helpers = Helpers(renderer, DATA_PAGE)
    rows = [
        (_anchor(helpers.file(f"{folder}/{name}"), name), _(what), _size(files[name], _, lang))
        for name, what in {sheet: SHEET, **FILES}.items()
    ]
    licence = _anchor(_(LICENCE_URL), "CC BY 4.0", download=False)
    text = renderer.env.get_template("data.md.j2").render(
        h=helpers,
        lang=lang,
        vocab=renderer.vocab,
        files=rows,
        licence=licence,
        codes={c.name: Markup(inline(f"<code>{escape(c.name)}</code>")) for c in book},
        columns=book,
        types={k: _(v) for k, v in TYPES.items()},
        separator=SEPARATOR,
        count=len(renderer.collection.cases),
        version=__version__,
        released=RELEASED,
        year=RELEASED[:4],
        homepage=homepage,
        jsonld=_jsonld(lang, renderer.options.settings.site_url, homepage, _, sheet),
    )
    new = [
        Page(f"{folder}/{name}", t)
        for name, t in files.items()
        if f"{folder}/{name}" not in written
    ]
    return [*new, Page(DATA_PAGE, text)]


def _jsonld(lang: str, site_url: str, homepage: str, _: Callable[[str], str], sheet: str) -> Markup:
    """The page's schema.org ``Dataset``, as a YAML double-quoted value for front matter."""
    files = {homepage + sheet: "text/csv"}
    files.update({homepage + name: MEDIA_TYPES.get(name, "application/json") for name in FILES})
    ld = jsonld.dataset(lang, site_url, homepage, (_(DATA_TITLE), _(DESCRIPTION)), files)
    return jsonld.front_matter(ld)


def _anchor(href: str, text: str, *, download: bool = True) -> Markup:
    attribute = " download" if download else ""
    return Markup(inline(f'<a href="{escape(href)}"{attribute}>{escape(text)}</a>'))


def _size(text: str, _: Callable[[str], str], lang: str) -> str:
    """A file's size in KB, written as ``lang`` writes numbers (``1,5 КБ``)."""
    kb = len(text.encode("utf-8")) / 1024
    number = format_decimal(round(kb, 1 if kb < 10 else 0), "#,##0.#", locale=lang)
    return _(SIZE) % {"kb": number}
