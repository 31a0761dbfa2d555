"""The engine gets a description of the site, and its render-once cache is optional: the
fixture knowledge base built with MkDocs' hooks (the cache) and without them (as an
engine that runs no hooks, Zensical, would build it) gives the same pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.build import pipeline
from generator.build.publish import MANIFEST
from generator.paths import Layout
from tests.conftest import FIXTURES, REPO

pytestmark = pytest.mark.e2e


def _build(tmp_path: Path, name: str, *, render_once: bool) -> tuple[Path, Path]:
    """The fixture knowledge base built into ``<name>/site``; its root and its site."""
    root = tmp_path / name
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    out = pipeline.build(root, render_once=render_once)
    assert out.ok, (out.problems, out.built, out.search_error)
    assert out.site is not None
    return root, out.site


def _files(site: Path) -> dict[str, bytes]:
    """Every file the site holds but Pagefind's index (its names and its entry file change
    from one build to the next) and the publisher's manifest (which lists them)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
        and "pagefind" not in path.relative_to(site).parts[:2]
        and path.name != MANIFEST
    }


def test_the_site_is_the_same_without_the_render_once_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    on_root, on = _build(tmp_path, "on", render_once=True)
    off_root, off = _build(tmp_path, "off", render_once=False)

    # The cache is named in the config only when it is on.
    for lang in ("en", "ru", "uk"):
        with_hooks = yaml.safe_load(Layout.at(on_root).config(lang).read_text(encoding="utf-8"))
        without = yaml.safe_load(Layout.at(off_root).config(lang).read_text(encoding="utf-8"))
        assert [Path(hook).name for hook in with_hooks["hooks"]] == ["mkdocs_hooks.py"]
        assert "hooks" not in without

    built_on, built_off = _files(on), _files(off)
    assert built_on.keys() == built_off.keys()
    html = [name for name in built_on if name.endswith(".html")]
    assert len(html) > 60
    differing = [name for name in built_on if built_on[name] != built_off[name]]
    assert differing == []
