"""The languages' processes: forked side by side, whatever the default start method."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

import pytest

from generator.build import pipeline


def _pid(lang: str) -> tuple[int, int]:
    """Stands in for a language's build: which process ran it, and how many builds under
    way it inherited (a spawned process inherits none)."""
    return os.getpid(), len(pipeline._JOBS)


@pytest.fixture
def spawn_by_default() -> Iterator[None]:
    """The default start method of macOS, and of Linux from Python 3.14 (forkserver)."""
    before = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    yield
    multiprocessing.set_start_method(before, force=True)


@pytest.mark.usefixtures("spawn_by_default")
def test_languages_build_in_processes_of_their_own_when_fork_is_not_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three languages, three jobs: each in a forked process, which has the build's state."""
    monkeypatch.setattr(pipeline, "_language", _pid)
    monkeypatch.setattr(pipeline, "_JOBS", ["the build under way"])
    ran = pipeline._each_language(["en", "ru", "uk"], 3)
    assert [jobs for _, jobs in ran] == [1, 1, 1]
    assert os.getpid() not in {pid for pid, _ in ran}


def test_one_job_builds_the_languages_one_after_another_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "_language", _pid)
    monkeypatch.setattr(pipeline, "_JOBS", ["the build under way"])
    assert pipeline._each_language(["en", "ru", "uk"], 1) == [(os.getpid(), 1)] * 3
