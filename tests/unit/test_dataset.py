"""The data behind the downloads and the explorer (generator/data/dataset.py)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

import pytest

from generator.data.dataset import Dataset, columns, csv_field, plural_forms
from generator.i18n.catalogs import translations
from generator.model.collection import Collection
from generator.model.vocabulary import Vocabularies
from generator.render.pages import Options, Renderer
from generator.settings import Settings
from generator.validate.collection import load
from tests.conftest import FIXTURES

URL = "https://kb.example.org/"


@pytest.fixture(scope="module")
def collection() -> Collection:
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    return loaded


def dataset(collection: Collection, lang: str) -> Dataset:
    r = Renderer(collection, lang, Options(Settings(site_url=URL)))
    return Dataset(collection, r.texts, r.labels, lang, f"{URL}{lang}/cases/")


def test_a_record_has_ids_beside_labels_in_the_page_language(collection: Collection) -> None:
    en = {r["id"]: r for r in dataset(collection, "en").records()}
    ru = {r["id"]: r for r in dataset(collection, "ru").records()}
    youth = en["youth-lab-moldova"]
    assert youth["title"] == "Youth Lab Moldova"
    assert youth["url"] == f"{URL}en/cases/youth-lab-moldova/"
    assert (youth["start"], youth["end"], youth["updated"]) == ("2018", "2020-06", "2024-01-15")
    assert (youth["countries"], youth["country_labels"]) == (["MD"], ["Moldova"])
    assert youth["status"] == "completed"
    assert youth["criterion_novelty"] == "met"
    assert youth["criterion_systemic-change"] == "unknown"
    assert ru["youth-lab-moldova"]["title"] == "Молодёжная лаборатория Молдовы"
    assert ru["youth-lab-moldova"]["text_language"] == "ru"
    assert ru["youth-lab-moldova"]["country_labels"] == ["Молдова"]
    # no Russian translation: the English one's words (views.chain), and the record says so
    swedish = ru["swedish-fund"]
    assert (swedish["text_language"], swedish["original_language"]) == ("en", "sv")
    assert swedish["title"] == "A Swedish fund"


def test_the_csv_is_the_records_with_lists_joined(collection: Collection) -> None:
    data = dataset(collection, "en")
    text = data.csv_text()
    assert text.startswith("\ufeffid,title,summary,")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert list(rows[0]) == columns(
        list(collection.taxonomy.criteria), Vocabularies.from_taxonomy(collection.taxonomy).facets
    )
    records = data.records()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, rec in zip(rows, records, strict=True):
        assert row == {k: "; ".join(v) if isinstance(v, list) else v for k, v in rec.items()}
    assert json.loads(data.json_text()) == records


FORMULAS = ['=HYPERLINK("http://evil","x")', "@SUM(1)", "-2+3", "+1+1", "\t=1+1", "\r=1+1"]
"""Cells a spreadsheet program would run: =, +, -, @, tab or carriage return first."""


def parse(text: str) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))}


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_csv_cell_a_spreadsheet_would_run_is_written_as_text(
    collection: Collection, formula: str
) -> None:
    """OWASP's advice: a single quote in front, the field quoted; the JSON unchanged."""
    data = dataset(collection, "en")
    case_id = "lviv-services"
    texts = {**data.texts}
    texts[case_id] = dataclasses.replace(texts[case_id], title=formula, summary=formula)
    hostile = Dataset(collection, texts, data.labels, "en", data.cases_url)
    text = hostile.csv_text()
    rows = parse(text)
    row = rows[case_id]
    assert row["title"] == row["summary"] == "'" + formula
    quoted = "\"'" + formula.replace('"', '""') + '"'
    assert f"{case_id},{quoted},{quoted}," in text
    record = next(r for r in hostile.records() if r["id"] == case_id)
    assert record["title"] == formula
    assert next(r for r in json.loads(hostile.json_text()) if r["id"] == case_id) == record
    # every other value of the row, and every other row, as the records have it
    for rec in hostile.records():
        expected = {k: "; ".join(v) if isinstance(v, list) else v for k, v in rec.items()}
        if rec["id"] == case_id:
            expected["title"] = expected["summary"] = "'" + formula
        assert rows[rec["id"]] == expected
    assert (row["id"], row["url"], row["start"], row["updated"]) == (
        case_id,
        f"{URL}en/cases/{case_id}/",
        record["start"],
        "2024-02-01",
    )


