"""Render again only the pages an edit to some cases touches, for ``sikb serve``.

``site.write_language`` renders every page of a language (40 s at 10,000 cases). After an
edit to a few cases, the pages that can change are the cases' own pages (in every
language: a changed original makes its translations stale) and, when what lists a case
changed (its front matter, or its title or state in this language), the pages that list
it: each of its terms' lists (before and after the edit), the list of all cases, the
kinds' indexes, the home page, the feed, the explorer's data (``write_explorer``) and
the pages of the cases related to it. Of a list, only the pages that can differ: the
first (counts and charts) and those whose cases changed. They are rendered from the
whole collection and written if their text changed. An edit that would add or remove a
page (a term's first case, a list's page more or less) is not ``complete``: the caller
renders the whole tree instead.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import views
from generator.model.collection import Case, Collection
from generator.paths import FEED, list_path, term_path
from generator.render import cite
from generator.render.data_page import data_pages
from generator.render.pages import KINDS, Options, Page, Renderer
from generator.render.site import replace_file


@dataclass(frozen=True)
class Touched:
    language: str
    written: tuple[str, ...] = ()
    """The pages written, relative to the language's tree."""
    complete: bool = True
    """False: the edit adds or removes pages, and nothing was written."""
    explorer: bool = False
    """The explorer's data and the downloads are to be written again (``write_explorer``)."""
    seconds: float = 0.0


def renderer(collection: Collection, lang: str, options: Options) -> Renderer:
    """The renderer of ``lang`` that ``write_touched`` starts from, made once; its templates
    compiled now (about a second for the three languages), not at the first edit, and its
    criteria's lists ordered (the order before the first edit)."""
    r = Renderer(collection, lang, options)
    for name in r.env.list_templates(extensions=["j2"]):
        r.templates[name] = r.env.get_template(name)
    for criterion, cases in r.by_kind["criteria"].items():
        r.by_rating(criterion, cases)
    return r


def write_touched(
    before: Renderer, new: Collection, ids: Set[str], out: Path
) -> tuple[Touched, Renderer]:
    """Write into the tree ``out`` the pages that the cases ``ids`` show on and whose
    text changed; ``before``: the renderer of the collection the tree was written from
    (each of ``ids`` in it). The renderer of ``new``, for the next edit."""
    start = time.perf_counter()
    r = _after(before, new, ids)
    lang = r.lang
    for cid in sorted(ids):
        r._case(new.cases[cid])
    if any(_listed(before, r, cid) for cid in ids):
        r.by_kind = r._index()
        every = sorted(new.cases.values(), key=r.case_sort)
        # The page after the last of each list rendered: it must not exist.
        ends = [list_path("cases", len(views.pages(every)) + 1)]
        for kind, term in sorted(_lists(before, ids) | _lists(r, ids)):
            cases = r.by_kind[kind].get(term)
            if cases is None:  # its last case left it: the term's page goes
                return _incomplete(lang, start), r
            was = before.by_kind[kind].get(term, [])
            _changed_pages(r, kind, term, _ordered(before, kind, term, was), cases, ids)
            ends.append(term_path(kind, term, len(views.pages(cases)) + 1))
        old_every = sorted(before.collection.cases.values(), key=before.case_sort)
        _changed_pages(r, "cases", None, old_every, every, ids)
        for kind in KINDS:
            r._kind_index(kind)
        r._home()  # the explorer's data: write_explorer, after the pages are served
        r.pages.append(Page(FEED, cite.feed_text(r.texts, lang, r.site_url)))
        for case in new.cases.values():
            if case.id not in ids and not ids.isdisjoint(case.meta.related):
                r._case(case)
        if any((out / e).exists() for e in ends):
            return _incomplete(lang, start), r
    if any(not (out / p.path).is_file() for p in r.pages):
        return _incomplete(lang, start), r
    written = []
    for page in r.pages:
        path, data = out / page.path, page.text.encode("utf-8")
        if path.read_bytes() != data:
            path.write_bytes(data)
            written.append(page.path)
    listed = r.by_kind is not before.by_kind
    return Touched(lang, tuple(written), True, listed, time.perf_counter() - start), r


