"""Cite this case (generator/data/citation.py), the feed (data/feed.py) and the JSON-LD
(render/jsonld.py): what a reader, a reference manager and a feed reader get."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from generator.data import citation, feed
from generator.data.citation import Work
from generator.model.collection import Collection
from generator.model.views import State
from generator.render import cite
from generator.render.jsonld import article, script_json
from generator.render.pages import Options, Renderer
from generator.settings import Settings
from generator.validate.collection import load
from tests.conftest import FIXTURES

URL = "https://kb.example.org/"
HOSTILE = '</script><script>alert(1)</script> "quoted" {{ 7*7 }} {% x %} & \\ ~ # % _ ^ $'
A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def collection() -> Collection:
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    return loaded


def work(lang: str = "en", title: str = "Youth lab", summary: str = "A lab.") -> Work:
    url = f"{URL}{lang}/cases/youth-lab/"
    return Work("youth-lab", lang, "en", title, summary, url, "2024-03-05")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _read(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    p.close()
    return p


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "SIKB — Social Innovation Knowledge Base. Youth lab [online]. Last updated "
               "March 5, 2024. Available at: https://kb.example.org/en/cases/youth-lab/ "
               "(accessed [date])."),
        ("ru", "SIKB — База знаний о социальных инновациях. Youth lab [Электронный ресурс]. "
               "Обновлено 05.03.2024. URL: https://kb.example.org/ru/cases/youth-lab/ "
               "(дата обращения: [дата])."),
        ("uk", "SIKB — База знань про соціальні інновації. Youth lab [Електронний ресурс]. "
               "Оновлено 05.03.2024. URL: https://kb.example.org/uk/cases/youth-lab/ "
               "(дата звернення: [дата])."),
    ],
)  # fmt: skip
def test_the_reference_reads_in_the_page_s_language(lang: str, expected: str) -> None:
    """Author, title, permanent URL, last update and a place for the date of access."""
    html = citation.reference_html(work(lang))
    assert "".join(_read(html).parts) == expected
    assert '<time class="sikb-accessed"' in html
    assert 'href="https://kb.example.org/' in html


def test_a_hostile_title_is_text_in_the_reference() -> None:
    html = citation.reference_html(work(title=HOSTILE))
    parsed = _read(html)
    assert "script" not in parsed.tags
    assert HOSTILE in "".join(parsed.parts)


def _fields(entry: str) -> dict[str, str]:
    """A small BibTeX reader: the entry's fields, braces balanced (escaped ones aside)."""
    depth = 0
    for i, c in enumerate(entry):
        if c in "{}" and (i == 0 or entry[i - 1] != "\\"):
            depth += 1 if c == "{" else -1
            assert depth >= 0, entry
    assert depth == 0, entry
    assert re.match(r"@online\{[\w-]+,\n", entry)
    return dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))


def test_bibtex_has_the_required_fields_and_balanced_braces() -> None:
    fields = _fields(citation.bibtex(work()))
    assert fields["title"] == "Youth lab"
    assert fields["author"] == "{SIKB — Social Innovation Knowledge Base}"
    assert fields["url"] == "https://kb.example.org/en/cases/youth-lab/"
    assert (fields["date"], fields["year"], fields["langid"]) == ("2024-03-05", "2024", "english")


def test_bibtex_escapes_every_special_character_of_a_hostile_title() -> None:
    fields = _fields(citation.bibtex(work(title=HOSTILE, summary="{{ }")))
    assert fields["title"] == (
        r'</script><script>alert(1)</script> "quoted" \{\{ 7*7 \}\} \{\% x \%\} \& '
        r"\textbackslash{} \~{} \# \% \_ \^{} \$"
    )
    assert fields["abstract"] == r"\{\{ \}"


def test_csl_json_has_csl_s_fields() -> None:
    """type, title, URL, issued and a literal author, per CSL's data schema."""
    [item] = json.loads(citation.csl_json(work("ru", title=HOSTILE)))
    assert item["type"] == "webpage"
    assert item["title"] == HOSTILE
    assert item["URL"] == "https://kb.example.org/ru/cases/youth-lab/"
    assert item["issued"] == {"date-parts": [[2024, 3, 5]]}
    assert item["author"] == [{"literal": "SIKB — База знаний о социальных инновациях"}]
    assert set(item) <= {"id", "type", "title", "author", "container-title", "URL", "issued",
                         "accessed", "language", "abstract"}  # fmt: skip


def _entries(n: int) -> Iterator[feed.Entry]:
    for i in range(n):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        yield feed.Entry(f"{URL}en/cases/c{i}/", f"{HOSTILE} {i}", f"<b>{i}</b> &", day, "en")


