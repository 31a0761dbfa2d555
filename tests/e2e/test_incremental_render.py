"""The pages `sikb serve` renders again after an edit are those a full render writes.

``render.incremental`` renders only the pages an edit can change; after it (and its
explorer step), each language's tree must be byte for byte the tree a full render of the
edited collection writes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.model.collection import Collection
from generator.render.data_page import data_pages
from generator.render.incremental import renderer, write_explorer, write_touched
from generator.render.pages import Options, Page, Renderer
from generator.render.site import DOCS_DIR, handwritten_files, write_tree
from generator.settings import Settings
from generator.validate.collection import load
from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e
CASE = "youth-lab-moldova"


def _edited(collection: Collection, how: str) -> Collection:
    case = collection.cases[CASE]
    meta = case.meta
    if how == "title":  # to the front of every list it is on
        meta = meta.model_copy(update={"title": "Aardvark " + meta.title})
    elif how == "status":
        status = next(s for s in collection.taxonomy.statuses if s != meta.status)
        meta = meta.model_copy(update={"status": status})
    elif how == "rating":  # the counts and charts over every list it is on
        crit = next(c for c in collection.taxonomy.criteria if c in meta.criteria)
        was = meta.criteria[crit]
        rating = next(r for r in collection.taxonomy.ratings if r != was.rating)
        criteria = {**meta.criteria, crit: was.model_copy(update={"rating": rating})}
        meta = meta.model_copy(update={"criteria": criteria})
    elif how == "translation title":  # to the front of the Russian lists only
        return _translated(collection, "Аардварк ")
    edited = dataclasses.replace(case, meta=meta, body=case.body + "\nOne more line.\n")
    return dataclasses.replace(collection, cases={**collection.cases, CASE: edited})


def _translated(collection: Collection, prefix: str) -> Collection:
    """The case's Russian title with ``prefix``, the original left as it was."""
    tr = collection.translations[CASE]["ru"]
    meta = tr.meta.model_copy(update={"title": prefix + tr.meta.title})
    ru = dataclasses.replace(tr, meta=meta)
    translations = {**collection.translations, CASE: {**collection.translations[CASE], "ru": ru}}
    return dataclasses.replace(collection, translations=translations)


def _files(top: Path) -> dict[str, bytes]:
    return {p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()}


def _rendered(r: Renderer) -> list[Page]:
    """Every generated page and file, as ``site.write_language`` writes them."""
    pages = r.render()
    return [*pages, *data_pages(r, pages)]


@pytest.mark.parametrize("how", ["body", "title", "status", "rating", "translation title"])
def test_an_edit_rendered_again_gives_the_full_render(tmp_path: Path, how: str) -> None:
    """Body, title, status, rating and a translation's title edits: every language's tree
    as a full render writes it (the lists' new order, counts and charts)."""
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    new = _edited(loaded, how)
    names = handwritten_files(FIXTURES / "kb" / DOCS_DIR, loaded.taxonomy.languages[0])
    options = Options(Settings(), frozenset(names))
    for lang in loaded.taxonomy.languages:
        tree, full, site = tmp_path / how / lang, tmp_path / "full" / lang, tmp_path / "site"
        write_tree(_rendered(renderer(loaded, lang, options)), tree, lang)
        touched, after = write_touched(renderer(loaded, lang, options), new, {CASE}, tree)
        assert touched.complete
        edited_in = "ru" if how == "translation title" else "en"
        assert f"cases/{CASE}.md" in touched.written or lang != edited_in
        if touched.explorer:
            for folder in ("data", "explorer"):
                (site / folder).mkdir(parents=True, exist_ok=True)
            write_explorer(after, tree, site)
        write_tree(_rendered(renderer(new, lang, options)), full, lang)
        assert _files(tree) == _files(full), lang


def test_edits_in_a_row_each_give_the_full_render(tmp_path: Path) -> None:
    """``sikb serve`` renders each edit from the renderer the last one returned, with what
    it keeps between edits (the titles' sort keys, the lists): after a second edit that
    moves the case back, each tree is still the full render's."""
    loaded = load(FIXTURES / "kb").collection
    assert loaded is not None
    first = _edited(loaded, "translation title")
    second = _translated(_edited(loaded, "title"), "Яблоко ")  # first in en, last in ru
    options = Options(Settings(), frozenset())
    for lang in loaded.taxonomy.languages:
        tree, full, site = tmp_path / "tree" / lang, tmp_path / "full" / lang, tmp_path / lang
        for folder in ("data", "explorer"):
            (site / folder).mkdir(parents=True)
        write_tree(_rendered(renderer(loaded, lang, options)), tree, lang)
        r = renderer(loaded, lang, options)
        for new in (first, second):
            touched, r = write_touched(r, new, {CASE}, tree)
            assert touched.complete
            if touched.explorer:
                write_explorer(r, tree, site)
        write_tree(_rendered(renderer(second, lang, options)), full, lang)
        assert _files(tree) == _files(full), lang
