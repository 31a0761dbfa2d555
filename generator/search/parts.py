"""A language's search index in parts, for a bounded memory at any number of cases.

Pagefind holds every page of a run in memory until it writes: about 0.5 MB a Ukrainian
case page (1.5.2, measured: 2,000 pages 1.0 GB, 13,000 pages 4.8 GB). A language of more
pages than ``Settings.search_part_pages`` is indexed in parts, one after another, each
part's bundle in ``pagefind/part-<n>/`` (the first in ``pagefind/``), listed in ``LIST``;
the browser merges them into one search (Pagefind's ``mergeIndex``, ``sikb-search.js``).

Pagefind answers a word that a bundle lacks with the bundle's longest word it begins with
(``find_word_extensions`` in its search.rs: ``onerror`` finds ``one``), and a query of
several words with the pages of those it holds; over the whole it would have found the word
elsewhere and kept to it. So each part also holds a page of every word of the language
(``VOCABULARY``), which the browser drops from the results by its id (``LIST``'s ``skip``):
then a part lacking a word finds it only there, and a word of no page at all is taken for
its longest beginning in every part, as by the whole.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from generator.search import shadow
from generator.search.shadow import BODY

LIST = "sikb-parts.json"
VOCABULARY = "sikb-vocabulary"
"""The folder of each part's page of every word: not a page of the site."""
_LONGEST = 48
"""Longer "words" are not looked for (metadata's text, addresses): left out of the page of
every word, they would make it megabytes."""
_EDGES = ".,;:!?()[]{}«»“”„\"'…—–-/*"
_TAG = re.compile(r"<(?:script|style)\b.*?</(?:script|style)\s*>|<[^>]*>", re.S)


def plan(
    pages: Sequence[Path], source: Path, target: Path, count: int, work: Path
) -> list[tuple[Path, Path]]:
    """The ``count`` parts of ``pages`` (under ``source``), each a folder in ``work`` of
    links to its pages and the page of every word; with the bundle each goes to in
    ``target``. Pagefind runs over them later (``finish`` after the last)."""
    kept, vocabulary = _scan(pages)
    runs = []
    for n in range(count):
        part = work / f"part-{n}"
        for page in kept[n::count]:  # every n-th: each part holds pages of every kind
            link = part / page.relative_to(source)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(page, link)
        (part / VOCABULARY).mkdir(parents=True)
        (part / VOCABULARY / "index.html").write_text(vocabulary, encoding="utf-8")
        runs.append((part, target if n == 0 else target / f"part-{n}"))
    return runs


def finish(target: Path, bundles: Sequence[Path]) -> None:
    """Write ``LIST`` into ``target``, the first of ``bundles``, once Pagefind has made
    them all: the other parts, and the ids of the pages of every word."""
    parted = len(bundles) > 1
    listed = {
        "parts": [f"{b.relative_to(target).as_posix()}/" for b in bundles[1:]],
        "skip": [_fragment_of(b, f"/{VOCABULARY}/") for b in bundles] if parted else [],
    }
    (target / LIST).write_text(json.dumps(listed), encoding="utf-8")


def _scan(pages: Sequence[Path]) -> tuple[list[Path], str]:
    """The pages Pagefind reads of the whole (a part with none would be read whole), and a
    page holding each word of them once, as written (entities kept, so that Pagefind
    decodes them alike); a word split by an inline tag is there whole and in pieces."""
    kept = []
    words: set[str] = set()
    lang = ""
    for page in pages:
        data = page.read_bytes()
        text = data.decode("utf-8")
        at = text.find(BODY)
        if at < 0:
            continue
        kept.append(page)
        lang = lang or shadow.lang_of(data) or ""
        body = text[at + len(BODY) :]
        for joined in (_TAG.sub("", body), _TAG.sub(" ", body)):
            words.update(_word(w) for w in joined.lower().split() if len(w) <= _LONGEST)
    vocabulary = (
        f'<!doctype html><html lang="{html.escape(lang)}"><head><title>{VOCABULARY}</title>'
        f"</head><body>{BODY}<p>{' '.join(sorted(words))}</p></div></body></html>"
    )
    return kept, vocabulary


def _word(token: str) -> str:
    """A token without the punctuation around it, which Pagefind drops too."""
    return token.strip(_EDGES) or token


def _fragment_of(bundle: Path, url: str) -> str:
    """The id Pagefind gave the page at ``url`` (its fragment's name)."""
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        if json.loads(data[len(b"pagefind_dcd") :]).get("url") == url:
            return path.stem
    raise FileNotFoundError(f"no page {url} in {bundle}")
