"""Accessibility: axe-core over every kind of page, light and dark, in every language.

axe-core (the copy ``axe-playwright-python`` bundles) runs in headless Chromium over the
built fixture site: the home page, a case, a country, an actor and a criterion page, the
explorer with a filter applied, with the comparison open and as a table, and the search
dialog showing results; each in Material's light scheme (``default``) and dark scheme
(``slate``), which the palette picks from ``prefers-color-scheme``; in en, ru and uk.
No view may have a serious or critical violation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from generator.model.vocabulary import Vocabularies
from generator.validate.taxonomy import load_taxonomy
from tests.browser.conftest import SCREENSHOTS, PageLog, ServedSite, origin, record
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
"""axe-core 4.12 as the pinned axe-playwright-python ships it."""

LANGS = ("en", "ru", "uk")
SCHEMES = {"light": "default", "dark": "slate"}
"""Playwright's colour scheme -> the ``data-md-color-scheme`` Material must then show."""
SERIOUS = ("serious", "critical")


def explorer_ready(page: Page) -> None:
    page.wait_for_function(
        "(() => { const e = document.getElementById('sikb-explorer');"
        " return e && e.dataset.shows === location.pathname + location.search; })()"
    )


def compare_ready(page: Page) -> None:
    explorer_ready(page)
    page.wait_for_selector("table[data-compare]")


def search_ready(page: Page) -> None:
    page.keyboard.press("/")
    page.fill("[data-sikb-search-query]", "Lviv")
    page.wait_for_selector('.md-search-result[aria-busy="false"]', state="attached")
    page.wait_for_selector(".md-search-result__item")


@dataclass(frozen=True)
class View:
    path: str
    """Under the language's root."""
    ready: Callable[[Page], None] | None = None


VIEWS = {
    "home": View(""),
    "case": View("cases/lviv-services/"),
    "country": View("countries/ua/"),
    "actor": View("actors/lviv-city-council/"),
    "criterion": View("criteria/novelty/"),
    "data": View("data/"),
    "explorer-filtered": View("explorer/?country=UA", explorer_ready),
    "explorer-compare": View("explorer/?tab=compare&compare=MD,UA", compare_ready),
    "explorer-table": View("explorer/?q=lviv&view=table", explorer_ready),
    "search": View("", search_ready),
}


@dataclass
class Contexts:
    """One browser context per (scheme, language), opened when first needed."""

    chromium: Browser
    opened: dict[tuple[str, str], BrowserContext]

    def get(self, scheme: str, lang: str) -> BrowserContext:
        key = (scheme, lang)
        if key not in self.opened:
            self.opened[key] = self.chromium.new_context(
                viewport={"width": 1280, "height": 900},
                locale={"en": "en-US", "ru": "ru-RU", "uk": "uk-UA"}[lang],
                color_scheme="dark" if scheme == "dark" else "light",
            )
        return self.opened[key]


@pytest.fixture(scope="module")
def contexts(chromium: Browser) -> Iterator[Contexts]:
    shared = Contexts(chromium, {})
    yield shared
    for context in shared.opened.values():
        context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def run_axe(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => ({violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({target: n.target,"
        " impact: n.impact, failureSummary: n.failureSummary}))}))}))"
    )
    return list(result["violations"])


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_serious_accessibility_violation(
    contexts: Contexts, served_site: ServedSite, scheme: str, lang: str, view: str
) -> None:
    context = contexts.get(scheme, lang)
    page = context.new_page()
    log = PageLog(origin(served_site.url))
    record(page, log)
    try:
        target = VIEWS[view]
        page.goto(served_site.page_url(f"{lang}/{target.path}"))
        page.wait_for_load_state("networkidle")
        # The scheme the reader's system asks for (Material's script would apply a stored
        # palette choice over it; each context only ever had this scheme).
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        media = page.get_attribute("body", "data-md-color-media")
        assert media == f"(prefers-color-scheme: {scheme})"
        assert page.evaluate(f"matchMedia('{media}').matches")
        assert page.get_attribute("html", "lang") == lang
        if target.ready:
            target.ready(page)
        violations = [v for v in run_axe(page) if v["impact"] in SERIOUS]
        if lang == "en" and (violations or view in ("case", "explorer-compare", "search")):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # for a person to look at
            page.screenshot(path=SCREENSHOTS / f"a11y-{view}-{scheme}.png", full_page=True)
    finally:
        page.close()
    assert not violations, f"{view} ({scheme}, {lang}):\n{describe(violations)}"
    assert not log.problems(), log.problems()


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """WCAG 2's contrast ratio of two opaque colours."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    white, black = (255.0, 255.0, 255.0), (0.0, 0.0, 0.0)
    assert round(contrast(white, black), 2) == 21
    assert round(contrast((0xB2, 0x6A, 0x00), white), 2) == 4.24  # the old "partial" orange


def _ratings() -> tuple[str, ...]:
    taxonomy, _ = load_taxonomy(FIXTURES / "kb")
    assert taxonomy is not None
    return Vocabularies.from_taxonomy(taxonomy).ratings


RATINGS = _ratings()
"""Every rating of the fixture's taxonomy, read from the registry."""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_rating_chip_is_readable(
    contexts: Contexts, served_site: ServedSite, scheme: str
) -> None:
    """A chip's symbol in its colour reaches 4.5:1 (axe skips a chip of one symbol)."""
    page = contexts.get(scheme, "en").new_page()
    try:
        page.goto(served_site.page_url("en/cases/lviv-services/"))
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        assert page.locator(".sikb-glance .sikb-rating").count() > 0
        colours = page.evaluate(
            """ratings => ratings.map(r => {
                const chip = document.createElement("span");
                chip.className = "sikb-rating sikb-rating--" + r;
                chip.textContent = "?";
                document.querySelector("article").append(chip);
                const style = getComputedStyle(chip);
                return [r, style.color, style.backgroundColor];
            })""",
            list(RATINGS),
        )
    finally:
        page.close()
    ratios = {}
    for rating, fg, bg in colours:
        rgb = [tuple(float(x) for x in c[c.index("(") + 1 : -1].split(",")) for c in (fg, bg)]
        assert all(len(c) == 3 for c in rgb), (rating, fg, bg)  # opaque, not rgba()
        ratios[rating] = round(contrast(rgb[0], rgb[1]), 2)
    assert set(ratios) == set(RATINGS)
    assert all(r >= 4.5 for r in ratios.values()), ratios
