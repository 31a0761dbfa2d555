"""Bad input never crashes a command and never reaches the code that renders or counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import STALE, sikb

pytestmark = pytest.mark.e2e

UNKNOWN_STATUS = (
    "cases/lviv-services.md:10:1: error[unknown-term] status: 'ongoing' is not a status id in "
    "taxonomy.yaml; the status ids are 'active', 'completed'"
)
REPORT = "\n".join(
    [
        UNKNOWN_STATUS,
        STALE.format(sev="warning"),
        "1 error and 1 warning in 2 files (7 files checked).",
        "",
    ]
)


@pytest.fixture
def kb_with_error(kb: Path) -> Path:
    """The fixture knowledge base with one case whose status is not in the taxonomy."""
    path = kb / "cases" / "lviv-services.md"
    text = path.read_text(encoding="utf-8")
    assert "\nstatus: active\n" in text
    path.write_text(text.replace("\nstatus: active\n", "\nstatus: ongoing\n"), encoding="utf-8")
    return kb


def test_validate_reports_the_unknown_status(kb_with_error: Path) -> None:
    """The report the other commands repeat is the one ``sikb validate`` prints."""
    run = sikb("validate", cwd=kb_with_error)
    assert (run.returncode, run.stdout, run.stderr) == (1, REPORT, "")


@pytest.mark.parametrize(
    "args",
    [["stats"], ["stats", "--format", "json"], ["i18n"], ["i18n", "--strict"]],
    ids=" ".join,
)
def test_commands_that_load_the_collection_print_its_errors_and_exit_1(
    kb_with_error: Path, args: list[str]
) -> None:
    """A collection with an error is reported as validate reports it; nothing counted, no crash."""
    run = sikb(*args, cwd=kb_with_error)
    assert (run.returncode, run.stdout, run.stderr) == (1, "", REPORT)


def test_build_stops_on_the_error_without_a_traceback(kb_with_error: Path, tmp_path: Path) -> None:
    """``sikb build`` prints the same report, exits 1 and writes no site."""
    site = tmp_path / "site"
    run = sikb("build", "--site-dir", str(site), cwd=kb_with_error)
    assert (run.returncode, run.stdout, run.stderr) == (1, "", REPORT)
    assert not site.exists()


def test_schema_needs_only_the_taxonomy(kb_with_error: Path) -> None:
    """An error in a case does not stop ``sikb schema``: editors need it to fix the case."""
    run = sikb("schema", cwd=kb_with_error)
    assert (run.returncode, run.stderr) == (0, "")
    statuses = [s["const"] for s in json.loads(run.stdout)["properties"]["status"]["oneOf"]]
    assert statuses == ["active", "completed"]


def test_schema_on_a_broken_taxonomy_reports_it_and_exits_1(kb: Path) -> None:
    """A taxonomy that does not parse is reported with its line, not a traceback."""
    (kb / "taxonomy.yaml").write_text("languages: [en\n", encoding="utf-8")
    run = sikb("schema", cwd=kb)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines()[0].startswith("taxonomy.yaml:2:1: error[yaml-syntax] ")
    assert "Traceback" not in run.stderr


def test_fingerprint_of_a_case_that_does_not_parse_reports_it(kb: Path) -> None:
    """``sikb fingerprint`` on a file whose front matter is broken prints the problem, exit 1."""
    (kb / "cases" / "broken.md").write_text("---\ntitle: [x\n---\nText.\n", encoding="utf-8")
    run = sikb("fingerprint", "cases/broken.md", cwd=kb)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines()[0].startswith("cases/broken.md:3:1: error[yaml-syntax] ")
    assert run.stderr.splitlines()[-1] == "1 error in 1 file (1 file checked)."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("taxonomy.yaml", "sikb fingerprint: error: taxonomy.yaml is not a case file in cases/\n"),
        ("../outside.md", "sikb fingerprint: error: ../outside.md is not a case file in cases/\n"),
        (
            "cases/swedish-fund.en.md",
            "sikb fingerprint: error: cases/swedish-fund.en.md is a translation; the fingerprint "
            "is of its original, cases/swedish-fund.md\n",
        ),
        ("cases/nothing.md", "sikb fingerprint: error: no such file: cases/nothing.md\n"),
    ],
)
def test_fingerprint_of_anything_but_an_original_is_a_usage_error(
    kb: Path, path: str, message: str
) -> None:
    """A file outside cases/, or a translation, is refused in one line with exit 2."""
    (kb.parent / "outside.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    run = sikb("fingerprint", path, cwd=kb)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", message)


def test_a_link_in_a_translation_body_is_checked_like_the_original(kb: Path) -> None:
    """A translation's body links to cases by file name too; the error names its own file."""
    path = kb / "cases" / "youth-lab-moldova.ru.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nСм. [Львов](../lviv-services/).\n", encoding="utf-8"
    )
    line = path.read_text(encoding="utf-8").splitlines().index("См. [Львов](../lviv-services/).")
    run = sikb("validate", "cases/youth-lab-moldova.ru.md", cwd=kb)
    assert run.stdout.splitlines() == [
        f"cases/youth-lab-moldova.ru.md:{line + 1}:13: error[case-link] body: link to case "
        "'lviv-services' with 'lviv-services.md', found '../lviv-services/'; a link to another "
        "case is its file name: it then works on the page in every language",
        "1 error in 1 file (1 file checked).",
    ]
    assert run.returncode == 1
