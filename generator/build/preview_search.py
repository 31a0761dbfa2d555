"""Search for ``sikb serve``: a language indexed again in the background, after its pages
are served, and swapped in (and before it, what else can wait: the explorer's data).

Pagefind reads a copy of the language's built pages (hard links, beside the build's
working trees) and writes its bundle there, so the served bundle is never half written;
the new bundle then replaces the served one by two renames and the site folder's manifest
(``publish.MANIFEST``) lists its files instead of the old one's, so that the next build
may still replace the folder. A full build meanwhile makes the index stale: it is then
dropped (the full build indexed its own).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from generator.build.publish import MANIFEST, listed, write_manifest
from generator.paths import BUNDLE, Layout, bundle
from generator.search import search_index

log = logging.getLogger(__name__)
BACKGROUND_NICE = 10
QUIET = 3.0
"""Seconds after an edit is built before the background work starts: the next save, made
as soon as the page showed, is built first instead of beside it (Python runs one thread
at a time, so both would take about twice as long). At 10,000 cases a save takes about
a second to start its build (the watcher, then the files' stamps)."""


class SearchQueue:
    """Languages waiting to be indexed again, one at a time, in a thread of their own."""

    def __init__(
        self,
        layout: Layout,
        lock: threading.RLock,
        era: Callable[[], int],
        say: Callable[[str], None],
    ) -> None:
        self.layout, self.lock, self.era, self.say = layout, lock, era, say
        self.waiting: dict[str, int] = {}
        """Each language to index, with the era (``Preview.era``) of the pages to index."""
        self.wake = threading.Condition()
        self.thread: threading.Thread | None = None
        self.first: dict[str, Callable[[], None]] = {}
        self.editing = 0
        """Edits being built (``foreground``)."""
        self.edited = 0.0
        """When the last of them was built (``time.monotonic``)."""

    @contextlib.contextmanager
    def foreground(self) -> Iterator[None]:
        """Held while an edit is built: the background waits until ``QUIET`` seconds after."""
        with self.wake:
            self.editing += 1
        try:
            yield
        finally:
            with self.wake:
                self.editing -= 1
                self.edited = time.monotonic()
                self.wake.notify()

    def _quiet(self) -> bool:
        """Whether the background may go on; if not, waits a while (``wake`` held)."""
        left = self.edited + QUIET - time.monotonic()
        if not self.editing and left <= 0:
            return True
        self.wake.wait(None if self.editing else left)
        return False

    def add(self, languages: Iterable[str], first: Mapping[str, Callable[[], None]]) -> None:
        """Index ``languages`` again; ``first``: what to do before, in some of them (the
        latest call's, which replaces an earlier one not yet done), which takes ``lock``
        itself where it needs it."""
        with self.wake:
            for lang in {*languages, *first}:
                self.waiting[lang] = self.era()
                if lang in first:
                    self.first[lang] = first[lang]
            if self.thread is None:
                self.thread = threading.Thread(target=self._loop, name="sikb-search", daemon=True)
                self.thread.start()
            self.wake.notify()

    def _loop(self) -> None:
        # Behind the next edit: on Linux a thread's nice value is its own, and Pagefind's
        # processes started from it inherit it.
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICE)
        while True:
            with self.wake:
                while True:
                    if not self.waiting:
                        self.wake.wait()
                    elif self._quiet():
                        break
                lang = next(iter(self.waiting))
                era = self.waiting.pop(lang)
                first = self.first.pop(lang, None)
            try:
                if first is not None and era == self.era():
                    first()
                with self.wake:  # an edit saved meanwhile goes first
                    while not self._quiet():
                        continue
                self._index(lang, era)
            except Exception as e:  # the pages are served; search is older until the next edit
                self.say(f"search: {lang}: not indexed again: {e}")

    def _index(self, lang: str, era: int) -> None:
        served = self.layout.language_site(lang)
        copy = self.layout.build / "preview-search" / lang
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(served, copy, ignore=_bundle_at(served), copy_function=_link)
        try:
            search_index.index(copy)
            with self.lock:
                if era != self.era() or not served.is_dir():
                    return  # a full build replaced the site, with its own index
                _swap(bundle(copy), bundle(served))
                _relist(self.layout.site, f"{lang}/{BUNDLE}/", bundle(served))
        finally:
            shutil.rmtree(copy, ignore_errors=True)
        self.say(f"search: {lang} indexed again")


def _bundle_at(served: Path) -> Callable[[str, list[str]], list[str]]:
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [BUNDLE] if Path(folder) == served else []

    return ignore


def _link(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another filesystem, or one without hard links
        shutil.copy2(src, dst)


def _swap(new: Path, old: Path) -> None:
    aside = old.with_name(f"{old.name}.sikb-old")
    shutil.rmtree(aside, ignore_errors=True)
    if old.exists():
        old.rename(aside)
    new.rename(old)
    shutil.rmtree(aside, ignore_errors=True)


def _relist(site: Path, prefix: str, folder: Path) -> None:
    """The manifest of ``site`` with the files under ``prefix`` those of ``folder``."""
    text = (site / MANIFEST).read_text(encoding="utf-8")
    kept = [f for f in listed(text) if not f.startswith(prefix)]
    files = [prefix + p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    write_manifest(site, kept + files)
