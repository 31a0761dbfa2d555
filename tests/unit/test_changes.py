"""`sikb changes`: which case pages a pull request adds, changes or removes, for its summary."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.build.changes import (
    FileChange,
    GitError,
    built_page,
    case_pages,
    changed_files,
    parse_name_status,
    summary,
)

LANGUAGES = ("en", "ru", "uk")
URL = "http://127.0.0.1:8000/"


def test_git_name_status_is_read_with_nul_separators_and_odd_statuses_skipped() -> None:
    text = "A\0cases/new.md\0M\0cases/x.ru.md\0D\0cases/gone.md\0U\0cases/conflict.md\0"
    assert parse_name_status(text) == [
        FileChange("added", "cases/new.md"),
        FileChange("changed", "cases/x.ru.md"),
        FileChange("removed", "cases/gone.md"),
    ]


def test_a_case_page_is_its_folder_index_in_each_language() -> None:
    assert built_page("ru", "lviv-services") == "ru/cases/lviv-services/index.html"


def test_an_original_reaches_every_language_and_a_translation_its_own(tmp_path: Path) -> None:
    """Cases by id; an added original is 'added', a translation alone 'changed'."""
    changes = [
        FileChange("changed", "cases/b-case.uk.md"),
        FileChange("added", "cases/a-case.md"),
        FileChange("added", "cases/a-case.ru.md"),
        FileChange("changed", "cases/b-case.ru.md"),
    ]
    found = case_pages(tmp_path, changes, LANGUAGES)
    assert [(c.case_id, c.status, c.languages) for c in found] == [
        ("a-case", "added", ["en", "ru", "uk"]),
        ("b-case", "changed", ["ru", "uk"]),
    ]
    assert found[1].pages() == ["ru/cases/b-case/index.html", "uk/cases/b-case/index.html"]


def test_a_translation_into_the_default_language_reaches_the_languages_that_fall_back_to_it(
    tmp_path: Path,
) -> None:
    """A Swedish original's English translation is what ru and uk show while they have no
    text of their own; a Russian translation takes ru out."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "fund.md").write_text("---\nlanguage: sv\n---\n", encoding="utf-8")
    (cases / "fund.en.md").write_text("---\ntitle: A fund\n---\n", encoding="utf-8")
    english = [FileChange("changed", "cases/fund.en.md")]
    assert case_pages(tmp_path, english, LANGUAGES)[0].languages == ["en", "ru", "uk"]
    (cases / "fund.ru.md").write_text("---\ntitle: Фонд\n---\n", encoding="utf-8")
    assert case_pages(tmp_path, english, LANGUAGES)[0].languages == ["en", "uk"]


def test_files_that_are_not_shown_cases_are_left_out(tmp_path: Path) -> None:
    """Not in cases/, not Markdown, a bad id, a translation into no site language."""
    changes = [
        FileChange("changed", "docs/about.md"),
        FileChange("added", "cases/notes.txt"),
        FileChange("added", "cases/Bad_Id.md"),
        FileChange("added", "cases/x.kk.md"),
        FileChange("added", "cases/x.a|`b.md"),
    ]
    assert case_pages(tmp_path, changes, LANGUAGES) == []


def test_the_summary_lists_each_case_its_files_and_its_pages(tmp_path: Path) -> None:
    changes = [
        FileChange("removed", "cases/old.md"),
        FileChange("changed", "cases/x.ru.md"),
    ]
    assert summary(case_pages(tmp_path, changes, LANGUAGES), URL) == (
        "### Case pages this change adds, changes or removes\n"
        "\n"
        "| case | files | pages in the built site |\n"
        "| --- | --- | --- |\n"
        "| `old` (removed) | removed `cases/old.md` | (removed from every language) |\n"
        "| `x` (changed) | changed `cases/x.ru.md` | `ru/cases/x/index.html` "
        "(http://127.0.0.1:8000/ru/cases/x/) |\n"
    )


def test_a_summary_of_no_case_says_so() -> None:
    assert summary([], URL) == (
        "### Case pages this change adds, changes or removes\n\nNo case file changed.\n"
    )


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_changed_files_are_what_head_changed_in_cases_since_the_base(tmp_path: Path) -> None:
    """Three dots: what the branch did, not what the base did since; renames split in two."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "cases").mkdir()
    for name in ("kept.md", "renamed.md", "edited.md"):
        (tmp_path / "cases" / name).write_text(f"{name}\n" * 20, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    _git(tmp_path, "switch", "-q", "-c", "branch")
    _git(tmp_path, "mv", "cases/renamed.md", "cases/moved.md")
    (tmp_path / "cases" / "edited.md").write_text("new\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("not a case\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "branch")
    _git(tmp_path, "switch", "-q", "main")
    (tmp_path / "cases" / "kept.md").write_text("changed on main\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "main moves on")
    _git(tmp_path, "switch", "-q", "branch")
    assert changed_files(tmp_path, "main") == [
        FileChange("changed", "cases/edited.md"),
        FileChange("added", "cases/moved.md"),
        FileChange("removed", "cases/renamed.md"),
    ]
    with pytest.raises(GitError, match="no-such-ref"):
        changed_files(tmp_path, "no-such-ref")
