"""Write one Markdown tree per site language: generated pages, hand-written pages, assets.

Engine-neutral: the trees are plain folders of Markdown that any engine can build.
Files are written only when their text changes, and files no longer generated are
removed, so a preview server sees exactly what changed and no stale page survives.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from generator.i18n.catalogs import N_, translations
from generator.i18n.names import capitalised, language_name
from generator.markup.html_blocks import defuse
from generator.markup.markdown_safe import md_text, meta_text
from generator.model.collection import Collection
from generator.model.vocabulary import Vocabularies
from generator.render import cite
from generator.render.data_page import data_pages
from generator.render.pages import Options, Page, Renderer
from generator.render.redirects import redirects
from generator.search import search_index, stems

ASSETS = Path(__file__).parent / "assets"
DOCS_DIR = "docs"
# MkDocs' own pattern for YAML front matter (mkdocs/utils/meta.py).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_KEYS = frozenset({"title", "description", "hide", "sikb_search", "sikb_alternates"})
_SUFFIX = re.compile(r"^(?P<name>[^.]+)(?:\.(?P<lang>[a-z]{2,3}))?\.md$")
FALLBACK_TITLE = N_("Not yet translated")
FALLBACK_TEXT = N_("This page has not been translated into this language yet.")
ORIGINAL_LANGUAGE = N_("Original language:")


@dataclass(frozen=True)
class TreeReport:
    language: str
    pages: int
    written: int
    removed: int
    too_common: tuple[str, ...] = ()
    """Words too common to search alone in this language (``search_index.too_common``)."""
    seconds: float = 0.0


def handwritten_files(docs: Path, default: str) -> dict[str, dict[str, Path]]:
    """Per page name, its file in each language: ``{"about": {"en": ..., "ru": ...}}``."""
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(docs.glob("*.md")) if docs.is_dir() else []:
        m = _SUFFIX.match(path.name)
        if m and m["name"] != "index":  # the home page is generated
            found.setdefault(m["name"], {})[m["lang"] or default] = path
    return found


def handwritten(docs: Path, lang: str, default: str) -> list[Page]:
    """``docs/<name>.md`` (default language) and ``docs/<name>.<lang>.md``, one page per name.

    A name without a version in ``lang`` falls back to the default language's, under
    a notice in the reader's language.
    """
    tr = translations(lang)
    pages = []
    for name, versions in handwritten_files(docs, default).items():
        if lang in versions:
            text = defuse(versions[lang].read_text(encoding="utf-8"))
        elif default in versions:
            text = _with_notice(
                defuse(versions[default].read_text(encoding="utf-8")),
                tr.ugettext(FALLBACK_TITLE),
                f"{tr.ugettext(FALLBACK_TEXT)} {tr.ugettext(ORIGINAL_LANGUAGE)} "
                f"{md_text(capitalised(language_name(default, lang)))}.",
            )
        else:
            continue
        pages.append(Page(f"{name}.md", _escaped_meta(text)))
    return pages


def _escaped_meta(text: str) -> str:
    """A hand-written page with front matter of our own making, its values escaped.

    The theme prints a page's title and description as they are, as it may: the
    renderer escapes those it writes (``meta_text``). A hand-written page's own front
    matter is read here and written again the same way: the keys in ``_META_KEYS`` only
    (not ``template`` or ``icon``, which choose files), strings escaped, true/false and
    numbers kept, lists of strings kept. Every page starts with it, so that the engine
    never reads MultiMarkdown-style ``title: ...`` lines at the top of a page as its
    title either: they are text.
    """
    data: dict[str, Any] = {}
    if m := _FRONT_MATTER.match(text):
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            data, text = loaded, text[m.end() :].lstrip("\n")
    lines = ["---", "sikb_handwritten: true"]
    for key, value in data.items():
        if key not in _META_KEYS:
            continue
        if isinstance(value, str):
            lines.append(f"{key}: {meta_text(value)}")
        elif isinstance(value, bool | int | float):
            lines.append(f"{key}: {json.dumps(value)}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            lines.append(f"{key}: [{', '.join(meta_text(v) for v in value)}]")
    return "\n".join([*lines, "---", "", text])


def _with_notice(text: str, title: str, body: str) -> str:
    notice = f'!!! info "{title}"\n\n    {body}\n\n'
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "".join([*lines[: i + 1], "\n", notice, *lines[i + 1 :]])
    return notice + text


RATINGS_MARK = "/* sikb: the ratings' colours (taxonomy.yaml, Vocabularies.css) */\n"
"""Where ``sikb.css`` takes each rating's rules, written from the registry."""


