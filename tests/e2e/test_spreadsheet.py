"""A reader's spreadsheet and lists by name (issue 20): ``data/sikb-cases-<lang>.csv`` in
the page's language, and countries in the order of the reader's alphabet.

The fixture knowledge base, built for ``https://sikb.example.org/``, plus Kazakhstan,
Kyrgyzstan and Belarus in Eastern Europe (Belarus without a case), a case in the first
two whose title and note read like formulas, and a Ukrainian note in a translation.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e

SITE_URL = "https://sikb.example.org/"
FORMULA = '=HYPERLINK("https://evil.example","x")'
CASE = """---
title: '{title}'
summary: A case whose title reads like a formula.
language: en
countries: [KZ, KG]
sectors: [public]
themes: [youth]
actors:
  - {{id: unicef, role: initiator}}
status: active
criteria:
  novelty: {{rating: met, note: "@SUM(1)"}}
  systemic-change: unknown
sources:
  - title: "-1+1 report"
    language: en
    url: https://example.org/formula
  - description: a talk at a conference
    language: en
updated: "2024-05-01"
---

## Context

Central Asia.
"""
UK_NOTE = "Джерело називає її першою у своєму роді."


def with_formula_case(root: Path, *countries: str) -> None:
    """The fixture knowledge base copied to ``root``, with ``countries`` in Eastern Europe
    and the case whose title and note read like formulas (also test_spreadsheet in
    tests/browser)."""
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    tax = root / "taxonomy.yaml"
    more = "".join(
        f"  - {{code: {c}, region: eastern-europe, post_soviet: true}}\n" for c in countries
    )
    text = tax.read_text(encoding="utf-8")
    tax.write_text(text.replace("\nsectors:", more + "\nsectors:", 1), encoding="utf-8")
    (root / "cases" / "central-asia-formula.md").write_text(
        CASE.format(title=FORMULA.replace("'", "''")), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("spreadsheet") / "kb"
    with_formula_case(root, "KG", "KZ", "BY")
    uk = root / "cases" / "youth-lab-moldova.uk.md"
    head, body = uk.read_text(encoding="utf-8").split("\n---\n", 1)
    note = f"criteria:\n  novelty: {{note: {json.dumps(UK_NOTE, ensure_ascii=False)}}}"
    uk.write_text(f"{head}\n{note}\n---\n{body}", encoding="utf-8")
    done = run(root, "build", SIKB_SITE_URL=SITE_URL)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def sheet(site: Path, lang: str) -> tuple[str, list[dict[str, str]]]:
    raw = (site / lang / "data" / f"sikb-cases-{lang}.csv").read_bytes().decode("utf-8")
    sep = "," if lang == "en" else ";"
    return raw, list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"), newline=""), delimiter=sep))


UK_HEADER = [
    "Назва", "Короткий опис", "Країни", "Регіони", "Сектори", "Теми", "Учасники",
    "Типи учасників", "Статус", "Обговорюється в", "Початок", "Завершення",
    "Останнє оновлення", "Мова цього тексту", "Мова оригіналу", "Новизна",
    "Новизна: примітка", "Системні зміни", "Системні зміни: примітка", "Джерела",
    "Сторінка на сайті", "Ідентифікатор",
]  # fmt: skip


def test_the_ukrainian_spreadsheet_speaks_ukrainian(site: Path) -> None:
    """Headers, names, ratings, statuses and dates in Ukrainian; the translation's note, the
    sources with their URLs and the page on the configured host; Excel's ";" and a BOM."""
    raw, rows = sheet(site, "uk")
    assert raw.startswith("\ufeffНазва;Короткий опис;Країни;")
    assert list(rows[0]) == UK_HEADER
    row = next(r for r in rows if r["Ідентифікатор"] == "youth-lab-moldova")
    assert row == {
        "Назва": "Молодіжна лабораторія Молдови",
        "Короткий опис": "Тестовий випадок про молодіжну програму в Молдові.",
        "Країни": "Молдова",
        "Регіони": "Східна Європа",
        "Сектори": "Громадський сектор",
        "Теми": "Молодь",
        "Учасники": "ЮНІСЕФ",
        "Типи учасників": "Агенція ООН",
        "Статус": "Завершено",
        "Обговорюється в": "",
        "Початок": "2018",
        "Завершення": "червень 2020\u202fр.",
        "Останнє оновлення": "15 січня 2024\u202fр.",
        "Мова цього тексту": "Українська",
        "Мова оригіналу": "Англійська",
        "Новизна": "Виконано",
        "Новизна: примітка": UK_NOTE,
        "Системні зміни": "Невідомо",
        "Системні зміни: примітка": "",
        "Джерела": "A report about youth labs. A. Author, A Publisher, 20 жовтня 2022\u202fр. "
        "https://example.org/report",
        "Сторінка на сайті": "https://sikb.example.org/uk/cases/youth-lab-moldova/",
        "Ідентифікатор": "youth-lab-moldova",
    }