def test_the_feed_is_atom_with_at_most_50_entries_newest_first() -> None:
    about = feed.Feed("SIKB & co", "en", f"{URL}en/feed.xml", f"{URL}en/", "SIKB")
    root = ET.fromstring(feed.atom(about, _entries(120)))
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{name}") is not None, name
    assert root.find(f"{A}title").text == "SIKB & co"  # type: ignore[union-attr]
    [self_link] = [e for e in root.findall(f"{A}link") if e.get("rel") == "self"]
    assert self_link.get("href") == f"{URL}en/feed.xml"
    entries = root.findall(f"{A}entry")
    assert len(entries) == 50
    updated = [e.findtext(f"{A}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)  # type: ignore[type-var]
    assert root.findtext(f"{A}updated") == updated[0]
    for e in entries:
        assert e.findtext(f"{A}id", "").startswith(f"{URL}en/cases/c")
        assert e.findtext(f"{A}title", "").startswith(HOSTILE)
        assert e.find(f"{A}link").get("href") == e.findtext(f"{A}id")  # type: ignore[union-attr]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", e.findtext(f"{A}updated", ""))


def test_each_language_s_feed_shows_its_translations(collection: Collection) -> None:
    r = Renderer(collection, "ru", Options(Settings(site_url=URL)))
    root = ET.fromstring(cite.feed_text(r.texts, "ru", URL))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    entries = {e.findtext(f"{A}id"): e for e in root.findall(f"{A}entry")}
    youth = entries[f"{URL}ru/cases/youth-lab-moldova/"]
    assert youth.findtext(f"{A}title") == r.texts["youth-lab-moldova"].title
    assert youth.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    lviv = entries[f"{URL}ru/cases/lviv-services/"]  # not translated: shown in English
    assert lviv.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_script_json_cannot_close_its_script() -> None:
    text = script_json({"title": HOSTILE, "x": "\u2028 <!-- -->"})
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert json.loads(text) == {"title": HOSTILE, "x": "\u2028 <!-- -->"}


def test_json_ld_names_language_date_countries_sources_and_translations(
    collection: Collection,
) -> None:
    en = Renderer(collection, "en", Options(Settings(site_url=URL)))
    ru = Renderer(collection, "ru", Options(Settings(site_url=URL)))
    original = article(collection, en.texts["youth-lab-moldova"], en.labels, URL)
    assert original["@type"] == "Article"
    assert (original["inLanguage"], original["dateModified"]) == ("en", "2024-01-15")
    assert original["spatialCoverage"] == [
        {"@type": "Country", "name": "Moldova", "identifier": "MD"}
    ]
    assert original["isBasedOn"][0]["name"]
    assert [v["url"] for v in original["workTranslation"]] == [
        f"{URL}ru/cases/youth-lab-moldova/",
        f"{URL}uk/cases/youth-lab-moldova/",
    ]
    translated = article(collection, ru.texts["youth-lab-moldova"], ru.labels, URL)
    assert translated["inLanguage"] == "ru"
    assert translated["translationOfWork"]["url"] == f"{URL}en/cases/youth-lab-moldova/"
    assert translated["spatialCoverage"][0]["name"] == "Молдова"


def test_a_page_showing_the_default_languages_translation_names_the_original(
    collection: Collection,
) -> None:
    """A Ukrainian original with only an English translation: the Russian page shows the
    English, and its JSON-LD says it is a translation of the Ukrainian page."""
    case = collection.cases["youth-lab-moldova"]
    english = collection.translations["youth-lab-moldova"]["ru"]
    ukrainian = dataclasses.replace(
        collection,
        cases={**collection.cases, case.id: dataclasses.replace(
            case, meta=case.meta.model_copy(update={"language": "uk"})
        )},
        translations={**collection.translations, case.id: {
            "en": dataclasses.replace(english, language="en")
        }},
    )  # fmt: skip
    ru = Renderer(ukrainian, "ru", Options(Settings(site_url=URL)))
    text = ru.texts[case.id]
    assert (text.shown, text.state) == ("en", State.FALLBACK)
    ld = article(ukrainian, text, ru.labels, URL)
    assert ld["inLanguage"] == "en"
    assert ld["translationOfWork"]["url"] == f"{URL}uk/cases/youth-lab-moldova/"


def test_a_hostile_case_s_json_ld_and_files_stay_data(collection: Collection) -> None:
    case = collection.cases["lviv-services"]
    meta = case.meta.model_copy(update={"title": HOSTILE, "summary": HOSTILE})
    hostile = dataclasses.replace(
        collection,
        cases={**collection.cases, case.id: dataclasses.replace(case, meta=meta)},
    )
    r = Renderer(hostile, "uk", Options(Settings(site_url=URL)))
    text = r.texts[case.id]
    cited = cite.for_case(hostile, text, r.labels, URL)
    assert "<" not in str(cited.jsonld)
    assert json.loads(json.loads(str(cited.jsonld)))["headline"] == HOSTILE
    assert cited.links == {
        "json": "lviv-services.json", "csl.json": "lviv-services.csl.json",
        "bib": "lviv-services.bib",
    }  # fmt: skip
    files = cite.case_files(text, r.dataset.record(case), URL)
    assert list(files) == ["cases/lviv-services/lviv-services.json",
                           "cases/lviv-services/lviv-services.csl.json",
                           "cases/lviv-services/lviv-services.bib"]  # fmt: skip
    named = {k.rsplit("/", 1)[1]: v for k, v in files.items()}
    bib = named["lviv-services.bib"]
    assert _fields(bib)["title"] == citation.bibtex_text(HOSTILE)
    assert str(cited.bibtex) == html.escape(bib)
    assert json.loads(named["lviv-services.json"])["title"] == HOSTILE
    assert json.loads(named["lviv-services.csl.json"])[0]["title"] == HOSTILE


def test_the_sanitiser_drops_json_ld_that_contributor_markup_makes() -> None:
    from generator.markup.sanitise import clean

    html = clean('<script type="application/ld+json">{"a": 1}</script><p>x</p>')
    assert "script" not in html
    assert html.endswith("<p>x</p>")
