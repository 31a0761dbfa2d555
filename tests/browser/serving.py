"""Serve a built site on 127.0.0.1, on a free port, quietly; and how Chromium is started.

Shared by the browser tests and benchmarks/bench_browser.py.
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from generator.model.collection import Collection
from generator.validate.collection import load

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (never Playwright's own download)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these three Chromium calls Google's hosts at start, and is refused.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


def build(root: Path, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``sikb build`` of the knowledge base ``root`` for the address it is served from."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        env={**os.environ, "SIKB_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@contextlib.contextmanager
def served_build(root: Path, **env: str) -> Iterator[Server]:
    """The knowledge base ``root`` built for the address it is served from, served from
    ``root/site``."""
    with serve(root / "site") as server:
        done = build(root, server.url, **env)
        assert done.returncode == 0, done.stdout + done.stderr
        yield server


@contextlib.contextmanager
def served_kb(root: Path, **env: str) -> Iterator[tuple[Server, Collection]]:
    """:func:`served_build`, and the collection of ``root`` as loaded."""
    with served_build(root, **env) as server:
        loaded = load(root).collection
        assert loaded is not None
        yield server, loaded


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch_text(url: str) -> str:
    """The page at ``url`` as text, or "" while nothing answers there (a server starting)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""
