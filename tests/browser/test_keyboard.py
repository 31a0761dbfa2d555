"""The explorer and the search from the keyboard alone, and single-key shortcuts that
act only when the page itself has the focus (WCAG 2.1.1 and 2.1.4).

On the fixture site (``served_site``), English, 1280 px wide, in headless Chromium.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ServedSite

pytestmark = pytest.mark.browser

QUERY = "[data-sikb-search-query]"

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return "page";
  if (e.matches("[data-sikb-search-query]")) return "search";
  if (e.matches('label[for="__search"]')) return "search button";
  if (e.matches("input[type=checkbox]")) return e.name + "=" + e.value;
  if (e.matches("[data-tab]")) return "tab=" + e.dataset.tab;
  if (e.matches("[data-view]")) return "view=" + e.dataset.view;
  if (e.matches("[data-download]")) return "download=" + e.dataset.download;
  if (e.matches("[data-more]")) return "more";
  if (e.matches("summary")) return "summary=" + (e.parentElement.dataset.facet || "");
  if (e.id) return "#" + e.id;
  return e.tagName.toLowerCase() + " " + (e.getAttribute("href") || e.textContent.trim());
}"""

CONTROLS = (
    """() => [...document.querySelectorAll(
    "#sikb-explorer input, #sikb-explorer select, #sikb-explorer button,"
    + " #sikb-explorer summary, #sikb-explorer a[href]")]
  .filter(e => !e.disabled && e.getClientRects().length > 0)
  .filter(e => e.type !== "radio" || e.checked)  // a radio group is one stop: arrows move in it
  .map(e => { e.focus(); return ("""
    + FOCUSED
    + ")(); })"
)


def open_explorer(page: Page, served: ServedSite, query: str = "") -> None:
    page.goto(served.page_url(f"en/explorer/{query}"))
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        "(() => { const e = document.getElementById('sikb-explorer');"
        " return e && e.dataset.shows === location.pathname + location.search; })()"
    )


def focused(page: Page) -> str:
    return str(page.evaluate(FOCUSED))


def from_the_top(page: Page) -> None:
    """Focus back on the page itself, as after a click on its text."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert focused(page) == "page"


def tab_to(page: Page, name: str, limit: int = 400) -> None:
    """Press Tab until the control ``name`` (as ``FOCUSED`` names it) has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == name:
            return
    pytest.fail(f"Tab never reached {name}")


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-case]", "els => els.map(e => e.dataset.case)")


def fewer_per_page(page: Page, n: int) -> None:
    """The fixture has 4 cases, under the 50 the explorer shows at once: show ``n``."""
    page.evaluate(f"window.sikbExplorer.s.shown = {n}; window.sikbExplorer.renderResults()")
    assert len(shown(page)) == n


def test_tab_reaches_every_control_of_the_explorer(page: Page, served_site: ServedSite) -> None:
    open_explorer(page, served_site)
    fewer_per_page(page, 2)  # so "Show more" is there
    controls = page.evaluate(CONTROLS)
    assert {
        "#sikb-q",
        "country=UA",
        "theme=youth",
        "summary=actor",
        "summary=c.novelty",
        "#sikb-from",
        "#sikb-sort",
        "view=cards",
        "view=table",
        "download=csv",
        "download=json",
        "more",
        "tab=results",
        "tab=compare",
    } <= set(controls), controls
    from_the_top(page)
    reached = []
    for _ in range(len(controls) + 100):
        page.keyboard.press("Tab")
        reached.append(focused(page))
        if set(controls) <= set(reached):
            break
    assert set(controls) <= set(reached), set(controls) - set(reached)
    # in reading order: the tabs (results, comparison), the filters, the bar, the results,
    # "Show more"
    order = [
        reached.index(c)
        for c in ("tab=compare", "#sikb-q", "country=UA", "#sikb-sort", "view=table")
    ]
    assert order == sorted(order)
    assert reached.index("download=json") < reached.index("more")


