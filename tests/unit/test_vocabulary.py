"""The registry of vocabularies and facets, and the labels of terms, built from taxonomy.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.i18n.labels import Labels
from generator.model.taxonomy import DEFAULT_COLOUR, DEFAULT_SYMBOL, Rating, Taxonomy, contrast
from generator.model.vocabulary import Vocabularies
from generator.validate.collection import load
from generator.validate.taxonomy import load_taxonomy
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    taxonomy, problems = load_taxonomy(FIXTURES / "kb")
    assert taxonomy is not None, problems
    return taxonomy


def test_the_ratings_are_the_taxonomys_in_its_order(tax: Taxonomy) -> None:
    """Order, symbols and colours come from taxonomy.yaml."""
    vocab = Vocabularies.from_taxonomy(tax)
    assert vocab.ratings == ("met", "partial", "not-met", "unknown")
    assert dict(vocab.symbols) == {"met": "✔", "partial": "◐", "not-met": "✘", "unknown": "?"}
    assert dict(vocab.colours) == {
        "met": "#2e7d32",
        "partial": "#9c5d00",
        "not-met": "#c62828",
        "unknown": "#757575",
    }
    assert vocab.statuses == ("active", "completed")
    assert [vocab.rank(r) for r in ("unknown", "met", "nonsense")] == [3, 0, 4]


def test_the_css_has_a_chip_and_a_fill_per_rating(tax: Taxonomy) -> None:
    css = Vocabularies.from_taxonomy(tax).css()
    assert css.splitlines()[:2] == [
        ".sikb-rating--met { background: #2e7d32; }",
        ".sikb-fill-met { fill: #2e7d32; }",
    ]
    assert len(css.splitlines()) == 8


def test_a_rating_without_symbol_or_colour_gets_a_readable_default() -> None:
    rating = Rating(id="emerging", label={"en": "Emerging"})
    assert (rating.symbol, rating.colour) == (DEFAULT_SYMBOL, DEFAULT_COLOUR)
    assert contrast(DEFAULT_COLOUR, "#ffffff") >= 4.5


@pytest.mark.parametrize(
    ("colour", "words"),
    [("#ffeb3b", "white on '#ffeb3b' is 1.2"), ("red", "'#rrggbb'"), ("#B26A00", "'#rrggbb'")],
)
def test_a_colour_white_text_cannot_be_read_on_is_refused(colour: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        Rating(id="x", label={"en": "X"}, colour=colour)


def test_an_unreadable_colour_in_taxonomy_yaml_is_a_problem(tmp_path: Path) -> None:
    text = (FIXTURES / "kb" / "taxonomy.yaml").read_text(encoding="utf-8")
    (tmp_path / "taxonomy.yaml").write_text(text.replace("#2e7d32", "#b26a00"), encoding="utf-8")
    taxonomy, problems = load_taxonomy(tmp_path)
    assert taxonomy is None
    assert [(p.code, p.field) for p in problems] == [("invalid-value", "ratings[0].colour")]
    assert "white on '#b26a00' is 4.24:1" in problems[0].message


def test_the_facets_name_their_columns(tax: Taxonomy) -> None:
    """A facet's plural is its vocabulary's name, written once."""
    columns = {f.key: (f.column, f.label_column) for f in Vocabularies.from_taxonomy(tax).facets}
    assert columns["country"] == ("countries", "country_labels")
    assert columns["actor_type"] == ("actor_types", "actor_type_labels")
    assert columns["status"] == ("status", "status_label")


def test_labels_come_from_the_taxonomy_cldr_and_the_actors(tax: Taxonomy) -> None:
    ru = Labels(tax, "ru")
    assert ru.label("ratings", "partial") == "Выполнен частично"
    assert ru.label("statuses", "active") == "Действует"
    assert ru.label("actor-types", "un-agency") == "Агентство ООН"
    assert ru.label("countries", "MD") == "Молдова"
    assert ru.label("languages", "uk") == "украинский"
    assert ru.label("actors", "unicef") == "ЮНИСЕФ"
    assert ru.describe("criteria", "novelty", "question") == "Ново ли это здесь?"
    assert ru.describe("regions", "eastern-europe") == ""


def test_a_label_missing_in_a_language_falls_back_to_the_default(tax: Taxonomy) -> None:
    labels = Labels(tax, "ru")
    assert labels.text({"en": "Only English", "ru": ""}) == "Only English"
    assert labels.text({"uk": "Лише українською"}) == ""
    assert labels.text(None) == ""


def test_a_rating_that_needs_a_note_is_read_from_the_taxonomy(kb: Path) -> None:
    """`needs_note: true` on a new rating makes a case rated so without a note a warning."""
    tax = kb / "taxonomy.yaml"
    text = tax.read_text(encoding="utf-8")
    emerging = "  - id: emerging\n    needs_note: true\n    label: {en: E, ru: E, uk: E}\n"
    tax.write_text(text.replace("\nstatuses:\n", "\n" + emerging + "\nstatuses:\n"), "utf-8")
    case = kb / "cases" / "lviv-services.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace("novelty: unknown", "novelty: emerging"),
        encoding="utf-8",
    )
    problems = [p for p in load(kb).problems if p.path == "cases/lviv-services.md"]
    assert [(p.path, p.code, p.message) for p in problems] == [
        ("cases/lviv-services.md", "missing-note", "rated 'emerging' without a note")
    ]


def test_more_than_ten_ratings_is_a_problem(tmp_path: Path) -> None:
    """The explorer's data writes a rating as one digit."""
    text = (FIXTURES / "kb" / "taxonomy.yaml").read_text(encoding="utf-8")
    extra = "".join(f"  - id: r{i}\n    label: {{en: R, ru: R, uk: R}}\n" for i in range(7))
    text = text.replace("\nstatuses:\n", "\n" + extra + "\nstatuses:\n")
    (tmp_path / "taxonomy.yaml").write_text(text, encoding="utf-8")
    taxonomy, problems = load_taxonomy(tmp_path)
    assert taxonomy is None
    assert [(p.code, p.field, p.message) for p in problems] == [
        ("too-many", "ratings", "expected at most 10 items, found 11")
    ]
