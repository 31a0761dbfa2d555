"""The explorer, driven in headless Chromium as a policymaker uses it.

It runs on this repository's own collection (copied and built with `sikb build`), and
every expected figure is computed here from the loaded collection, not written down:
a test fails when the page disagrees with the data.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from generator.data.dataset import Dataset
from generator.i18n.catalogs import translations
from generator.model.collection import Collection
from generator.model.vocabulary import Vocabularies
from generator.render.pages import Options, Renderer
from generator.settings import Settings
from tests.browser.conftest import SCREENSHOTS, PageLog, origin, record
from tests.browser.serving import Server, served_kb
from tests.conftest import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Collection]]:
    """This repository's knowledge base, built and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("real") / "kb"
    for name in ("cases", "docs"):
        shutil.copytree(REPO / name, root / name)
    for name in ("taxonomy.yaml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    with served_kb(root) as served:
        yield served


@pytest.fixture
def page_log(real: tuple[Server, Collection]) -> PageLog:
    """The shared ``page`` fixture, held to this module's server."""
    return PageLog(origin(real[0].url))


def dataset(collection: Collection, lang: str, url: str) -> Dataset:
    r = Renderer(collection, lang, Options(Settings(site_url=url)))
    return Dataset(collection, r.texts, r.labels, lang, f"{url}{lang}/cases/")


def open_explorer(page: Page, server: Server, lang: str = "en", query: str = "") -> None:
    page.goto(f"{server.url}{lang}/explorer/{query}")
    settled(page)


def settled(page: Page) -> None:
    """Wait until the explorer shows the view its URL names (after a back, the theme's
    instant navigation may load the page again, and the explorer starts anew)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "(() => { const e = document.getElementById('sikb-explorer');"
        " return e && e.dataset.shows === location.pathname + location.search; })()"
    )


def shown_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-case]", "els => els.map(e => e.dataset.case)")


def matches(page: Page) -> int:
    return int(page.get_attribute("#sikb-explorer", "data-matches") or -1)


def facet_counts(page: Page, param: str) -> dict[str, int]:
    """What the page shows beside each value of a facet: ``{id: n}``."""
    rows = page.eval_on_selector_all(
        f'input[name="{param}"]',
        "els => els.map(e => [e.value, e.closest('label').querySelector('.sikb-facet__count')"
        ".textContent])",
    )
    return {value: int(text.strip("()")) for value, text in rows}


def expected_counts(
    records: list[dict[str, Any]], selected: dict[str, set[str]], key: str
) -> dict[str, int]:
    """Or within a facet, and across facets; a value counts the cases that would match
    if it were added to its own facet."""
    others = {k: v for k, v in selected.items() if k != key and v}
    counts: dict[str, int] = {}
    for rec in records:
        if all(set(rec[k]) & v for k, v in others.items()):
            for value in rec[key]:
                counts[value] = counts.get(value, 0) + 1
    return counts


def busiest(records: list[dict[str, Any]], key: str, n: int) -> list[str]:
    counts: dict[str, int] = {}
    for rec in records:
        for v in rec[key]:
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v))[:n]


def test_country_and_theme_narrow_the_results_and_the_counts(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    open_explorer(page, server)
    assert matches(page) == len(records)
    assert page.inner_text(".sikb-explorer__count") == f"{len(records)} cases match"
    country = busiest(records, "countries", 1)[0]
    page.check(f'input[name="country"][value="{country}"]')
    in_country = [r for r in records if country in r["countries"]]
    assert matches(page) == len(in_country)
    selected = {"countries": {country}, "themes": set()}
    assert facet_counts(page, "theme") == {
        t: expected_counts(records, selected, "themes").get(t, 0)
        for t in facet_counts(page, "theme")
    }
    theme = busiest(in_country, "themes", 1)[0]
    page.check(f'input[name="theme"][value="{theme}"]')
    both = [r["id"] for r in in_country if theme in r["themes"]]
    assert 0 < len(both) < len(records)
    assert sorted(shown_ids(page)) == sorted(both)
    assert not page.is_visible("button[data-more]")  # every result is already shown
    selected["themes"] = {theme}
    shown = facet_counts(page, "country")
    assert shown == {c: expected_counts(records, selected, "countries").get(c, 0) for c in shown}
    # every card shows the country it was filtered by
    for card in page.query_selector_all(".sikb-card"):
        assert collection.taxonomy.countries[country] is not None
        assert any(
            label in card.inner_text()
            for label in next(r for r in records if r["id"] == card.get_attribute("data-case"))[
                "country_labels"
            ]
        )


def test_the_url_reproduces_the_view_and_back_walks_the_changes(
    page: Page, real: tuple[Server, Collection], chromium: Browser
) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    open_explorer(page, server)
    sector = busiest(records, "sectors", 1)[0]
    page.check(f'input[name="sector"][value="{sector}"]')
    after_sector = matches(page)
    page.select_option("#sikb-sort", "start")
    page.click('button[data-view="table"]')
    page.fill("#sikb-from", "2015")
    page.press("#sikb-from", "Enter")
    page.locator("#sikb-from").blur()
    url, ids = page.url, shown_ids(page)
    assert "sector=" in url
    assert "sort=start" in url
    assert "view=table" in url
    assert "from=2015" in url
    expected = [
        r for r in records if sector in r["sectors"] and r["start"] and int(r["start"][:4]) >= 2015
    ]
    assert sorted(ids) == sorted(r["id"] for r in expected)
    years = [int(next(r for r in records if r["id"] == i)["start"][:4]) for i in ids]
    assert years == sorted(years, reverse=True)

    other = chromium.new_context().new_page()
    log = PageLog(origin(server.url))
    record(other, log)
    other.goto(url)
    other.wait_for_selector('table[data-view="table"]')
    assert shown_ids(other) == ids
    assert other.is_checked(f'input[name="sector"][value="{sector}"]')
    assert other.input_value("#sikb-from") == "2015"
    assert other.input_value("#sikb-sort") == "start"
    other.context.close()
    assert not log.problems(), log.problems()

    page.go_back()  # from=2015
    settled(page)
    assert "from=" not in page.url
    assert "view=table" in page.url
    assert page.is_visible('table[data-view="table"]')
    page.go_back()  # view=table
    page.go_back()  # sort=start
    settled(page)
    assert "sort=" not in page.url
    assert matches(page) == after_sector
    page.go_back()  # the sector
    settled(page)
    assert "?" not in page.url
    assert matches(page) == len(records)
    assert not page.is_checked(f'input[name="sector"][value="{sector}"]')


def test_downloads_hold_exactly_the_filtered_cases(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, collection = real
    data = dataset(collection, "en", server.url)
    records = data.records()
    country = busiest(records, "countries", 1)[0]
    open_explorer(page, server, query=f"?country={country}")
    wanted = {r["id"] for r in records if country in r["countries"]}
    assert matches(page) == len(wanted)

    with page.expect_download() as got:
        page.click('button[data-download="csv"]')
    raw = Path(got.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    static = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(data.csv_text().lstrip("\ufeff"), newline=""))
    }
    assert {row["id"] for row in rows} == wanted
    assert rows == [static[row["id"]] for row in rows]
    assert all(row["summary"] for row in rows)
    served = (server.root / "en" / "data" / "cases.csv").read_bytes()
    assert served == data.csv_text().encode("utf-8")

    with page.expect_download() as got:
        page.click('button[data-download="json"]')
    downloaded = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in records}
    assert downloaded == [by_id[r["id"]] for r in downloaded]
    assert {r["id"] for r in downloaded} == wanted


def test_the_comparison_shows_what_the_data_says(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    pair = busiest(records, "countries", 2)
    open_explorer(page, server)
    for c in pair:
        page.check(f'input[name="compare"][value="{c}"]')
    table = page.wait_for_selector(f'table[data-compare="{",".join(pair)}"]')
    assert table is not None
    cells = {
        row[0]: row[1:]
        for row in page.eval_on_selector_all(
            f'table[data-compare="{",".join(pair)}"] tbody tr',
            "rows => rows.map(r => [...r.children].map(c => c.textContent))",
        )
    }
    per = [[r for r in records if c in r["countries"]] for c in pair]
    assert cells["Cases"] == [str(len(p)) for p in per]
    for sector in {s for p in per for r in p for s in r["sectors"]}:
        label = next(
            r["sector_labels"][r["sectors"].index(sector)]
            for p in per
            for r in p
            if sector in r["sectors"]
        )
        assert cells[label] == [str(sum(sector in r["sectors"] for r in p)) for p in per]
    crit = collection.taxonomy.criteria
    first = next(iter(crit))
    label = collection.taxonomy.criteria[first].label["en"]
    vocab = Vocabularies.from_taxonomy(collection.taxonomy)
    symbols, ratings = [vocab.symbols[r] for r in vocab.ratings], vocab.ratings
    assert cells[label] == [
        " · ".join(
            f"{s} {sum(r[f'criterion_{first}'] == rating for r in p)}"
            for s, rating in zip(symbols, ratings, strict=True)
        )
        for p in per
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "explorer-compare-en.png", full_page=True)
    # a fifth country cannot be added beyond four
    for c in busiest(records, "countries", 4)[2:]:
        page.check(f'input[name="compare"][value="{c}"]')
    fifth = busiest(records, "countries", 5)[4]
    assert page.is_disabled(f'input[name="compare"][value="{fifth}"]')


def test_free_text_finds_a_case_by_a_word_of_its_summary(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    target = records[len(records) // 2]
    word = max(
        (w.strip(".,;:()") for w in target["summary"].split()),
        key=lambda w: (w.lower() not in target["title"].lower(), len(w)),
    )
    open_explorer(page, server)
    page.fill("#sikb-q", word)
    page.wait_for_selector(f'[data-case="{target["id"]}"] p[lang]')
    expected = [
        r["id"] for r in records if word.lower() in (r["title"] + "\n" + r["summary"]).lower()
    ]
    assert sorted(shown_ids(page)) == sorted(expected)
    assert f"q={word}" in page.url


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_explorer_speaks_the_page_language(
    page: Page, real: tuple[Server, Collection], lang: str
) -> None:
    """Counts, facet names, country names and case titles in the page's language; a
    screenshot for a person to look at (build/screenshots/explorer-<lang>.png)."""
    server, collection = real
    records = dataset(collection, lang, server.url).records()
    tr = translations(lang)
    open_explorer(page, server, lang)
    page.screenshot(path=SCREENSHOTS / f"explorer-{lang}.png", full_page=True)
    n = len(records)
    assert page.inner_text(".sikb-explorer__count") == tr.ungettext(
        "%(num)d case matches", "%(num)d cases match", n
    ) % {"num": n}
    assert page.inner_text('details[data-facet="country"] summary') == tr.ugettext("Country")
    ua = page.inner_text('label[for^="sikb-country-"]:has(input[value="UA"])')
    assert ua.strip().startswith({"en": "Ukraine", "ru": "Украина", "uk": "Україна"}[lang])
    translated = next(r for r in records if r["text_language"] == lang)
    assert page.inner_text(f'[data-case="{translated["id"]}"] h3') == translated["title"]


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_a_case_page_reads_in_the_page_language(
    page: Page, real: tuple[Server, Collection], lang: str
) -> None:
    """A case translated into every language: its title, facts and criteria in the page's
    language, in the theme; a screenshot for a person (build/screenshots/case-<lang>.png)."""
    server, collection = real
    case = next(
        c
        for c in sorted(collection.cases.values(), key=lambda c: c.id)
        if c.meta.language == "en" and {"ru", "uk"} <= set(collection.translations.get(c.id, {}))
    )
    renderer = Renderer(collection, lang, Options(Settings(site_url=server.url)))
    tr = translations(lang)
    page.goto(f"{server.url}{lang}/cases/{case.id}/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / f"case-{lang}.png", full_page=True)
    assert page.get_attribute("html", "lang") == lang
    title = page.eval_on_selector(
        "article h1", "h => h.textContent.replace(h.querySelector('.headerlink')?.textContent, '')"
    )
    assert title == renderer.texts[case.id].title
    facts = page.locator(".sikb-facts dt").all_inner_texts()
    assert tr.ugettext("Status") in facts
    assert tr.ugettext("Last updated") in facts
    glance = page.locator(".sikb-glance .sikb-rating")
    assert glance.count() == len(collection.taxonomy.criteria)
    assert page.locator(".md-header__title").is_visible()  # the theme styled the page


def test_the_explorer_works_by_keyboard(page: Page, real: tuple[Server, Collection]) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    country = busiest(records, "countries", 1)[0]
    open_explorer(page, server)
    page.focus("#sikb-q")
    box = f'input[name="country"][value="{country}"]'
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name + ':' + document.activeElement.value") == (
            f"country:{country}"
        ):
            break
    else:
        pytest.fail("Tab never reached the country's checkbox")
    page.keyboard.press("Space")
    assert page.is_checked(box)
    assert matches(page) == sum(country in r["countries"] for r in records)


def test_after_an_instant_navigation_and_back(page: Page, real: tuple[Server, Collection]) -> None:
    """Material's instant navigation swaps pages without a reload; the explorer starts
    on arrival and comes back with the view in its URL."""
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    page.goto(f"{server.url}en/")
    page.click('a.md-nav__link[href$="explorer/"]')
    page.wait_for_selector(".sikb-explorer__count")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    country = busiest(records, "countries", 1)[0]
    page.check(f'input[name="country"][value="{country}"]')
    first = shown_ids(page)[0]
    page.click(f'[data-case="{first}"] a')
    page.wait_for_url(f"**/cases/{first}/")
    # the URL changes before the theme has fetched the page: wait for the page itself
    page.wait_for_selector(".sikb-facts")
    page.wait_for_load_state("networkidle")
    page.go_back()
    settled(page)
    assert page.is_checked(f'input[name="country"][value="{country}"]')
    assert matches(page) == sum(country in r["countries"] for r in records)


def test_without_javascript_a_notice_links_the_data(
    real: tuple[Server, Collection], chromium: Browser
) -> None:
    server, _ = real
    context = chromium.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto(f"{server.url}en/explorer/")
    notice = p.inner_text("#sikb-explorer")
    assert "The explorer needs JavaScript" in notice
    hrefs = p.eval_on_selector_all("#sikb-explorer a", "as => as.map(a => a.href)")
    assert f"{server.url}en/data/cases.csv" in hrefs
    assert f"{server.url}en/data/cases.json" in hrefs
    response = context.request.get(f"{server.url}en/data/cases.csv")
    assert response.ok
    assert response.body().startswith(b"\xef\xbb\xbfid,title,summary,")
    context.close()
