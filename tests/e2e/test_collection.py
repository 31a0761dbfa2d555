"""The real knowledge base in this repository, and the site build."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import REPO


def test_the_real_collection_is_clean_under_strict() -> None:
    """cases/ and taxonomy.yaml pass `sikb validate --strict`, as make site demands."""
    run = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--strict"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout
    assert run.stdout.startswith("No problems in ")


class _Lang(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.generator: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "meta" and values.get("name") == "generator":
            self.generator = values.get("content")


def test_mkdocs_material_builds_the_site(tmp_path: Path) -> None:
    """A real, strict MkDocs + Material build of the repository's site."""
    site = tmp_path / "site"
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    page = _Lang()
    page.feed((site / "case-format" / "index.html").read_text(encoding="utf-8"))
    assert page.lang == "en"
    assert page.generator is not None
    assert "mkdocs-material" in page.generator