def test_csv_fields_are_quoted_only_when_they_must_be() -> None:
    # ids, years, dates and URLs as they are
    for value in ("lviv-services", "2018", "2020-06", "2024-01-15", f"{URL}en/cases/x/", ""):
        assert csv_field(value) == value
    assert csv_field(["MD"]) == "MD"
    # separators of any locale, quotes and line breaks: quoted
    assert csv_field(["MD", "UA"]) == '"MD; UA"'
    assert csv_field("x;=1") == '"x;=1"'
    assert csv_field("a, b") == '"a, b"'
    assert csv_field('say "hi"') == '"say ""hi"""'
    assert csv_field("a\tb") == '"a\tb"'
    assert csv_field("a\nb") == '"a\nb"'
    # a formula in the first item of a list
    assert csv_field(["=1+1", "UA"]) == '"\'=1+1; UA"'
    # a formula character further in: as it is
    assert csv_field("2+3=5") == "2+3=5"


def rebuild(data: dict[str, Any], summaries: list[str]) -> list[dict[str, Any]]:
    """What the explorer's script does with the compact form (Data.prototype.record)."""
    c, facets = data["cases"], data["facets"]
    out = []
    for i, case_id in enumerate(c["id"]):
        rec: dict[str, Any] = {
            "id": case_id,
            "title": c["title"][i],
            "summary": summaries[i],
            "text_language": data["languages"][c["text_language"][i]],
            "original_language": data["languages"][c["original_language"][i]],
            "url": data["cases_url"] + case_id + "/",
            "start": c["start"][i],
            "end": c["end"][i],
            "updated": c["updated"][i],
            "status": facets["status"]["ids"][c["status"][i]],
            "status_label": facets["status"]["labels"][c["status"][i]],
        }
        for f in ("country", "region", "sector", "theme", "actor", "actor_type"):
            rec["countries" if f == "country" else f + "s"] = [facets[f]["ids"][v] for v in c[f][i]]
            rec[f + "_labels"] = [facets[f]["labels"][v] for v in c[f][i]]
        rec["scope"] = c["scope"][i]
        rec["discussed_in"] = c["discussed_in"][i]
        rec["discussed_in_labels"] = [data["country_names"][x] for x in c["discussed_in"][i]]
        for k, crit in enumerate(data["criteria"]["ids"]):
            rec[f"criterion_{crit}"] = data["ratings"]["ids"][int(c["criteria"][i][k])]
        out.append(rec)
    return out


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_compact_form_holds_every_record(collection: Collection, lang: str) -> None:
    data = dataset(collection, lang)
    compact, summaries = data.explorer()
    assert rebuild(json.loads(compact), json.loads(summaries)) == data.records()
    assert json.loads(compact)["columns"] == columns(
        list(collection.taxonomy.criteria), Vocabularies.from_taxonomy(collection.taxonomy).facets
    )


def test_plural_forms_map_gettext_onto_cldr_categories() -> None:
    ru = plural_forms(translations("ru").ungettext, "ru")
    forms = ru("%(num)d case matches", "%(num)d cases match")
    assert set(forms) == {"one", "few", "many", "other"}
    assert forms["one"] % {"num": 21} == "Подходит 21 кейс"
    assert forms["few"] % {"num": 3} == "Подходят 3 кейса"
    assert forms["many"] % {"num": 5} == "Подходят 5 кейсов"
    en = plural_forms(translations("en").ungettext, "en")(
        "%(num)d case matches", "%(num)d cases match"
    )
    assert en == {"one": "%(num)d case matches", "other": "%(num)d cases match"}
