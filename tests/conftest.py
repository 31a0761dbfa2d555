"""Shared fixtures: the fixture knowledge base, and a fixed 'today'."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
TODAY = "2026-11-23"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages that name today's date stay the same whatever day the tests run."""
    monkeypatch.setenv("SIKB_TODAY", TODAY)


@pytest.fixture
def real_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real today, for tests of this repository's own cases: a case edited today is
    dated today, which the fixed day above would call the future."""
    monkeypatch.delenv("SIKB_TODAY", raising=False)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge base (3 cases, 3 translations)."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", target)
    return target
