"""load -> validate -> render -> engine, as one call for ``sikb build`` and ``sikb serve``."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import cast

from generator import settings as run_settings
from generator.build import assemble, publish
from generator.engine import mkdocs_adapter as engine
from generator.model.collection import Collection
from generator.paths import Layout
from generator.problems import Problem, Severity, promote
from generator.render.describe import describe
from generator.render.pages import Options
from generator.render.site import (
    DOCS_DIR,
    TreeReport,
    handwritten_files,
    write_case_files,
    write_language,
)
from generator.search import search_index
from generator.settings import Settings
from generator.validate.collection import load

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    trees: list[TreeReport] = field(default_factory=list)
    built: list[engine.Built] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    search_error: str | None = None
    """Why the search index could not be built (the build then fails)."""
    site: Path | None = None
    """The site folder the build published, once it has."""
    collection: Collection | None = None
    """The collection the build rendered, once validated without errors."""
    options: Options | None = None
    """The options it rendered with."""

    @property
    def ok(self) -> bool:
        no_errors = not any(p.severity is Severity.ERROR for p in self.problems)
        built = bool(self.built) and all(b.error is None for b in self.built)
        return no_errors and built and self.search_error is None


BUDGET = int(3.5 * 2**30)
"""What a build may hold at once, the sum of its processes' PSS: under the 4 GB of a small CI
runner with room to spare. ``jobs_default`` keeps to it by the size of the collection."""
PER_CASE = 120 * 2**10
"""A language's process, per case of the collection: 1.2 GB at 10,000 (``make bench``)."""
FIRST_PER_CASE = 50 * 2**10
"""The first process, which holds the loaded collection: 0.5 GB at 10,000."""
PER_INDEXED_PAGE = 600 * 2**10
"""A run of Pagefind, per page it indexes: 1.0 to 1.2 GB for 2,000 Ukrainian pages."""
PAGES_PER_CASE = 1.34
"""A language's pages per case: the case's own and its share of the lists (10,000: 13,370)."""


def jobs_default(cases: int, part_pages: int) -> int:
    """How many slots: one a core and one more (Pagefind leaves a core partly idle: at
    1,000 cases on 2 cores, 3 slots build in 43 s where 2 take 51-57), as many as the
    memory budget holds, a slot held by a language's process or a run of Pagefind."""
    cores = len(os.sched_getaffinity(0))
    indexed = min(int(cases * PAGES_PER_CASE), part_pages)
    slot = max(cases * PER_CASE, indexed * PER_INDEXED_PAGE, 1)
    held = (BUDGET - cases * FIRST_PER_CASE) // slot
    return int(max(1, min(cores + 1, held)))


def build(
    root: Path,
    site: Path | None = None,
    *,
    strict: bool = False,
    jobs: int | None = None,
    on_problems: Callable[[Outcome], None] | None = None,
    settings: Settings | None = None,
    render_once: bool = True,
    only: Sequence[str] | None = None,
) -> Outcome:
    """Validate the collection, write the language trees, build them; stop at the first failure.

    Errors stop the build. Warnings (a stale translation, a missing note) are reported
    and the site shows them to readers; ``strict`` makes them stop the build too.
    The site folder changes only if every language and its search index were built,
    all at once (``publish``); one the build may not replace raises
    ``publish.SiteDirError`` before anything is done. ``settings``: the command's
    (``cli``); a caller that gives none gets the environment's (``settings.read``).
    ``render_once``: off, the engine builds without its render-once cache (MkDocs'
    hooks), as an engine without hooks would; the site is the same (tests/e2e).
    ``only``: these languages alone, a part for ``sikb assemble`` (``assemble.PartError``).
    """
    settings = settings or run_settings.read()
    layout = Layout.at(root, site)
    shown = str(site) if site is not None else "site/"
    target = publish.check(layout.site, root, protected(layout), shown)
    publish.tidy(target)
    out = Outcome()
    t0 = time.perf_counter()
    result = load(root, on=settings.day())
    out.problems = promote(result.problems) if strict else result.problems
    out.files_checked = result.files_checked
    out.timings["validate"] = time.perf_counter() - t0
    if out.problems and on_problems:
        on_problems(out)
    if result.collection is None or any(p.severity is Severity.ERROR for p in out.problems):
        return out
    collection = out.collection = result.collection
    languages = collection.taxonomy.languages
    names = list(handwritten_files(root / DOCS_DIR, languages[0]))
    url = settings.site_url
    options = out.options = Options(settings, frozenset(names))
    t1 = time.perf_counter()
    staging = publish.prepare(target)
    try:
        work = replace(layout, site=staging)
        _JOBS.append(_Job(collection, root, work, options, names, render_once))
        try:
            done = _each_language(assemble.chosen(languages, only), jobs)
        finally:
            _JOBS.clear()
        _outcome(out, done, t1)
        if out.ok:
            assemble.finish(work, languages, only, url)
            publish.publish(staging, target)
            out.site = target
    finally:
        publish.discard(staging)
    return out


