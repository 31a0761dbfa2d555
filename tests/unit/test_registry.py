"""What the registry reads from taxonomy.yaml besides the ratings' looks: the facets, the
default rating and the statuses' meaning for dates, each checked with its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.data.scaffold import render_skeleton
from generator.model.vocabulary import Vocabularies
from generator.paths import EXPLORER_PATH, case_href_pattern
from generator.problems import Problem
from generator.validate.checks import Context
from generator.validate.collection import check_case_text
from generator.validate.taxonomy import load_taxonomy, parse_taxonomy
from tests.conftest import FIXTURES, REPO

KB = (FIXTURES / "kb" / "taxonomy.yaml").read_text(encoding="utf-8")
REAL = (REPO / "taxonomy.yaml").read_text(encoding="utf-8")


def problems(text: str) -> list[tuple[int, str, str, str, str]]:
    taxonomy, found = parse_taxonomy(text)
    assert taxonomy is None
    return [(p.line, p.code, p.field, p.message, p.hint) for p in found]


def lines_of(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]


def line_of(text: str, needle: str) -> int:
    return lines_of(text, needle)[0]


def test_the_real_taxonomy_declares_the_facets_the_site_had() -> None:
    """Order, keys and flags of the explorer's facets and search's filters."""
    taxonomy, _ = load_taxonomy(REPO)
    assert taxonomy is not None
    vocab = Vocabularies.from_taxonomy(taxonomy)
    facets = {f.key: (f.column, f.open, f.compare, f.search, f.table) for f in vocab.facets}
    assert facets == {
        "country": ("countries", True, False, True, True),
        "region": ("regions", True, False, True, False),
        "sector": ("sectors", True, True, True, True),
        "theme": ("themes", True, True, True, True),
        "actor": ("actors", False, False, True, False),
        "actor_type": ("actor_types", False, True, False, False),
        "status": ("status", True, False, True, True),
    }
    assert (vocab.default_rating, vocab.not_started, vocab.finished) == (
        "unknown",
        ("planned",),
        ("completed",),
    )


def test_a_facet_of_a_vocabulary_no_case_is_read_for_is_refused() -> None:
    """`roles` is a vocabulary, but not one a facet can show: the message lists those."""
    text = KB.replace("  - vocabulary: actors\n", "  - vocabulary: roles\n")
    assert problems(text) == [
        (
            line_of(text, "vocabulary: roles"),
            "unknown-term",
            "facets[4].vocabulary",
            "'roles' is not a vocabulary a facet can show: a facet shows one of 'countries', "
            "'regions', 'sectors', 'themes', 'actors', 'actor_types', 'statuses'",
            "a facet of another needs code to read it from a case "
            "(FACET_KINDS in generator/model/vocabulary.py)",
        )
    ]


def test_a_facet_listed_twice_is_refused() -> None:
    text = KB.replace("  - vocabulary: regions\n", "  - vocabulary: countries\n")
    first, second = lines_of(text, "vocabulary: countries")
    assert problems(text) == [
        (
            second,
            "duplicate-item",
            "facets[1].vocabulary",
            f"a facet of 'countries' is listed twice (first at line {first})",
            "remove one",
        )
    ]


def test_a_facet_name_missing_in_a_site_language_is_refused() -> None:
    text = KB.replace(
        "    all: {en: All themes, ru: Все темы, uk: Усі теми}\n",
        "    all: {en: All themes, ru: Все темы}\n",
    )
    assert problems(text) == [
        (
            line_of(text, "all: {en: All themes"),
            "missing-label",
            "facets[3].all",
            "no 'uk' text; every all is given in every site language (en, ru, uk)",
            "add 'uk: ...' to the all of the facet of 'themes'",
        )
    ]


def test_one_rating_is_the_default() -> None:
    """None marked, or two: each a problem at its line."""
    none = KB.replace("    default: true\n", "")
    assert [p[:3] for p in problems(none)] == [
        (line_of(none, "ratings:"), "missing-default", "ratings")
    ]
    two = KB.replace("  - id: not-met\n", "  - id: not-met\n    default: true\n")
    first, second = lines_of(two, "default: true")
    assert problems(two) == [
        (
            second,
            "duplicate-default",
            "ratings[3].default",
            f"'unknown' is the default too (the first at line {first}); one rating is",
            "remove 'default: true' from all but one",
        )
    ]


def test_the_default_rating_is_what_an_unrated_criterion_reads_as_and_sikb_new_writes(
    tmp_path: Path,
) -> None:
    text = KB.replace("    default: true\n", "").replace(
        "  - id: not-met\n", "  - id: not-met\n    default: true\n"
    )
    (tmp_path / "taxonomy.yaml").write_text(text, encoding="utf-8")
    taxonomy, found = load_taxonomy(tmp_path)
    assert taxonomy is not None, found
    assert Vocabularies.from_taxonomy(taxonomy).default_rating == "not-met"
    skeleton = render_skeleton(taxonomy, ["MD"], ["civic"], ["youth"], "en", "T", date(2026, 1, 1))
    assert "  novelty:         not-met   # Is it new here?" in skeleton
    assert "  # 'not-met' is an honest answer." in skeleton


def _messages(taxonomy_text: str, status: str, period: str, tmp_path: Path) -> list[Problem]:
    (tmp_path / "taxonomy.yaml").write_text(taxonomy_text, encoding="utf-8")
    taxonomy, found = load_taxonomy(tmp_path)
    assert taxonomy is not None, found
    criteria = "".join(f"  {c}: unknown\n" for c in taxonomy.criteria)
    text = (
        f"---\ntitle: T\nsummary: S.\nlanguage: en\ncountries: [MD]\nsectors: [civic]\n"
        f"themes: [youth]\nactors:\n  - {{id: unicef, role: initiator}}\nstatus: {status}\n"
        f"{period}\ncriteria:\n{criteria}sources:\n  - {{title: A report, language: en}}\n"
        f'updated: "2026-01-01"\n---\nText.\n'
    )
    ctx = Context(taxonomy, frozenset({"a-case"}), date(2026, 11, 23))
    return check_case_text("a-case", text, ctx)


def test_the_date_rules_keep_their_words_for_the_real_taxonomy(tmp_path: Path) -> None:
    """`planned` (not started) and `completed` (finished) are read from taxonomy.yaml."""
    start = _messages(REAL, "active", 'period: {start: "2099-01"}', tmp_path)
    assert [(p.message, p.hint) for p in start] == [
        (
            "the period starts '2099-01', in the future (today is 2026-11-23), but the status "
            "is 'active', not 'planned'",
            "set 'status: planned' for a case that has not started, or correct the start",
        )
    ]
    end = _messages(REAL, "completed", 'period: {start: "2020", end: "2027-03"}', tmp_path)
    assert [(p.message, p.hint) for p in end] == [
        (
            "the case is 'completed' but its period ends '2027-03', in the future "
            "(today is 2026-11-23)",
            "give the date on which it ended, or the status it has now",
        )
    ]


def test_a_status_marked_in_the_taxonomy_changes_the_date_rules(tmp_path: Path) -> None:
    """`pilot` marked not started may start in the future; `discontinued` marked finished
    may not end there."""
    text = REAL.replace("  - id: pilot\n", "  - id: pilot\n    not_started: true\n").replace(
        "  - id: discontinued\n", "  - id: discontinued\n    finished: true\n"
    )
    future = 'period: {start: "2099-01"}'
    assert _messages(text, "pilot", future, tmp_path) == []
    (active,) = _messages(text, "active", future, tmp_path)
    assert active.message.endswith("but the status is 'active', not 'planned' or 'pilot'")
    (ended,) = _messages(text, "discontinued", 'period: {start: "2020", end: "2027"}', tmp_path)
    assert ended.message.startswith("the case is 'discontinued' but its period ends '2027'")


def test_the_explorer_links_a_case_by_the_pattern_paths_gives() -> None:
    assert case_href_pattern(EXPLORER_PATH) == "../cases/{id}/"


def test_a_status_both_not_started_and_finished_is_refused() -> None:
    both = KB.replace(
        "  - id: completed\n    finished: true\n",
        "  - id: completed\n    finished: true\n    not_started: true\n",
    )
    assert [p[:4] for p in problems(both)] == [
        (
            line_of(both, "  - id: completed"),
            "invalid-value",
            "statuses[1]",
            "a status cannot be both 'not_started' and 'finished'; keep one, or neither",
        )
    ]
