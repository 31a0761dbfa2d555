"""The built site, as a reader gets it: a real `sikb build` (MkDocs + Material) of the
fixture knowledge base, read with an HTML parser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from generator.i18n.catalogs import translations
from tests.conftest import FIXTURES, REPO, TODAY
from tests.htmltree import Node, parse

pytestmark = pytest.mark.e2e
LANGS = ("en", "ru", "uk")
CASES = ("youth-lab-moldova", "lviv-services", "swedish-fund", "hostile-case")
EDIT = "https://example.org/kb/edit/main/"
HOSTILE = """---
title: A hostile case
summary: "Stars *stay* stars, & ampersands stay: plain."
language: en
countries: [MD]
sectors: [civic]
themes: [youth]
actors:
  - {id: unicef, role: initiator}
status: active
criteria:
  novelty: unknown
  systemic-change: unknown
sources:
  - title: A source
    language: en
updated: "2024-01-01"
---

## Context

<script>alert(1)</script> <img src=x onerror="alert(2)">
[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=)
[ok](https://example.org/ok) <https://example.org/auto>

[ref]: javascript:alert(4)

<div onclick="alert(5)" markdown="1">**x**</div>

<!--sikb-html-->
<script>alert(6)</script>
<!--/sikb-html-->
"""


def run(root: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SIKB_TODAY": TODAY, "SIKB_EDIT_URL": EDIT, "NO_MKDOCS_2_WARNING": "1"}
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base plus one hostile case, built into site/."""
    root = tmp_path_factory.mktemp("site") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "hostile-case.md").write_text(HOSTILE, encoding="utf-8")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def page(site: Path, lang: str, path: str) -> Node:
    return parse(site / lang / path / "index.html")


def article(doc: Node) -> Node:
    return doc.find("article")


def _(lang: str, msgid: str) -> str:
    return str(translations(lang).ugettext(msgid))


def test_every_case_has_a_page_in_every_language(site: Path) -> None:
    """Each case is at /<lang>/cases/<id>/ in en, ru and uk."""
    for lang in LANGS:
        for case in CASES:
            assert (site / lang / "cases" / case / "index.html").is_file(), (lang, case)


