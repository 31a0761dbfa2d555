"""CITATION.cff: valid Citation File Format 1.2.0, and the same version and date as the
generator and every language's data package.

The schema, ``tests/fixtures/cff-1.2.0.schema.json``, is the Citation File Format's own
(github.com/citation-file-format/citation-file-format, tag 1.2.0, CC BY 4.0).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import yaml

import generator
from generator.data import datapackage
from generator.validate.collection import load
from tests.conftest import FIXTURES, REPO

SCHEMA = FIXTURES / "cff-1.2.0.schema.json"


def _citation() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    return data


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    """Every key is one CFF 1.2.0 knows, with a value of its type (dates as dates)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(_citation())]
    assert errors == []


def test_an_invalid_citation_is_caught() -> None:
    """The check bites: a version that is a list and an unknown key are errors."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {**_citation(), "version": ["0.1.0"], "colour": "red"}
    assert len(list(jsonschema.Draft7Validator(schema).iter_errors(bad))) == 2


def test_citation_cff_the_package_and_the_data_packages_share_a_version_and_date() -> None:
    """One version and release date: generator's, CITATION.cff's, each data package's."""
    cff = _citation()
    assert (cff["version"], str(cff["date-released"])) == (
        generator.__version__,
        generator.RELEASED,
    )
    collection = load(FIXTURES / "kb").collection
    assert collection is not None
    tax = collection.taxonomy
    names = (datapackage.CSV, datapackage.JSON, datapackage.TAXONOMY, datapackage.SCHEMA)
    files = dict.fromkeys(names, "")
    package = json.loads(datapackage.package(tax, "en", "https://kb.example.org/en/data/", files))
    assert package["version"] == cff["version"]
    assert package["created"].startswith(str(cff["date-released"]))
    assert package["licenses"][0]["name"] == cff["license"]
