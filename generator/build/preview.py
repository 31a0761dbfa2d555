"""``sikb serve``: the whole site built once, then each edit to cases built in seconds.

The first build, and any build after a change to anything but the case files already
there (the taxonomy, the hand-written pages, the theme, a case added or removed), is
``pipeline.build``: the site folder swapped in whole. After it, an edit to case files in
place goes the quick way, into the site folder being served:

1. the changed files are checked against the collection already loaded
   (``validate.update``); a problem is printed as ``sikb validate`` prints it, and with an
   error the site served stays as it was until the next save;
2. each language's tree gets the pages the edit touches (``render.incremental``): the
   cases' pages, and the lists that show them when what they show changed;
3. MkDocs builds again only those pages, in each language's build kept in memory
   (``engine.Session``);
   the server's live reload then shows them;
4. in the background, once no edit has been built for seconds (``preview_search.QUIET``),
   the explorer's data is written again and search indexes the changed languages again
   (``preview_search``).

An edit that adds or removes a page falls back to the full build.
"""

from __future__ import annotations

import functools
import gc
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.build import pipeline
from generator.build.preview_search import SearchQueue
from generator.engine import mkdocs_adapter as engine
from generator.model.collection import Collection
from generator.paths import Layout
from generator.problems import Problem, Severity
from generator.render.incremental import Touched, renderer, write_explorer, write_touched
from generator.render.pages import Renderer
from generator.render.site import write_case_files
from generator.settings import Settings
from generator.validate.collection import CASES_DIR
from generator.validate.update import update

HOME = "index.md"
Stamps = dict[str, tuple[int, int]]
"""Each file's modification time (ns) and size, by path."""


@dataclass(frozen=True)
class _Served:
    """What the site being served was built from."""

    collection: Collection
    cases: Stamps
    """The case files."""
    others: Stamps
    """Everything else a preview watches (``pipeline.watched``)."""