def test_every_page_declares_its_language(site: Path) -> None:
    """<html lang> is the language of the tree the page is in, on every page."""
    for lang in LANGS:
        pages = list((site / lang).rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            assert parse(path).find("html").attrs["lang"] == lang, path


def test_hreflang_alternates_and_switcher_stay_on_the_same_page(site: Path) -> None:
    """The switcher and sitemap link this very page; no head alternate sends Material's
    script to a language's home page (see overrides/main.html)."""
    doc = page(site, "ru", "cases/youth-lab-moldova")
    base = site / "ru" / "cases" / "youth-lab-moldova"
    links = doc.find_all("link", rel="alternate")
    assert [n for n in links if "hreflang" in n.attrs] == []
    switch = {n.attrs["hreflang"]: n for n in doc.find_all("a", class_="md-select__link")}
    assert set(switch) == set(LANGS)
    for lang, a in switch.items():
        assert (base / a.attrs["href"]).resolve() == (site / lang / base.relative_to(site / "ru"))
    assert switch["uk"].text == "Українська"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site / "ru" / "sitemap.xml").getroot().findall("s:url", ns)
    by_loc = {u.find("s:loc", ns).text: u for u in urls}  # type: ignore[union-attr]
    entry = by_loc["http://127.0.0.1:8000/ru/cases/youth-lab-moldova/"]
    alts = {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", ns)}
    assert alts == {
        lang: f"http://127.0.0.1:8000/{lang}/cases/youth-lab-moldova/" for lang in LANGS
    }


def test_labels_are_in_the_page_language(site: Path) -> None:
    """Facts, taxonomy labels and CLDR names are Russian on a Russian page."""
    doc = article(page(site, "ru", "cases/youth-lab-moldova"))
    assert doc.find("h1").text == "Молодёжная лаборатория Молдовы"
    facts = doc.find("div", class_="sikb-facts")
    terms = [dt.text for dt in facts.find_all("dt")]
    assert terms[0] == _("ru", "Country") != "Country"
    assert _("ru", "Last updated") in terms
    values = {
        dt.text: dd.text for dt, dd in zip(facts.find_all("dt"), facts.find_all("dd"), strict=True)
    }
    assert values[terms[0]] == "Молдова (Восточная Европа)"
    assert values[_("ru", "Last updated")] == "15 января 2024 г."
    links = {a.text for a in facts.find_all("a")}
    assert {"Молдова", "Молодёжь", "ЮНИСЕФ"} <= links
    rows = doc.find("table").find_all("tr")
    assert [td.text for td in rows[1].find_all("td")][:2] == ["Новизна", "✔ Выполнен"]
    uk = article(page(site, "uk", "countries/md"))
    assert uk.find("h1").text == "Молдова"
    assert "Молодь" in {a.text for a in uk.find_all("a")}


def test_untranslated_cases_show_the_original_under_a_notice(site: Path) -> None:
    """No Russian version: the English original, with a notice in Russian naming the language."""
    doc = article(page(site, "ru", "cases/lviv-services"))
    notice = doc.find("div", class_="admonition")
    assert notice.find("p", class_="admonition-title").text == _("ru", "Not yet translated")
    assert "Английский" in notice.text
    assert doc.find("h1").text == "Lviv services"
    assert doc.find("div", class_="sikb-body").attrs["lang"] == "en"
    english = article(page(site, "en", "cases/swedish-fund"))
    assert english.find_all("div", class_="admonition") == []
    assert english.find("h1").text == "A Swedish fund"


def test_without_a_translation_of_its_own_a_reader_gets_the_default_languages(
    site: Path,
) -> None:
    """A Swedish original with an English translation: a Ukrainian reader gets the English,
    told what it is, with every version linked where the site has it."""
    swedish = article(page(site, "uk", "cases/swedish-fund"))
    assert swedish.find("h1").text == "A Swedish fund"
    assert swedish.find("div", class_="sikb-body").attrs["lang"] == "en"
    notice = swedish.find("div", class_="admonition")
    words = " ".join(notice.text.split())
    assert f"{_('uk', 'Shown here:')} Англійська ({_('uk', 'translation')})." in words
    assert f"{_('uk', 'Original language:')} Шведська." in words
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in notice.find_all("a")}
    assert links == {
        "en": "../../../en/cases/swedish-fund/",
        "sv": "../../cases/swedish-fund.original/",  # in no site language: its own page
    }
    for lang in LANGS:
        original = site / lang / "cases" / "swedish-fund.original" / "index.html"
        doc = parse(original)
        assert doc.find("html").attrs["lang"] == lang
        assert article(doc).find("h1").text == "En svensk fond"
        assert article(doc).find("div", class_="sikb-body").attrs["lang"] == "sv"
        assert "Ett fall på svenska." in article(doc).find("div", class_="sikb-body").text
        assert "data-pagefind-body" not in original.read_text(encoding="utf-8")
    versions = article(page(site, "ru", "cases/youth-lab-moldova")).find(
        "p", class_="sikb-versions"
    )
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in versions.find_all("a")}
    assert links == {
        "en": "../../../en/cases/youth-lab-moldova/",  # the original
        "uk": "../../../uk/cases/youth-lab-moldova/",
    }


def test_stale_and_machine_translations_say_so(site: Path) -> None:
    """The Ukrainian translation is older than its original and machine-made: two notices."""
    doc = article(page(site, "uk", "cases/youth-lab-moldova"))
    titles = [p.text for p in doc.find_all("p", class_="admonition-title")]
    assert titles == [_("uk", "Translation out of date"), _("uk", "Machine translation")]
    fresh = article(page(site, "ru", "cases/youth-lab-moldova"))
    assert fresh.find_all("div", class_="admonition") == []


def _links(doc: Node) -> list[str]:
    return [a.attrs["href"] for a in doc.find_all("a") if "href" in a.attrs]


