"""Cite this case in headless Chromium: the reference shows the page's language and the
reader's date of access (today), also after instant navigation, and its files load."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from babel.dates import format_date
from playwright.sync_api import Page

from tests.browser.conftest import ServedSite

pytestmark = pytest.mark.browser


def _reference(page: Page) -> str:
    ref = page.locator(".sikb-cite .sikb-reference")
    ref.locator("time.sikb-accessed[datetime]").wait_for(state="attached")
    return " ".join(ref.inner_text().split())


def test_the_reference_ends_with_today_as_the_date_of_access(
    page: Page, served_site: ServedSite
) -> None:
    today = dt.date.today()
    url = served_site.page_url("en/cases/youth-lab-moldova/")
    page.goto(url)
    assert page.locator("h2#cite-this-case").inner_text().strip(" ¶") == "Cite this case"
    text = _reference(page)
    assert text.startswith("SIKB — Social Innovation Knowledge Base. Youth Lab")
    assert f"Available at: {url} (accessed {format_date(today, 'long', locale='en')})." in text
    accessed = page.locator("time.sikb-accessed")
    assert accessed.get_attribute("datetime") == today.isoformat()


def test_a_russian_reference_writes_its_dates_as_gost_does(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(served_site.page_url("ru/cases/youth-lab-moldova/"))
    text = _reference(page)
    assert "[Электронный ресурс]. Обновлено 15.01.2024. URL: " in text
    assert text.endswith(f"(дата обращения: {dt.date.today().strftime('%d.%m.%Y')}).")


def test_the_date_is_filled_in_after_instant_navigation(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(served_site.page_url("en/cases/"))
    page.locator("article a[href$='youth-lab-moldova/']").first.click()
    page.wait_for_url("**/cases/youth-lab-moldova/")
    assert "[date]" not in _reference(page)


def test_the_files_beside_the_page_load(page: Page, served_site: ServedSite) -> None:
    """BibTeX downloads as a .bib file from the page; CSL-JSON and the case's JSON load."""
    page.goto(served_site.page_url("uk/cases/youth-lab-moldova/"))
    links = page.locator(".sikb-cite-files a")
    assert links.all_inner_texts() == ["BibTeX", "CSL-JSON", "Цей кейс у форматі JSON"]
    with page.expect_download() as download:
        links.first.click()
    assert download.value.suggested_filename == "youth-lab-moldova.bib"
    bib = Path(download.value.path()).read_text(encoding="utf-8")
    assert bib.startswith("@online{sikb-youth-lab-moldova-uk,")
    shown = page.locator(".sikb-bibtex code").text_content() or ""
    assert " ".join(bib.split()) == " ".join(shown.split())
    hrefs = [links.nth(i).evaluate("a => a.href") for i in (1, 2)]
    assert [h.rsplit("/", 1)[1] for h in hrefs] == [
        "youth-lab-moldova.csl.json", "youth-lab-moldova.json",
    ]  # fmt: skip
    csl, case = (page.request.get(h) for h in hrefs)
    assert json.loads(csl.text())[0]["URL"] == page.url
    assert json.loads(case.text())["id"] == "youth-lab-moldova"
    head = page.locator("head link[type='application/atom+xml']")
    assert page.request.get(head.evaluate("l => l.href")).ok