class Preview:
    """The site served by ``sikb serve``, rebuilt on each save (``rebuild``)."""

    def __init__(
        self,
        root: Path,
        settings: Settings,
        on_problems: Callable[[Sequence[Problem], int], None],
        say: Callable[[str], None],
    ) -> None:
        self.root, self.settings = root, settings
        self.layout = Layout.at(root)
        self.on_problems, self.say = on_problems, say
        self.served: _Served | None = None
        self.era = 0
        """Full builds so far: a search index of the pages of an older one is dropped."""
        self.lock = threading.RLock()
        """Held while the site folder is replaced, or its search bundle."""
        self.search = SearchQueue(self.layout, self.lock, lambda: self.era, say)
        self.sessions: dict[str, engine.Session] = {}
        """Each language's MkDocs build, kept from the last full build on."""
        self.renderers: dict[str, Renderer] = {}
        """Each language's renderer of the collection served."""

    def rebuild(self) -> bool:
        """Build what changed since the site served was built; whether it is up to date."""
        cases, others = _stamps(self.root / CASES_DIR), _watched(self.root)
        served = self.served
        if served is None or others != served.others or cases.keys() != served.cases.keys():
            return self._full(cases, others)
        changed = sorted(p for p, stamp in cases.items() if served.cases[p] != stamp)
        if not changed:
            return True
        try:
            with self.search.foreground():
                return self._quick(served, [Path(p) for p in changed], cases, others)
        except Exception as e:  # the renderers or sessions may be half way: start again
            self.say(
                f"The quick rebuild failed ({type(e).__name__}: {e}): building the whole site."
            )
            return self._full(cases, others)

    def _full(self, cases: Stamps, others: Stamps) -> bool:
        start = time.perf_counter()
        self.served, self.sessions, self.renderers = None, {}, {}  # until this build is done
        with self.lock:
            outcome = pipeline.build(
                self.root,
                on_problems=lambda out: self.on_problems(out.problems, out.files_checked),
                settings=self.settings,
            )
            if outcome.ok:
                self.era += 1
        for b in outcome.built:
            if b.error:
                self.say(f"{b.language}: failed: {b.error}")
        if outcome.search_error:
            self.say(f"search: failed: {outcome.search_error}")
        if not outcome.ok:
            return False
        # What the quick way needs: the collection the site was built from, its options
        # and each language's MkDocs build.
        loaded, options = outcome.collection, outcome.options
        if loaded is None or options is None:
            return True
        languages = loaded.taxonomy.languages
        self.renderers = {lang: renderer(loaded, lang, options) for lang in languages}
        self.sessions = {lang: engine.Session(self.layout, lang) for lang in languages}
        for session in self.sessions.values():
            # The theme's templates compiled now, not at the first edit (seconds for the
            # three languages): the home page built again as the full build wrote it.
            warmed = session.build([HOME])
            if warmed.error:
                self.say(f"{warmed.language}: failed: {warmed.error}")
        self.served = _Served(loaded, cases, others)
        # Only read from now on, but for the few cases an edit replaces: the garbage
        # collector need not walk it again at every rebuild.
        gc.freeze()
        self.say(f"Site built in {time.perf_counter() - start:.1f} s.")
        return True

    def _quick(self, served: _Served, changed: list[Path], cases: Stamps, others: Stamps) -> bool:
        start = time.perf_counter()
        result = update(self.root, served.collection, changed, on=self.settings.day())
        if result.problems:
            self.on_problems(result.problems, result.files_checked)
        new = result.collection
        if new is None or any(p.severity is Severity.ERROR for p in result.problems):
            self.say("The site served is the last good one; fix the problems above.")
            return False
        checked = time.perf_counter()
        ids = {path.name.split(".", 1)[0] for path in changed}
        with self.lock:  # the explorer's step in the search's thread uses the sessions too
            touched = self._apply(new, ids)
        if touched is None:
            return self._full(cases, others)
        rendered = checked + sum(t.seconds for t in touched)
        languages = [t.language for t in touched if t.written]
        self.served = _Served(new, cases, others)
        end = time.perf_counter()
        pages = sum(len(t.written) for t in touched)
        self.say(
            f"Rebuilt {pages} pages in {end - start:.1f} s (check {checked - start:.1f} s, "
            f"render {rendered - checked:.1f} s, engine {end - rendered:.1f} s); "
            "search follows."
        )
        explorers = {
            t.language: functools.partial(self._explorer, t.language, self.renderers[t.language])
            for t in touched
            if t.explorer
        }
        self.search.add(languages, explorers)
        return True

    def _apply(self, new: Collection, ids: set[str]) -> list[Touched] | None:
        """Each language's pages that ``ids`` show on rendered and built; None if the whole
        site must be built instead."""
        touched = []
        for lang, before in self.renderers.items():
            done, self.renderers[lang] = write_touched(before, new, ids, self.layout.docs(lang))
            touched.append(done)
        if not all(t.complete for t in touched):
            self.say("The edit adds or removes pages: building the whole site.")
            return None
        for t in touched:
            built = self.sessions[t.language].build(t.written) if t.written else None
            if built and built.error:
                self.say(f"{t.language}: failed: {built.error}; building the whole site.")
                return None
            # Not the engine's: the files beside the cases' pages, as the full build writes them.
            write_case_files(self.renderers[t.language], ids, self.layout.language_site(t.language))
        return touched

    def _explorer(self, lang: str, r: Renderer) -> None:
        """The explorer of ``lang`` made again, in the search's thread."""
        era, layout = self.era, self.layout
        written = write_explorer(r, layout.docs(lang), layout.language_site(lang))
        with self.lock:  # the sessions are the builder's too
            session = self.sessions.get(lang) if era == self.era else None
            built = session.build(written) if session and written else None
        if built and built.error:
            self.say(f"{lang}: the explorer failed: {built.error}")


def _stamps(path: Path) -> Stamps:
    """The file ``path``, or each file under the folder ``path``, by its full path."""
    out: Stamps = {}
    if path.is_file():
        st = path.stat()
        return {str(path): (st.st_mtime_ns, st.st_size)}
    folders = [str(path)] if path.is_dir() else []
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):  # an editor's swap file, a .DS_Store
                    continue
                if entry.is_dir():
                    folders.append(entry.path)
                    continue
                try:
                    st = entry.stat()
                except FileNotFoundError:  # removed while read
                    continue
                out[entry.path] = (st.st_mtime_ns, st.st_size)
    return out


def _watched(root: Path) -> Stamps:
    """Everything a preview watches but the case files."""
    out: Stamps = {}
    for path in pipeline.watched(root):
        if path != root / CASES_DIR:
            out.update(_stamps(path))
    return out
