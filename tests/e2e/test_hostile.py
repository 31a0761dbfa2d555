"""The hostile corpus (tests/fixtures/hostile/inputs.yaml) built into a real site: no
page carries script from content, and what contributors wrote prints as written."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.hostile import Corpus, inputs, make_kb
from tests.e2e.test_site import LANGS, run
from tests.htmlsafety import hazards
from tests.htmltree import Node, parse

pytestmark = pytest.mark.e2e

LEGIT = """---
title: Legitimate content
summary: Footnotes, tables, code and links that must survive.
language: ru
countries: [MD]
sectors: [civic]
themes: [youth]
actors:
  - {id: unicef, role: initiator}
status: active
criteria:
  novelty: unknown
  systemic-change: unknown
sources:
  - title: Доклад
    language: ru
updated: "2024-01-01"
---

## Контекст

Текст со сноской[^1], *курсивом* и `код <b>`; см. [Львов](lviv-services.md#context)
и [Википедию](https://uk.wikipedia.org/wiki/Львів).

| Город | Год |
|:------|----:|
| Львов | 2019 |

```
if a < b: pass
```

[^1]: Иванов И. Доклад, 2019.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Corpus]:
    """The fixture knowledge base plus the corpus and one case of legitimate content."""
    root = tmp_path_factory.mktemp("hostile") / "kb"
    corpus = make_kb(root, run)
    (root / "cases" / "legit-content.md").write_text(LEGIT, encoding="utf-8")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site", corpus


@pytest.fixture(scope="module")
def own_scripts(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The scripts (and forms) of every page of the clean fixture site: the site's own."""
    root = tmp_path_factory.mktemp("clean") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    scripts: set[str] = set()
    for path in (root / "site").rglob("*.html"):
        scripts.update(hazards(path.read_text(encoding="utf-8"))[1])
    return scripts


@pytest.fixture(scope="module")
def pages(built: tuple[Path, Corpus]) -> dict[str, tuple[list[str], list[str]]]:
    """Every built HTML page: its hazards and its scripts."""
    site, _ = built
    found = {
        str(p.relative_to(site)): hazards(p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    }
    assert len(found) > 3 * 60
    return found


def _page(site: Path, lang: str, path: str) -> Node:
    return parse(site / lang / path / "index.html")


def test_the_corpus_has_at_least_60_inputs_in_labelled_families() -> None:
    items = inputs()
    families = Counter(i.family for i in items)
    assert len(items) >= 60
    assert len(families) >= 15
    assert len({i.id for i in items}) == len(items)


def test_every_input_reaches_a_case_page_or_is_refused_by_the_validator(
    built: tuple[Path, Corpus],
) -> None:
    """Refused inputs still reach the hand-written page; most reach case pages too."""
    site, corpus = built
    for item in corpus.built:
        for lang in LANGS:
            assert (site / lang / "cases" / item.case_id / "index.html").is_file()
    left_out = {i.id for i in corpus.items if not i.docs_only} - {i.id for i in corpus.built}
    assert left_out == set(corpus.refused)
    assert len(corpus.built) >= 40


def test_no_page_has_a_script_or_an_embedding_element_but_the_site_s_own(
    pages: dict[str, tuple[list[str], list[str]]], own_scripts: set[str]
) -> None:
    """Every <script> is one the clean fixture site has (src under assets/, Material's
    inline ones); so is every iframe, object, embed, form, base and meta http-equiv
    (Material's search form)."""
    foreign = {path: [s[:80] for s in scripts if s not in own_scripts]
               for path, (_, scripts) in pages.items()}  # fmt: skip
    assert {p: s for p, s in foreign.items() if s} == {}
    srcs = {s for s in own_scripts if s.startswith("src=")}
    # (404.html, served at any address, has absolute ones: /en/assets/...)
    assert srcs
    assert all(re.fullmatch(r"src=(/\w\w/)?assets/[\w./-]+\.js", s) for s in srcs), srcs
    assert not [s for s in own_scripts if s.startswith(("<iframe", "<object", "<embed", "<base"))]


def test_no_page_has_an_event_handler_or_a_script_url(
    pages: dict[str, tuple[list[str], list[str]]],
) -> None:
    """No on* attribute; no javascript:, data: or vbscript: URL in any URL attribute
    (entities decoded, whitespace and control characters out)."""
    assert {path: found for path, (found, _) in pages.items() if found} == {}


def test_plain_text_fields_print_exactly_as_written(built: tuple[Path, Corpus]) -> None:
    """Title (heading and <title>), summary, places and criterion note of each case."""
    site, corpus = built
    for item in corpus.built:
        doc = _page(site, "en", f"cases/{item.case_id}")
        title = f"Hostile {item.n}: {item.text}" if item.plain else f"Hostile {item.n}"
        assert doc.find("h1").text == " ".join(title.split())
        assert doc.find("title").text.startswith(" ".join(title.split()))
        summary = f"Summary {item.n}: {item.text}" if item.plain else f"Summary {item.n}."
        assert doc.find("p", class_="sikb-summary").text == " ".join(summary.split())
        if item.one_line:
            facts = doc.find("div", class_="sikb-facts")
            assert " ".join(item.text.split()) in [dd.text for dd in facts.find_all("dd")]
            notes = [td.text for td in doc.find_all("td") if td.attrs.get("lang")]
            assert " ".join(item.text.split()) in notes
        ru = _page(site, "ru", f"cases/{item.case_id}")
        ru_title = f"Враждебный {item.n}: {item.text}" if item.plain else f"Враждебный {item.n}"
        assert ru.find("h1").text == " ".join(ru_title.split())


def test_tags_in_a_body_print_as_text(built: tuple[Path, Corpus]) -> None:
    """A <script> written in a case body, its translation and the hand-written page is
    shown as the text the contributor wrote."""
    site, corpus = built
    script = next(i for i in corpus.items if i.id == "script")
    for lang in LANGS:
        body = _page(site, lang, f"cases/{script.case_id}").find("div", class_="sikb-body")
        assert script.text in body.text
        hostile = _page(site, lang, "hostile").find("article")
        assert script.text in hostile.text


def test_the_hand_written_page_carries_every_input_under_its_heading(
    built: tuple[Path, Corpus],
) -> None:
    site, corpus = built
    for lang in LANGS:
        headings = [h.text.split(" ", 1)[0] for h in _page(site, lang, "hostile").find_all("h2")]
        # Inputs that are headings themselves add theirs ("## Heading {: onclick=...}").
        assert [h for h in headings if h.isdigit()] == [str(i.n) for i in corpus.items]


def test_a_hand_written_page_s_title_and_description_print_as_written(
    built: tuple[Path, Corpus],
) -> None:
    """From its first heading, its front matter, or MultiMarkdown-style lines (text)."""
    site, _ = built
    for lang in LANGS:
        heading = _page(site, lang, "hostile-title")
        assert heading.find("title").text.startswith(
            "T </title><img src=x onerror=alert(1)> </title><b> "
            "</title><img src=x onerror=alert(3)> - "
        )
        meta = _page(site, lang, "hostile-meta")
        assert meta.find("title").text.startswith("</title><img src=x onerror=alert(1)> - ")
        assert meta.find("meta", name="description").attrs["content"] == (
            '"><img src=x onerror=alert(2)>'
        )
        assert meta.find("h1").text == "Meta"  # its own template, not 404.html
        mmd = _page(site, lang, "hostile-mmd").find("article")
        assert mmd.find("p").text == "title: </title><img src=x onerror=alert(1)>"


def test_legitimate_content_survives(built: tuple[Path, Corpus]) -> None:
    """Footnote, table alignment, code with "<", a link to a case with its anchor and a
    link with a Cyrillic path, on the page in every language."""
    site, corpus = built
    assert "legit-content" not in corpus.refused
    for lang in LANGS:
        article = _page(site, lang, "cases/legit-content").find("article")
        body = article.find("div", class_="sikb-body")
        footnote = article.find("div", class_="footnote")  # at the end of the page
        assert [li.text for li in footnote.find_all("li")] == ["Иванов И. Доклад, 2019. ↩"]
        assert footnote.find_all("h1") + footnote.find_all("h2") == []
        assert [c.attrs.get("style") for c in body.find_all("th")] == [
            "text-align: left;",
            "text-align: right;",
        ]
        assert [c.text for c in body.find_all("code")] == ["код <b>", "if a < b: pass"]
        hrefs = [a.attrs.get("href") for a in body.find_all("a")]
        assert "../lviv-services/#context" in hrefs
        assert "https://uk.wikipedia.org/wiki/Львів" in hrefs


def test_control_characters_are_refused_in_a_case_file(tmp_path: Path) -> None:
    """The inputs that only the hand-written page carries are refused in a case file,
    each at its line and column (generator/load/characters.py)."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    lviv = (root / "cases" / "lviv-services.md").read_text(encoding="utf-8")
    controls = [i for i in inputs() if i.docs_only]
    for i in controls:
        text = lviv.replace("title: Lviv services", f"title: Lviv {i.n}") + f"\n{i.text}\n"
        (root / "cases" / f"control-{i.n}.md").write_bytes(text.encode("utf-8"))
    done = run(root, "validate", "--format", "json")
    codes: dict[str, set[str]] = {}
    for problem in json.loads(done.stdout)["problems"]:
        codes.setdefault(problem["path"], set()).add(problem["code"])
    assert done.returncode == 1
    for i in controls:
        assert "control-character" in codes[f"cases/control-{i.n}.md"], i.id
