"""The engine gets an engine-neutral description of each language's site
(``model.site_description``), and the import contracts keep it from reaching past it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from generator.engine.mkdocs_adapter import write_config
from generator.paths import Layout
from generator.render.describe import describe
from generator.validate.taxonomy import load_taxonomy
from tests.conftest import FIXTURES, REPO


def test_the_engine_may_not_import_render_or_search() -> None:
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["contracts"]
    contract = next(c for c in contracts if c["name"].startswith("The engine gets"))
    assert contract["type"] == "forbidden"
    assert contract["source_modules"] == ["generator.engine"]
    assert set(contract["forbidden_modules"]) == {"generator.render", "generator.search"}


def test_the_config_says_what_the_description_does(tmp_path: Path) -> None:
    layout = Layout.at(tmp_path)
    taxonomy, _ = load_taxonomy(FIXTURES / "kb")
    site = describe(
        "ru",
        ["en", "ru"],
        layout.docs("ru"),
        ["about"],
        "https://kb.example/",
        ["и", "в"],
        taxonomy=taxonomy,
    )
    config = yaml.safe_load(write_config(layout, site).read_text(encoding="utf-8"))
    assert config["site_name"] == site.site_name
    assert config["site_url"] == "https://kb.example/ru/"
    assert config["theme"]["language"] == "ru"
    assert (layout.config("ru").parent / config["docs_dir"]).resolve() == layout.docs("ru")
    assert config["extra"]["sikb_search"]["common"] == "и в"
    assert [a["lang"] for a in config["extra"]["alternate"]] == ["en", "ru"]
    assert config["extra"]["sikb_feed"] == {
        "path": "feed.xml",
        "title": "SIKB — База знаний о социальных инновациях: Новые и обновлённые кейсы",
    }
    assert config["extra"]["sikb_locale"] == "ru_RU"
    # search's filters are the taxonomy's facets marked 'search', named in the language
    assert config["extra"]["sikb_search"]["filters"][0] == {
        "name": "country",
        "label": "Страны",
        "all": "Все страны",
    }
    assert list(config["nav"][0].values()) == ["index.md"]
    (about,) = config["nav"][-1].values()
    assert [next(iter(entry.values())) for entry in about] == ["about.md"]
    assert "hooks" in config

    off = write_config(layout, describe("ru", ["ru"], layout.docs("ru"), [], "", render_once=False))
    assert "hooks" not in yaml.safe_load(off.read_text(encoding="utf-8"))
