"""The map in Chromium: the explorer's map follows a filter, a country's shape leads to its
page, and a country page printed is a brief without navigation; never an off-host request
(the ``page`` fixture fails on one)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ServedSite
from tests.browser.test_explorer import settled

pytestmark = pytest.mark.browser


def shapes(page: Page) -> dict[str, tuple[str, str, str]]:
    """Each linked country: its count, its shape's class and its accessible name."""
    rows = page.eval_on_selector_all(
        ".sikb-map a[data-country]",
        "els => els.map(a => [a.dataset.country, a.dataset.count,"
        " a.querySelector('path').getAttribute('class'), a.getAttribute('aria-label'),"
        " a.querySelector('title').textContent])",
    )
    assert all(label == title for *_, label, title in rows)
    return {code: (count, css, label) for code, count, css, label, _ in rows}


def test_the_explorer_map_follows_a_filter(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.page_url("en/explorer/"))
    settled(page)
    assert shapes(page) == {
        "MD": ("2", "sikb-map__c2", "Moldova: 2 cases"),
        "SE": ("1", "sikb-map__c1", "Sweden: 1 case"),
        "UA": ("1", "sikb-map__c1", "Ukraine: 1 case"),
    }
    page.check('input[name="country"][value="UA"]')
    settled(page)
    assert shapes(page) == {
        "MD": ("0", "sikb-map__c0", "Moldova: 0 cases"),
        "SE": ("0", "sikb-map__c0", "Sweden: 0 cases"),
        "UA": ("1", "sikb-map__c1", "Ukraine: 1 case"),
    }
    page.uncheck('input[name="country"][value="UA"]')
    settled(page)
    assert shapes(page)["MD"] == ("2", "sikb-map__c2", "Moldova: 2 cases")


def test_the_explorer_map_counts_in_the_page_language(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.page_url("ru/explorer/?country=UA"))
    settled(page)
    found = shapes(page)
    assert found["MD"] == ("0", "sikb-map__c0", "Молдова: 0 кейсов")
    assert found["UA"] == ("1", "sikb-map__c1", "Украина: 1 кейс")


def test_a_country_shape_leads_to_its_page(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.page_url("en/"))
    page.click('.sikb-map a[data-country="UA"]')
    page.wait_for_url("**/en/countries/ua/")
    assert page.is_visible(".sikb-map a[data-country='UA']")
    page.goto(served_site.page_url("en/countries/"))
    page.focus('.sikb-map a[data-country="MD"]')  # a link the keyboard reaches
    assert page.evaluate("document.activeElement.dataset.country") == "MD"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/countries/md/")


def test_a_country_page_prints_as_a_brief(page: Page, served_site: ServedSite) -> None:
    page.goto(served_site.page_url("en/countries/md/"))
    assert page.is_visible(".md-header")
    assert not page.is_visible(".sikb-print-only")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible(".sikb-map")
    assert page.is_visible(".sikb-chart")
    briefs = page.locator(".sikb-cases .sikb-print-only")
    assert briefs.count() == 2
    assert served_site.page_url("en/cases/youth-lab-moldova/") in "".join(briefs.all_inner_texts())
