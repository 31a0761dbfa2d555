"""What the readers' journeys share (test_readers_*.py): the fixture site built for one
address and served from another, a reader's browser at a size, the language switcher
as a reader uses it, and screenshots of each step.

The site is built with ``SIKB_SITE_URL`` naming a host that is never served
(``CONFIGURED``) and served on 127.0.0.1: a mirror, another port, a preview artifact
opened locally. Every page must work there; the page's log fails a journey on any
request to another host (the configured one included), console error or failed request.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.i18n.catalogs import translations
from tests.browser.conftest import SCREENSHOTS, PageLog, origin, record
from tests.browser.serving import Server, build, serve
from tests.conftest import FIXTURES, REPO, TODAY

CONFIGURED = "https://sikb.example.org/"
"""The build's ``SIKB_SITE_URL``: the permanent URLs name it, nothing is served there."""
LANGS = ("en", "ru", "uk")
SHOTS = SCREENSHOTS / "readers"


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    touch: bool


DESKTOP = Size("desktop", 1280, 900, touch=False)
PHONE = Size("phone", 390, 844, touch=True)


def _(lang: str, msgid: str) -> str:
    return str(translations(lang).ugettext(msgid))


def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The fixture knowledge base built for ``CONFIGURED``, served on 127.0.0.1 (a test
    module's fixture: ``yield from elsewhere(tmp_path_factory)``)."""
    root = tmp_path_factory.mktemp("readers") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    with serve(root / "site") as server:
        done = build(root, CONFIGURED, SIKB_TODAY=TODAY)
        assert done.returncode == 0, done.stdout + done.stderr
        assert server.url != CONFIGURED
        yield server


def open_reader(
    chromium: Browser, server: Server, size: Size, javascript: bool = True
) -> tuple[Page, PageLog]:
    """A new browser context at ``size`` (touch on a phone), in English, logging its page."""
    context = chromium.new_context(
        viewport={"width": size.width, "height": size.height},
        has_touch=size.touch,
        is_mobile=size.touch,
        locale="en-US",
        java_script_enabled=javascript,
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    log = PageLog(origin(server.url))
    record(page, log)
    return page, log


def closed(page: Page, log: PageLog) -> None:
    """Close the reader's browser; fail on what its pages did wrong."""
    page.context.close()
    problems = log.problems()
    assert not problems, "\n".join(problems)


def path(page: Page) -> str:
    """The page's path and query, as the address bar shows them after the host."""
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def heading(page: Page) -> str:
    """The page's title as a reader reads it (without the heading's permalink mark)."""
    return page.locator("article h1").first.inner_text().rstrip("¶ ")


def lang(page: Page) -> str:
    return page.locator("html").get_attribute("lang") or ""


def tap(page: Page, selector: str, size: Size) -> None:
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    if size.touch:
        target.tap()
    else:
        target.click()


def switch_language(page: Page, to: str, size: Size) -> None:
    """Open the header's language menu as a reader would and choose ``to``."""
    menu = page.locator(".md-header__option .md-select")
    if size.touch:
        menu.locator("button").tap()
    else:
        menu.hover()
    link = menu.locator(f'a.md-select__link[hreflang="{to}"]')
    link.wait_for(state="visible")
    tap(page, f'.md-header__option a.md-select__link[hreflang="{to}"]', size)
    expect(page.locator("html")).to_have_attribute("lang", to)
    page.wait_for_load_state("load")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
