"""Property tests: no input, however malformed, makes the loader or validator raise."""

from __future__ import annotations

import string
from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.yamlload import parse
from generator.validate.checks import Context
from generator.validate.collection import check_case_text
from generator.validate.taxonomy import load_taxonomy, parse_taxonomy
from tests.conftest import FIXTURES

TAXONOMY, _ = load_taxonomy(FIXTURES / "kb")
assert TAXONOMY is not None
CTX = Context(TAXONOMY, frozenset({"youth-lab-moldova", "lviv-services"}), date(2026, 11, 23))
KEYS = [
    "title",
    "summary",
    "language",
    "countries",
    "places",
    "sectors",
    "themes",
    "actors",
    "status",
    "period",
    "criteria",
    "sources",
    "related",
    "updated",
    "id",
    "role",
    "rating",
    "note",
    "start",
    "end",
    "url",
    "date",
    "novelty",
    "x",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["MD", "UA", "youth", "met", "unknown", "2019", "2019-02-30", "https://x.org"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text())
def test_parse_never_raises_on_any_text(text: str) -> None:
    """Any text at all gives values or problems, never an exception; problems have a line."""
    parsed = parse(text, "t.yaml")
    assert all(p.line >= 1 for p in parsed.problems)


@SETTINGS
@given(st.text(alphabet=st.sampled_from([*string.printable, "é", "\x00", "ё"])))
def test_validator_never_raises_on_any_file_text(text: str) -> None:
    """Any file text gives problems, never an exception; text without front matter is refused."""
    problems = check_case_text("some-case", text, CTX)
    if not text.startswith("---"):
        codes = [p.code for p in problems if p.code != "control-character"]  # \x0b, \x0c, \r
        assert codes == ["no-front-matter"]


@SETTINGS
@given(values)
def test_validator_never_raises_on_any_yaml(value: object) -> None:
    """Any YAML document as front matter gives problems, never an exception."""
    front = yaml.safe_dump(value, allow_unicode=True)
    problems = check_case_text("some-case", f"---\n{front}---\nBody\n", CTX)
    if not isinstance(value, dict):
        assert problems  # a front matter that is not a mapping is always reported


def test_the_fixture_cases_are_valid_by_the_same_entry_point() -> None:
    """The property tests' entry point agrees with the CLI on a valid case."""
    text = (FIXTURES / "kb" / "cases" / "youth-lab-moldova.md").read_text(encoding="utf-8")
    assert check_case_text("youth-lab-moldova", text, CTX) == []


TAXONOMY_TEXT = (FIXTURES / "kb" / "taxonomy.yaml").read_text(encoding="utf-8")


@SETTINGS
@given(values)
def test_taxonomy_loader_never_raises_on_any_yaml(value: object) -> None:
    """Any YAML document as taxonomy.yaml gives problems, never an exception."""
    taxonomy, problems = parse_taxonomy(yaml.safe_dump(value, allow_unicode=True))
    assert taxonomy is None
    assert problems


@SETTINGS
@given(st.integers(0, len(TAXONOMY_TEXT) - 1), st.integers(1, 40), st.text(max_size=5))
def test_taxonomy_loader_never_raises_on_a_damaged_taxonomy(at: int, cut: int, junk: str) -> None:
    """The real fixture taxonomy with a slice replaced by junk: problems or a taxonomy."""
    taxonomy, problems = parse_taxonomy(TAXONOMY_TEXT[:at] + junk + TAXONOMY_TEXT[at + cut :])
    assert (taxonomy is None) == bool(problems)