def assets(vocab: Vocabularies | None = None) -> list[Page]:
    """The assets, ``sikb.css`` with a rule per rating of ``vocab``, ``sikb-stem.js`` with
    search's rules (``search.stems``)."""
    out = []
    for p in ASSETS.iterdir():
        text = p.read_text(encoding="utf-8")
        if vocab is not None and RATINGS_MARK in text:
            text = text.replace(RATINGS_MARK, RATINGS_MARK + vocab.css())
        text = stems.embed(text) if stems.SCRIPT_MARK in text else text
        out.append(Page(f"assets/{p.name}", text))
    return out


def write_tree(pages: Iterable[Page], dest: Path, lang: str = "") -> TreeReport:
    """Make ``dest`` hold exactly ``pages``: write what changed, remove what is gone."""
    wanted: dict[Path, str] = {dest / p.path: p.text for p in pages}
    written = removed = 0
    for path, text in wanted.items():
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    if dest.is_dir():
        for path in sorted(dest.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return TreeReport(lang, len(wanted), written, removed)


def write_language(
    collection: Collection, root: Path, out: Path, options: Options, lang: str
) -> tuple[TreeReport, Renderer]:
    """Render every page of ``lang`` into its tree ``out`` (``paths.Layout.docs``); the
    renderer, its pages let go, for the files written after the engine (``write_case_files``)."""
    start = time.perf_counter()
    default = collection.taxonomy.default_language
    renderer = Renderer(collection, lang, options)
    pages = renderer.render()
    pages += data_pages(renderer, pages) + redirects(collection, lang, options.settings.site_url)
    every = [*pages, *handwritten(root / DOCS_DIR, lang, default), *assets(renderer.vocab)]
    report = write_tree(every, out, lang)
    renderer.pages, renderer.case_lines = [], {}
    del pages, every
    words = (
        text
        for t in renderer.texts.values()
        for text in (t.title, t.summary, t.body, *t.places, *t.notes.values())
    )
    common = search_index.too_common(words, options.settings.search_too_common, lang)
    return replace(report, too_common=common, seconds=time.perf_counter() - start), renderer


def write_case_files(
    renderer: Renderer, ids: Iterable[str], built: Path, *, fresh: bool = False
) -> int:
    """Write the files beside each case's page (``cite.case_files``) of ``ids`` into the
    built language ``built`` (``site/<lang>/``, after the engine built it); how many.

    Thousands of small files that the engine would only collect and copy: they go
    straight where the reader gets them. ``sikb build`` writes every case's after the
    engine, ``sikb serve`` those of the cases an edit touches; each is replaced whole,
    so a served file is never half written. ``fresh``: ``built`` is a folder no one reads
    yet (the build's, before it is published), where each file is written once, straight.
    """
    write = Path.write_bytes if fresh else replace_file
    written = 0
    for cid in ids:
        text = renderer.texts[cid]
        record = renderer.dataset.record(text.case)
        files = cite.case_files(text, record, renderer.site_url)
        for folder in {(built / rel).parent for rel in files}:
            folder.mkdir(parents=True, exist_ok=True)
        for rel, data in files.items():
            write(built / rel, data.encode("utf-8"))
            written += 1
    return written


def replace_file(path: Path, data: bytes) -> None:
    """Replace ``path`` whole with ``data``: a reader of a served site never gets it half
    written."""
    temp = path.with_name(f".{path.name}.sikb-tmp")
    temp.write_bytes(data)
    temp.replace(path)
