"""The real knowledge base in this repository, and the site build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.htmltree import parse


@pytest.mark.usefixtures("real_today")
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


@pytest.mark.usefixtures("real_today")
def test_the_real_site_builds_in_every_language(tmp_path: Path) -> None:
    """`sikb build` of this repository: every case in every language, by Material."""
    from generator.validate.collection import load

    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    collection = load(REPO).collection
    assert collection is not None
    for lang in collection.taxonomy.languages:
        for case_id, case in collection.cases.items():
            doc = parse(site / lang / "cases" / case_id / "index.html")
            meta = doc.find("meta", name="generator").attrs["content"]
            assert "mkdocs-material" in meta
            tr = collection.translations.get(case_id, {}).get(lang)
            title = tr.meta.title if tr else case.meta.title
            assert doc.find("article").find("h1").text == " ".join(title.split())
