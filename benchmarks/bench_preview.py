"""Preview benchmark: from a save to the page `sikb serve` serves, beside the full build.

For each size (1,000 and 10,000 cases by default; ``--sizes 1000`` for a shorter run) it
writes the synthetic knowledge base of ``bench_site.py``, starts ``sikb serve`` on a free
port and times its first build (the full one, ``pipeline.build``, from the start to the
first page served). Then it saves three edits and times each from the save to the moment
the served page shows it, polling the page:

- a case's body (its English page);
- a case's title (its English page and the list of its first country);
- a translation's title (its Russian page).

Figures, not a test: `make bench` runs it. ``--kb DIR`` reuses a knowledge base made
before (``--keep``), whose cases it edits.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import synthetic_kb

from tests.browser.serving import fetch_text, free_port

POLL = 0.05


def wait_for(urls: list[str], text: str, limit: float) -> float:
    """Seconds until every page of ``urls`` holds ``text`` (``limit``: give up, inf)."""
    start = time.perf_counter()
    pending = list(urls)
    while pending and time.perf_counter() - start < limit:
        if text in fetch_text(pending[0]):
            pending.pop(0)
        else:
            time.sleep(POLL)
    return time.perf_counter() - start if not pending else float("inf")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def listing(base: str, kind: str, term: str, case_id: str) -> str:
    """The page of ``term``'s list that links to ``case_id``."""
    for number in range(1, 1000):
        url = f"{base}{kind}/{term.lower()}/" + (f"page/{number}/" if number > 1 else "")
        html = fetch_text(url)
        if f"cases/{case_id}/" in html:
            return url
        if not html:
            break
    raise SystemExit(f"no page of {kind}/{term} lists {case_id}")


def measure(kb: Path, n: int, limit: float) -> dict[str, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SIKB_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "generator", "--root", str(kb), "serve", "--port", str(port)]
    log = (kb / "serve.log").open("w", encoding="utf-8")
    start = time.perf_counter()
    # its own process group: stopping it stops the search indexing it left running too
    server = subprocess.Popen(
        cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    figures: dict[str, float] = {}
    try:
        while "<html" not in fetch_text(f"{url}en/"):
            served = "Serving on" in (kb / "serve.log").read_text(encoding="utf-8")
            if server.poll() is not None or (served and not (kb / "site" / "en").is_dir()):
                raise SystemExit(f"sikb serve did not build the site: see {kb / 'serve.log'}")
            time.sleep(0.5)
        figures["first build (full)"] = time.perf_counter() - start
        cases = kb / "cases"
        mark = f"previewmark{int(time.time())}"
        body_id, title_id, tr_id = (f"case-{i:05d}" for i in (7, n // 2, n - 3))
        edit(cases / f"{body_id}.md", "\n## ", f"\n{mark}body\n\n## ", 1)
        figures["body of a case"] = wait_for([f"{url}en/cases/{body_id}/"], f"{mark}body", limit)
        text = (cases / f"{title_id}.md").read_text(encoding="utf-8")
        country = re.search(r"^countries:\n- (\w+)", text, re.MULTILINE)
        assert country, title_id
        where = listing(f"{url}en/", "countries", country[1], title_id)
        title = re.search(r"^title: .*$", text, re.MULTILINE)
        assert title, title_id
        edit(cases / f"{title_id}.md", title[0], f"{title[0]} {mark}title")
        pages = [f"{url}en/cases/{title_id}/", where]
        figures["title of a case (+ its country's list)"] = wait_for(pages, f"{mark}title", limit)
        edit(cases / f"{tr_id}.ru.md", "title: ", f"title: {mark}ru ")
        figures["title of a translation"] = wait_for(
            [f"{url}ru/cases/{tr_id}/"], f"{mark}ru", limit
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--kb", type=Path, help="a synthetic knowledge base made before")
    parser.add_argument("--keep", action="store_true", help="keep the generated folders")
    parser.add_argument("--limit", type=float, default=600, help="seconds to wait for an edit")
    args = parser.parse_args()
    print(f"cores: {len(os.sched_getaffinity(0))}; seconds from a save to the page served")
    for n in [len(list((args.kb / "cases").glob("*.*.md"))) // 2] if args.kb else args.sizes:
        work = None
        kb = args.kb
        if kb is None:
            work = Path(tempfile.mkdtemp(prefix=f"sikb-preview-{n}-"))
            kb = work / "kb"
            synthetic_kb(kb, n)
        figures = measure(kb, n, args.limit)
        print(f"{n:,} cases:")
        for what, seconds in figures.items():
            print(f"  {what:<40} {seconds:8.2f} s", flush=True)
        print(f"  (sikb serve's messages: {kb / 'serve.log'})" if args.keep or args.kb else "")
        if work and not args.keep:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
