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
from generator.i18n import collation
from generator.i18n.catalogs import translations
from generator.model.collection import Collection
from generator.model.vocabulary import Vocabularies
from generator.render.pages import Options, Renderer
from generator.search import stems
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
    # cases without a start year are kept, as the box beside the years says
    assert page.is_checked("#sikb-undated")
    expected = [
        r
        for r in records
        if sector in r["sectors"] and (not r["start"] or int(r["start"][:4]) >= 2015)
    ]
    assert sorted(ids) == sorted(r["id"] for r in expected)
    starts = [next(r for r in records if r["id"] == i)["start"] for i in ids]
    years = [int(s[:4]) for s in starts if s]
    assert years == sorted(years, reverse=True)
    assert starts[len(years) :] == [""] * (len(starts) - len(years))  # undated ones last

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


COMPARED = """rows => rows.map(r => [...r.children].map(c => {
  const figures = c.querySelector('.sikb-compare__figures');
  if (figures) return figures.textContent;
  return c.dataset.n === undefined ? c.textContent : c.textContent.trim();
}))"""
"""Each row of the comparison as the reader reads it: a label, then per country its count
(and share), or a criterion's figures beside its bar."""


def compare_cells(page: Page, pair: list[str]) -> dict[str, list[str]]:
    return {
        row[0]: row[1:]
        for row in page.eval_on_selector_all(
            f'table[data-compare="{",".join(pair)}"] tbody tr', COMPARED
        )
    }


def share(n: int, total: int) -> str:
    """A share as the page writes it in English (Intl.NumberFormat, whole per cent)."""
    return f"{n} ({int(100 * n / total + 0.5)}%)" if total else f"{n} (–)"


def test_the_comparison_shows_what_the_data_says(
    page: Page, real: tuple[Server, Collection]
) -> None:
    """Reached from the top of the explorer: counts and shares, each criterion as a stacked
    bar in the ratings' order with a legend, and a line saying which filters apply."""
    server, collection = real
    data = dataset(collection, "en", server.url)
    records = data.records()
    pair = busiest(records, "countries", 2)
    open_explorer(page, server)
    page.click('button[data-tab="compare"]')
    assert not page.is_visible("#sikb-results")
    assert page.inner_text(".sikb-compare__within") == "Among all cases: no other filter applies."
    for c in pair:
        page.check(f'input[name="compare"][value="{c}"]')
    assert "tab=compare" in page.url
    page.wait_for_selector(f'table[data-compare="{",".join(pair)}"]')
    cells = compare_cells(page, pair)
    per = [[r for r in records if c in r["countries"]] for c in pair]
    assert cells["Cases"] == [str(len(p)) for p in per]
    for sector in {s for p in per for r in p for s in r["sectors"]}:
        label = next(
            r["sector_labels"][r["sectors"].index(sector)]
            for p in per
            for r in p
            if sector in r["sectors"]
        )
        assert cells[label] == [share(sum(sector in r["sectors"] for r in p), len(p)) for p in per]
    crit = collection.taxonomy.criteria
    first = next(iter(crit))
    label = collection.taxonomy.criteria[first].label["en"]
    vocab = Vocabularies.from_taxonomy(collection.taxonomy)
    symbols, ratings = [vocab.symbols[r] for r in vocab.ratings], vocab.ratings
    counts = [
        [sum(r[f"criterion_{first}"] == rating for r in p) for rating in ratings] for p in per
    ]
    assert cells[label] == [
        " · ".join(f"{s} {n}" for s, n in zip(symbols, c, strict=True)) for c in counts
    ]
    bars = page.eval_on_selector_all(
        f'table[data-compare] tr:has(th:text-is("{label}")) .sikb-compare__bar',
        "bars => bars.map(b => [...b.children].map(s => [s.className,"
        " Math.round(s.getBoundingClientRect().width)]))",
    )
    width = page.eval_on_selector(".sikb-compare__bar", "b => b.getBoundingClientRect().width")
    for bar, c in zip(bars, counts, strict=True):
        assert [cls for cls, _ in bar] == [
            f"sikb-rating--{r}" for r, n in zip(ratings, c, strict=True) if n
        ]
        shown = [w for _, w in bar]
        assert shown == [round(width * n / sum(c)) for n in c if n]
    legend = page.locator(".sikb-compare__legend li").all_inner_texts()
    assert [t.strip() for t in legend] == [
        f"{vocab.symbols[r]} {data.label('ratings', r)}" for r in ratings
    ]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "explorer-compare-en.png", full_page=True)
    # a fifth country cannot be added beyond four
    for c in busiest(records, "countries", 4)[2:]:
        page.check(f'input[name="compare"][value="{c}"]')
    fifth = busiest(records, "countries", 5)[4]
    assert page.is_disabled(f'input[name="compare"][value="{fifth}"]')


