"""The site folder: the build owns only what it wrote, and a reader sees the old site or the new.

``sikb build`` refuses a site folder that is, holds or lies inside a part of the knowledge
base (its root, ``cases/``, ``docs/``, ``build/``, ``.git/``, the generator's code), and a
folder that holds files no build wrote. What a build wrote is listed in the folder's
``.sikb-manifest``; a folder without one may hold dotfiles only (a ``.git`` to publish
from, a ``.nojekyll``). Dotfiles are never deleted: each swap carries them to the new site.

A build writes into a folder beside the site (``site.sikb-tmp-<pid>/``, same filesystem)
and, only when every language and its search index succeeded, swaps it in by two renames:
the old site aside, the new one in its place. A failed or killed build leaves the old
site as it was; the next build removes what a killed one left.

Engine-neutral: folders and files only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST = ".sikb-manifest"
"""Every file a build wrote, one relative path a line, in the site folder it published."""
_STAGING_MARK = ".sikb-staging"
"""Written first in a folder a build writes into: only a folder holding it is removed as
a killed build's leftover."""
_HEADER = "# Written by `sikb build`: the files it wrote, which the next build replaces.\n"
_STAGING, _ASIDE = "sikb-tmp", "sikb-old"
_SHOWN = 3
"""Files named in a refusal; the rest are counted."""
_NEEDS = "; the site needs a folder of its own (the default is site/)"


class SiteDirError(Exception):
    """The site folder is not one the build may write; nothing was touched."""


def check(target: Path, root: Path, protected: Sequence[tuple[Path, str]], shown: str) -> Path:
    """``target`` resolved, if a build may replace it; else raise ``SiteDirError``.

    ``protected``: folders (and files) of the knowledge base, each with what it is;
    ``shown``: the folder as the user named it, for the message.
    """
    site = target.resolve()
    base = root.resolve()
    if site == base:
        raise SiteDirError(f"{shown}: is the knowledge base's root{_NEEDS}")
    if site in base.parents:
        raise SiteDirError(f"{shown}: holds the knowledge base ({base}){_NEEDS}")
    for part, what in protected:
        path = part.resolve()
        if site == path:
            raise SiteDirError(f"{shown}: is {what} ({path}){_NEEDS}")
        if path in site.parents:
            raise SiteDirError(f"{shown}: lies inside {what} ({path}){_NEEDS}")
        if site in path.parents:
            raise SiteDirError(f"{shown}: holds {what} ({path}){_NEEDS}")
    if site.exists() and not site.is_dir():
        raise SiteDirError(f"{shown}: is a file, not a folder{_NEEDS}")
    if foreign := _foreign(site):
        more = f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else ""
        why = "" if (site / MANIFEST).is_file() else f" (it has no {MANIFEST})"
        raise SiteDirError(
            f"{shown}: holds files no build wrote{why}: {', '.join(foreign[:_SHOWN])}{more}; "
            "move them out, or build into an empty folder"
        )
    return site


def prepare(site: Path) -> Path:
    """A new, empty folder beside ``site`` to build into."""
    staging = _beside(site, _STAGING, os.getpid())
    discard(staging)  # one this process left (sikb serve), if any
    staging.mkdir(parents=True)
    (staging / _STAGING_MARK).touch()
    return staging


def publish(staging: Path, site: Path) -> None:
    """List what ``staging`` holds in its manifest and swap it in for ``site``.

    Between the two renames ``site`` is missing for an instant; a build killed there
    leaves the old site aside, and the next build puts it back. A file that came into
    ``site`` during the build is not deleted: it stays in the old site, set aside.
    """
    write_manifest(
        staging, [rel for rel, folder in _walk(staging) if not folder and rel != _STAGING_MARK]
    )
    (staging / _STAGING_MARK).unlink()
    if not site.exists():
        staging.rename(site)
        return
    aside = _beside(site, _ASIDE, os.getpid())
    site.rename(aside)
    staging.rename(site)
    _retire(aside, site)


def discard(staging: Path) -> None:
    """Remove what a failed build wrote (nothing, once it is published)."""
    if (staging / _STAGING_MARK).is_file():
        shutil.rmtree(staging, ignore_errors=True)


def _beside(site: Path, kind: str, pid: int) -> Path:
    return site.with_name(f"{site.name}.{kind}-{pid}")


def tidy(site: Path) -> None:
    """Remove a killed build's folder; put back, or retire, an old site a swap left aside."""
    pattern = re.compile(rf"{re.escape(site.name)}\.({_STAGING}|{_ASIDE})-(\d+)")
    if not site.parent.is_dir():
        return
    for path in sorted(site.parent.iterdir()):
        m = pattern.fullmatch(path.name)
        if not m or not path.is_dir() or _alive(int(m[2])):
            continue
        if m[1] == _STAGING:
            discard(path)
        elif (path / MANIFEST).is_file():
            if site.exists():
                _retire(path, site)
            else:
                log.warning("putting back the site a killed build left at %s", path)
                path.rename(site)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _retire(old: Path, site: Path) -> None:
    """Delete what ``old``'s manifest lists; carry its dotfiles to ``site``; keep the rest."""
    listed = _manifest(old)
    folders: list[str] = []
    for rel, _ in _walk(old, folders):
        if rel in listed or rel == MANIFEST:
            (old / rel).unlink()
        elif _dotted(rel):
            dest = site / rel
            if dest.exists():
                log.warning("kept %s: the new site has its own %s", old / rel, rel)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            (old / rel).rename(dest)
    for rel in reversed(folders):  # deepest first
        with contextlib.suppress(OSError):  # not empty: it holds what no build wrote
            (old / rel).rmdir()
    try:
        old.rmdir()
    except OSError:
        log.warning("kept %s: it holds files no build wrote", old)


def _manifest(site: Path) -> set[str]:
    try:
        text = (site / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    return listed(text)


def write_manifest(site: Path, files: Iterable[str]) -> None:
    """The manifest of ``site``, listing ``files``, replaced whole."""
    temp = site / f"{MANIFEST}.tmp"
    temp.write_text(_HEADER + "".join(f"{f}\n" for f in sorted(files)), encoding="utf-8")
    temp.replace(site / MANIFEST)


def listed(manifest: str) -> set[str]:
    """The files a manifest's text lists."""
    return {line for line in manifest.splitlines() if line and not line.startswith("#")}


def _foreign(site: Path) -> list[str]:
    """What in ``site`` no build wrote, dotfiles aside (sorted, relative)."""
    if not site.is_dir():
        return []
    if not (site / MANIFEST).is_file():
        return sorted(p.name for p in site.iterdir() if not p.name.startswith("."))
    listed = _manifest(site)
    return sorted(rel for rel, _ in _walk(site) if rel not in listed and not _dotted(rel))


def _walk(top: Path, folders: list[str] | None = None) -> Iterator[tuple[str, bool]]:
    """``(path, is a folder)`` of every file under ``top``, relative, and of every dotfile
    and dot folder, without what a dot folder holds; ``folders`` gets the other folders,
    each before what it holds. Strings, not ``Path``s: a site has tens of thousands."""
    start = len(str(top)) + 1
    for folder, dirs, files in os.walk(top):
        rel = folder[start:]
        prefix = f"{rel}/" if rel else ""
        if folders is not None and rel:
            folders.append(rel)
        for name in [d for d in dirs if d.startswith(".")]:
            dirs.remove(name)
            yield prefix + name, True
        for name in files:
            yield prefix + name, False


def _dotted(rel: str) -> bool:
    return rel.rpartition("/")[2].startswith(".")