def _target(site: Path, page_dir: Path, href: str) -> Path | None:
    url, _frag = urldefrag(href)
    if not url or urlsplit(url).scheme or url.startswith("//"):
        return None
    # Material's 404 page links from the site's root path (/en/...).
    base = site if url.startswith("/") else page_dir
    target = (base / url.lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() or url.endswith("/") else target


def test_every_internal_link_resolves(site: Path) -> None:
    """No link on any page of any language leads to a missing file."""
    broken = []
    for path in site.rglob("*.html"):
        for href in _links(parse(path)):
            target = _target(site, path.parent, href)
            if target is not None and not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
    assert broken == []


def test_every_internal_anchor_resolves(site: Path) -> None:
    """Every link to a #fragment, on any page of any language, lands on an element with
    that id in the page it leads to (the page itself for a bare #fragment)."""
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for path in sorted(site.rglob("*.html")):
        for href in _links(parse(path)):
            url, fragment = urldefrag(href)
            target = path if not url else _target(site, path.parent, href)
            if not fragment or target is None:
                continue
            if target not in ids:
                doc = parse(target) if target.is_file() else None
                ids[target] = (
                    {n.attrs["id"] for n in doc.iter() if "id" in n.attrs} if doc else set()
                )
            checked += 1
            if unquote(fragment) not in ids[target]:
                broken.append(f"{path.relative_to(site)} -> {href}")
    assert broken == []
    assert checked > 100  # the headings' permalinks and the skip links, at least


def test_case_country_actor_and_criterion_pages_link_each_other(site: Path) -> None:
    """From a case to its country, actor and criterion pages, and back."""
    case_dir = site / "en" / "cases" / "youth-lab-moldova"
    targets = {
        _target(site, case_dir, h)
        for h in _links(article(page(site, "en", "cases/youth-lab-moldova")))
    }
    for term in (
        "countries/md",
        "regions/eastern-europe",
        "actors/unicef",
        "criteria/novelty",
        "themes/youth",
    ):
        term_page = site / "en" / term / "index.html"
        assert term_page in targets, term
        back = {_target(site, term_page.parent, h) for h in _links(article(parse(term_page)))}
        assert case_dir / "index.html" in back, term
    actor = article(page(site, "en", "actors/unicef"))
    items = [li.text for li in actor.find_all("li") if "Youth Lab Moldova" in li.text]
    assert items == ["Youth Lab Moldova — Moldova · Completed · 2018 — Initiator"]
    criterion = article(page(site, "en", "criteria/novelty"))
    groups = [h.text for h in criterion.find_all("h3")]
    assert groups == ["✔ Met", "? Unknown"]


def test_country_page_draws_the_criteria_profile(site: Path) -> None:
    """An inline SVG chart with its numbers as text, readable without colour."""
    doc = article(page(site, "en", "countries/md"))
    svg = doc.find("svg", class_="sikb-chart")  # the first is the map (test_worldmap.py)
    assert svg.attrs["role"] == "img"
    texts = [t.text for t in svg.find_all("text")]
    assert "Novelty" in texts
    novelty = texts[texts.index("Novelty") + 1]
    assert novelty == "✔ 1 ◐ 0 ✘ 0 ? 1"
    assert doc.find("strong").text == "2 cases"


def test_handwritten_pages_fall_back_with_a_notice(site: Path) -> None:
    """docs/about.ru.md is used in Russian; the English about page stands in for Ukrainian."""
    ru = article(page(site, "ru", "about"))
    assert ru.find("h1").text == "О базе"
    uk = article(page(site, "uk", "about"))
    assert uk.find("h1").text == "About"
    assert uk.find("p", class_="admonition-title").text == _("uk", "Not yet translated")


def test_home_page_counts_and_recent_cases(site: Path) -> None:
    """Headline counts and the most recently updated cases, newest first."""
    doc = article(page(site, "ru", ""))
    counts = [li.text for li in doc.find("div", class_="sikb-counts").find_all("li")]
    assert counts[0].startswith("4 ")
    lists = doc.find_all("ul")
    recent = [li.find("a").text for li in lists[-1].find_all("li")]
    assert recent == [
        "A Swedish fund",  # no Russian text: the English one (views.chain)
        "Lviv services",
        "Молодёжная лаборатория Молдовы",
        "A hostile case",
    ]


def test_no_script_or_handler_from_a_case_reaches_a_page(site: Path) -> None:
    """The hostile case's tags print as text; its javascript: and data: links are gone."""
    for lang in LANGS:
        doc = article(page(site, lang, "cases/hostile-case"))
        assert doc.find_all("script") == []
        assert doc.find_all("img") == []
        handlers = [(n.tag, k) for n in doc.iter() for k in n.attrs if k.startswith("on")]
        assert handlers == []
        hrefs = _links(doc)
        assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)]
        assert "https://example.org/ok" in hrefs
        assert "https://example.org/auto" in hrefs
        body = doc.find("div", class_="sikb-body").text
        assert "<script>alert(1)</script>" in body
        # The markers of the renderer's own HTML (generator/markup/html_blocks.py) are text too,
        # with a space before their ">" (html_blocks.defuse).
        assert "<!--sikb-html-- > <script>alert(6)</script> <!--/sikb-html-- >" in body
    summary = article(page(site, "en", "cases/hostile-case")).find("p", class_="sikb-summary")
    assert summary.text == "Stars *stay* stars, & ampersands stay: plain."


