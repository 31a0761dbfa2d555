"""Each language's ``data/datapackage.json``: a Frictionless Data Package (v2) describing
the files beside it, so that anyone can take the data without asking.

``cases.csv`` gets a Table Schema made from the codebook (``codebook``: the same
descriptions as the data page's); ``cases.json`` holds the same records with lists as
arrays; ``taxonomy.json`` every term of ``taxonomy.yaml`` with its labels in every site
language (``taxonomy_json``); ``case.schema.json`` the case files' JSON Schema
(``sikb schema``). The package's version and date are the generator's (``generator``,
also ``CITATION.cff``'s); each file's size and SHA-256 are those of the text written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from typing import Any

from generator import RELEASED, __version__
from generator.data.codebook import codebook
from generator.data.dataset import Dataset
from generator.data.schema import case_schema
from generator.data.spreadsheet import Spreadsheet, delimiter, spreadsheet_name
from generator.i18n.catalogs import N_, translations
from generator.i18n.labels import Labels
from generator.model.taxonomy import Taxonomy

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
CSV = "cases.csv"
JSON = "cases.json"
TAXONOMY = "taxonomy.json"
SCHEMA = "case.schema.json"
PACKAGE = "datapackage.json"
"""The files beside ``datapackage.json`` in ``data/`` (``paths.DATA_*``)."""
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
CREDIT = "SIKB contributors"
"""How reuse is credited (README, "Licence"; ``CITATION.cff``'s author)."""

TITLE = N_("SIKB — social innovation cases")
DESCRIPTION = N_(
    "Every case of the Social Innovation Knowledge Base, one record per case: where, "
    "who, what and when, and how it meets each criterion, with the text in this "
    "language where the case is translated."
)
CSV_TEXT = N_(
    "One row per case (UTF-8 with a byte-order mark). A list's items are separated by "
    "“; ”. A cell a spreadsheet would run as a formula (starting with =, +, -, @) "
    "begins with an apostrophe."
)
JSON_TEXT = N_("The same records as cases.csv, with lists as JSON arrays.")
SHEET_TEXT = N_(
    "Every case for reading in a spreadsheet: headers, names, ratings and dates in this "
    "language, each criterion's note, the sources with their links and the case's page "
    "(UTF-8 with a byte-order mark)."
)
TAXONOMY_TEXT = N_(
    "Every term of the taxonomy (countries, regions, sectors, themes, actors, criteria, "
    "ratings, statuses...) with its label in every language of the site."
)
SCHEMA_TEXT = N_("The JSON Schema of a case file's front matter (sikb schema).")
SOURCE = N_("The case files and taxonomy.yaml of the SIKB repository")


def files(data: Dataset, homepage: str) -> dict[str, str]:
    """Every file of a language's ``data/`` folder by name, ``datapackage.json`` last;
    ``homepage``: the data page's absolute URL."""
    taxonomy = data.collection.taxonomy
    sheet = Spreadsheet(data)
    out = {
        CSV: data.csv_text(),
        sheet.name: sheet.csv_text(),
        JSON: data.json_text(),
        TAXONOMY: taxonomy_json(taxonomy),
        SCHEMA: schema_json(taxonomy),
    }
    out[PACKAGE] = package(taxonomy, data.lang, homepage, out)
    return out


def schema_json(taxonomy: Taxonomy) -> str:
    """``case.schema.json``: what ``sikb schema`` prints."""
    return json.dumps(case_schema(taxonomy), ensure_ascii=False, indent=2) + "\n"


def package(taxonomy: Taxonomy, lang: str, homepage: str, files: Mapping[str, str]) -> str:
    """``datapackage.json`` for ``lang``; ``files``: each file's name and text, as written
    (the spreadsheet, ``spreadsheet.name``, described where it is among them)."""
    _ = translations(lang).ugettext
    fields = [c.table_field() for c in codebook(taxonomy, lang)]

    def resource(name: str, path: str, mediatype: str, text: str) -> dict[str, Any]:
        data = files[path].encode("utf-8")
        return {
            "name": name,
            "type": "json",  # frictionless would read a *.schema.json as a Table Schema
            "path": path,
            "format": path.rsplit(".", 1)[1],
            "mediatype": mediatype,
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            "description": _(text),
        }

    table = resource("cases", CSV, "text/csv", CSV_TEXT)
    table.update(
        type="table",
        dialect={"header": True, "delimiter": ",", "quoteChar": '"', "doubleQuote": True},
        schema={"$schema": TABLE_PROFILE, "fields": fields, "primaryKey": ["id"]},
    )
    resources = [table]
    sheet = spreadsheet_name(lang)
    if sheet in files:
        resources.append(resource(f"cases-{lang}", sheet, "text/csv", SHEET_TEXT))
        resources[-1].update(type="table", **sheet_table(files[sheet], delimiter(lang)))
    descriptor = {
        "$schema": PACKAGE_PROFILE,
        "name": f"sikb-cases-{lang}",
        "id": homepage,
        "title": _(TITLE),
        "description": _(DESCRIPTION),
        "homepage": homepage,
        "version": __version__,
        "created": f"{RELEASED}T00:00:00Z",
        "languages": [lang],
        "licenses": [LICENCE],
        "contributors": [{"title": CREDIT, "roles": ["creator"]}],
        "sources": [{"title": _(SOURCE), "path": homepage}],
        "keywords": ["social innovation", "case studies", "open data"],
        "resources": [
            *resources,
            resource("cases-json", JSON, "application/json", JSON_TEXT),
            resource("taxonomy", TAXONOMY, "application/json", TAXONOMY_TEXT),
            resource("case-schema", SCHEMA, "application/schema+json", SCHEMA_TEXT),
        ],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def sheet_table(text: str, sep: str) -> dict[str, Any]:
    """The spreadsheet's dialect and Table Schema: its header's names, every cell text."""
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep))
    fields = [{"name": name, "type": "string"} for name in header]
    dialect = {"header": True, "delimiter": sep, "quoteChar": '"', "doubleQuote": True}
    return {"dialect": dialect, "schema": {"$schema": TABLE_PROFILE, "fields": fields}}


