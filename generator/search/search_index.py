"""Site search: Pagefind, run over each language's built site as soon as it is built.

Each language's pages go into its own bundle, ``site/<lang>/pagefind/``, which holds the
index of that language (Pagefind reads each page's ``<html lang>``); a search runs in
the language of the page it is typed on. What it indexes is marked in the pages: the
content block carries ``data-pagefind-body`` (``overrides/main.html``, so menus and
footers are not indexed, and a page whose front matter says ``sikb_search: false`` is
left out), case pages carry their filter values in the page's language and a ``type``
(``templates/site/case.md.j2``: the facets of ``taxonomy.yaml`` marked ``search``, whose
names and "all" choices the search box gets from ``render.describe``), and lists of
cases on taxonomy pages are ``data-pagefind-ignore``, so that a case's words find the case
first. The browser side is ``assets/sikb-search.js`` behind Material's search box
(``overrides/partials/search.html``).

Engine-neutral: Pagefind reads HTML, whatever built it.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from generator.i18n.catalogs import N_
from generator.paths import BUNDLE, bundle
from generator.search import parts, shadow, stems
from generator.settings import DEFAULT_SEARCH_PART_PAGES

log = logging.getLogger(__name__)

FILTERS_LABEL = N_("Filter the results")
ERROR = N_("Search could not be loaded.")
TOO_COMMON = N_("Too common to search on its own: %(words)s. Add a more specific word.")

_WORD = re.compile(r"\w+")
_RUN = re.compile(rf"[\w{stems.APOSTROPHES}\u0400-\u052f]+")
"""What a word of search (``_WORD``) or of the normaliser (``stems.WORD``) never crosses."""


def too_common(texts: Iterable[str], limit: int, lang: str = "") -> tuple[str, ...]:
    """The words, lower-cased, that occur more than ``limit`` times in ``texts``
    (``settings.Settings.search_too_common``); in a language whose words search normalises,
    their stems (``stems.py``), as search looks them up."""
    # Each distinct run of word characters normalised once, not each of its occurrences:
    # a language's texts repeat a few thousand runs a million times.
    runs: Counter[str] = Counter()
    for text in texts:
        runs.update(_RUN.findall(text.lower()))
    normalise = stems.normaliser(lang)
    counts: Counter[str] = Counter()
    for run, n in runs.items():
        for word in _WORD.findall(normalise(run)):
            counts[word] += n
    return tuple(sorted(w for w, n in counts.items() if n > limit))


_NOTES = (
    "Note: Pagefind doesn't support stemming",  # uk, kk, ka...: indexed as whole words
    "Search will still work, but will not match across root words",
)


class SearchIndexError(RuntimeError):
    """Pagefind failed: the site has no usable search, so the build fails."""


CHUNK = 20_000
"""Pagefind's word chunk, in locations (its default). A part's chunks are smaller in
proportion: the browser loads a word's chunk from every part, and they add up to about
one whole chunk (at 10,000 cases in 7 parts, "Moldova" loaded 152 KB of chunks, not 35 KB,
with whole chunks in every part)."""


@dataclass(frozen=True)
class Plan:
    """A built language made ready for Pagefind (``prepare``): what it runs over, and where
    each run's bundle goes."""

    site: Path
    work: Path
    """The folder of the shadow pages and the parts, removed when Pagefind is done."""
    runs: tuple[tuple[Path, Path], ...]
    chunk: int
    """Locations per word chunk (``CHUNK``, divided among the parts)."""


def index(site: Path, part_pages: int = DEFAULT_SEARCH_PART_PAGES) -> None:
    """Index every page under ``site`` into ``site/pagefind/``; raise ``SearchIndexError``."""
    run(prepare(site, part_pages))


def prepare(site: Path, part_pages: int = DEFAULT_SEARCH_PART_PAGES) -> Plan:
    """The Python half of indexing ``site``, which the build does in the language's own
    process: the shadow pages (``shadow.py``), the parts (``parts.py``)."""
    if not site.is_dir():
        raise SearchIndexError(f"no site to index at {site}")
    target = bundle(site)
    shutil.rmtree(target, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".sikb-search-", dir=site.parent))
    try:
        shadowed = work / "shadow"
        source = shadowed if shadow.write(site, shadowed, BUNDLE) else site
        pages = sorted(p for p in source.rglob("*.html") if p.parts[len(source.parts)] != BUNDLE)
        count = max(1, math.ceil(len(pages) / part_pages))
        runs = [(source, target)] if count == 1 else parts.plan(pages, source, target, count, work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Plan(site, work, tuple(runs), CHUNK // len(runs))


def run(plan: Plan, slot: AbstractContextManager[object] | None = None) -> None:
    """Pagefind over each run of ``plan``, one after another, each holding ``slot`` (the
    build's share of cores and memory); then the list of parts."""
    try:
        for pages, out in plan.runs:
            with slot or contextlib.nullcontext():
                _pagefind(pages, out, plan.site, plan.chunk)
        parts.finish(bundle(plan.site), [out for _, out in plan.runs])
    finally:
        shutil.rmtree(plan.work, ignore_errors=True)


def _pagefind(source: Path, out: Path, site: Path, chunk: int) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(source)]
    command += ["--output-path", str(out)]
    # The headings' permalink anchors (¶) are not words, nor part of a result's title.
    command += ["--exclude-selectors", ".headerlink", "--quiet"]
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk)}
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    except OSError as e:
        raise SearchIndexError(f"could not run Pagefind: {e}") from e
    output = "\n".join(s.strip() for s in (done.stdout, done.stderr) if s.strip())
    if done.returncode != 0 or not (out / "pagefind.js").is_file():
        tail = "\n".join(output.splitlines()[-20:]) or "no output"
        raise SearchIndexError(
            f"Pagefind failed (exit {done.returncode}) indexing {site}:\n{tail}\n"
            f"(try: {sys.executable} -m pagefind --site {site})"
        )
    for line in filter(None, (s.strip() for s in output.splitlines())):
        (log.debug if line.startswith(_NOTES) else log.warning)("pagefind: %s", line)
