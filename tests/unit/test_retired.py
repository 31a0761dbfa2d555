"""Stable ids (generator/validate/retired.py, render/redirects.py): a published case id
that disappears is an error until it is retired, and a retired id's page sends the
reader to its successor."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.model.collection import Collection
from generator.problems import Problem
from generator.render.redirects import redirects
from generator.validate import retired
from generator.validate.collection import load

CASES = {"youth-lab-moldova", "lviv-services", "swedish-fund"}
HINT = (
    "restore cases/old-lab.md, or retire the id in retired.yaml: '- {id: old-lab, "
    "merged_into: <the case it became part of>, date: YYYY-MM-DD}' under 'retired:'"
)


def _published(kb: Path, *ids: str) -> None:
    (kb / retired.PUBLISHED_FILE).write_text(
        retired.PUBLISHED_HEADER + "".join(f"{i}\n" for i in ids), encoding="utf-8"
    )


def test_a_published_id_that_is_gone_is_an_error_on_its_line(kb: Path) -> None:
    """The file and line of the id, what would break, and both ways out."""
    _published(kb, "lviv-services", "old-lab", "swedish-fund")
    gone, problems = retired.check(kb, CASES)
    assert gone == {}
    assert problems == [
        Problem(
            "published-ids.txt", 4, 1, "id-disappeared",
            "case 'old-lab' was published, but cases/old-lab.md is gone: its page and its "
            "row in the data would disappear",
            "", HINT,
        )
    ]  # fmt: skip
    assert problems[0].as_text().startswith("published-ids.txt:4:1: error[id-disappeared] ")


def test_a_retired_id_passes_and_names_its_successor(kb: Path) -> None:
    _published(kb, "old-lab", "youth-lab-moldova")
    (kb / retired.RETIRED_FILE).write_text(
        'retired:\n  - id: old-lab\n    merged_into: youth-lab-moldova\n    date: "2026-12-05"\n',
        encoding="utf-8",
    )
    gone, problems = retired.check(kb, CASES)
    assert problems == []
    assert gone == {"old-lab": retired.Retired("old-lab", "youth-lab-moldova", "2026-12-05")}


def test_a_bad_retired_entry_is_an_error_on_its_line(kb: Path) -> None:
    """Still a case, merged into no case, a date that is not one."""
    (kb / retired.RETIRED_FILE).write_text(
        "retired:\n"
        '  - {id: swedish-fund, date: "2026-12-05"}\n'
        '  - {id: old-lab, merged_into: nowhere, date: "2026-12"}\n',
        encoding="utf-8",
    )
    _, problems = retired.check(kb, CASES)
    assert [(p.line, p.code, p.field) for p in problems] == [
        (2, "retired-id-in-use", "retired[0].id"),
        (3, "unknown-successor", "retired[1].merged_into"),
        (3, "bad-retired", "retired[1].date"),
    ]


def test_validation_fails_when_a_published_case_is_removed_and_passes_once_retired(
    kb: Path,
) -> None:
    """What ``sikb validate`` reports after a case file is deleted, then after retiring it."""
    _published(kb, "lviv-services", "swedish-fund", "youth-lab-moldova")
    (kb / "cases/swedish-fund.md").unlink()
    (kb / "cases/swedish-fund.en.md").unlink()
    result = load(kb)
    assert result.collection is None
    errors = [(p.path, p.line, p.code) for p in result.problems if p.severity == "error"]
    assert errors == [("published-ids.txt", 4, "id-disappeared")]
    (kb / retired.RETIRED_FILE).write_text(
        'retired:\n  - {id: swedish-fund, merged_into: lviv-services, date: "2026-12-05"}\n',
        encoding="utf-8",
    )
    result = load(kb)
    assert result.collection is not None, result.problems
    assert result.collection.retired == {"swedish-fund": "lviv-services"}


def test_sikb_ids_update_adds_the_new_ids_and_keeps_the_old(kb: Path) -> None:
    _published(kb, "old-lab")
    assert retired.update(kb, CASES) == sorted(CASES)
    assert [i for _, i in retired.published(kb)] == ["old-lab", *sorted(CASES)]
    assert retired.update(kb, CASES) == []


def test_a_retired_id_s_page_redirects_to_its_successor(kb: Path) -> None:
    """Meta refresh, canonical and a link to the successor; a withdrawn id links the list."""
    loaded = load(kb).collection
    assert loaded is not None
    collection: Collection = dataclasses.replace(
        loaded, retired={"old-lab": "youth-lab-moldova", "gone": None}
    )
    pages = {p.path: p.text for p in redirects(collection, "ru", "https://kb.example.org/")}
    assert sorted(pages) == ["cases/gone/index.html", "cases/old-lab/index.html"]
    moved = pages["cases/old-lab/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../youth-lab-moldova/">' in moved
    assert (
        '<link rel="canonical" href="https://kb.example.org/ru/cases/youth-lab-moldova/">' in moved
    )
    assert '<a href="../youth-lab-moldova/">Молодёжная лаборатория Молдовы</a>' in moved
    assert 'http-equiv="refresh"' not in pages["cases/gone/index.html"]
    assert '<a href="../">' in pages["cases/gone/index.html"]