def taxonomy_json(taxonomy: Taxonomy) -> str:
    """Every vocabulary's terms, in ``taxonomy.yaml``'s order, each with its label (and
    description or question, where it has one) in every site language."""
    per_lang = {lang: Labels(taxonomy, lang) for lang in taxonomy.languages}

    def texts(kind: str, term_id: str, field: str = "") -> dict[str, str]:
        if field:
            return {lang: lb.describe(kind, term_id, field) for lang, lb in per_lang.items()}
        return {lang: lb.label(kind, term_id) for lang, lb in per_lang.items()}

    out: dict[str, Any] = {"version": __version__, "languages": list(taxonomy.languages)}
    for kind in ("regions", "sectors", "themes", "actor_types", "roles", "criteria"):
        terms = []
        for term_id, term in getattr(taxonomy, kind).items():
            entry: dict[str, Any] = {"id": term_id, "label": texts(kind, term_id)}
            for field in ("description", "question"):
                if getattr(term, field, None):
                    entry[field] = texts(kind, term_id, field)
            terms.append(entry)
        out[kind] = terms
    out["countries"] = [
        {"id": code, "label": texts("countries", code), "region": c.region}
        | {"post_soviet": c.post_soviet}
        for code, c in taxonomy.countries.items()
    ]
    out["actors"] = [
        {"id": a_id, "label": texts("actors", a_id), "type": a.type, "country": a.country}
        | {"website": a.website}
        for a_id, a in taxonomy.actors.items()
    ]
    out["ratings"] = [
        {"id": r_id, "label": texts("ratings", r_id), "symbol": r.symbol, "default": r.default}
        for r_id, r in taxonomy.ratings.items()
    ]
    out["statuses"] = [
        {"id": s_id, "label": texts("statuses", s_id)}
        | {"not_started": s.not_started, "finished": s.finished}
        for s_id, s in taxonomy.statuses.items()
    ]
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
