"""The issue forms in .github/ISSUE_TEMPLATE/: made from taxonomy.yaml, up to date, and in
GitHub's form schema (docs.github.com, "Syntax for GitHub's form schema" and "Common
validation errors when creating issue forms")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
import yaml

from generator.data import issue_forms
from generator.data.issue_forms import FORMS_DIR, FormError, forms, options, term_labels
from generator.data.scaffold import taxonomy_of
from generator.model.taxonomy import Taxonomy
from tests.conftest import REPO

FOLDER = REPO / FORMS_DIR
ELEMENT_KEYS = {"type", "id", "attributes", "validations"}
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}
TOP = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
DROPDOWNS = {"countries": "countries", "sectors": "sectors", "themes": "themes"}
DROPDOWNS["status"] = "statuses"


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return taxonomy_of(REPO)


def _committed() -> dict[str, Any]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FOLDER.glob("*.yml")}


def test_the_committed_forms_are_what_sikb_forms_makes_of_the_taxonomy(tax: Taxonomy) -> None:
    """A term added to taxonomy.yaml without 'sikb forms' fails here: run it and commit."""
    made = forms(tax)
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(made)
    for name, text in made.items():
        committed = (FOLDER / name).read_text(encoding="utf-8")
        assert committed == text, f"{FORMS_DIR}/{name} is out of date: run 'sikb forms'"


def test_forms_are_the_same_bytes_every_time(tax: Taxonomy) -> None:
    """Deterministic: nothing in the output depends on the run."""
    assert forms(tax) == forms(tax)


@pytest.mark.parametrize(("field", "vocabulary"), sorted(DROPDOWNS.items()))
def test_each_dropdown_lists_exactly_the_taxonomys_terms(
    tax: Taxonomy, field: str, vocabulary: str
) -> None:
    """No term the taxonomy lacks, none it has missing, in its order: the ids in brackets."""
    form = _committed()[issue_forms.PROPOSE]
    element = next(e for e in form["body"] if e.get("id") == field)
    ids = [
        re.fullmatch(r".* \((?P<id>[^()]+)\)", o)["id"] for o in element["attributes"]["options"]
    ]
    assert ids == list(term_labels(tax, vocabulary))


def test_the_proposal_lists_every_actor_and_role(tax: Taxonomy) -> None:
    """The actors and roles, for the free-text field, are the taxonomy's."""
    text = (FOLDER / issue_forms.PROPOSE).read_text(encoding="utf-8")
    for vocabulary in ("actors", "roles"):
        for tid in getattr(tax, vocabulary):
            assert f"- `{tid}`: " in text


@pytest.mark.parametrize("name", [issue_forms.PROPOSE, issue_forms.REPORT, issue_forms.TRANSLATE])
def test_each_form_follows_githubs_schema(name: str) -> None:
    """Top-level keys, element keys and attributes GitHub permits; ids of letters, digits, - and
    _, unique; labels unique; options unique strings, none 'None', no comma in a dropdown's;
    every field says whether it is required."""
    form = _committed()[name]
    assert set(form) <= TOP
    assert {"name", "description", "body"} <= set(form)
    fields = [e for e in form["body"] if e["type"] != "markdown"]
    assert fields
    ids = [e["id"] for e in fields]
    labels = [e["attributes"]["label"] for e in fields]
    assert len(set(ids)) == len(ids)
    assert len(set(labels)) == len(labels)
    for element in form["body"]:
        kind = element["type"]
        assert set(element) <= ELEMENT_KEYS
        assert set(element["attributes"]) <= ATTRIBUTES[kind]
        if kind == "markdown":
            assert set(element) == {"type", "attributes"}
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        assert isinstance(element["attributes"]["label"], str)
        assert element["attributes"]["label"]
        if kind != "checkboxes":
            assert isinstance(element["validations"]["required"], bool)
        if kind == "dropdown":
            opts = element["attributes"]["options"]
            assert all(isinstance(o, str) and o.strip() and "," not in o for o in opts)
            assert len(set(opts)) == len(opts)
            assert "None" not in opts
            assert len(opts) <= issue_forms.MAX_OPTIONS
        if kind == "checkboxes":
            assert all(set(o) <= {"label", "required"} for o in element["attributes"]["options"])


def test_the_proposals_ids_are_the_front_matter_keys_they_fill() -> None:
    """Every field but the confirmation fills the key its id names (period-start: period.start)."""
    keys = {"title", "id", "summary", "language", "countries", "places", "sectors", "themes"}
    keys |= {"actors", "status", "period-start", "period-end", "sources", "confirm"}
    assert {f.id for f in issue_forms.PROPOSAL} == keys


def test_a_label_with_a_comma_is_refused(tax: Taxonomy) -> None:
    """GitHub joins a multi-select answer with commas: such an option could not be read back."""
    sectors = dict(tax.sectors)
    first = next(iter(sectors))
    term = sectors[first].model_copy(update={"label": {**sectors[first].label, "en": "A, B"}})
    sectors[first] = term
    broken = replace(tax, sectors=sectors)
    with pytest.raises(FormError, match="holds a comma"):
        options(broken, "sectors")
