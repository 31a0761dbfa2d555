"""Every built page names the licences of the content and of the code in its footer, in
the page's language, with links (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import LANGS, run
from tests.htmltree import parse

pytestmark = pytest.mark.e2e

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://opensource.org/license/mit/"
FOOTER = {
    "en": ("Content and data: CC BY 4.0 · Code: MIT", [("CC BY 4.0", CC_BY), ("MIT", MIT)]),
    "ru": (
        "Материалы и данные: CC BY 4.0 · Код: MIT",
        [("CC BY 4.0", CC_BY + "deed.ru"), ("MIT", MIT)],
    ),
    "uk": (
        "Матеріали й дані: CC BY 4.0 · Код: MIT",
        [("CC BY 4.0", CC_BY + "deed.uk"), ("MIT", MIT)],
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base, built into site/ with the repository's mkdocs.yml."""
    root = tmp_path_factory.mktemp("licence") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def test_every_page_names_both_licences_in_its_language(site: Path) -> None:
    """Cases, lists, the explorer, hand-written pages and 404: the same footer line."""
    assert set(FOOTER) == set(LANGS)
    for lang, (text, links) in FOOTER.items():
        pages = sorted((site / lang).rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            (line,) = parse(path).find_all("div", class_="md-copyright__highlight")
            assert line.text == text, path
            got = [(a.text, a.attrs["href"]) for a in line.find_all("a", rel="license")]
            assert got == links, path


def test_the_licence_files_the_footer_names_are_in_the_repository() -> None:
    """LICENSE is MIT for SIKB contributors; LICENSES/ holds CC BY 4.0's whole legal code."""
    mit = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n\nCopyright (c) 2026 SIKB contributors\n")
    cc = (REPO / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert cc.startswith("Attribution 4.0 International\n")
    for section in range(1, 9):
        assert f"\nSection {section} -- " in cc
    assert cc.endswith("\nCreative Commons may be contacted at creativecommons.org.\n")
