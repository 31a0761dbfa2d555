"""Hidden characters, deep nesting and huge values are refused with their line, quickly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.load import characters
from generator.load.yamlload import MAX_DEPTH, MAX_SCALAR, parse
from generator.validate.collection import check_case_text, parse_case_text
from generator.validate.link_checks import check_links
from tests.conftest import FIXTURES
from tests.unit.test_properties import CTX, SETTINGS

VALID = (FIXTURES / "kb" / "cases" / "youth-lab-moldova.md").read_text(encoding="utf-8")
FORBIDDEN = [
    *(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"),
    "\x7f",
    *(chr(c) for c in range(0x80, 0xA0)),
    "\u2028",
    "\u2029",
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
]


def _texts(text: str) -> list[str]:
    return [p.as_text() for p in parse_case_text(text, "cases/x.md").problems]


def test_the_valid_case_is_valid_with_lf_and_with_crlf_line_endings() -> None:
    """A file saved on Windows (CRLF) is as valid as the same file with LF."""
    assert check_case_text("youth-lab-moldova", VALID, CTX) == []
    assert check_case_text("youth-lab-moldova", VALID.replace("\n", "\r\n"), CTX) == []


@pytest.mark.parametrize("char", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_each_forbidden_character_is_refused_in_the_front_matter_and_the_body(char: str) -> None:
    """Every control, separator and bidi character is named by code point at file:line:col."""
    text = VALID.replace("title: ", f"title: A{char}", 1) + f"\nEnd{char}.\n"
    found = [(p.line, p.column, p.code) for p in parse_case_text(text, "cases/x.md").problems]
    last = text.count("\n")
    assert found == [(2, 9, "control-character"), (last, 4, "control-character")]
    message = parse_case_text(text, "cases/x.md").problems[0].message
    assert f"U+{ord(char):04X}" in message


def test_the_messages_name_the_character_and_say_what_to_do() -> None:
    """The exact lines for a bidi override, a line separator, a NUL and a lone CR."""
    text = "---\ntitle: x\u202e\n---\nA\u2028B\x00\rC\r\n"
    assert _texts(text) == [
        "cases/x.md:2:9: error[control-character] the bidirectional control U+202E "
        "(RIGHT-TO-LEFT OVERRIDE) is not allowed in a case file; delete it: it makes the text "
        "display in another order than it is written; right-to-left text needs no such character",
        "cases/x.md:4:2: error[control-character] the invisible line break U+2028 (LINE "
        "SEPARATOR) is not allowed in a case file; delete it; use an ordinary line break",
        "cases/x.md:4:4: error[control-character] the control character U+0000 is not allowed "
        "in a case file; delete it; it is often pasted in by accident",
        "cases/x.md:4:5: error[control-character] a carriage return (U+000D) that does not end "
        "a line is not allowed in a case file; save the file with LF (or CRLF) line endings",
    ]


def test_an_escape_that_writes_a_forbidden_character_is_refused_too() -> None:
    """``"\\u202e"`` in double quotes puts the character in the value: refused on its line."""
    assert _texts('---\ntitle: "a\\u202eb"\nsummary: "\\x07"\n---\n') == [
        "cases/x.md:2:8: error[control-character] title: the value contains the bidirectional "
        "control U+202E (RIGHT-TO-LEFT OVERRIDE), which is not allowed; delete it, or the "
        "backslash escape that writes it",
        "cases/x.md:3:10: error[control-character] summary: the value contains the control "
        "character U+0007, which is not allowed; delete it, or the backslash escape that writes it",
    ]


def test_a_flood_of_control_characters_is_reported_in_21_lines() -> None:
    """Twenty characters one by one, then one line counting the rest: the report stays short."""
    problems = parse_case_text("---\ntitle: x\n---\n" + "\x00" * 10_000, "cases/x.md").problems
    assert len(problems) == characters.MAX_REPORTED + 1
    assert problems[-1].message == "9,980 more such characters after this one are not listed"


def test_nesting_deeper_than_the_limit_is_refused_on_its_line() -> None:
    """10,000 opening brackets: one problem at the 21st level, no recursion error."""
    parsed = parse("title: x\nplaces: " + "[" * 10_000, "cases/x.md", line_offset=1)
    assert [(p.line, p.column, p.code) for p in parsed.problems] == [
        (3, 9 + MAX_DEPTH - 1, "too-deep")
    ]
    assert parsed.problems[0].message == "lists and mappings nested more than 20 levels deep"
    assert parsed.data is None


def test_nesting_up_to_the_limit_is_read() -> None:
    """Twenty levels (the root mapping and 19 lists) are still YAML we read."""
    depth = MAX_DEPTH - 1
    parsed = parse("a: " + "[" * depth + "]" * depth, "t.yaml")
    assert parsed.problems == []


def test_deep_block_nesting_is_refused_too() -> None:
    """Indentation nests as brackets do."""
    text = "".join(" " * i + "-\n" for i in range(2_000))
    assert [p.code for p in parse(text, "t.yaml").problems] == ["too-deep"]


@pytest.mark.parametrize("size", [MAX_SCALAR + 1, 150_000, 10_000_000])
@pytest.mark.parametrize("quote", ["", '"', "'"])
def test_a_value_over_100_000_characters_is_refused_with_its_line(size: int, quote: str) -> None:
    """A huge summary, plain or quoted, is one problem on its line; nothing is kept."""
    text = f"---\ntitle: x\nsummary: {quote}{'y' * size}{quote}\n---\nBody.\n"
    problems = parse_case_text(text, "cases/x.md").problems
    assert [p.as_text() for p in problems] == [
        f"cases/x.md:3:10: error[value-too-long] summary: a value of {size:,} characters; "
        "a value may have at most 100,000; move long text into the body, or cite it as a source"
    ]


def test_a_value_of_100_000_characters_is_read() -> None:
    """The limit itself is allowed."""
    assert parse("a: " + "y" * MAX_SCALAR, "t.yaml").problems == []


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from(["a", "\n", "\r", "\t", "é", *FORBIDDEN[::7]]), max_size=60)
)
def test_every_forbidden_character_in_a_body_is_reported_at_its_place(body: str) -> None:
    """Each forbidden character in the body gets a problem at its own line and column."""
    head = "---\ntitle: x\n---\n"
    found = [
        (p.line, p.column)
        for p in parse_case_text(head + body, "cases/x.md").problems
        if p.code == "control-character"
    ]
    expected = []
    lines = (head + body).split("\n")
    for n, line in enumerate(lines, 1):
        for col, char in enumerate(line, 1):
            lone_cr = char == "\r" and not (col == len(line) and n < len(lines))
            if char in FORBIDDEN or lone_cr:
                expected.append((n, col))
    assert found == expected[: characters.MAX_REPORTED] + (
        [expected[characters.MAX_REPORTED - 1]] if len(expected) > characters.MAX_REPORTED else []
    )


YAML_PIECES = [
    "title: ",
    "summary: ",
    "places: ",
    "\n",
    "\r\n",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    '"',
    "'",
    "\\",
    "\\u202e",
    "\\x07",
    "\\r",
    "#",
    "&a ",
    "*a",
    "!t ",
    "|",
    ">",
    "2019",
    "x",
    "é",
    *FORBIDDEN[::5],
]


@SETTINGS
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join))
def test_any_front_matter_of_yaml_pieces_and_hidden_characters_gives_problems(front: str) -> None:
    """Brackets, quotes, escapes and hidden characters in any order: problems, never a raise."""
    text = f"---\n{front}\n---\nBody.\n"
    problems = check_case_text("some-case", text, CTX)
    assert all(p.line >= 1 for p in problems)
    if characters.IN_FILE.search(text):
        assert "control-character" in {p.code for p in problems}


LEVELS_PER_OPENER = {"[": 1, "{a: ": 1, "[{a: ": 2, "- ": 1}


@SETTINGS
@given(st.integers(0, 60), st.sampled_from(list(LEVELS_PER_OPENER)))
def test_nesting_of_any_depth_gives_values_or_one_too_deep_problem(depth: int, opener: str) -> None:
    """Up to the limit the YAML is read (or is a syntax error); past it, one too-deep problem."""
    if opener == "- ":  # block sequences, each indented under the last
        text, levels = "".join(" " * (2 * i) + "- \n" for i in range(depth)), depth
    else:  # flow collections under a root mapping
        text, levels = "a: " + opener * depth, 1 + depth * LEVELS_PER_OPENER[opener]
    codes = [p.code for p in parse(text, "t.yaml").problems]
    assert codes.count("too-deep") == (1 if levels > MAX_DEPTH else 0)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "[a](",
                "](",
                ")",
                "<",
                ">",
                "../",
                "x",
                ".md",
                "#",
                "`",
                "```",
                "\n",
                "[r]: ",
                "[^f]: ",
                "/",
                "lviv-services",
                " ",
                "&",
                ":",
                "~~~",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_link_check_never_raises_and_reports_inside_the_body(body: str) -> None:
    """Any body: link problems or none, each on a line of the body."""
    problems = check_links(body, 10, "cases/x.md", frozenset({"lviv-services"}))
    assert all(10 <= p.line < 10 + body.count("\n") + 1 and p.column >= 1 for p in problems)
