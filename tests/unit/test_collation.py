"""Names sorted as a reader of each language expects (``i18n.collation``)."""

from __future__ import annotations

import random

import pytest

from generator.i18n.collation import sort_key
from generator.model import views

UK = list("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
RU = list("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


@pytest.mark.parametrize(("lang", "alphabet"), [("uk", UK), ("ru", RU)])
def test_the_alphabet_sorts_in_its_own_order(lang: str, alphabet: list[str]) -> None:
    """Each letter of the Ukrainian and Russian alphabets, shuffled, comes back in order."""
    for seed in range(5):
        shuffled = alphabet[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(shuffled, key=sort_key(lang)) == alphabet
        upper = [a.upper() for a in shuffled]
        assert sorted(upper, key=sort_key(lang)) == [a.upper() for a in alphabet]


def test_ukrainian_names_sort_by_the_ukrainian_alphabet() -> None:
    """ґ and ї are letters of their own: after every г and і word, before д and й."""
    names = [
        "Киргизстан", "Казахстан", "Їжак", "Іспанія", "Ґудзик", "Гуцул", "Дніпро",
        "Єгипет", "Естонія", "Ізраїль", "Йорданія", "Італія", "ґава", "Гяур",
    ]  # fmt: skip
    assert sorted(names, key=sort_key("uk")) == [
        "Гуцул", "Гяур", "ґава", "Ґудзик", "Дніпро", "Естонія", "Єгипет", "Ізраїль",
        "Іспанія", "Італія", "Їжак", "Йорданія", "Казахстан", "Киргизстан",
    ]  # fmt: skip


def test_russian_names_sort_by_the_russian_alphabet() -> None:
    """ё sorts with е (as Russian dictionaries do), й after и, ъ ы ь э in their places."""
    names = [
        "Киргизия", "Казахстан", "Ёлка", "Ель", "Еда", "Йемен", "Италия", "Эстония",
        "Ямайка", "Шри-Ланка", "Щука", "Азербайджан", "Юг",
    ]  # fmt: skip
    assert sorted(names, key=sort_key("ru")) == [
        "Азербайджан", "Еда", "Ёлка", "Ель", "Италия", "Йемен", "Казахстан", "Киргизия",
        "Шри-Ланка", "Щука", "Эстония", "Юг", "Ямайка",
    ]  # fmt: skip


def test_case_breaks_ties_only() -> None:
    """A capital and a small letter differ only where the letters are otherwise equal."""
    words = ["Ірак", "ірак", "Іран", "іграшка"]
    assert sorted(words, key=sort_key("uk")) == ["іграшка", "ірак", "Ірак", "Іран"]
    assert sorted(["zebra", "Åland", "apple", "Apple"], key=sort_key("en")) == [
        "Åland", "apple", "Apple", "zebra",
    ]  # fmt: skip


def test_a_list_by_count_keeps_count_first_and_collates_ties() -> None:
    """``views.mix``: most cases first; equal counts by name in the reader's alphabet."""
    names = {"KG": "Киргизстан", "KZ": "Казахстан", "UA": "Україна", "IL": "Ізраїль"}
    cases = [["KG", "UA"], ["KZ", "UA"], ["IL"], ["KG"], ["KZ"]]
    key = sort_key("uk")
    mixed = views.mix(cases, lambda c: c, lambda i: key(names[i]))
    assert mixed == [("KZ", 2), ("KG", 2), ("UA", 2), ("IL", 1)]
