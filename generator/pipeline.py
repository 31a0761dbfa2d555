"""load -> validate -> render -> engine, as one call for ``sikb build`` and ``sikb serve``."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import mkdocs_adapter as engine
from generator import search_index
from generator.collection import load
from generator.problems import Problem, Severity, promote
from generator.render import Options
from generator.site import DOCS_DIR, TreeReport, handwritten_files, write_trees

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

    @property
    def ok(self) -> bool:
        no_errors = not any(p.severity is Severity.ERROR for p in self.problems)
        built = bool(self.built) and all(b.error is None for b in self.built)
        return no_errors and built and self.search_error is None


def jobs_default(languages: int) -> int:
    """One process per language while there are cores to spare for it.

    Three languages on two cores still run as three: the last one then shares the
    cores instead of starting when the first two are done, which ends sooner.
    """
    cores = len(os.sched_getaffinity(0))
    return max(1, min(languages, max(cores, cores + cores // 2)))


def build(
    root: Path,
    site: Path | None = None,
    *,
    strict: bool = False,
    jobs: int | None = None,
    on_problems: Callable[[Outcome], None] | None = None,
) -> Outcome:
    """Validate the collection, write the language trees, build them; stop at the first failure.

    Errors stop the build. Warnings (a stale translation, a missing note) are reported
    and the site shows them to readers; ``strict`` makes them stop the build too.
    """
    out = Outcome()
    t0 = time.perf_counter()
    result = load(root)
    out.problems = promote(result.problems) if strict else result.problems
    out.files_checked = result.files_checked
    out.timings["validate"] = time.perf_counter() - t0
    if out.problems and on_problems:
        on_problems(out)
    if result.collection is None or any(p.severity is Severity.ERROR for p in out.problems):
        return out
    collection = result.collection
    layout = engine.Layout.at(root, site)
    languages = collection.taxonomy.languages
    t1 = time.perf_counter()
    names = list(handwritten_files(root / DOCS_DIR, languages[0]))
    url = engine.site_url()
    options = Options(os.environ.get("SIKB_EDIT_URL") or None, frozenset(names), url)
    if limit := os.environ.get("SIKB_SEARCH_TOO_COMMON"):
        options = replace(options, too_common=int(limit))
    workers = jobs or jobs_default(len(languages))
    out.trees = write_trees(collection, root, layout.build / "docs", options, workers)
    out.timings["render"] = time.perf_counter() - t1
    common = {t.language: t.too_common for t in out.trees}
    engine.write_configs(layout, languages, names, url, common)
    t2 = time.perf_counter()
    # Each language is indexed for search as soon as it is built, in the same process.
    out.built = engine.build_languages(layout, languages, workers, search_index.index)
    out.timings["engine and search"] = time.perf_counter() - t2
    # Overlapped with the builds: part of the figure above, not added to it.
    out.timings["search, per language"] = sum(b.after_seconds for b in out.built) / len(out.built)
    errors = [f"{b.language}: {b.after_error}" for b in out.built if b.after_error]
    out.search_error = "\n".join(errors) or None
    if out.ok:
        engine.write_root(layout, languages, url)
    return out


def watched(root: Path) -> list[Path]:
    """What a preview watches: the cases, the taxonomy, hand-written pages, theme overrides."""
    package = Path(__file__).parent
    return [
        root / "cases",
        root / "taxonomy.yaml",
        root / DOCS_DIR,
        engine.OVERRIDES,
        root / engine.BASE_CONFIG,
        package / "templates",
        package / "locales",
        package / "assets",
    ]