def test_navigation_marks_only_the_page_it_is_on(site: Path) -> None:
    """The navigation is made once for pages outside it (mkdocs_hooks.py), never stale.

    A page in the navigation marks its own item; the case pages that share a navigation
    mark none, and their links (checked on every page above) lead to the same pages.
    """
    for lang in LANGS:
        countries = page(site, lang, "countries").find("nav", class_="md-nav--primary")
        active = countries.find_all("a", class_="md-nav__link--active")
        assert [a.attrs["href"] for a in active] == ["./"]
        navs = []
        for case in CASES:
            nav = page(site, lang, f"cases/{case}").find("nav", class_="md-nav--primary")
            assert nav.find_all("a", class_="md-nav__link--active") == []
            navs.append([a.attrs["href"] for a in nav.find_all("a")])
        assert navs[0] == navs[-1]
        assert "../../countries/" in navs[0]


def test_case_page_has_sources_edit_link_and_last_updated(site: Path) -> None:
    """Formatted citation, an edit link to the file, and the date of the last update."""
    doc = article(page(site, "en", "cases/youth-lab-moldova"))
    sources = doc.find("ol")
    assert sources.text == (
        "A. Author. A report about youth labs. A Publisher, October 20, 2022. "
        "Language: English. https://example.org/report"
    )
    edit = doc.find("p", class_="sikb-edit")
    assert edit.find("a").attrs["href"] == EDIT + "cases/youth-lab-moldova.md"
    # A date that ends with an abbreviation ("г.") ends its part: one full stop, not two.
    ru = article(page(site, "ru", "cases/youth-lab-moldova")).find("ol", class_="sikb-sources")
    assert ru.text == (
        "A. Author. A report about youth labs. A Publisher, 20 октября 2022 г. "
        "Язык: Английский. https://example.org/report"
    )


def test_root_page_offers_every_language(site: Path) -> None:
    """/ links each language by its own name and announces them as alternates."""
    doc = parse(site / "index.html")
    assert [a.text for a in doc.find("body").find_all("a")] == ["English", "Русский", "Українська"]
    assert {n.attrs["hreflang"] for n in doc.find_all("link", rel="alternate")} == {
        *LANGS,
        "x-default",
    }


