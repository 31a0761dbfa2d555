"""Browser benchmark: what a reader's browser loads, on built synthetic collections.

For each size (1,000 and 10,000 cases) it writes a synthetic knowledge base
(``synthetic_kb`` of bench_site.py: an English original and Russian and Ukrainian
translations of every case), builds it with ``sikb build`` (MkDocs, then Pagefind),
serves ``site/`` on 127.0.0.1 and runs each measurement of ``MEASUREMENTS`` in headless
Chromium (Debian's ``/usr/bin/chromium`` through Playwright), each in a fresh browser
context (cold cache) on the same built site. It prints one table per measurement, with
its budget and PASS/FAIL.

Search's first query, for each word of ``QUERIES`` (a country, an actor, a word of every
title, and the commonest words of the synthetic bodies, which have the word frequencies
of the real cases) on an English page, and of ``QUERIES_IN`` on a Ukrainian or Russian
one: from the key that opens the search to the first results shown, or to
the notice that the word is too common to search alone, every file the browser fetched
(Pagefind's script and worker, WebAssembly, entry, metadata, index chunks, filter files,
the fragments of the results shown), each counted as a server would send it: Pagefind's ``pf_*`` and
``.pagefind`` files are already gzipped and count as they are; ``.js``, ``.json``,
``.wasm`` and anything else count gzipped at level 6. Budget: 400 KB at 10,000 cases.

The explorer: its first load (the English explorer page, cold: HTML, styles, scripts,
data, counted gzipped at level 6) against 150 KB at 1,000 cases and 1 MB at 10,000; then
filter changes timed in the page (the change handler, and to the next frame) against
50 ms at 10,000 cases.

Another measurement is a ``Measurement``: a function
``measure(page, base_url, size) -> dict`` and a function that turns the figures of
every size into the lines of its table. Add it to ``MEASUREMENTS``.

Languages: by default all three, at every size (at 10,000 cases they take about 250 s to
build on 2 cores, English alone about 90 s): a Ukrainian or Russian index holds more
distinct words, so more metadata, than the English one. ``--languages en``, or ``auto``
(English only from 10,000 cases), for a shorter run; the output says which were built.

Figures, not a test: ``make bench`` runs it. ``--sizes 1000`` for a shorter run,
``--keep`` to keep the built sites.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from playwright.sync_api import Page, Request, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import LANGS, commonest, synthetic_kb

from generator.search import stems
from tests.browser.serving import CHROMIUM, CHROMIUM_ARGS, serve
from tests.browser.serving import build as sikb_build

KB = 1024


# Sites ----------------------------------------------------------------------------------


def english_only(root: Path) -> None:
    """Make a synthetic knowledge base English only: no translations, English labels."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            if value and set(value) <= set(LANGS) and "en" in value:
                return {"en": value["en"]}
            return {k: strip(v) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    path = root / "taxonomy.yaml"
    taxonomy = strip(yaml.safe_load(path.read_text(encoding="utf-8")))
    taxonomy["languages"] = ["en"]
    path.write_text(yaml.safe_dump(taxonomy, allow_unicode=True, sort_keys=False), "utf-8")
    for pattern in ("cases/*.*.md", "docs/*.*.md"):
        for extra in root.glob(pattern):
            extra.unlink()


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yield its URL (with the slash)."""
    with serve(site) as server:
        yield server.url


def build(root: Path, url: str) -> float:
    start = time.perf_counter()
    done = sikb_build(root, url)
    if done.returncode != 0:
        sys.exit(f"sikb build failed in {root}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


# Bytes as a server sends them ------------------------------------------------------------

PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", ".pagefind")


@functools.cache
def sent_bytes(path: Path) -> int:
    """The file's size on the wire: as is if Pagefind gzipped it, else gzip -6."""
    data = path.read_bytes()
    if path.name.endswith(PRECOMPRESSED):
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def local_file(site: Path, base_url: str, url: str) -> Path | None:
    if not url.startswith(base_url):
        return None
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() else path


def transferred(
    site: Path, base_url: str, urls: list[str], kind_of: Callable[[Path], str]
) -> dict[str, Any]:
    """Files fetched, and bytes as sent in all and by kind (each URL once); a URL that
    is not a file of the site stops the benchmark."""
    kinds: dict[str, int] = {}
    total = 0
    for url in dict.fromkeys(urls):
        path = local_file(site, base_url, url)
        if path is None or not path.is_file():
            sys.exit(f"{url} was fetched, and is not a file of the site")
        sent = sent_bytes(path)
        total += sent
        kinds[kind_of(path)] = kinds.get(kind_of(path), 0) + sent
    return {"files": len(dict.fromkeys(urls)), "bytes": total, "kinds": kinds}


def _file_kind(path: Path) -> str:
    kinds = {".json": "data", ".html": "html", ".css": "css", ".js": "js", ".xml": "xml"}
    return kinds.get(path.suffix, "png" if path.suffix == ".png" else "other")


# Measurements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    name: str
    measure: Callable[[Page, str, int], dict[str, Any]]
    """``(page, base_url, size)`` -> figures for one built site; a fresh page each time."""
    report: Callable[[list[dict[str, Any]]], list[str]]
    """The figures of every size -> the lines of this measurement's table."""


SEARCH_BUDGET = 400 * KB
QUERIES = {
    "Moldova": "a country, in the facts of about 1 case in 16",
    "UNICEF": "an actor, in the facts of about 1 case in 7",
    "synthetic": "a word of every case's title",
    commonest("en", 6): "the commonest word of 6 letters or more, about 12 times in every case",
    commonest("en"): "the commonest word: too common to search alone (see search_index.py)",
}
"""What a reader types (on English pages), and why each is there."""
QUERIES_IN = {
    ("uk", "Молдові"): "a country in another case than the facts' (the locative)",
    ("ru", "Молдове"): "the same in Russian",
    ("uk", "соціальний"): "a word whose forms together are about as common as 'social'",
    ("ru", "социальный"): "the same in Russian",
}
"""What a reader types on Ukrainian and Russian pages (built below 10,000 cases unless
``--languages all``): search looks up its stem, whose pages are those of all its forms."""


def first_query(
    word: str, page: Page, base_url: str, size: int, lang: str = "en"
) -> dict[str, Any]:
    """Open the search on a case page of ``lang`` with "/", type ``word``, wait for results."""
    site = SITES[base_url]
    if not (site / lang).is_dir():
        return {"size": size, "skipped": f"no {lang} pages built"}
    page.goto(f"{base_url}{lang}/cases/case-00000/")
    page.wait_for_load_state("networkidle")
    fetched: list[str] = []

    def record(request: Request) -> None:
        fetched.append(request.url)

    page.on("request", record)
    start = time.perf_counter()
    page.keyboard.press("/")
    page.keyboard.type(word)
    page.wait_for_selector('.md-search-result[aria-busy="false"]', state="attached")
    common = (page.get_attribute("[data-sikb-search]", "data-sikb-common") or "").split()
    if stems.normaliser(lang)(word).lower() not in common:  # as sikb-search.js asks
        page.wait_for_selector(".md-search-result__item")
    seconds = time.perf_counter() - start
    shown = page.locator(".md-search-result__item").count()
    page.wait_for_load_state("networkidle")  # anything still in flight for this query
    page.remove_listener("request", record)
    sent = transferred(site, base_url, fetched, lambda path: _kind(path.name))
    return {
        "size": size,
        **sent,
        "seconds": seconds,
        "shown": shown,
    }


def _kind(name: str) -> str:
    for suffix, kind in (
        (".pf_fragment", "fragments"),
        (".pf_index", "index"),
        (".pf_filter", "filters"),
        (".pf_meta", "meta"),
        (".pagefind", "wasm"),
        (".js", "script"),
        (".json", "entry"),
    ):
        if name.endswith(suffix):
            return kind
    return "other"


def report_first_query(rows: list[dict[str, Any]]) -> list[str]:
    kinds = ["script", "wasm", "entry", "meta", "index", "filters", "fragments", "other"]
    lines = [
        f"{'cases':>6} {'files':>5} {'total':>9} "
        + " ".join(f"{k:>9}" for k in kinds)
        + f" {'results':>7} {'time':>7} {'budget':>7}  verdict",
    ]
    for r in rows:
        if "skipped" in r:
            lines.append(f"{r['size']:>6} {r['skipped']}")
            continue
        ok = r["bytes"] <= SEARCH_BUDGET
        lines.append(
            f"{r['size']:>6} {r['files']:>5} {r['bytes'] / KB:>6.1f} KB "
            + " ".join(f"{r['kinds'].get(k, 0) / KB:>6.1f} KB" for k in kinds)
            + f" {r['shown']:>7} {1000 * r['seconds']:>5.0f}ms {SEARCH_BUDGET // KB:>4} KB  "
            + ("PASS" if ok else "FAIL")
        )
    return lines


LOAD_BUDGET = {1000: 150 * KB, 10000: 1024 * KB}
CHANGE_BUDGET_MS = 50.0
CHANGES = 12
"""Filter changes timed per site: countries and themes ticked and unticked in turn."""
TIME_CHANGE = """async ([name, value]) => {
  const box = document.querySelector(`input[name="${name}"][value="${value}"]`);
  const start = performance.now();
  box.click();  // the change handler filters, counts and redraws before it returns
  const handled = performance.now() - start;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [handled, performance.now() - start];
}"""


def explorer(page: Page, base_url: str, size: int) -> dict[str, Any]:
    """The English explorer, cold: every file until it shows its results; then filter changes."""
    site = SITES[base_url]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    start = time.perf_counter()
    page.goto(f"{base_url}en/explorer/")
    page.wait_for_selector("#sikb-explorer[data-shows]")
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    sent = transferred(site, base_url, fetched, _file_kind)
    values = page.eval_on_selector_all(
        'input[name="country"], input[name="theme"]', "els => els.map(e => [e.name, e.value])"
    )
    picks = [values[i % len(values)] for i in range(CHANGES // 2)]
    handled, answered = [], []
    for pick in picks + picks:  # each ticked, then each unticked
        h, a = page.evaluate(TIME_CHANGE, pick)
        handled.append(h)
        answered.append(a)
    return {
        "size": size,
        **sent,
        "seconds": seconds,
        "handled": sorted(handled),
        "answered": sorted(answered),
    }


def report_explorer(rows: list[dict[str, Any]]) -> list[str]:
    kinds = ["html", "css", "js", "data", "xml", "png", "other"]
    lines = [
        "first load: every file fetched until the results show, KB as sent (gzip -6);",
        f"a filter change: {CHANGES} ticks and unticks of countries and themes, in the page:",
        "'handled' = the change handler (filter, count, redraw), 'answered' = to the next frame",
        f"{'cases':>6} {'files':>5} {'total':>9} "
        + " ".join(f"{k:>8}" for k in kinds)
        + f" {'budget':>8}  load  {'handled':>15} {'answered':>15} {'budget':>6}  change",
    ]
    for r in rows:
        budget = LOAD_BUDGET.get(r["size"])
        load = "-" if budget is None else ("PASS" if r["bytes"] <= budget else "FAIL")
        a = r["answered"]
        h = r["handled"]
        median_a, worst_a = a[len(a) // 2], a[-1]
        change = "PASS" if worst_a < CHANGE_BUDGET_MS else "FAIL"
        lines.append(
            f"{r['size']:>6} {r['files']:>5} {r['bytes'] / KB:>6.1f} KB "
            + " ".join(f"{r['kinds'].get(k, 0) / KB:>5.1f} KB" for k in kinds)
            + f" {'-' if budget is None else f'{budget // KB} KB':>8}  {load:<4}  "
            + f"{h[len(h) // 2]:>5.1f}/{h[-1]:>5.1f} ms  {median_a:>5.1f}/{worst_a:>5.1f} ms"
            + f" {CHANGE_BUDGET_MS:>4.0f}ms  "
            + (change if r["size"] >= 10000 else f"({change})")
        )
    lines.append("(median/worst; the change budget is set for 10,000 cases)")
    return lines


MEASUREMENTS = [
    *(
        Measurement(
            f"search's first query: {word!r}, {why}",
            functools.partial(first_query, word),
            report_first_query,
        )
        for word, why in QUERIES.items()
    ),
    *(
        Measurement(
            f"search's first query in {lang}: {word!r}, {why}",
            functools.partial(first_query, word, lang=lang),
            report_first_query,
        )
        for (lang, word), why in QUERIES_IN.items()
    ),
    Measurement("the explorer", explorer, report_explorer),
]
SITES: dict[str, Path] = {}
"""Each served site's folder, by its base URL (for measurements that read its files)."""


# Main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--languages",
        choices=["auto", "all", "en"],
        default="all",
        help="every language (en, ru, uk), English only, or auto: English only from 10,000",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated folders")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: `make bench` installs Debian's chromium")
    print(f"cores: {len(os.sched_getaffinity(0))}")
    rows: dict[str, list[dict[str, Any]]] = {m.name: [] for m in MEASUREMENTS}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            work = Path(tempfile.mkdtemp(prefix=f"sikb-bench-browser-{n}-"))
            kb = work / "kb"
            synthetic_kb(kb, n)
            english = args.languages == "en" or (args.languages == "auto" and n >= 10000)
            if english:
                english_only(kb)
            with serving(kb / "site") as url:
                seconds = build(kb, url)
                pages = sum(1 for _ in (kb / "site").rglob("index.html"))
                langs = "English only" if english else ", ".join(LANGS)
                print(f"{n} cases ({langs}): built {pages} pages in {seconds:.0f} s", flush=True)
                SITES[url] = kb / "site"
                for m in MEASUREMENTS:
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    try:
                        rows[m.name].append(m.measure(context.new_page(), url, n))
                    finally:
                        context.close()
            if args.keep:
                print(f"       kept in {work}")
            else:
                shutil.rmtree(work)
        browser.close()
    print(
        "\nSearch: every file fetched from the key that opens the search to the first results"
        " shown, KB as a server sends them (Pagefind's gzipped files as they are, others gzip -6)"
    )
    for m in MEASUREMENTS:
        print(f"\n{m.name}")
        print("\n".join(m.report(rows[m.name])))


if __name__ == "__main__":
    main()
