"""Related cases link both ways: a one-way ``related`` item is a warning on its line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def validate(kb: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(kb), "validate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_related_case_that_does_not_link_back_is_a_warning_on_the_item(kb: Path) -> None:
    lviv = kb / "cases" / "lviv-services.md"
    lviv.write_text(lviv.read_text().replace("related: [youth-lab-moldova]\n", ""))
    run = validate(kb)
    assert run.returncode == 0, run.stdout  # a warning, not an error
    lines = [line for line in run.stdout.splitlines() if "one-way-related" in line]
    text = (kb / "cases" / "youth-lab-moldova.md").read_text().splitlines()
    line_no = next(i for i, t in enumerate(text, 1) if t.startswith("related:"))
    col = text[line_no - 1].index("lviv") + 1
    assert lines == [
        f"cases/youth-lab-moldova.md:{line_no}:{col}: warning[one-way-related] related[0]: "
        "'lviv-services' does not list this case among its related cases; add "
        "'youth-lab-moldova' to 'related' in cases/lviv-services.md, or remove "
        "'lviv-services' here"
    ], run.stdout


def test_related_cases_that_link_both_ways_pass(kb: Path) -> None:
    run = validate(kb)
    assert (run.returncode, "one-way-related" in run.stdout) == (0, False), run.stdout
