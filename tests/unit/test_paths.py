"""Every output path and URL (generator/paths.py), as the built site has them."""

from __future__ import annotations

from pathlib import Path

from generator import paths
from generator.paths import Layout


def test_the_layout_puts_each_language_where_the_build_and_the_site_expect_it() -> None:
    """build/docs/<lang>/, build/mkdocs/<lang>.yml, site/<lang>/ and its pagefind/ bundle."""
    layout = Layout.at(Path("/kb"))
    assert layout.docs("ru") == Path("/kb/build/docs/ru")
    assert layout.config("ru") == Path("/kb/build/mkdocs/ru.yml")
    assert layout.language_site("ru") == Path("/kb/site/ru")
    assert paths.bundle(layout.language_site("ru")) == Path("/kb/site/ru/pagefind")
    assert (layout.root_page, layout.root_sitemap) == (
        Path("/kb/site/index.html"),
        Path("/kb/site/sitemap.xml"),
    )
    assert Layout.at(Path("/kb"), Path("/out")).language_site("en") == Path("/out/en")


def test_urls_put_each_language_below_the_site_url() -> None:
    """<site_url><lang>/, its cases below it, and ../<lang>/ from another language."""
    url = "https://example.org/kb/"
    assert paths.language_url(url, "uk") == "https://example.org/kb/uk/"
    assert paths.cases_url(url, "uk") == "https://example.org/kb/uk/cases/"
    assert paths.other_language("uk") == "../uk/"


def test_pages_and_data_files_keep_their_places_in_a_language_tree() -> None:
    """Case, term and list pages, their directory URLs, and files relative to a page."""
    assert paths.case_path("upshift-moldova") == "cases/upshift-moldova.md"
    assert paths.term_path("countries", "MD") == "countries/md/index.md"
    assert paths.term_path("countries", "MD", 2) == "countries/md/page/2.md"
    assert paths.list_path("themes", 3) == "themes/page/3.md"
    assert [paths.page_url(p) for p in ("index.md", "cases/x.md", "countries/md/index.md")] == [
        "",
        "cases/x",
        "countries/md",
    ]
    assert paths.relative(paths.EXPLORER_DATA, paths.EXPLORER_PATH) == "data.json"
    assert paths.relative(paths.DATA_CSV, "cases/x.md") == "../../data/cases.csv"
    assert paths.relative(paths.DATA_CSV, "index.md") == "data/cases.csv"