def test_a_formula_from_a_case_is_text_in_the_spreadsheet(site: Path) -> None:
    """A title, note or source that starts like a formula starts with an apostrophe."""
    for lang in ("en", "uk"):
        raw, rows = sheet(site, lang)
        row = next(r for r in rows if r[list(r)[-1]] == "central-asia-formula")
        cells = list(row.values())
        assert cells[0] == "'" + FORMULA
        assert "'@SUM(1)" in cells
        assert "'-1+1 report. https://example.org/formula\n[a talk at a conference]" in cells
        assert '"\'=HYPERLINK(""https://evil.example"",""x"")"' in raw
        for line in raw.lstrip("\ufeff").split("\r\n"):
            sep = "," if lang == "en" else ";"
            assert not any(c.startswith(("=", "+", "-", "@")) for c in line.split(sep))


def test_the_english_spreadsheet_is_comma_separated_with_english_headers(site: Path) -> None:
    raw, rows = sheet(site, "en")
    assert raw.startswith("\ufeffTitle,Summary,Countries,Regions,Sectors,Themes,Actors,")
    row = next(r for r in rows if r["Identifier"] == "central-asia-formula")
    assert row["Countries"] == "Kazakhstan; Kyrgyzstan"
    assert row["Novelty"] == "Met"
    assert row["Page on the site"] == "https://sikb.example.org/en/cases/central-asia-formula/"


def test_the_data_page_and_package_list_the_spreadsheet(site: Path) -> None:
    for lang in ("en", "ru", "uk"):
        name = f"sikb-cases-{lang}.csv"
        links = parse(site / lang / "data" / "index.html").find_all("a")
        shown = [a.text for a in links if a.attrs.get("href") == f"../data/{name}"]
        assert shown == [name], lang
        package = json.loads((site / lang / "data" / "datapackage.json").read_text("utf-8"))
        resource = next(r for r in package["resources"] if r["path"] == name)
        assert resource["dialect"]["delimiter"] == ("," if lang == "en" else ";")


EASTERN = {"en": "Eastern Europe", "ru": "Восточная Европа", "uk": "Східна Європа"}


def country_items(site: Path, lang: str) -> list[str]:
    """The names listed under Eastern Europe on the countries page, in their order."""
    article = parse(site / lang / "countries" / "index.html").find("article")
    names, inside = [], False
    for node in article.iter():
        if node.tag == "h2":
            inside = node.text == EASTERN[lang]
        elif node.tag == "li" and inside:
            names.append(node.text.rsplit(" (", 1)[0])
    return names


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("uk", ["Казахстан", "Киргизстан", "Молдова", "Україна"]),
        ("ru", ["Казахстан", "Киргизия", "Молдова", "Украина"]),
        ("en", ["Kazakhstan", "Kyrgyzstan", "Moldova", "Ukraine"]),
    ],
)
def test_countries_are_listed_by_name_and_only_with_cases(
    site: Path, lang: str, names: list[str]
) -> None:
    """By name in the page's alphabet (not by code: KG before KZ), Belarus (no case) left
    out, on the countries page and in the explorer's country facet."""
    assert country_items(site, lang) == names
    data = json.loads((site / lang / "explorer" / "data.json").read_text("utf-8"))
    facet = data["facets"]["country"]
    assert "BY" not in facet["ids"]
    eastern = [n for n in facet["labels"] if n in names]
    assert eastern == names
