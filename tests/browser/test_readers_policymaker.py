"""The policymaker in Kyiv (issue 20): on the explorer, at a desktop (1280x900) and on a
phone (390x844, touch), in each language, on a host other than the configured one: filter
by a country and a theme, compare Ukraine with another country (the line naming the other
filters, shares, the criteria's bars and their legend), download the comparison and the
spreadsheet in the page's language, and print (the controls left out). Each step's
screenshot goes to build/screenshots/readers/policymaker-<lang>-<size>-<step>.png.

Every expected figure and word comes from the fixture collection and the catalogs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.i18n.catalogs import translations
from generator.model.collection import Collection
from generator.validate.collection import load
from tests.browser import readers
from tests.browser.readers import DESKTOP, LANGS, PHONE, Size, _, closed, open_reader, shot, tap
from tests.browser.serving import Server
from tests.browser.test_explorer import compare_cells, dataset, settled, shown_ids

pytestmark = pytest.mark.browser

COUNTRY, OTHER, THEME = "UA", "SE", "social-services"
"""Ukraine, the country compared with it, and the theme the policymaker asks about."""


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from readers.elsewhere(tmp_path_factory)


@pytest.fixture(scope="module")
def collection(elsewhere: Server) -> Collection:
    loaded = load(elsewhere.root.parent).collection
    assert loaded is not None
    return loaded


def downloaded(page: Page, selector: str, size: Size) -> tuple[str, str]:
    """Tap a download button: the file's name and its text."""
    with page.expect_download() as got:
        tap(page, selector, size)
    return got.value.suggested_filename, Path(got.value.path()).read_bytes().decode("utf-8")


def hidden_when_printed(page: Page) -> list[str]:
    """Which of the explorer's controls print (none should)."""
    controls = (
        "#sikb-filters",
        "button[data-tab]",
        ".sikb-explorer__toggle",
        "button[data-download]",
        ".sikb-compare__pick",
        "#sikb-sort",
    )
    return [c for c in controls if page.locator(c).first.is_visible()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=lambda s: s.name)
