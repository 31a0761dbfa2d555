"""A site in parts: ``sikb build --language LANG`` builds one part, ``sikb assemble`` joins them.

Each language is built on its own (CI runs one job per language), into a folder that holds
``<lang>/`` and ``.sikb-part.json``: which languages it holds, every site language in
order, and the site's URL. ``assemble`` checks each part (its manifest lists exactly the
files it holds, it holds only its languages' folders), that the parts agree on the site
and hold every language once, then copies their language folders into a new site and
writes what the full build writes at the top (``finish``: the root page and sitemap,
``engine.write_root``, and the page for a missing address, ``engine.write_not_found``)
and the manifest, swapped in whole as ``sikb build`` does (``publish``). The site is the
one ``sikb build`` makes, byte for byte (tests/e2e).

Engine-neutral but for ``write_root`` and ``write_not_found``: folders and files only.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.build import publish
from generator.engine import mkdocs_adapter as engine
from generator.paths import Layout
from generator.render.describe import not_found

PART = ".sikb-part.json"
"""What a part holds, written beside its language folders (and listed in its manifest)."""


class PartError(Exception):
    """A language that is not the site's, or parts that do not make one site."""


@dataclass(frozen=True)
class Part:
    """A folder ``sikb build --language`` wrote."""

    folder: Path
    languages: tuple[str, ...]
    """What it holds, in the site's order."""
    site_languages: tuple[str, ...]
    """Every language of the site, in order (the taxonomy's)."""
    site_url: str


def chosen(languages: Sequence[str], wanted: Sequence[str] | None) -> list[str]:
    """The languages to build: ``wanted`` in the site's order, or all; else ``PartError``."""
    if not wanted:
        return list(languages)
    unknown = [lang for lang in dict.fromkeys(wanted) if lang not in languages]
    if unknown:
        raise PartError(
            f"--language {', '.join(unknown)}: not a site language ({', '.join(languages)})"
        )
    return [lang for lang in languages if lang in wanted]


def finish(layout: Layout, languages: Sequence[str], only: Sequence[str] | None, url: str) -> None:
    """After every language built: the root page, sitemap and page for a missing address
    (in every language: their texts are the catalogs'); for a part (``only``, the
    languages ``--language`` named), what it holds instead."""
    if not only:
        engine.write_root(layout, languages, url)
        texts = {lang: not_found(lang) for lang in languages}
        engine.write_not_found(layout, languages, url, texts)
        return
    record = {
        "languages": chosen(languages, only),
        "site_languages": list(languages),
        "site_url": url,
    }
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    (layout.site / PART).write_text(text, encoding="utf-8")


def read_part(folder: Path) -> Part:
    """The part in ``folder``, checked against its manifest; else ``PartError``."""
    try:
        record = json.loads((folder / PART).read_text(encoding="utf-8"))
        part = Part(
            folder,
            tuple(record["languages"]),
            tuple(record["site_languages"]),
            str(record["site_url"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PartError(
            f"{folder}: not a part of a site (no readable {PART}: {exc}); "
            "build one with sikb build --language LANG"
        ) from exc
    listed, held = _listed(folder), _held(folder)
    if missing := sorted(listed - held):
        raise PartError(f"{folder}: its manifest lists files it does not hold: {_few(missing)}")
    if extra := sorted(held - listed - {publish.MANIFEST}):
        raise PartError(f"{folder}: holds files its manifest does not list: {_few(extra)}")
    own = {PART, publish.MANIFEST} | {f"{lang}/" for lang in part.languages}
    if stray := sorted(f for f in held if f not in own and f.split("/")[0] + "/" not in own):
        raise PartError(f"{folder}: holds files outside its languages' folders: {_few(stray)}")
    return part


def check_parts(parts: Sequence[Part]) -> tuple[tuple[str, ...], str]:
    """The site's languages and URL, if ``parts`` make one site; else ``PartError``."""
    if not parts:
        raise PartError("no parts to assemble")
    first = parts[0]
    for part in parts[1:]:
        for what, mine, theirs in (
            ("languages", part.site_languages, first.site_languages),
            ("URL", part.site_url, first.site_url),
        ):
            if mine != theirs:
                raise PartError(
                    f"{part.folder} and {first.folder} were built for different sites: "
                    f"site {what} {mine!r} and {theirs!r}"
                )
    seen: dict[str, Path] = {}
    for part in parts:
        for lang in part.languages:
            if lang in seen:
                raise PartError(f"{lang}: in two parts, {seen[lang]} and {part.folder}")
            seen[lang] = part.folder
    if missing := [lang for lang in first.site_languages if lang not in seen]:
        raise PartError(f"no part holds {', '.join(missing)}")
    return first.site_languages, first.site_url


def assemble(
    parts: Sequence[Path], layout: Layout, protected: Sequence[tuple[Path, str]], shown: str
) -> Path:
    """Join the parts into ``layout.site``, swapped in whole; the site folder, resolved.

    ``PartError``, or ``publish.SiteDirError`` for a site folder the build may not replace
    (``protected``: ``pipeline.protected``), before anything is written.
    """
    read = [read_part(folder) for folder in parts]
    languages, url = check_parts(read)
    target = publish.check(layout.site, layout.root, protected, shown)
    publish.tidy(target)
    staging = publish.prepare(target)
    try:
        for part in read:
            for lang in part.languages:
                shutil.copytree(part.folder / lang, staging / lang)
        finish(replace(layout, site=staging), languages, None, url)
        publish.publish(staging, target)
    finally:
        publish.discard(staging)
    return target


def _listed(folder: Path) -> set[str]:
    """What the part's manifest lists (``publish.MANIFEST``)."""
    try:
        text = (folder / publish.MANIFEST).read_text(encoding="utf-8")
    except OSError as exc:
        raise PartError(f"{folder}: no readable {publish.MANIFEST}: {exc}") from exc
    return publish.listed(text)


def _held(folder: Path) -> set[str]:
    """Every file under ``folder``, dotfiles too, relative."""
    start = len(str(folder)) + 1
    return {str(Path(top, name))[start:] for top, _, names in os.walk(folder) for name in names}


def _few(names: Sequence[str], shown: int = 3) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
