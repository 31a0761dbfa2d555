"""The built site in real headless Chromium: shared, session-wide fixtures.

Fixtures (names are the interface; the explorer's tests reuse them):

- ``served_site`` (session): the fixture knowledge base (``tests/fixtures/kb``) plus the
  hostile case of ``tests/e2e/test_site.py``, built with ``sikb build`` (MkDocs, then
  Pagefind) into a temporary folder, with ``SIKB_SITE_URL`` set to the address it is
  served from: a threaded ``http.server`` on 127.0.0.1 on a free port, quiet. A
  ``ServedSite`` with ``root`` (the knowledge base), ``site`` (its ``site/``) and
  ``url`` (``http://127.0.0.1:<port>/``); ``served_site.page_url("en/cases/x/")``.
- ``chromium`` (session): Debian's Chromium (``/usr/bin/chromium``) through Playwright,
  headless, with the flags that keep it from calling Google's hosts.
- ``page_log`` (function): a ``PageLog`` of what the test's page did: ``requests``
  (every URL), ``console_errors``, ``page_errors``, ``failed`` requests, ``dialogs``.
- ``page`` (function): a new Playwright ``Page`` (its own context, 1280x900, English
  browser language) recording into ``page_log``. At teardown the test fails if the page
  logged a console error or an uncaught error, a request failed, a dialog opened
  (``alert``), or any request went to another origin than the local server.

Tests here carry the ``browser`` marker (``make browser``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, sync_playwright

from tests.browser.serving import CHROMIUM, CHROMIUM_ARGS, build, serve
from tests.conftest import FIXTURES, REPO, TODAY
from tests.e2e.test_site import HOSTILE

SCREENSHOTS = REPO / "build" / "screenshots"
"""Where tests save what a reviewer may want to see (not committed)."""


@dataclass(frozen=True)
class ServedSite:
    root: Path
    """The knowledge base that was built (cases, taxonomy, docs, mkdocs.yml)."""
    site: Path
    """Its built ``site/``."""
    url: str
    """``http://127.0.0.1:<port>/``, with the slash; also the build's ``SIKB_SITE_URL``."""

    def page_url(self, path: str) -> str:
        return self.url + path.lstrip("/")


@dataclass
class PageLog:
    """What one page did, as the browser reported it."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def off_host(self) -> list[str]:
        """Requests to any origin but the local server's (data: and blob: are local)."""
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob") and origin(u) != self.origin
        ]

    def problems(self) -> list[str]:
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"page error: {m}" for m in self.page_errors),
            *(f"request failed: {m}" for m in self.failed),
            *(f"dialog: {m}" for m in self.dialogs),
            *(f"request to another host: {u}" for u in self.off_host()),
        ]

    # Playwright's event handlers
    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_request_failed(self, request: Request) -> None:
        # A navigation cancels what the previous page was still loading: not a fault.
        if request.failure != "net::ERR_ABORTED":
            self.failed.append(f"{request.url}: {request.failure}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def record(page: Page, log: PageLog) -> None:
    """Log into ``log`` what ``page`` does from now on."""
    page.on("console", log.on_console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("request", log.on_request)
    page.on("requestfailed", log.on_request_failed)
    page.on("dialog", log.on_dialog)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def hostile_kb(root: Path) -> Path:
    """The fixture knowledge base with the hostile case, copied to ``root``."""
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "hostile-case.md").write_text(HOSTILE, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The fixture knowledge base and the hostile case, built for and served on 127.0.0.1."""
    root = hostile_kb(tmp_path_factory.mktemp("browser") / "kb")
    with serve(root / "site") as server:
        done = build(root, server.url, SIKB_TODAY=TODAY)
        assert done.returncode == 0, done.stdout + done.stderr
        yield ServedSite(root, server.root, server.url)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless (never Playwright's own download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_log(served_site: ServedSite) -> PageLog:
    """What this test's ``page`` requested and reported."""
    return PageLog(origin(served_site.url))


@pytest.fixture
def page(chromium: Browser, page_log: PageLog) -> Iterator[Page]:
    """A fresh page; the test fails at teardown on a console error or an off-host request."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    new = context.new_page()
    record(new, page_log)
    try:
        yield new
    finally:
        context.close()
    problems = page_log.problems()
    assert not problems, "\n".join(problems)