def test_a_case_that_fails_validation_fails_the_build_with_the_validator_messages(
    kb: Path,
) -> None:
    """`sikb build` stops before building and prints what `sikb validate` prints."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    case = kb / "cases" / "lviv-services.md"
    case.write_text(case.read_text(encoding="utf-8").replace("[UA]", "[UKR]"), encoding="utf-8")
    built = run(kb, "build")
    validated = run(kb, "validate")
    assert built.returncode == validated.returncode == 1
    assert built.stderr.strip() == validated.stdout.strip()
    assert "error[unknown-term]" in built.stderr
    assert not (kb / "site").exists()


def _site_name(lang: str) -> str:
    return _(lang, "SIKB — Social Innovation Knowledge Base")


def test_each_language_has_its_own_page_for_a_missing_address(site: Path) -> None:
    """<lang>/404.html: heading, text, a link home and the search button in the language;
    not indexed for search."""
    words = {lang: _(lang, "Page not found") for lang in LANGS}
    assert len(set(words.values())) == len(LANGS)  # translated, not English three times
    for lang in LANGS:
        doc = parse(site / lang / "404.html")
        assert doc.find("html").attrs["lang"] == lang
        assert doc.find("title").text == f"{words[lang]} - {_site_name(lang)}"
        body = article(doc)
        assert body.find("h1").text == words[lang]
        assert body.find("a", rel="home").attrs["href"] in (f"/{lang}/", f"/{lang}/.")
        assert body.find("a", rel="home").text == _(lang, "Go to the home page")
        assert body.find("label", role="button").attrs["for"] == "__search"
        assert body.find("label", role="button").text == _(lang, "Search the site")
        assert "data-pagefind-body" not in (site / lang / "404.html").read_text(encoding="utf-8")


def test_the_root_404_sends_to_a_language_and_links_every_language_s_home(site: Path) -> None:
    """site/404.html (GitHub Pages' page for any missing address): a script that picks the
    language's 404 page, and without it a link home in each language, in that language."""
    doc = parse(site / "404.html")
    items = doc.find("body").find_all("li")
    assert [li.attrs["lang"] for li in items] == list(LANGS)
    for li, lang in zip(items, LANGS, strict=True):
        assert li.find("strong").text == _(lang, "Page not found")
        assert li.find("a").text == _(lang, "Go to the home page")
        assert li.find("a").attrs["href"] == f"/{lang}/"
    script = doc.find("script").text
    assert '["en", "ru", "uk"]' in script
    assert "location.replace(" in script


def test_titles_name_the_site_once(site: Path) -> None:
    """Every page's <title> names the site once; the home page's is the site's name."""
    for lang in LANGS:
        name = _site_name(lang)
        assert parse(site / lang / "index.html").find("title").text == name
        for path in (site / lang).rglob("*.html"):
            titles = parse(path).find_all("title")
            if not titles:  # a retired id's redirect page
                continue
            assert titles[0].text.count(name) == 1, (path, titles[0].text)


def test_every_page_has_one_skip_link_and_palette_words_in_its_language(site: Path) -> None:
    """The skip link leads to an anchor on the page; the scheme toggle's words are the
    page language's."""
    for lang in LANGS:
        toggles = [_(lang, "Switch to dark mode"), _(lang, "Switch to light mode")]
        pages = 0
        for path in (site / lang).rglob("*.html"):
            doc = parse(path)
            if not doc.find_all("header"):  # a retired id's redirect page
                continue
            pages += 1
            skips = doc.find_all("a", class_="sikb-skip")
            assert [a.attrs["href"] for a in skips] == ["#__sikb-content"], path
            assert len(doc.find_all(id="__sikb-content")) == 1, path
            labels = [i.attrs.get("aria-label") for i in doc.find_all("input", name="__palette")]
            assert labels == toggles, path
        assert pages > 1, lang


def test_the_footer_s_credit_is_in_the_page_s_language(site: Path) -> None:
    """Material's "Made with Material for MkDocs", in the page's language, on every page."""
    for lang in LANGS:
        credit = _(lang, "Made with %(tool)s") % {"tool": "Material for MkDocs"}
        assert lang == "en" or not credit.startswith("Made with")
        footers = 0
        for path in (site / lang).rglob("*.html"):
            footer = parse(path).find_all("div", class_="md-copyright")
            assert not footer or footer[0].text.endswith(credit), path
            footers += len(footer)
        assert footers > 1, lang