def test_filter_compare_download_and_print(
    chromium: Browser, elsewhere: Server, collection: Collection, lang: str, size: Size
) -> None:
    data = dataset(collection, lang, readers.CONFIGURED)
    records = data.records()
    facets = json.loads(data.explorer()[0])["facets"]
    country, other, theme = (
        data.label("countries", COUNTRY),
        data.label("countries", OTHER),
        data.label("themes", THEME),
    )
    name = f"policymaker-{lang}-{size.name}"
    page, log = open_reader(chromium, elsewhere, size)
    page.goto(f"{elsewhere.url}{lang}/explorer/")
    settled(page)
    shot(page, f"{name}-1-explorer")

    # a country and a theme; on a phone through the "Filters (n)" button
    if size.touch:
        assert not page.is_visible("#sikb-filters")
        tap(page, ".sikb-explorer__toggle", size)
    tap(page, f'label:has(input[name="country"][value="{COUNTRY}"])', size)
    tap(page, f'label:has(input[name="theme"][value="{THEME}"])', size)
    wanted = [r["id"] for r in records if COUNTRY in r["countries"] and THEME in r["themes"]]
    assert wanted
    n = len(wanted)
    matching = translations(lang).ungettext("%(num)d case matches", "%(num)d cases match", n)
    assert page.inner_text(".sikb-explorer__count") == matching % {"num": n}
    if size.touch:
        assert page.inner_text(".sikb-explorer__toggle") == f"{_(lang, 'Filters')} (2)"
        shot(page, f"{name}-2-filters")
        tap(page, ".sikb-explorer__done", size)
        assert not page.is_visible("#sikb-filters")
    settled(page)
    assert shown_ids(page) == wanted
    title = _(lang, "Explorer: %(filters)s") % {"filters": f"{country}, {theme}"}
    assert page.title().startswith(title)
    page.locator(".sikb-explorer__top").scroll_into_view_if_needed()
    shot(page, f"{name}-3-filtered")

    # Ukraine beside another country, within the theme, from the tab at the top
    tap(page, 'button[data-tab="compare"]', size)
    for code in (COUNTRY, OTHER):
        tap(page, f'label:has(input[name="compare"][value="{code}"])', size)
    table = page.locator(f'table[data-compare="{COUNTRY},{OTHER}"]')
    expect(table).to_be_visible()
    within = f"{facets['theme']['name']}: {theme}"
    assert page.inner_text(".sikb-compare__within") == _(
        lang, "Within the other filters: %(filters)s."
    ) % {"filters": within}
    per = [
        [r for r in records if c in r["countries"] and THEME in r["themes"]]
        for c in (COUNTRY, OTHER)
    ]
    cells = compare_cells(page, [COUNTRY, OTHER])
    assert cells[_(lang, "Cases")] == [str(len(p)) for p in per]
    sector = data.label("sectors", per[0][0]["sectors"][0])
    for cell, p in zip(cells[sector], per, strict=True):
        n = sum(sector in r["sector_labels"] for r in p)
        assert re.fullmatch(rf"{n} \((\d+\s?%|–)\)", cell), cell  # a count and its share
    bars = table.locator("tr.sikb-compare__criterion .sikb-compare__bar")
    assert bars.count() == 2 * len(collection.taxonomy.criteria)
    for k in range(bars.count()):
        assert bars.nth(k).locator("span").count() >= 1  # each country has a case
    legend = [t.strip() for t in page.locator(".sikb-compare__legend li").all_inner_texts()]
    vocab = data.vocab
    assert legend == [f"{vocab.symbols[r]} {data.label('ratings', r)}" for r in vocab.ratings]
    table.scroll_into_view_if_needed()
    shot(page, f"{name}-4-compare")

    # the comparison as a file, in the page's language
    filename, text = downloaded(page, 'button[data-download="compare"]', size)
    assert filename == f"sikb-comparison-{COUNTRY}-{OTHER}-{lang}.csv"
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0] == [
        _(lang, "Group"),
        _(lang, "Value"),
        country,
        f"{country}, %",
        other,
        f"{other}, %",
    ]
    assert rows[1] == [_(lang, "Cases"), "", str(len(per[0])), "", str(len(per[1])), ""]
    assert rows[-1] == [_(lang, "Filters"), within]

    # the spreadsheet of the filtered cases, as the build's file in the page's language
    tap(page, 'button[data-tab="results"]', size)
    filename, text = downloaded(page, 'button[data-download="spreadsheet"]', size)
    assert filename == f"sikb-cases-{lang}.csv"
    served = (elsewhere.root / lang / "data" / f"sikb-cases-{lang}.csv").read_bytes().decode()
    header, *lines = served.split("\r\n")
    sep = ";" if header.count(";") > header.count(",") else ","
    by_id = {line.rsplit(sep, 1)[1]: line for line in lines if line}
    assert text == header + "\r\n" + "".join(by_id[i] + "\r\n" for i in wanted)
    assert _(lang, "Title") in header
    if lang == "uk":
        assert header.removeprefix("\ufeff").split(";")[:2] == ["Назва", "Короткий опис"]

    # printed: the results, then the comparison, never the controls
    page.emulate_media(media="print")
    assert page.locator(".sikb-card").first.is_visible()
    assert hidden_when_printed(page) == []
    page.locator(".sikb-card").first.scroll_into_view_if_needed()
    shot(page, f"{name}-5-print-results")
    page.emulate_media(media="screen")
    tap(page, 'button[data-tab="compare"]', size)
    page.emulate_media(media="print")
    expect(table).to_be_visible()
    assert page.is_visible(".sikb-compare__within")
    assert hidden_when_printed(page) == []
    table.scroll_into_view_if_needed()
    shot(page, f"{name}-6-print-compare")
    closed(page, log)
