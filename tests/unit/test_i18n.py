"""The interface's own words: every string the templates use is translated in every catalog."""

from __future__ import annotations

import pytest

from generator.i18n import catalogs
from generator.model.vocabulary import Vocabularies
from generator.validate.taxonomy import load_taxonomy
from tests.conftest import REPO


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_every_interface_string_is_translated(lang: str) -> None:
    """A template string without a translation fails here, naming the string."""
    coverage = catalogs.coverage(lang)
    assert coverage.has_catalog
    assert coverage.total > 50
    assert coverage.missing == ()


def test_site_languages_have_catalogs() -> None:
    """Every site language but the source language has a catalog file."""
    taxonomy, _ = load_taxonomy(REPO)
    assert taxonomy is not None
    for lang in taxonomy.languages:
        assert lang == catalogs.SOURCE_LANGUAGE or catalogs.po_path(lang).is_file()


def test_russian_plurals_follow_the_number() -> None:
    """1 кейс, 3 кейса, 5 кейсов: the catalog's plural rule picks the form."""
    tr = catalogs.translations("ru")
    forms = [tr.ungettext("%(num)d case", "%(num)d cases", n) % {"num": n} for n in (1, 3, 5, 21)]
    assert forms == ["1 кейс", "3 кейса", "5 кейсов", "21 кейс"]


def test_the_template_extracts_what_the_pot_file_holds() -> None:
    """messages.pot is up to date with the templates (run `sikb i18n --update`)."""
    from babel.messages.pofile import read_po

    with catalogs.TEMPLATE.open("rb") as f:
        committed = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.extract() if m.id}
    assert extracted == committed


def test_rating_symbols_are_distinct_shapes() -> None:
    """Ratings read without colour: each has its own symbol."""
    taxonomy, _ = load_taxonomy(REPO)
    assert taxonomy is not None
    symbols = Vocabularies.from_taxonomy(taxonomy).symbols
    assert len(set(symbols.values())) == len(symbols)
