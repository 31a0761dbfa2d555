"""Links between cases: the form that resolves on every language's page, or a validation error."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import LANGS, run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e


def _kb(root: Path, body: str) -> Path:
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    case = root / "cases" / "swedish-fund.md"
    case.write_text(case.read_text(encoding="utf-8") + body, encoding="utf-8")
    return root


def test_links_to_cases_by_file_name_resolve_in_every_language(tmp_path: Path) -> None:
    """``youth-lab-moldova.md#context`` and ``lviv-services.md`` build, and lead to the case
    pages in en, ru and uk (in ru and uk the Swedish original is shown, links and all)."""
    body = "\nSee [the lab](youth-lab-moldova.md#context) and [Lviv](lviv-services.md).\n"
    root = _kb(tmp_path / "kb", body)
    # The translation swedish-fund.en.md has its own body: it gets the same links.
    tr = root / "cases" / "swedish-fund.en.md"
    tr.write_text(tr.read_text(encoding="utf-8") + body, encoding="utf-8")
    done = run(root, "build", "--jobs", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr
    site = root / "site"
    for lang in LANGS:
        here = site / lang / "cases" / "swedish-fund"
        links = {a.text: a.attrs["href"] for a in parse(here / "index.html").find_all("a")}
        assert urldefrag(links["the lab"]) == ("../youth-lab-moldova/", "context"), lang
        assert links["Lviv"] == "../lviv-services/", lang
        for href in (links["the lab"], links["Lviv"]):
            target = (here / urldefrag(href).url / "index.html").resolve()
            assert target.is_file(), (lang, href)
    lab = parse(site / "en" / "cases" / "youth-lab-moldova" / "index.html")
    assert lab.find("h2", id="context") is not None  # the anchor is there in the original


def test_a_directory_style_link_stops_the_build_with_the_form_to_use(tmp_path: Path) -> None:
    """``../youth-lab-moldova/#context`` would abort MkDocs in strict mode: it is a validation
    error on its line instead, and no language is built."""
    root = _kb(tmp_path / "kb", "\nSee [the lab](../youth-lab-moldova/#context).\n")
    done = run(root, "build", "--jobs", "1")
    assert done.returncode == 1
    assert done.stdout == ""
    assert (
        "cases/swedish-fund.md:24:15: error[case-link] body: link to case 'youth-lab-moldova' "
        "with 'youth-lab-moldova.md#context', found '../youth-lab-moldova/#context'; a link to "
        "another case is its file name: it then works on the page in every language"
    ) in done.stderr.splitlines()
    assert "Traceback" not in done.stderr
    assert not (root / "site").exists()
