"""The search index a real `sikb build` writes: Pagefind's bundle, read back from its files."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.search import search_index, stems
from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import HOSTILE, LANGS, run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e
TOO_COMMON = 3
UNLISTED = """---
title: Not in the search
sikb_search: false
---
# Not in the search

Zanzibarian words that no search may find.
"""


def unpacked(lang: str, packed: str) -> list[str]:
    """The tails as ``sikb-stem.js``'s ``unpack`` reads them back (``stems.packer``)."""
    table, end = stems.tails(lang), chr(stems.HIDDEN + ord(","))
    lost: list[str] = []
    other: str | None = None
    for c in packed:
        if other is None and 0 <= ord(c) - stems.PACKED < len(table):
            lost.append(table[ord(c) - stems.PACKED])
        elif c == end:
            lost.append("".join(chr(ord(h) - stems.HIDDEN) for h in other or ""))
            other = None
        else:
            other = (other or "") + c
    assert other is None, "a tail cut short"
    return lost


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base, the hostile case and a page left out of the search."""
    root = tmp_path_factory.mktemp("search") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "hostile-case.md").write_text(HOSTILE, encoding="utf-8")
    (root / "docs" / "unlisted.md").write_text(UNLISTED, encoding="utf-8")
    # Low enough that the fixture has words too common to search alone.
    done = run(root, "build", SIKB_SEARCH_TOO_COMMON=str(TOO_COMMON))
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", search " in done.stdout  # timed, like the other steps
    return root / "site"


def fragments(site: Path, lang: str) -> dict[str, dict[str, Any]]:
    """Every indexed page of ``lang`` by its URL in the language (``/cases/x/``), as
    Pagefind stored it in that language's bundle; the script gives ``/<lang>/`` as base."""
    pages = {}
    for path in (site / lang / "pagefind" / "fragment").glob("*.pf_fragment"):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        data = json.loads(text[text.index("{") :])
        pages[data["url"]] = data
    return pages


def test_one_index_per_language_of_the_pages_content(site: Path) -> None:
    """Each language's bundle holds one index, of exactly its pages that carry
    data-pagefind-body."""
    assert not (site / "pagefind").exists()
    for lang in LANGS:
        entry = json.loads((site / lang / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
        assert set(entry["languages"]) == {lang}
        marked = [
            p
            for p in (site / lang).rglob("*.html")
            if "data-pagefind-body" in p.read_text(encoding="utf-8")
        ]
        assert entry["languages"][lang]["page_count"] == len(marked) > 20
        assert len(fragments(site, lang)) == len(marked)


def test_case_pages_carry_their_filters_in_the_page_language(site: Path) -> None:
    """Country, region, sector, theme, actor and status as labels, plus the type."""
    ru = fragments(site, "ru")["/cases/youth-lab-moldova/"]
    assert ru["filters"] == {
        "type": ["case"],
        "country": ["Молдова"],
        "region": ["Восточная Европа"],
        "sector": ["Гражданский сектор"],
        "theme": ["Молодёжь"],
        "actor": ["ЮНИСЕФ"],
        "status": ["Завершён"],
    }
    meta = dict(ru["meta"])
    tails = unpacked("ru", meta.pop("sikb_tails"))
    assert meta == {"title": "Молодёжная лаборатория Молдовы", "type": "case"}
    # Indexed: the words' stems (search/stems.py), not the versions line, the filters or the
    # permalinks' signs; beside them, what each stem lost, in order, for the browser to give
    # the words back as written (sikb-stem.js's written; tests/unit/test_stems.py).
    assert ru["content"].startswith("молодежн лаборатор молдов. тестов случа о молодежн программ")
    assert "кишин" in ru["content"].split()
    assert tails[:5] == ["=Молодёжная", "ия", "^ы", "^ый", "й"]
    assert len(tails) == len(stems.WORD.findall(ru["content"]))
    page = (site / "ru" / "cases" / "youth-lab-moldova" / "index.html").read_text("utf-8")
    assert "Версии:" in page
    assert "верси" not in ru["content"]
    assert "¶" in page
    assert "¶" not in ru["content"]
    term = fragments(site, "en")["/countries/md/"]
    assert term["filters"] == {}
    assert "Youth Lab Moldova" not in term["content"]  # its case list is not indexed


def test_menus_and_hidden_pages_are_not_indexed(site: Path) -> None:
    """No navigation or permalink sign in the text; sikb_search: false keeps a page out."""
    pages = fragments(site, "en")
    assert "/unlisted/" not in pages
    assert (site / "en" / "unlisted" / "index.html").is_file()
    case = pages["/cases/lviv-services/"]["content"]
    assert "¶" not in case
    assert not case.startswith("SIKB")  # the header's site name is not in the content


def test_pagefind_failing_is_an_error_naming_the_site(tmp_path: Path) -> None:
    """Nothing to index: SearchIndexError with Pagefind's own words and the command to rerun."""
    with pytest.raises(search_index.SearchIndexError) as failed:
        search_index.index(tmp_path)
    message = str(failed.value)
    assert message.startswith(f"Pagefind failed (exit 1) indexing {tmp_path}:")
    assert "did not contain any html files" in message
    assert f"-m pagefind --site {tmp_path}" in message


def test_every_page_names_the_words_too_common_to_search_alone(site: Path) -> None:
    """The words written more than SIKB_SEARCH_TOO_COMMON times in the cases a language
    shows (originals where there is no translation) are on every page's search box."""
    expected = {
        "en": "a alert case context in script",  # the hostile case's script, every "## Context"
        # The Russian translation's headings are Russian; the Swedish fund is shown in its
        # English translation (the fallback chain), so its "a" and "case" count here too.
        "ru": "a alert case script",
        "uk": "a alert case script",
    }
    for lang in LANGS:
        for path in ("", "cases/youth-lab-moldova", "countries/md", "about"):
            box = parse(site / lang / path / "index.html").find("div", data_sikb_search="")
            assert box.attrs["data-sikb-common"] == expected[lang], (lang, path)
    box = parse(site / "ru" / "index.html").find("div", data_sikb_search="")
    assert box.attrs["data-sikb-too-common"].startswith("Слишком частое слово")


def test_every_page_in_uk_and_ru_pairs_what_its_stems_lost_with_its_words(site: Path) -> None:
    """The browser gives each word of Pagefind's text back as written from the tails, in
    order (sikb-stem.js's written): one tail per Cyrillic word, on every page; none in en."""
    for lang in ("ru", "uk"):
        pages = fragments(site, lang)
        assert len(pages) > 20
        for url, page in pages.items():
            tails = unpacked(lang, page["meta"]["sikb_tails"])
            words = stems.WORD.findall(page["content"])
            assert len(tails) == len(words), url
    assert not [p for p in fragments(site, "en").values() if "sikb_tails" in p["meta"]]
