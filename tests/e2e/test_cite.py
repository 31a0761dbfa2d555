"""Cite, follow, find, on a real build: "Cite this case" and the files beside each case
page, each language's Atom feed, the case pages' JSON-LD and OpenGraph on every page,
with a case whose every text field holds what could break a script, a feed or a page."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import LANGS, run
from tests.htmltree import Node, parse

pytestmark = pytest.mark.e2e
URL = "https://kb.example.org/"
A = "{http://www.w3.org/2005/Atom}"
TRICKY = r'Quote " {{ 7*7 }} {% if %} & a < b > c ]]> --> \u003c/script> \ end'
"""What a plain-text field may hold (the validator refuses ``<tag``: tests/unit covers
``</script>`` itself): quotes, Jinja, an entity's start, XML's and a comment's ends, and
the JSON escape of ``<`` written as text."""
CASE = f"""---
title: {json.dumps("Title " + TRICKY)}
summary: {json.dumps("Summary " + TRICKY)}
language: en
countries: [MD, UA]
places: [{json.dumps(TRICKY)}]
sectors: [civic]
themes: [youth]
actors:
  - {{id: unicef, role: initiator}}
status: active
criteria:
  novelty: unknown
  systemic-change: unknown
sources:
  - title: {json.dumps("Source " + TRICKY)}
    language: en
    author: {json.dumps(TRICKY)}
    url: https://example.org/a?b=1&c=2
updated: "2026-11-01"
---

## Context

Text.
"""


FORGED = """---
title: Forged
sikb_type: article
sikb_jsonld: '{"a": "</script><script>alert(1)</script>"}'
---

# Forged

<script type="application/ld+json">{"@type": "Article"}</script>
"""
"""A hand-written page that tries to write the head's JSON-LD, and one in its text."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cite") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "tricky-case.md").write_text(CASE, encoding="utf-8")
    (root / "docs" / "forged.md").write_text(FORGED, encoding="utf-8")
    done = run(root, "build", SIKB_SITE_URL=URL)
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def _case(site: Path, lang: str, case_id: str) -> Node:
    return parse(site / lang / "cases" / case_id / "index.html")


def _json_ld(doc: Node) -> dict[str, object]:
    [script] = doc.find("head").find_all("script", type="application/ld+json")
    text = "".join(c for c in script.children if isinstance(c, str))
    assert "<" not in text
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def test_a_case_page_s_json_ld_names_what_it_should(site: Path) -> None:
    """Article, inLanguage, dateModified, spatialCoverage, isBasedOn, translations."""
    ld = _json_ld(_case(site, "uk", "youth-lab-moldova"))
    assert ld["@type"] == "Article"
    assert (ld["inLanguage"], ld["dateModified"]) == ("uk", "2024-01-15")
    assert ld["url"] == f"{URL}uk/cases/youth-lab-moldova/"
    assert ld["translationOfWork"] == {  # type: ignore[comparison-overlap]
        "@type": "Article", "@id": f"{URL}en/cases/youth-lab-moldova/",
        "url": f"{URL}en/cases/youth-lab-moldova/", "inLanguage": "en",
    }  # fmt: skip
    original = _json_ld(_case(site, "en", "youth-lab-moldova"))
    assert [t["inLanguage"] for t in original["workTranslation"]] == ["ru", "uk"]  # type: ignore[attr-defined]
    tricky = _json_ld(_case(site, "ru", "tricky-case"))
    assert tricky["headline"] == "Title " + " ".join(TRICKY.split())
    assert [c["identifier"] for c in tricky["spatialCoverage"]] == ["MD", "UA"]  # type: ignore[attr-defined]
    [source] = tricky["isBasedOn"]  # type: ignore[misc]
    assert (source["name"], source["url"]) == (
        "Source " + " ".join(TRICKY.split()),
        "https://example.org/a?b=1&c=2",
    )


def test_every_page_has_opengraph_and_links_its_language_s_feed(site: Path) -> None:
    for lang in LANGS:
        for path in (site / lang).rglob("*.html"):
            head = parse(path).find("head")
            og = {m.attrs["property"]: m.attrs["content"] for m in head.find_all("meta")
                  if m.attrs.get("property", "").startswith("og:")}  # fmt: skip
            assert {"og:title", "og:description", "og:type", "og:locale", "og:site_name"} <= set(
                og
            ), path
            assert og["og:locale"] == {"en": "en_US", "ru": "ru_RU", "uk": "uk_UA"}[lang]
            if path.name == "404.html":
                continue
            assert og["og:url"].startswith(f"{URL}{lang}/"), path
            feeds = head.find_all("link", rel="alternate", type="application/atom+xml")
            if path.parent.name == "explorer":  # no head alternates: see main.html
                assert feeds == []
                continue
            [feed] = feeds
            assert (path.parent / feed.attrs["href"]).resolve() == site / lang / "feed.xml"
    doc = _case(site, "en", "tricky-case").find("head")
    og = {m.attrs["property"]: m.attrs["content"] for m in doc.find_all("meta")
          if m.attrs.get("property", "").startswith("og:")}  # fmt: skip
    assert og["og:title"] == "Title " + " ".join(TRICKY.split())
    assert og["og:description"] == "Summary " + " ".join(TRICKY.split())
    assert (og["og:type"], og["og:url"]) == ("article", f"{URL}en/cases/tricky-case/")