def test_the_comparison_names_the_other_filters_it_applies(
    page: Page, real: tuple[Server, Collection]
) -> None:
    """A region ticked elsewhere is said above the comparison, and one button drops it."""
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    pair = busiest(records, "countries", 2)
    used = sorted({x for rec in records for x in rec["regions"]})
    theirs = {x for rec in records if set(pair) & set(rec["countries"]) for x in rec["regions"]}
    region = next(r for r in used if r not in theirs)
    name = collection.taxonomy.regions[region].label["en"]
    open_explorer(page, server, query=f"?region={region}&tab=compare&compare={','.join(pair)}")
    assert page.inner_text(".sikb-compare__within") == f"Within the other filters: Region: {name}."
    assert compare_cells(page, pair)["Cases"] == ["0", "0"]
    page.click("button[data-without]")
    assert page.inner_text(".sikb-compare__within") == "Among all cases: no other filter applies."
    assert "region=" not in page.url
    assert compare_cells(page, pair)["Cases"] == [
        str(sum(c in r["countries"] for r in records)) for c in pair
    ]


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


@pytest.mark.parametrize(
    ("lang", "forms"),
    [("uk", ["лабораторія", "лабораторій", "лабораторією"]), ("ru", ["социальный", "социальной"])],
)
def test_free_text_finds_a_word_in_any_of_its_forms(
    page: Page, real: tuple[Server, Collection], lang: str, forms: list[str]
) -> None:
    """In uk and ru the free text looks for its words' stems (search/stems.py, as search
    does): each form finds every case whose title or summary holds a form of the word."""
    server, collection = real
    stem = stems.stemmer(lang)
    records = dataset(collection, lang, server.url).records()
    holding = {
        r["id"]: {
            w
            for w in stems.WORD.findall(r["title"] + " " + r["summary"])
            if stem(w).startswith(stem(forms[0]))
        }
        for r in records
    }
    expected = sorted(i for i, held in holding.items() if held)
    assert len({w.lower() for held in holding.values() for w in held}) > 1  # several forms
    open_explorer(page, server, lang)
    for form in forms:
        page.fill("#sikb-q", form)
        page.wait_for_selector("[data-case] p[lang]")
        page.wait_for_function(f"location.search.includes('q=' + encodeURIComponent({form!r}))")
        settled(page)
        assert sorted(shown_ids(page)) == expected, form


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
    # the readers' spreadsheet in the page's language too
    p.goto(f"{server.url}uk/explorer/")
    link = p.locator('#sikb-explorer a[href$="data/sikb-cases-uk.csv"]')
    assert link.inner_text() == "Завантажити таблицю (українською)"
    sheet = context.request.get(f"{server.url}uk/data/sikb-cases-uk.csv")
    assert sheet.ok
    assert sheet.body().startswith("\ufeffНазва".encode())
    context.close()


PHONE = {"width": 390, "height": 844}
TARGETS = """els => els.filter(e => e.offsetParent !== null).map(e => {
  const r = e.getBoundingClientRect();
  return [e.tagName + (e.id ? '#' + e.id : '') + ' ' + e.textContent.trim().slice(0, 30),
          Math.round(r.width), Math.round(r.height)];
})"""
"""Each visible control's name and size in CSS px."""


def in_view(page: Page, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "e => { const r = e.getBoundingClientRect();"
            " return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }",
        )
    )


def test_on_a_phone_the_results_come_first_and_a_tap_changes_what_is_seen(
    real: tuple[Server, Collection], chromium: Browser
) -> None:
    """At 390x844: the filters behind "Filters (n)", a tap on a country changes the count
    in view, every control at least 24x24 px, and the table scrolls inside its own box."""
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_explorer(page, server)
    assert not page.is_visible("#sikb-filters")
    page.locator(".sikb-explorer__toggle").scroll_into_view_if_needed()
    assert page.inner_text(".sikb-explorer__toggle") == "Filters (0)"
    first = page.eval_on_selector(".sikb-card", "e => e.getBoundingClientRect().top")
    toggle = page.eval_on_selector(".sikb-explorer__toggle", "e => e.getBoundingClientRect().top")
    assert first - toggle < 400  # the results follow the button, not the facets
    page.tap(".sikb-explorer__toggle")
    assert page.is_visible("#sikb-filters")
    country = busiest(records, "countries", 1)[0]
    label = f'label:has(input[name="country"][value="{country}"])'
    page.locator(label).scroll_into_view_if_needed()
    before = page.inner_text(".sikb-explorer__count")
    page.tap(label)
    n = sum(country in r["countries"] for r in records)
    assert page.inner_text(".sikb-explorer__count") == f"{n} cases match" != before
    assert in_view(page, ".sikb-explorer__count")  # the count stays in sight
    assert page.inner_text(".sikb-explorer__toggle") == "Filters (1)"
    small = [
        t
        for t in page.eval_on_selector_all(
            "#sikb-explorer button, #sikb-explorer select, #sikb-explorer input[type=search],"
            " #sikb-explorer label:has(input)",
            TARGETS,
        )
        if t[1] < 24 or t[2] < 24
    ]
    assert small == []
    page.screenshot(path=SCREENSHOTS / "explorer-phone-filters-en.png")
    page.tap(".sikb-explorer__done")
    assert not page.is_visible("#sikb-filters")
    page.click('button[data-view="table"]')
    page.wait_for_selector("table[data-view]")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.eval_on_selector(
        ".sikb-explorer__scroll",
        "e => [e.clientWidth, e.scrollWidth, getComputedStyle(e).overflowX]",
    )
    assert box[0] <= PHONE["width"]
    assert box[2] == "auto"
    page.screenshot(path=SCREENSHOTS / "explorer-phone-table-en.png")
    context.close()