def protected(layout: Layout) -> list[tuple[Path, str]]:
    """What a site folder may not be, hold or lie inside, besides the root."""
    root = layout.root
    return [
        (root / "cases", "the cases' folder"),
        (root / DOCS_DIR, "the hand-written pages' folder"),
        (layout.build, "the build's working folder"),
        (root / ".git", "the repository"),
        (root / "taxonomy.yaml", "the taxonomy"),
        (root / engine.BASE_CONFIG, "the site's configuration"),
        (Path(__file__).parent.parent, "the generator's code"),
    ]


def _outcome(out: Outcome, done: list[tuple[TreeReport, engine.Built]], start: float) -> None:
    out.trees = [tree for tree, _ in done]
    out.built = [built for _, built in done]
    out.timings["render, engine and search"] = time.perf_counter() - start
    # What each step took in one language's process, on average: parts of the figure
    # above, since the languages run side by side.
    n = len(done)
    out.timings["per language: render"] = sum(t.seconds for t in out.trees) / n
    out.timings["engine"] = sum(b.seconds for b in out.built) / n
    out.timings["search"] = sum(b.after_seconds for b in out.built) / n
    errors = [f"{b.language}: {b.after_error}" for b in out.built if b.after_error]
    out.search_error = "\n".join(errors) or None


@dataclass(frozen=True)
class _Job:
    """What every language's process needs."""

    collection: Collection
    root: Path
    layout: Layout
    options: Options
    handwritten: list[str]
    render_once: bool = True


_JOBS: list[_Job] = []
"""The build under way, set before the processes are forked so that they inherit the
loaded collection instead of receiving a pickled copy of it."""


def _each_language(
    languages: Sequence[str], jobs: int | None
) -> list[tuple[TreeReport, engine.Built]]:
    """Each language rendered and built in a process of its own, which ends with it (its
    pages leave memory with it), then indexed for search from here (``search_index.run``,
    its index in parts: ``search_index.prepare``). ``jobs`` slots, one a core, bound what
    runs at once, and so the memory: a language's process holds one, and so does each run
    of Pagefind."""
    if not jobs:
        job = _JOBS[-1]
        jobs = jobs_default(len(job.collection.cases), job.options.settings.search_part_pages)
    # Forked, whatever the platform's default start method (forkserver from Python 3.14,
    # spawn on macOS): a forked process inherits the loaded collection (``_JOBS``).
    if jobs <= 1 or len(languages) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [(tree, _search(built, plan)) for tree, built, plan in map(_language, languages)]
    slots = threading.BoundedSemaphore(jobs)
    # The loaded collection is only read from here on: frozen, the garbage collector no
    # longer walks it in every process, nor copies its pages into each forked one.
    gc.freeze()
    try:
        with ThreadPoolExecutor(max_workers=jobs) as search:
            indexed = {
                lang: (tree, search.submit(_search, built, plan, slots))
                for lang, (tree, built, plan) in _forked(languages, slots)
            }
            return [(indexed[lang][0], indexed[lang][1].result()) for lang in languages]
    finally:
        gc.unfreeze()