def test_each_language_s_feed_is_atom_newest_first_in_its_language(site: Path) -> None:
    for lang in LANGS:
        root = ET.parse(site / lang / "feed.xml").getroot()
        assert root.tag == f"{A}feed"
        assert root.findtext(f"{A}id") == f"{URL}{lang}/feed.xml"
        assert root.findtext(f"{A}title")
        [self_link] = [e for e in root.findall(f"{A}link") if e.get("rel") == "self"]
        assert self_link.get("href") == f"{URL}{lang}/feed.xml"
        entries = root.findall(f"{A}entry")
        assert 0 < len(entries) <= 50
        updated = [e.findtext(f"{A}updated", "") for e in entries]
        assert updated == sorted(updated, reverse=True)
        assert root.findtext(f"{A}updated") == updated[0] == "2026-11-01T00:00:00Z"
        first = entries[0]
        assert first.findtext(f"{A}id") == f"{URL}{lang}/cases/tricky-case/"
        assert first.findtext(f"{A}title") == "Title " + TRICKY
        assert first.find(f"{A}link").get("href") == f"{URL}{lang}/cases/tricky-case/"  # type: ignore[union-attr]
    ru = ET.parse(site / "ru" / "feed.xml").getroot()
    youth = next(e for e in ru.findall(f"{A}entry") if "youth-lab" in e.findtext(f"{A}id", ""))
    assert youth.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert youth.findtext(f"{A}title") == _case(site, "ru", "youth-lab-moldova").find("h1").text


def test_cite_this_case_shows_the_reference_and_links_the_files(site: Path) -> None:
    doc = _case(site, "en", "tricky-case")
    cite = doc.find("div", class_="sikb-cite")
    reference = cite.find("p", class_="sikb-reference").text
    assert reference == (
        "SIKB — Social Innovation Knowledge Base. Title " + " ".join(TRICKY.split())
        + f" [online]. Last updated November 1, 2026. Available at: {URL}en/cases/tricky-case/"
        " (accessed [date])."
    )  # fmt: skip
    assert "script" not in {n.tag for n in cite.iter()}
    here = site / "en" / "cases" / "tricky-case"
    links = {a.text: a.attrs["href"] for a in cite.find_all("a")}
    # The BibTeX shown is the file tricky-case.bib beside the page, a download.
    assert links["BibTeX"] == "tricky-case.bib"
    assert all("download" in a.attrs for a in cite.find_all("a") if a.text == "BibTeX")
    bib = (here / links["BibTeX"]).read_text(encoding="utf-8")
    assert cite.find("code").text == " ".join(bib.split())
    unescaped = re.sub(r"\\[{}]", "", bib)
    assert unescaped.count("{") == unescaped.count("}")
    [csl] = json.loads((here / links["CSL-JSON"]).read_text(encoding="utf-8"))
    assert (csl["type"], csl["URL"]) == ("webpage", f"{URL}en/cases/tricky-case/")
    data = json.loads((here / links["This case as JSON"]).read_text(encoding="utf-8"))
    assert (data["id"], data["title"]) == ("tricky-case", "Title " + TRICKY)
    assert data["sources"][0]["url"] == "https://example.org/a?b=1&c=2"


def test_only_the_renderer_writes_json_ld(site: Path) -> None:
    """A hand-written page's front matter cannot set it, and its text prints as text."""
    for lang in LANGS:
        doc = parse(site / lang / "forged" / "index.html")
        assert doc.find_all("script", type="application/ld+json") == []
        og = {m.attrs["property"]: m.attrs["content"] for m in doc.find_all("meta")
              if m.attrs.get("property", "").startswith("og:")}  # fmt: skip
        assert (og["og:type"], og["og:title"]) == ("website", "Forged")
        assert '<script type="application/ld+json">' in doc.find("article").text


def test_the_data_page_describes_the_dataset_in_its_language(site: Path) -> None:
    for lang in LANGS:
        ld = _json_ld(parse(site / lang / "data" / "index.html"))
        assert (ld["@type"], ld["inLanguage"], ld["url"]) == ("Dataset", lang, f"{URL}{lang}/data/")
        downloads = {d["contentUrl"]: d["encodingFormat"] for d in ld["distribution"]}  # type: ignore[attr-defined]
        assert downloads[f"{URL}{lang}/data/cases.csv"] == "text/csv"
        for url in downloads:
            assert (site / url.removeprefix(URL)).is_file(), url
    assert _json_ld(parse(site / "ru" / "data" / "index.html"))["name"] == "Открытые данные"
