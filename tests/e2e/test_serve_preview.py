"""`sikb serve`: an edit reaches the page it serves, the lists that show the case with it;
a broken edit leaves the last good site served and prints the problems.

Runs in a copy of the fixture knowledge base. The waits are bounded but generous: how
fast is for benchmarks/bench_preview.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.serving import fetch_text, free_port
from tests.conftest import FIXTURES, REPO, TODAY

pytestmark = pytest.mark.e2e
FIRST_BUILD = 600
"""Seconds the first (full) build may take."""
EDIT = 180
"""Seconds an edit may take to reach the page served."""


def _until(what: str, check: Callable[[], bool], limit: float) -> None:
    deadline = time.monotonic() + limit
    while not check():
        assert time.monotonic() < deadline, f"not within {limit} s: {what}"
        assert _server is None or _server.poll() is None, f"sikb serve stopped before: {what}"
        time.sleep(0.2)


_server: subprocess.Popen[bytes] | None = None
"""The `sikb serve` under test."""


class Served:
    def __init__(self, root: Path, url: str, log: Path) -> None:
        self.root, self.url, self.log = root, url, log

    def page(self, path: str) -> str:
        return fetch_text(self.url + path)

    def shows(self, path: str, text: str, limit: float = EDIT) -> None:
        _until(f"{path} shows {text!r}", lambda: text in self.page(path), limit)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`sikb serve` of a copy of the fixture knowledge base, its first build done."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SIKB_TODAY": TODAY, "SIKB_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(root), "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        global _server
        _server = server
        try:
            it = Served(root, url, log)
            _until("the first build is served", lambda: "Youth Lab" in it.page("en/"), FIRST_BUILD)
            yield it
        finally:
            _server = None
            server.terminate()
            server.wait(timeout=60)
            print(log.read_text(encoding="utf-8"))


def test_an_edit_reaches_the_served_page_and_a_broken_one_keeps_the_last_good(
    served: Served,
) -> None:
    """A body and a translation's title reach their pages and the country's list; invalid
    YAML prints the problem as `sikb validate` does and leaves the page as it was."""
    case = "cases/youth-lab-moldova.md"
    served.edit(case, "## Context\n", "## Context\n\nPreviewed within seconds.\n")
    served.edit(
        "cases/youth-lab-moldova.ru.md",
        "title: Молодёжная лаборатория Молдовы",
        "title: Лаборатория предпросмотра",
    )
    served.shows("en/cases/youth-lab-moldova/", "Previewed within seconds.")
    served.shows("ru/cases/youth-lab-moldova/", "Лаборатория предпросмотра")
    served.shows("ru/countries/md/", "Лаборатория предпросмотра")
    # The files beside the page too, which the build writes itself (site.write_case_files).
    for kind in ("json", "csl.json"):
        served.shows(f"ru/cases/youth-lab-moldova/youth-lab-moldova.{kind}", "предпросмотра")
    assert "Молодёжная лаборатория Молдовы" not in served.page("ru/countries/md/")

    good = (served.root / case).read_text(encoding="utf-8")
    broken = good.replace("title: Youth Lab Moldova", "title: [Youth Lab Moldova", 1)
    (served.root / case).write_text(broken, encoding="utf-8")
    problem = _validate(served.root, case)
    _until("the problem is printed", lambda: problem in served.output(), EDIT)
    assert "Previewed within seconds." in served.page("en/cases/youth-lab-moldova/")

    (served.root / case).write_text(good.replace("within seconds", "again"), encoding="utf-8")
    served.shows("en/cases/youth-lab-moldova/", "Previewed again.")


def _validate(root: Path, rel: str) -> str:
    """The first problem `sikb validate` prints for ``rel``."""
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate", rel],
        cwd=root,
        env={**os.environ, "SIKB_TODAY": TODAY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    line = (done.stdout + done.stderr).splitlines()[0]
    assert rel in line, line
    assert "error" in line, line
    return line