def test_the_explorer_s_controls_work_by_keyboard(page: Page, served_site: ServedSite) -> None:
    open_explorer(page, served_site)
    from_the_top(page)
    tab_to(page, "country=UA")
    page.keyboard.press("Space")
    assert page.is_checked('input[name="country"][value="UA"]')
    assert shown(page) == ["lviv-services"]
    page.keyboard.press("Space")
    assert len(shown(page)) == 4

    # a closed facet opens with Enter, and Tab goes on into its values
    tab_to(page, "summary=actor")
    assert page.get_attribute('details[data-facet="actor"]', "open") is None
    page.keyboard.press("Enter")
    assert page.get_attribute('details[data-facet="actor"]', "open") == ""
    page.keyboard.press("Tab")
    assert focused(page) == "#sikb-mode-actor-any"  # cases with any of these, or all
    page.keyboard.press("Tab")
    assert focused(page).startswith("actor=")

    tab_to(page, "#sikb-sort")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#sikb-sort") == "start"
    assert "sort=start" in page.url

    tab_to(page, "view=table")
    page.keyboard.press("Enter")
    page.wait_for_selector('table[data-view="table"]')
    assert page.get_attribute('button[data-view="table"]', "aria-pressed") == "true"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "view=cards"
    page.keyboard.press("Space")
    page.wait_for_selector(".sikb-cards")
    assert page.get_attribute('button[data-view="cards"]', "aria-pressed") == "true"

    for key, kind in (("Enter", "csv"), ("Space", "json")):
        tab_to(page, f"download={kind}")
        with page.expect_download() as got:
            page.keyboard.press(key)
        assert got.value.suggested_filename == f"sikb-cases-en.{kind}"
    fewer_per_page(page, 2)
    tab_to(page, "more")
    page.keyboard.press("Enter")
    assert len(shown(page)) == 4
    assert page.is_hidden("button[data-more]")

    from_the_top(page)
    tab_to(page, "tab=compare")
    page.keyboard.press("Enter")
    for country in ("MD", "UA"):
        tab_to(page, f"compare={country}")
        page.keyboard.press("Space")
    page.wait_for_selector('table[data-compare="MD,UA"]')


def test_tab_reaches_the_search_and_arrows_and_enter_pick_a_result(
    page: Page, served_site: ServedSite
) -> None:
    page.goto(served_site.page_url("en/"))
    page.wait_for_load_state("networkidle")
    from_the_top(page)
    tab_to(page, "search")
    assert not page.is_checked("#__search")  # reaching the box opens nothing (test_chrome)
    page.keyboard.type("Lviv")
    assert page.is_checked("#__search")  # typing in it does
    page.wait_for_selector('.md-search-result[aria-busy="false"] .md-search-result__item')
    hrefs = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused(page) == f"a {hrefs[1]}"
    page.keyboard.press("Enter")
    page.wait_for_url(served_site.page_url(hrefs[1]))
    assert not page.is_checked("#__search")


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_on_a_narrow_screen_the_search_button_is_reached_and_pressed(
    page: Page, served_site: ServedSite, key: str
) -> None:
    """Below 60em the header shows a button in place of the box: Tab reaches it."""
    page.set_viewport_size({"width": 600, "height": 900})
    page.goto(served_site.page_url("en/"))
    page.wait_for_load_state("networkidle")
    assert page.is_visible('label.md-header__button[for="__search"]')
    from_the_top(page)
    tab_to(page, "search button", limit=30)
    page.keyboard.press(key)
    assert page.is_checked("#__search")
    assert focused(page) == "search"
    page.keyboard.type("Lviv")
    page.wait_for_selector('.md-search-result[aria-busy="false"] .md-search-result__item')
    page.keyboard.press("Enter")
    page.wait_for_url(served_site.page_url("en/cases/lviv-services/"))


def record_clicks(page: Page) -> None:
    """Material's "n" and "p" go to the next and previous page by clicking a link it
    makes (instant navigation): note every link clicked."""
    page.evaluate(
        "window.sikbClicked = [];"
        "document.addEventListener('click', e => { const a = e.target.closest"
        " && e.target.closest('a'); if (a) window.sikbClicked.push(a.href); }, true)"
    )


FOCUS_ON = {
    "text box": "#sikb-q",
    "number box": "#sikb-from",
    "select": "#sikb-sort",
    "checkbox": 'input[name="country"][value="UA"]',
    "button": 'button[data-view="table"]',
    "link": ".sikb-card a",
    "summary": 'details[data-facet="actor"] > summary',
    "editable": "[data-test-editable]",
}


@pytest.mark.parametrize("where", list(FOCUS_ON))
def test_single_keys_act_only_on_the_page_itself(
    page: Page, served_site: ServedSite, where: str
) -> None:
    """ "s" and "/" open the search, "n" and "." go to the next page, only when nothing
    has the focus; typed in a field they are text, pressed on a control nothing."""
    open_explorer(page, served_site)
    page.evaluate(
        "document.querySelector('.sikb-explorer__bar').append(Object.assign("
        "document.createElement('div'), {contentEditable: 'true', tabIndex: 0}));"
        "document.querySelector('[contenteditable]').setAttribute('data-test-editable', '')"
    )
    record_clicks(page)
    page.focus(FOCUS_ON[where])
    for key in ("s", "/", "n", ".", "p", ","):
        page.keyboard.press(key)
    assert not page.is_checked("#__search")
    assert page.evaluate("window.sikbClicked") == []
    assert urlsplit(page.url).path == "/en/explorer/"
    if where == "text box":
        assert page.input_value("#sikb-q") == "s/n.p,"
    if where == "editable":
        assert page.text_content("[data-test-editable]") == "s/n.p,"
    # the same keys on the page itself
    from_the_top(page)
    page.keyboard.press("s")
    assert page.is_checked("#__search")
    assert focused(page) == "search"
    page.keyboard.press("Escape")
    from_the_top(page)
    page.keyboard.press("n")  # the next page after the explorer: the open data page
    assert page.evaluate("window.sikbClicked") == [served_site.page_url("en/data/")]
