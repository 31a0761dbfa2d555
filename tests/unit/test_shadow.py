"""The shadow page Pagefind reads in uk and ru (``search/shadow.py``): indexed words by
their stems, what Pagefind leaves out as it was, the title and what each stem lost kept."""

from __future__ import annotations

from pathlib import Path

from generator.search import shadow, stems

PAGE = """<!doctype html>
<html lang="uk" class="no-js"><head><meta charset="utf-8"><title>Громади - SIKB</title>
<link rel="stylesheet" href="x.css"></head><body><nav>Головна сторінка</nav>
<div data-pagefind-body>
<h1 id="x">Громади Молдови<a class="headerlink" href="#x">¶</a></h1>
<p class="sikb-versions" data-pagefind-ignore>Версії: English</p>
<div class="sikb-search-data" data-pagefind-ignore hidden>
<span data-pagefind-filter="country">Молдова</span><div>Вкладений блок</div>
</div>
<table><tr><th>Критерій</th><th>Оцінка</th></tr></table>
<p>Опитування <em>громадою</em> &amp; UNICEF у 2022 році.</p>
<svg><title>Скільки кейсів</title><text>відповідає</text></svg>
<div><p>Лабораторії</p></div>
</div>
<footer>Ліцензія</footer></body></html>
"""


def test_indexed_words_become_stems_and_the_rest_stays_as_written() -> None:
    out = shadow.page(PAGE, "uk")
    assert out.startswith('<!doctype html><html lang="uk" class="no-js"><head>')
    assert "<title>Громади - SIKB</title>" in out
    assert "Головна" not in out  # the page around the body is not Pagefind's to read
    assert "Ліцензія" not in out
    # A space after each block's tags: Pagefind would join two cells' words.
    assert '<h1 id="x"> громад молдов<a class="headerlink" href="#x">¶</a></h1> ' in out
    assert "<th> критер</th> <th> оцінк</th> " in out
    assert "<p> опитуванн <em>громад</em> &amp; UNICEF у 2022 роц.</p> " in out
    # Left out of Pagefind's text, so as written: ignored blocks, filters, SVG.
    assert "Версії: English" in out
    assert '<span data-pagefind-filter="country">Молдова</span><div>Вкладений блок</div>' in out
    assert "<title>Скільки кейсів</title><text>відповідає</text></svg>" in out
    assert "<p> лаборатор</p>" in out


def test_the_title_and_what_each_stem_lost_are_metadata() -> None:
    out = shadow.page(PAGE, "uk")
    assert '<span data-pagefind-meta="title">Громади Молдови</span>' in out
    written = ["Громади", "Молдови", "Критерій", "Оцінка", "Опитування", "громадою", "у"]
    written += ["році", "Лабораторії"]
    stem = stems.stemmer("uk")
    tails = [stems.tail(w, stem(w)) for w in written]
    assert tails == ["^и", "^и", "^ій", "^а", "^я", "ою", "", "і", "^ії"]
    # Packed a character a tail, with no letter or digit for Pagefind's index of metadata.
    packed = stems.packer("uk")(tails)
    assert len(packed) == len(tails)
    assert f'<span data-pagefind-meta="{shadow.TAILS}">{packed}</span>' in out
    assert not any(c.isalnum() for c in packed)


def test_a_page_without_a_body_to_index_is_left_as_it_is() -> None:
    page = PAGE.replace("data-pagefind-body", "data-other")
    assert shadow.page(page, "uk") == page
    unclosed = PAGE[: PAGE.index("<div><p>Лаборатор")]
    assert shadow.page(unclosed, "uk") == unclosed


def test_a_page_stripped_keeps_what_pagefind_reads_as_written() -> None:
    english = PAGE.replace('lang="uk"', 'lang="en"')
    out = shadow.strip(english)
    assert out.startswith('<!doctype html><html lang="en" class="no-js"><head>')
    assert "<title>Громади - SIKB</title>" in out
    assert "Головна" not in out
    assert "Ліцензія" not in out
    body = english[english.index(shadow.BODY) : english.index("<footer>")]
    assert out.endswith(body.rstrip() + "</body></html>")  # the block whole, to its </div>
    unclosed = english[: english.index("<div><p>Лаборатор")]
    assert shadow.strip(unclosed) == unclosed


def test_the_shadow_of_a_site_holds_the_pages_pagefind_indexes(tmp_path: Path) -> None:
    """uk and ru normalised, en stripped; pages without a body to index, and the bundle's
    folder, left out."""
    site = tmp_path / "site"
    pages = {
        "a/index.html": PAGE,
        "b/index.html": PAGE.replace('lang="uk"', 'lang="en"'),
        "c/index.html": PAGE.replace("data-pagefind-body", "data-other"),
        "pagefind/x.html": PAGE,
    }
    for path, text in pages.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    out = tmp_path / "shadow"
    assert shadow.write(site, out, "pagefind") == 2
    assert "громад молдов" in (out / "a" / "index.html").read_text(encoding="utf-8")
    english = (out / "b" / "index.html").read_text(encoding="utf-8")
    assert english == shadow.strip(pages["b/index.html"])
    assert "Громади Молдови" in english
    assert not (out / "c").exists()
    assert not (out / "pagefind").exists()
