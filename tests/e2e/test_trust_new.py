"""``sikb new --title`` writes YAML through a YAML emitter: every title reads back as given."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.validate.collection import load_file

pytestmark = pytest.mark.e2e

TITLES = [
    'The "Open" Lab',
    "C:\\Users\\lab\\",
    '\\"',
    "Lab: a new way",
    "Lab #1",
    "# heading",
    "- dash",
    "* star",
    "& anchor",
    "! tag",
    "*alias",
    "? key",
    "| block",
    "> folded",
    "% directive",
    "@ at",
    "` tick",
    "{x: 1}",
    "[a, b]",
    "it's",
    "Лаборатория «Открытые данные»",
    "Лабораторія: громада",
    "null",
    "yes",
    "2019",
    "1e3",
    " leading and trailing ",
    "a\u00a0b",
    "rocket 🚀",
    "---",
    "...",
]

FILL = [
    ('summary: ""', 'summary: "A summary."'),
    ("  # - {id: unicef, role: initiator}", "  - {id: unicef, role: initiator}"),
    ('status: ""', "status: active"),
    ('  # - title: "The document\'s title"', '  - title: "A report"'),
    ("  #   language: en", "    language: en"),
]


def _new(kb: Path, title: str) -> int:
    where = ["--country", "MD", "--sector", "civic", "--theme", "youth"]
    return main(["--root", str(kb), "new", "draft", *where, f"--title={title}"])


@pytest.mark.parametrize("title", TITLES)
def test_every_title_round_trips_through_new_and_validate(
    kb: Path, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The skeleton, once filled in, validates clean, and its title is exactly the one given."""
    assert _new(kb, title) == 0
    path = kb / "cases" / "draft.md"
    text = path.read_text(encoding="utf-8")
    for old, new in FILL:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(kb), "validate", str(path)]) == 0
    assert capsys.readouterr().out == "No problems in 1 file.\n"
    assert load_file(kb, "cases/draft.md").parsed.data["title"] == title


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("a\nb", "the title must be one line; put the rest in the summary"),
        ("bell\x07", "the title contains the control character U+0007; remove it"),
        (
            "a\rb",
            "the title contains a carriage return (U+000D) that does not end a line; remove it",
        ),
        (
            "x\u202ey",
            "the title contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE); "
            "remove it",
        ),
        ("\udcff", "the title is not valid text: it holds bytes that are not UTF-8"),
    ],
)
def test_a_title_with_a_hidden_character_is_a_usage_error(
    kb: Path, title: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, one line naming the character, and no file written."""
    assert _new(kb, title) == 2
    assert capsys.readouterr().err == f"sikb new: error: {message}\n"
    assert not (kb / "cases" / "draft.md").exists()
