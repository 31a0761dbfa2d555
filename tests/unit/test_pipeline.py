"""The languages' processes: forked side by side, whatever the default start method."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator

import pytest

from generator.build import pipeline


def _pid(lang: str) -> tuple[int, int, None]:
    """Stands in for a language's build: which process ran it, and how many builds under
    way it inherited (a spawned process inherits none); no search index to run."""
    return os.getpid(), len(pipeline._JOBS), None


@pytest.fixture
def stand_ins(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """``_pid`` for a language's build, no search index to run, a build under way."""
    monkeypatch.setattr(pipeline, "_language", _pid)
    monkeypatch.setattr(pipeline, "_search", lambda built, plan, slot=None: built)
    monkeypatch.setattr(pipeline, "_JOBS", ["the build under way"])
    return monkeypatch


@pytest.fixture
def spawn_by_default() -> Iterator[None]:
    """The default start method of macOS, and of Linux from Python 3.14 (forkserver)."""
    before = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    yield
    multiprocessing.set_start_method(before, force=True)


@pytest.mark.usefixtures("spawn_by_default")
@pytest.mark.usefixtures("stand_ins")
def test_languages_build_in_processes_of_their_own_when_fork_is_not_the_default() -> None:
    """Three languages, three jobs: each in a forked process, which has the build's state."""
    ran = pipeline._each_language(["en", "ru", "uk"], 3)
    assert [jobs for _, jobs in ran] == [1, 1, 1]
    assert os.getpid() not in {pid for pid, _ in ran}


@pytest.mark.usefixtures("stand_ins")
def test_one_job_builds_the_languages_one_after_another_in_this_process() -> None:
    assert pipeline._each_language(["en", "ru", "uk"], 1) == [(os.getpid(), 1)] * 3


def _killed(lang: str) -> tuple[int, int]:
    """A language's process killed before it answers, as the kernel's out-of-memory
    killer would; the others answer."""
    if lang == "ru":
        os._exit(9)
    return _pid(lang)


def test_a_language_whose_process_is_killed_is_reported_not_waited_for(
    stand_ins: pytest.MonkeyPatch,
) -> None:
    stand_ins.setattr(pipeline, "_language", _killed)
    (en, _), (ru_tree, ru), (uk, _) = pipeline._each_language(["en", "ru", "uk"], 2)
    assert ru.error == "its process ended without a result (exit code 9)"
    assert ru_tree.language == "ru"
    assert os.getpid() not in {en, uk}


@pytest.mark.usefixtures("stand_ins")
def test_the_languages_processes_have_ended_when_the_build_goes_on() -> None:
    """Each language's memory is given back when it is built, before the search index."""
    pipeline._each_language(["en", "ru", "uk"], 2)
    assert not [p for p in multiprocessing.active_children() if p.name.startswith("sikb-")]


@pytest.mark.parametrize(("cases", "slots"), [(1000, 3), (10000, 2), (40000, 1)])
def test_slots_are_a_core_and_one_more_as_far_as_the_memory_budget_holds(
    monkeypatch: pytest.MonkeyPatch, cases: int, slots: int
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    assert pipeline.jobs_default(cases, 2000) == slots
    slot = max(cases * pipeline.PER_CASE, min(cases * 1.34, 2000) * pipeline.PER_INDEXED_PAGE)
    if slots > 1:
        assert cases * pipeline.FIRST_PER_CASE + slots * slot <= pipeline.BUDGET


def test_a_slot_given_back_starts_the_next_language_before_a_search_index(
    stand_ins: pytest.MonkeyPatch,
) -> None:
    """A language's process is the build's longest step: when one ends, its slot goes to the
    language still waiting, and the ended one's search index waits for the next slot."""
    indexed: dict[str, float] = {}

    def language(lang: str) -> tuple[float, str, None]:
        time.sleep(0.5 if lang == "ru" else 0)
        return time.time(), lang, None

    def search(built: str, plan: None, slot: threading.BoundedSemaphore) -> str:
        with slot:
            indexed[built] = time.time()
            time.sleep(0.2)
        return built

    stand_ins.setattr(pipeline, "_language", language)
    stand_ins.setattr(pipeline, "_search", search)
    started = {lang: at for at, lang in pipeline._each_language(["en", "ru", "uk"], 2)}
    assert started["uk"] < indexed["en"]
