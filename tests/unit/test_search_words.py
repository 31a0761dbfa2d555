"""Which words are too common for search to look up alone."""

from __future__ import annotations

from generator.search.search_index import too_common


def test_words_above_the_limit_are_listed_lower_cased_and_sorted() -> None:
    texts = ["The cat and the dog.", "THE end, and more", "the"]
    assert too_common(texts, limit=1) == ("and", "the")
    assert too_common(texts, limit=3) == ("the",)
    assert too_common(texts, limit=4) == ()


def test_cyrillic_words_count_as_words() -> None:
    assert too_common(["и мир и труд", "И май"], limit=2) == ("и",)