def _incomplete(lang: str, start: float) -> Touched:
    """Nothing written: the edit adds or removes pages."""
    return Touched(lang, complete=False, seconds=time.perf_counter() - start)


def write_explorer(r: Renderer, out: Path, site: Path) -> list[str]:
    """Write the explorer's page and data and the downloads of ``r`` into the tree ``out``,
    where they changed, and the data into the built language ``site`` too (the engine
    copies them as they are); the pages written, for the engine to build.

    The slow part of a list's change at 10,000 cases (seconds a language), so a preview
    does it after the other pages are served.
    """
    r = copy.copy(r)
    r.pages, r.case_lines = [], {}  # its own: this may run beside the next edit's renderer
    r._explorer()
    r.pages += data_pages(r, r.pages)  # the data package's sizes and hashes, the data page
    written = []
    for page in r.pages:
        data = page.text.encode("utf-8")
        if (out / page.path).read_bytes() == data:
            continue
        is_page = page.path.endswith(".md")
        for path in (out / page.path,) if is_page else (out / page.path, site / page.path):
            replace_file(path, data)
        if is_page:
            written.append(page.path)
    return written


def _after(before: Renderer, new: Collection, ids: Set[str]) -> Renderer:
    """``before`` for ``new``: the texts and lines of ``ids`` made again, the rest kept
    (so are its templates, compiled once); its lists too, until ``write_touched`` needs
    them made again."""
    r = copy.copy(before)
    r.collection = new
    r.texts = dict(before.texts)
    for cid in ids:
        r.texts[cid] = views.case_text(new, new.cases[cid], r.lang)
    r.case_lines = {k: v for k, v in before.case_lines.items() if k[0] not in ids}
    r.pages = []
    return r


def _listed(before: Renderer, r: Renderer, cid: str) -> bool:
    """Whether what lists the case changed: anything but its body, and but the original's
    words where this language shows a translation's."""
    was, now = before.texts[cid], r.texts[cid]
    fields = ("shown", "state", "title", "summary", "places", "notes", "machine_translated")
    if any(getattr(was, f) != getattr(now, f) for f in fields):
        return True
    return _unworded(before.collection.cases[cid]) != _unworded(r.collection.cases[cid])


def _unworded(case: Case) -> object:
    """A case's front matter without the words a ``CaseText`` holds in its language."""
    return case.meta.model_copy(update={"title": "", "summary": "", "places": []})


def _lists(r: Renderer, ids: Set[str]) -> set[tuple[str, str]]:
    """The terms whose lists in ``r`` hold one of the cases ``ids``."""
    cases = r.collection.cases
    return {
        (kind, term)
        for cid in ids
        for kind, terms in r.terms_of(cases[cid]).items()
        for term in terms
    }


def _ordered(r: Renderer, kind: str, term: str, cases: Sequence[Case]) -> Sequence[Case]:
    """A term's cases in the order of its list (``Renderer._listing``)."""
    return r.by_rating(term, cases) if kind == "criteria" else cases


def _changed_pages(
    r: Renderer,
    kind: str,
    term: str | None,
    was: Sequence[Case],
    cases: Sequence[Case],
    ids: Set[str],
) -> None:
    """The pages of a list that can differ from ``was``: the first (its counts and charts
    are over the whole list) and each that shows one of ``ids`` or other cases than it did."""
    now = _ordered(r, kind, term, cases) if term is not None else cases
    old, new = views.pages([c.id for c in was]), views.pages([c.id for c in now])
    wanted = {
        list_path(kind, n) if term is None else term_path(kind, term, n)
        for n, chunk in enumerate(new, start=1)
        if n == 1 or n > len(old) or chunk != old[n - 1] or not ids.isdisjoint(chunk)
    }
    emit = r._emit

    def only(path: str, template: str, **context: Any) -> None:
        if path in wanted:
            emit(path, template, **context)

    r._emit = only  # type: ignore[method-assign]
    try:
        r._listing(kind, term, cases)
    finally:
        del r._emit
