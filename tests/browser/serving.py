"""Serve another built site on 127.0.0.1 (the explorer's tests use this repository's
collection), and watch what a page does in Chromium.

`Watch` fails a test on a console error, an uncaught page error, a failed request, or
a request to any host but the local server: the site must work with nothing else.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Page


@dataclass(frozen=True)
class Server:
    root: Path
    url: str
    """``http://127.0.0.1:<port>/``, with the slash."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[Server]:
    """Serve ``root`` (which may be built after the server starts) on a free port."""
    root.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()


class Watch:
    """Everything a page reports that a reader would call broken."""

    def __init__(self, page: Page, server: Server) -> None:
        self.server = server
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _request(self, request: Any) -> None:
        url: str = request.url
        if url.startswith(("blob:", "data:")):
            return
        if not url.startswith(self.server.url):
            self.problems.append(f"off-host request: {url}")

    def check(self) -> None:
        assert not self.problems, "\n".join(self.problems)
