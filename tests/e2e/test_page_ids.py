"""The ids ``page_ids`` computes for a case page are those of the page the site builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model import views
from generator.validate import page_ids
from generator.validate.collection import load
from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import LANGS, run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e

# Headings that clash with the page's own (Sources, Facts, the title), a Cyrillic one in an
# English body, headings inside a note and a fence, footnotes, Markdown in a heading, a
# heading whose id the sanitiser drops (``__init__``: Material's own ids start ``__``).
EDGES = """
## Sources

Our own Sources heading, before the page's.

## Facts

## Lviv services

### Контекст

!!! note "A note"

    #### Inside a note

```text
## not a heading
```

Term
:   A definition.

| a | b |
|---|---|
| 1 | 2 |

A footnote[^a] and another[^b].

## C# and *emphasis* & `code`

## \\_\\_init\\_\\_

## Context

[^a]: First.
[^b]: Second.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base, with edge cases in two bodies and a title, built."""
    root = tmp_path_factory.mktemp("page-ids") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    cases = root / "cases"
    lviv = cases / "lviv-services.md"  # no translation: its body under every language's headings
    lviv.write_text(lviv.read_text(encoding="utf-8") + EDGES, encoding="utf-8")
    ru = cases / "youth-lab-moldova.ru.md"  # a translation's body, and its own title
    ru.write_text(ru.read_text(encoding="utf-8") + EDGES, encoding="utf-8")
    fund = cases / "swedish-fund.en.md"  # a title with Markdown's punctuation and a trailing #
    fund.write_text(
        fund.read_text(encoding="utf-8").replace(
            "title: A Swedish fund", 'title: "A *Swedish* fund & [C#]: C#"'
        ),
        encoding="utf-8",
    )
    done = run(root, "build", "--jobs", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def _built_ids(page: Path) -> tuple[str, ...]:
    """The ids of a built page in document order, but Material's own (``__drawer``, ...)."""
    ids = (el.attrs.get("id") for el in parse(page).iter())
    return tuple(i for i in ids if i and not i.startswith("__"))


def test_computed_ids_are_the_ids_of_every_built_case_page_in_every_language(built: Path) -> None:
    """For each case page in en, ru and uk (an original, a translation, the fallback to an
    original in another language, with and without related cases), ``page_ids.ids`` of the
    text that page shows gives exactly the ids in its built HTML, in the same order."""
    collection = load(built).collection
    assert collection is not None
    compared = 0
    for case in collection.cases.values():
        for lang in LANGS:
            text = views.case_text(collection, case, lang)
            shown = page_ids.PageText(text.title, text.body, bool(case.meta.related))
            html = built / "site" / lang / "cases" / case.id / "index.html"
            assert page_ids.ids(shown, lang) == _built_ids(html), (case.id, lang)
            compared += 1
    assert compared == 9


def test_the_edge_cases_give_the_ids_they_should(built: Path) -> None:
    """The comparison above is not vacuous: the built pages have the clashing and translated
    ids (``sources`` then ``sources_1``, ``_1`` for Cyrillic, footnotes), not ``__init__``."""
    en = _built_ids(built / "site" / "en" / "cases" / "lviv-services" / "index.html")
    assert en == (
        "lviv-services", "facts", "criteria-at-a-glance", "context", "sources", "facts_1",
        "lviv-services_1", "_1", "inside-a-note", "fnref:a", "fnref:b", "c-and-emphasis-code",
        "context_1", "sources_1", "related-cases", "cite-this-case", "fn:a", "fn:b",
    )  # fmt: skip
    uk = _built_ids(built / "site" / "uk" / "cases" / "lviv-services" / "index.html")
    assert uk[:8] == (
        "lviv-services", "_1", "_2", "context", "sources", "facts", "lviv-services_1", "_3",
    )  # fmt: skip
    assert uk[-6:] == ("context_1", "_4", "_5", "_6", "fn:a", "fn:b")  # Sources, Related, Cite
    ru = _built_ids(built / "site" / "ru" / "cases" / "youth-lab-moldova" / "index.html")
    assert ru[:7] == ("_1", "_2", "_3", "_4", "sources", "facts", "lviv-services")
    assert ru[-6:] == ("context", "_6", "_7", "_8", "fn:a", "fn:b")  # Sources, Related, Cite
    fund = _built_ids(built / "site" / "en" / "cases" / "swedish-fund" / "index.html")
    assert fund[0] == "a-swedish-fund-c-c"  # en shows the translation's title
    fund_ru = _built_ids(built / "site" / "ru" / "cases" / "swedish-fund" / "index.html")
    assert fund_ru[0] == "a-swedish-fund-c-c"  # and so does ru: the English, not the Swedish
