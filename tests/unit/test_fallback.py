"""Which text of a case a reader sees: their language, then the site's default, then the
original (generator/model/views.py), and the validator's idea of it (page_ids.source)."""

from __future__ import annotations

import dataclasses

import pytest

from generator.model import views
from generator.model.collection import Collection
from generator.model.views import State
from generator.validate.collection import load
from generator.validate.page_ids import source
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def collection() -> Collection:
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    return loaded


def shown(collection: Collection, case_id: str, lang: str) -> tuple[str, State, str]:
    text = views.case_text(collection, collection.cases[case_id], lang)
    return text.shown, text.state, text.title


def test_a_swedish_original_reaches_ru_and_uk_readers_in_its_english_translation(
    collection: Collection,
) -> None:
    assert shown(collection, "swedish-fund", "en") == (
        "en", State.TRANSLATION, "A Swedish fund"
    )  # fmt: skip
    for lang in ("ru", "uk"):
        assert shown(collection, "swedish-fund", lang) == (
            "en", State.FALLBACK, "A Swedish fund"
        )  # fmt: skip


def test_the_readers_own_language_comes_first_and_the_original_last(
    collection: Collection,
) -> None:
    assert shown(collection, "youth-lab-moldova", "ru")[:2] == ("ru", State.TRANSLATION)
    assert shown(collection, "youth-lab-moldova", "uk")[:2] == ("uk", State.STALE)
    assert shown(collection, "lviv-services", "uk")[:2] == ("en", State.FALLBACK)
    without_english = dataclasses.replace(
        collection,
        translations={
            k: {lang: t for lang, t in v.items() if lang != "en"}
            for k, v in collection.translations.items()
        },
    )
    assert shown(without_english, "swedish-fund", "ru") == (
        "sv", State.FALLBACK, "En svensk fond"
    )  # fmt: skip


def test_every_text_of_a_case_is_a_version_the_original_first(collection: Collection) -> None:
    case = collection.cases["youth-lab-moldova"]
    assert [(v.lang, v.original) for v in views.versions(collection, case)] == [
        ("en", True), ("ru", False), ("uk", False)
    ]  # fmt: skip
    uk = views.versions(collection, case)[2]
    assert (uk.machine_translated, uk.stale) == (True, True)


@pytest.mark.parametrize(
    ("have", "lang", "original", "expected"),
    [
        (frozenset({"en"}), "ru", "sv", "en"),
        (frozenset({"en", "ru"}), "ru", "sv", "ru"),
        (frozenset({"ru"}), "uk", "sv", None),
        (frozenset({"ru"}), "en", "uk", None),
        (frozenset({"ru"}), "uk", "uk", None),
    ],
)
def test_the_validator_follows_the_same_chain(
    have: frozenset[str], lang: str, original: str, expected: str | None
) -> None:
    """A page's anchors are checked against the text it shows (None: the original)."""
    assert source(have, lang, "en", original) == expected