def test_a_skip_link_takes_the_keyboard_to_the_results(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, _ = real
    open_explorer(page, server)
    page.focus(".sikb-explorer__skip")
    assert page.is_visible(".sikb-explorer__skip")
    assert page.inner_text(".sikb-explorer__skip") == "Skip to the results"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.sikb-card') !== null")


def test_all_of_these_asks_for_cases_with_every_ticked_value(
    page: Page, real: tuple[Server, Collection]
) -> None:
    """Two themes: "any" gives the cases with either, "all" those with both, said in words
    beside the facet and kept in the URL; the counts follow the mode."""
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    pairs = [
        (a, b)
        for a in busiest(records, "themes", 8)
        for b in busiest(records, "themes", 8)
        if a < b and sum(a in r["themes"] and b in r["themes"] for r in records) > 0
    ]
    a, b = pairs[0]
    open_explorer(page, server, query=f"?theme={a},{b}")
    either = [r for r in records if a in r["themes"] or b in r["themes"]]
    both = [r for r in either if a in r["themes"] and b in r["themes"]]
    assert len(both) < len(either)
    assert matches(page) == len(either)
    facet = 'details[data-facet="theme"]'
    assert page.is_checked(f'{facet} input[value="any"]')
    assert page.inner_text(f'{facet} label:has(input[value="any"])') == "cases with any of these"
    page.check(f'{facet} input[value="all"]')
    assert page.inner_text(f'{facet} label:has(input[value="all"])') == "cases with all of these"
    assert "all=theme" in page.url
    assert sorted(shown_ids(page)) == sorted(r["id"] for r in both)
    counts = facet_counts(page, "theme")
    for t, n in counts.items():
        assert n == sum({a, b, t} <= set(r["themes"]) for r in records), t
    assert "Theme (cases with all of these): " in page.inner_text(".sikb-explorer__filtered")
    page.reload()
    settled(page)
    assert page.is_checked(f'{facet} input[value="all"]')
    assert matches(page) == len(both)


def test_undated_cases_are_kept_or_dropped_by_the_readers_choice(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, collection = real
    records = dataset(collection, "en", server.url).records()
    undated = [r for r in records if not r["start"]]
    assert undated, "the collection has cases without a start year"
    open_explorer(page, server, query="?from=2015&to=2025")
    dated = [r for r in records if r["start"] and 2015 <= int(r["start"][:4]) <= 2025]
    assert matches(page) == len(dated) + len(undated)
    label = " ".join(page.inner_text('label[for="sikb-undated"]').split())
    assert label == f"Include cases with no start year ({len(undated)})"
    assert "cases with no start year included" in page.inner_text(".sikb-explorer__filtered")
    page.uncheck("#sikb-undated")
    assert matches(page) == len(dated)
    assert "undated=no" in page.url
    assert "cases with no start year left out" in page.inner_text(".sikb-explorer__filtered")


def test_facet_values_are_listed_by_name_without_an_edit_icon(
    page: Page, real: tuple[Server, Collection]
) -> None:
    """Countries by their Russian names (Казахстан before Киргизия), and the facet's
    heading without Material's pencil (the "note" icon)."""
    server, _ = real
    open_explorer(page, server, "ru")
    names = page.eval_on_selector_all(
        'input[name="country"]', "els => els.map(e => e.closest('label').textContent.trim())"
    )
    names = [n.rsplit(" (", 1)[0] for n in names]
    key = collation.sort_key("ru")
    assert names == sorted(names, key=key)
    assert names.index("Казахстан") < names.index("Киргизия")
    icon = page.eval_on_selector(
        'details[data-facet="country"] summary', "e => getComputedStyle(e, '::before').content"
    )
    assert icon == "none"


def test_the_title_names_the_filters(page: Page, real: tuple[Server, Collection]) -> None:
    server, _ = real
    open_explorer(page, server, "uk", "?country=UA&theme=education")
    assert page.title().startswith("Огляд кейсів: Україна, Освіта")
    page.uncheck('input[name="country"][value="UA"]')
    assert page.title().startswith("Огляд кейсів: Освіта")


def test_printing_shows_the_results_not_the_controls(
    page: Page, real: tuple[Server, Collection]
) -> None:
    server, _ = real
    open_explorer(page, server, query="?country=UA")
    page.emulate_media(media="print")
    assert page.is_visible(".sikb-card")
    assert page.is_visible(".sikb-explorer__filtered")
    for hidden in (
        "#sikb-filters",
        "#sikb-sort",
        'button[data-download="csv"]',
        "button[data-tab]",
    ):
        assert not page.is_visible(hidden), hidden
