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
    """``lviv-services.md#context`` and ``youth-lab-moldova.md`` build, and lead to the case
    pages in en, ru and uk (the Swedish original on its own page in each, links and all), the
    anchor to a heading there in every language (lviv-services has no translation)."""
    body = "\nSee [Lviv](lviv-services.md#context) and [the lab](youth-lab-moldova.md).\n"
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
        assert urldefrag(links["Lviv"]) == ("../lviv-services/", "context"), lang
        assert links["the lab"] == "../youth-lab-moldova/", lang
        for href in (links["the lab"], links["Lviv"]):
            target = (here / urldefrag(href).url / "index.html").resolve()
            assert target.is_file(), (lang, href)
        lviv = parse(site / lang / "cases" / "lviv-services" / "index.html")
        assert lviv.find("h2", id="context") is not None, lang  # the anchor is there


def test_an_anchor_a_translated_page_lacks_stops_the_build_naming_its_languages(
    tmp_path: Path,
) -> None:
    """``youth-lab-moldova.md#context`` from the Swedish original (on its own page in every
    language) would land at the top of the ru and uk pages, whose translated heading is
    ``_4``: a validation error on its line naming ru and uk, and no language is built."""
    root = _kb(tmp_path / "kb", "\nSee [the lab](youth-lab-moldova.md#context).\n")
    done = run(root, "build", "--jobs", "1")
    assert done.returncode == 1
    assert (
        "cases/swedish-fund.md:24:15: error[unknown-anchor] body: '#context' in the link "
        "'youth-lab-moldova.md#context' is not an id on the page of case 'youth-lab-moldova' "
        "in ru, uk; its ids in ru, uk: '_1', '_2', '_3', '_4', '_5', '_6', '_7'; none is on its "
        "page in en, ru, uk: link to 'youth-lab-moldova.md', with no anchor"
    ) in done.stderr.splitlines()
    assert not (root / "site").exists()


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
