"""Each invalid fixture produces exactly the report written beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.frontmatter import MAX_BYTES
from tests.conftest import FIXTURES

CASE_SCENARIOS = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
TAXONOMY_SCENARIOS = sorted(p for p in (FIXTURES / "invalid-taxonomy").iterdir() if p.is_dir())


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


@pytest.mark.parametrize("scenario", CASE_SCENARIOS, ids=lambda p: p.name)
def test_invalid_case_reports_exactly(
    scenario: Path, kb: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sikb validate cases/<file>` prints the expected report; exits 1 on errors."""
    files = sorted(f for f in scenario.iterdir() if f.name != "expected.txt")
    for f in files:
        shutil.copy(f, kb / "cases" / f.name)
    monkeypatch.chdir(kb)
    code, out = _run(["validate", *(f"cases/{f.name}" for f in files)], capsys)
    expected = (scenario / "expected.txt").read_text(encoding="utf-8")
    assert out == expected
    assert code == (1 if "error[" in expected else 0)


@pytest.mark.parametrize("scenario", TAXONOMY_SCENARIOS, ids=lambda p: p.name)
def test_invalid_taxonomy_reports_exactly(
    scenario: Path, kb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken taxonomy.yaml is reported with lines, and cases are not checked against it."""
    shutil.copy(scenario / "taxonomy.yaml", kb / "taxonomy.yaml")
    code, out = _run(["--root", str(kb), "validate"], capsys)
    assert out == (scenario / "expected.txt").read_text(encoding="utf-8")
    assert code == 1


def test_file_over_one_mebibyte_is_refused_unread(
    kb: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case file over 1 MiB gets one file-too-large error (generated here, not committed)."""
    huge = kb / "cases" / "huge.md"
    huge.write_text("---\ntitle: x\n---\n" + "a" * MAX_BYTES, encoding="utf-8")
    monkeypatch.chdir(kb)
    code, out = _run(["validate", "cases/huge.md"], capsys)
    assert out == (
        "cases/huge.md: error[file-too-large] the file is 1,048,593 bytes; a case file may be at "
        "most 1 MiB (1,048,576 bytes); move long material to a source and cite it\n"
        "1 error in 1 file (1 file checked).\n"
    )
    assert code == 1