def _forked(
    languages: Sequence[str], slots: threading.BoundedSemaphore
) -> Iterator[tuple[str, _Done]]:
    """``_language`` of each language in a forked process, each holding a slot, as each ends."""
    fork = multiprocessing.get_context("fork")
    waiting = list(languages)
    running: dict[Connection, tuple[str, BaseProcess]] = {}

    def start(lang: str) -> None:
        mine, theirs = fork.Pipe(duplex=False)
        process = fork.Process(target=_child, args=(lang, theirs), name=f"sikb-{lang}")
        process.start()
        theirs.close()
        running[mine] = (lang, process)

    while waiting or running:
        while waiting and slots.acquire(blocking=False):
            start(waiting.pop(0))
        # With every slot taken by search, look again shortly for one given back.
        for ready in connection_wait(list(running), timeout=0.5):
            conn = cast(Connection, ready)
            lang, ended = running.pop(conn)
            try:
                result = conn.recv()
            except EOFError:
                result = None
            ended.join()
            if isinstance(result, BaseException):
                slots.release()
                raise result
            # The slot goes to the next language first, before the search index of the one
            # that ended: a language's process is the longest step and runs on one core, so
            # started late it would end the build alone (10,000 cases on 2 slots: 313 s).
            if waiting:
                start(waiting.pop(0))
            else:
                slots.release()
            if result is None:  # killed (out of memory?) before it could answer
                why = f"its process ended without a result (exit code {ended.exitcode})"
                yield lang, (TreeReport(lang, 0, 0, 0), engine.Built(lang, 0.0, why), None)
            else:
                yield lang, result


def _child(lang: str, conn: Connection) -> None:
    try:
        result: object = _language(lang)
    except BaseException as e:  # raised again in the parent, as a pool would
        result = e
    conn.send(result)
    conn.close()


_Done = tuple[TreeReport, engine.Built, search_index.Plan | None]
"""A language rendered and built, and its search index made ready to run."""


def _language(lang: str) -> _Done:
    """Render ``lang``, write its config, build it, write the files beside its cases, and
    make its search index ready (the shadow pages and the parts: Python's share, done here
    beside the other languages rather than one after another in the first process)."""
    job = _JOBS[-1]
    languages = job.collection.taxonomy.languages
    tree, renderer = write_language(
        job.collection, job.root, job.layout.docs(lang), job.options, lang
    )
    site = describe(
        lang,
        languages,
        job.layout.docs(lang),
        job.handwritten,
        job.options.settings.site_url,
        tree.too_common,
        render_once=job.render_once,
        taxonomy=job.collection.taxonomy,
    )
    engine.write_config(job.layout, site)
    plans: list[search_index.Plan] = []

    def after(built: Path) -> None:
        # Straight into the built language (in the folder that publish swaps in whole).
        write_case_files(renderer, job.collection.cases, built, fresh=True)
        plans.append(search_index.prepare(built, job.options.settings.search_part_pages))

    built = engine.build_language(job.layout, lang, after)
    return tree, built, plans[0] if plans else None


def _search(
    built: engine.Built,
    plan: search_index.Plan | None,
    slot: AbstractContextManager[object] | None = None,
) -> engine.Built:
    """Run Pagefind over a built language; its time and error in ``built``'s after fields."""
    if plan is None or built.error is not None or built.after_error is not None:
        return built
    start = time.perf_counter()
    error = None
    try:
        search_index.run(plan, slot)
    except Exception as e:
        error = str(e)
    seconds = built.after_seconds + time.perf_counter() - start
    return replace(built, after_seconds=seconds, after_error=error)


def watched(root: Path) -> list[Path]:
    """What a preview watches: the cases, the taxonomy, hand-written pages, theme overrides."""
    package = Path(__file__).parent.parent
    return [
        root / "cases",
        root / "taxonomy.yaml",
        root / DOCS_DIR,
        engine.OVERRIDES,
        root / engine.BASE_CONFIG,
        package / "render" / "templates",
        package / "i18n" / "locales",
        package / "render" / "assets",
    ]
