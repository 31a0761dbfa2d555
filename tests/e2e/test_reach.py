"""Where a case happens apart from where it is discussed, and an untitled source, on the
built site: a global network that a Swedish report discusses is not a Swedish case on
Sweden's page, in the explorer, the downloads or ``sikb stats``; its page says where it
is discussed, and its untitled source is not set as a title."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES, REPO
from tests.e2e.test_site import article, page, run
from tests.htmltree import Node

pytestmark = pytest.mark.e2e

GLOBAL = """---
title: A global network
summary: A network that a Swedish report names, without saying where it is based.
language: en
countries: []
scope: global
discussed_in: [SE]
sectors: [civic]
themes: [youth]
actors:
  - {id: unicef, role: initiator}
status: active
criteria:
  novelty: unknown
  systemic-change: unknown
sources:
  - description: Minutes of the council's meeting of 16 March 2023
    language: en
  - title: A report with a title
    language: en
updated: "2024-05-01"
---

## Context

A network that happens worldwide.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base (one Swedish case) plus the global network, built."""
    root = tmp_path_factory.mktemp("reach") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "cases" / "global-network.md").write_text(GLOBAL, encoding="utf-8")
    done = run(root, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def facts(doc: Node) -> dict[str, str]:
    dl = article(doc).find("div", class_="sikb-facts").find("dl")
    return {dt.text: dd.text for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"), strict=True)}


def test_the_case_page_says_where_it_is_discussed_not_a_country(built: Path) -> None:
    """Facts: "Worldwide" and "Discussed in: Sweden", no country of its own."""
    en = facts(page(built / "site", "en", "cases/global-network"))
    assert en["Scope"] == "Worldwide"
    assert en["Discussed in"] == "Sweden (in its sources, not where it takes place)"
    assert "Country" not in en
    assert "Countries" not in en
    ru = facts(page(built / "site", "ru", "cases/global-network"))
    assert ru["Охват"] == "По всему миру"
    assert ru["Обсуждается в"] == "Швеция (в источниках, а не там, где проходит кейс)"
    uk = facts(page(built / "site", "uk", "cases/global-network"))
    assert uk["Обговорюється в"] == "Швеція (у джерелах, а не там, де відбувається кейс)"


def test_sweden_s_page_counts_only_the_case_that_happens_there(built: Path) -> None:
    """Sweden's page lists the Swedish fund, not the network its report discusses."""
    doc = article(page(built / "site", "en", "countries/se"))
    linked = {a.attrs.get("href", "") for a in doc.find_all("a")}
    assert any("swedish-fund" in h for h in linked)
    assert not any("global-network" in h for h in linked)
    assert doc.find("strong").text == "1 case"


def test_the_explorer_and_the_downloads_keep_it_out_of_sweden(built: Path) -> None:
    """Its countries are empty in the explorer's data and the CSV; discussed_in holds SE."""
    data = json.loads((built / "site" / "en" / "explorer" / "data.json").read_text("utf-8"))
    cases, country = data["cases"], data["facets"]["country"]
    at = cases["id"].index("global-network")
    assert cases["country"][at] == []
    assert cases["discussed_in"][at] == ["SE"]
    sweden = country["ids"].index("SE")
    assert sum(sweden in c for c in cases["country"]) == 1
    for lang, name in (("en", "Sweden"), ("ru", "Швеция")):
        text = (built / "site" / lang / "data" / "cases.csv").read_text("utf-8-sig")
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
        row = rows["global-network"]
        assert (row["countries"], row["regions"], row["scope"]) == ("", "", "global")
        assert (row["discussed_in"], row["discussed_in_labels"]) == ("SE", name)
        assert rows["swedish-fund"]["countries"] == "SE"
        assert rows["swedish-fund"]["discussed_in"] == ""


def test_sikb_stats_counts_one_case_in_sweden(built: Path) -> None:
    done = run(built, "stats", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["countries"]["SE"] == 1


def test_an_untitled_source_is_described_in_brackets_not_cited(built: Path) -> None:
    """The description in square brackets as plain text; a title stays in <cite>."""
    sources = article(page(built / "site", "en", "cases/global-network")).find(
        "ol", class_="sikb-sources"
    )
    untitled, titled = sources.find_all("li")
    assert untitled.text == (
        "[Minutes of the council's meeting of 16 March 2023]. Language: English."
    )
    assert untitled.find_all("cite") == []
    assert [c.text for c in titled.find_all("cite")] == ["A report with a title"]


def test_a_case_list_says_worldwide_for_it(built: Path) -> None:
    """One line of a case list: title, "Worldwide", status."""
    doc = article(page(built / "site", "en", "themes/youth"))
    lines = [li.text for li in doc.find_all("li") if "A global network" in li.text]
    assert lines == ["A global network — Worldwide · Active"]


def test_the_schema_knows_scope_discussed_in_and_untitled_sources(built: Path) -> None:
    """sikb schema: editors get the same rules as the validator for the new keys."""
    done = run(built, "schema")
    validator = jsonschema.Draft202012Validator(json.loads(done.stdout))
    front = yaml.load(GLOBAL.split("---\n")[1], Loader=yaml.BaseLoader)
    assert list(validator.iter_errors(front)) == []
    both = {"title": "A", "description": "B", "language": "en"}
    bad = {**front, "scope": "everywhere", "discussed_in": ["XX"], "sources": [both, {}]}
    paths = sorted({e.json_path for e in validator.iter_errors(bad)})
    assert paths == ["$.discussed_in[0]", "$.scope", "$.sources[0]", "$.sources[1]"]
