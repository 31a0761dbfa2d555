"""Each language's data package (generator/data/datapackage.py, codebook.py): what a reader
who downloads ``data/`` gets, read back as they would read it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import generator
from generator.data import datapackage
from generator.data.codebook import SEPARATOR, codebook
from generator.data.dataset import Dataset, columns
from generator.i18n.labels import Labels
from generator.model.collection import Collection
from generator.model.vocabulary import Vocabularies
from generator.render.pages import Options, Renderer
from generator.settings import Settings
from generator.validate.collection import load
from tests.conftest import FIXTURES

URL = "https://kb.example.org/"
LANGS = ("en", "ru", "uk")
FRICTIONLESS = str(Path(sys.executable).parent / "frictionless")


@pytest.fixture(scope="module")
def collection() -> Collection:
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    return loaded


def files(collection: Collection, lang: str) -> dict[str, str]:
    r = Renderer(collection, lang, Options(Settings(site_url=URL)))
    data = Dataset(collection, r.texts, r.labels, lang, f"{URL}{lang}/cases/")
    return datapackage.files(data, f"{URL}{lang}/data/")


@pytest.mark.parametrize("lang", LANGS)
def test_frictionless_finds_each_language_s_package_valid(
    collection: Collection, lang: str, tmp_path: Path
) -> None:
    """``frictionless validate`` passes: the CSV against its Table Schema, every file's size
    and SHA-256 against the package's."""
    for name, text in files(collection, lang).items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    run = subprocess.run(
        [FRICTIONLESS, "validate", "--json", "datapackage.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    assert report["valid"], run.stdout
    assert run.returncode == 0
    names = [task["name"] for task in report["tasks"]]
    assert names == ["cases", f"cases-{lang}", "cases-json", "taxonomy", "case-schema"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_schema_describes_every_csv_column_in_the_language(
    collection: Collection, lang: str
) -> None:
    """Every column of cases.csv, in its order, with a type and a description in ``lang``;
    lists name their separator; single ids and ratings their allowed values."""
    package = json.loads(files(collection, lang)[datapackage.PACKAGE])
    assert package["version"] == generator.__version__
    assert package["created"] == f"{generator.RELEASED}T00:00:00Z"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    fields = package["resources"][0]["schema"]["fields"]
    tax = collection.taxonomy
    vocab = Vocabularies.from_taxonomy(tax)
    assert [f["name"] for f in fields] == columns(list(tax.criteria), vocab.facets)
    by_name = {f["name"]: f for f in fields}
    assert all(f["description"] for f in fields)
    assert by_name["countries"]["type"] == "list"
    assert by_name["countries"]["delimiter"] == SEPARATOR
    assert by_name["status"]["constraints"]["enum"] == list(tax.statuses)
    assert by_name["criterion_novelty"]["constraints"]["enum"] == list(vocab.ratings)
    assert by_name["updated"]["type"] == "date"
    cyrillic = any("а" <= ch <= "я" for ch in by_name["title"]["description"])
    assert cyrillic == (lang != "en")


def test_the_codebook_and_the_table_schema_are_the_same_descriptions(
    collection: Collection,
) -> None:
    """One source of truth: the page's codebook is the schema's fields."""
    package = json.loads(files(collection, "uk")[datapackage.PACKAGE])
    fields = package["resources"][0]["schema"]["fields"]
    book = codebook(collection.taxonomy, "uk")
    assert [(c.name, c.description) for c in book] == [
        (f["name"], f["description"]) for f in fields
    ]


def _read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.mark.parametrize("lang", LANGS)
def test_cases_csv_and_json_read_back_as_the_collection(collection: Collection, lang: str) -> None:
    """Every case, field by field: ids, dates, facets' ids and labels, ratings, the text in
    the language where there is one; the CSV's lists split on the separator."""
    out = files(collection, lang)
    rows = {r["id"]: r for r in _read_csv(out[datapackage.CSV])}
    records = {r["id"]: r for r in json.loads(out[datapackage.JSON])}
    assert set(rows) == set(records) == set(collection.cases)
    labels = Labels(collection.taxonomy, lang)
    vocab = Vocabularies.from_taxonomy(collection.taxonomy)
    for case_id, case in collection.cases.items():
        m, row, rec = case.meta, rows[case_id], records[case_id]
        # the reader's language, then English (the default), then the original
        found = collection.translations.get(case_id, {})
        shown = next(x for x in (lang, "en", m.language) if x == m.language or x in found)
        text = None if shown == m.language else found[shown]
        title = text.meta.title if text is not None and text.meta.title else m.title
        expected: dict[str, Any] = {
            "title": title,
            "original_language": m.language,
            "text_language": shown,
            "start": m.period.start if m.period else "",
            "end": (m.period.end or "") if m.period else "",
            "updated": m.updated,
            "url": f"{URL}{lang}/cases/{case_id}/",
        }
        for f in vocab.facets:
            ids = f.ids(collection.taxonomy, m)
            names = [labels.label(f.kind, i) for i in ids]
            expected[f.column] = ids if f.multi else ids[0]
            expected[f.label_column] = names if f.multi else names[0]
        for crit in collection.taxonomy.criteria:
            expected[f"criterion_{crit}"] = rec[f"criterion_{crit}"]
            assert rec[f"criterion_{crit}"] in vocab.ratings
        for key, value in expected.items():
            assert rec[key] == value, (case_id, key)
            cell = SEPARATOR.join(value) if isinstance(value, list) else str(value)
            assert row[key] == cell, (case_id, key)
