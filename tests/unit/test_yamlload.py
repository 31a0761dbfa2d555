"""The YAML reader: values, positions, and what PyYAML would have hidden."""

from __future__ import annotations

from generator.load.yamlload import parse
from generator.load.yamlscalars import resolve_plain


def test_positions_are_file_lines_and_columns() -> None:
    """Every key and item has its 1-based line and column in the whole file."""
    parsed = parse("title: X\nactors:\n  - {id: a, role: b}\n", "c.md", line_offset=1)
    assert parsed.data == {"title": "X", "actors": [{"id": "a", "role": "b"}]}
    assert parsed.positions[("title",)] == (2, 1)
    assert parsed.positions[("actors", 0)] == (4, 5)
    assert parsed.positions[("actors", 0, "role")] == (4, 13)


def test_duplicate_key_at_depth_is_an_error_and_the_first_value_is_kept() -> None:
    """PyYAML would keep the last value silently; we report the second and keep the first."""
    parsed = parse("a:\n  b: 1\n  b: 2\n", "t.yaml")
    assert parsed.data == {"a": {"b": 1}}
    [problem] = parsed.problems
    assert problem.as_text() == (
        "t.yaml:3:3: error[duplicate-key] a.b: the key 'b' appears twice (first at line 2); "
        "YAML would silently keep only the last value: merge the two into one key"
    )


def test_scalars_follow_yaml_1_2_so_country_no_stays_text() -> None:
    """`NO` (Norway) and `yes` stay text; dates stay text; true/false/null/numbers resolve."""
    parsed = parse("c: [NO, yes, on]\nd: 2019-02-30\ne: true\nf: ~\ng: 12\nh: 1.5\n", "t")
    assert parsed.data == {
        "c": ["NO", "yes", "on"],
        "d": "2019-02-30",
        "e": True,
        "f": None,
        "g": 12,
        "h": 1.5,
    }
    assert parsed.plain_text[("g",)] == "12"


def test_quoted_scalars_are_always_text() -> None:
    """A quoted number is text, as the contributor wrote it."""
    assert parse('a: "0123"\n', "t").data == {"a": "0123"}
    assert resolve_plain("0123") == 123
    assert resolve_plain("0x1F") == 31
    assert resolve_plain("-.inf") == float("-inf")


def test_anchor_and_alias_are_refused_with_their_positions() -> None:
    """Anchors and aliases are reported where they stand; the alias gives no value."""
    parsed = parse("a: &x [1]\nb: *x\n", "t")
    assert [(p.code, p.line, p.column) for p in parsed.problems] == [
        ("yaml-anchor", 1, 4),
        ("yaml-alias", 2, 4),
    ]
    assert parsed.data == {"a": [1], "b": None}


def test_syntax_error_is_one_problem_with_its_line() -> None:
    """A YAML syntax error gives one problem, with the line in the file and a hint."""
    parsed = parse("title: ok\nsummary: a: b\n", "c.md", line_offset=1)
    [problem] = parsed.problems
    assert (problem.code, problem.line, problem.column) == ("yaml-syntax", 3, 11)
    assert problem.hint == "put text that contains ': ' in quotes"
