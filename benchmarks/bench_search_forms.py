"""Search and inflection: does each form of a word find what all its forms find?

For common Ukrainian and Russian words, each in several cases and numbers (``FORMS``),
it runs every form as a query through the built site's own Pagefind bundle in headless
Chromium (Debian's ``/usr/bin/chromium``), as the search box does: in the language's
pages, the query first normalised by the site's ``assets/sikb-stem.js`` when the site has
it (a site built before it searches the words as typed). For each form it prints the
pages it finds, out of the pages that all the forms of its word find together, and PASS
when that is at least 80% (issue 17). Exit status 1 if any form falls below.

By default it copies the knowledge base of ``--root`` (the repository: the real
collection) to a temporary folder and builds it; ``--site`` measures a site already
built (e.g. one built before a change, to compare).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generator.search import stems
from tests.browser.serving import CHROMIUM, CHROMIUM_ARGS, serve
from tests.browser.serving import build as sikb_build

ROOT = Path(__file__).resolve().parent.parent
KB_FILES = ("cases", "docs", "taxonomy.yaml", "mkdocs.yml", "published-ids.txt")
BAR = 0.8

FORMS: dict[str, dict[str, str]] = {
    "uk": {
        "лабораторія": "лабораторія лабораторії лабораторій лабораторію лабораторією лабораторіях",
        "громада": "громада громади громаді громаду громадою громад громадах",
        "опитування": "опитування опитуванні опитуванням опитувань",
        "соціальний": "соціальний соціальна соціального соціальних соціальні соціальної",
        "проєкт": "проєкт проєкту проєкти проєктів проєктам проєктом",
        "інновація": "інновація інновації інновацій інноваціями",
        "країна": "країна країни країн країнах країну",
        "організація": "організація організації організацій організаціями",
        "місцевий": "місцевий місцева місцевої місцевих місцевому",
        "підтримка": "підтримка підтримки підтримку підтримкою",
        "держава": "держава держави державі державою",
        "результат": "результат результати результатів результатами",
    },
    "ru": {
        "социальный": "социальный социальной социальная социальных социальные социального",
        "местный": "местный местной местная местных местного",
        "поддержка": "поддержка поддержкой поддержки поддержку поддержке",
        "новый": "новый новой новая новые новых",
        "лаборатория": "лаборатория лаборатории лабораторий лабораторией",
        "проект": "проект проекта проекты проектов проектах",
        "страна": "страна страны стран странах",
        "программа": "программа программы программ программой",
        "государственный": "государственный государственного государственных государственная",
        "организация": "организация организации организаций организациями",
    },
}
"""Each word's forms, by language (a string of forms, split below)."""

SEARCH = """async ([lang, words]) => {
  const root = new URL(`/${lang}/`, location.href);
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  await pagefind.options({ baseUrl: root.pathname });
  await pagefind.init();
  let stems = null;
  try { stems = await import(new URL("assets/sikb-stem.js", root).href); } catch (e) {}
  const found = {};
  for (const word of words) {
    const query = stems ? stems.normalise(lang, word) : word;
    found[word] = (await pagefind.search(query)).results.map((r) => r.id);
  }
  return [found, !!stems];
}"""


def measure(page: Page, url: str, lang: str) -> tuple[list[dict[str, Any]], bool]:
    """One row per form of each word of ``lang``; whether queries were normalised."""
    page.goto(f"{url}{lang}/")
    words = {w: forms.split() for w, forms in FORMS[lang].items()}
    every = [f for forms in words.values() for f in forms]
    found, normalised = page.evaluate(SEARCH, [lang, every])
    rows = []
    for word, forms in words.items():
        union = set().union(*(found[f] for f in forms))
        for form in forms:
            n = len(found[form])
            share = n / len(union) if union else 1.0
            rows.append(
                {
                    "lang": lang,
                    "word": word,
                    "form": form,
                    "found": n,
                    "all": len(union),
                    "share": share,
                }
            )
    return rows, normalised


def report(rows: list[dict[str, Any]]) -> int:
    """Print the table; how many forms fall below the bar."""
    print(f"{'lang':<4} {'word':<16} {'form':<18} {'found':>5} {'of':>4} {'share':>6}  verdict")
    below = 0
    for r in rows:
        ok = r["share"] >= BAR
        below += not ok
        print(
            f"{r['lang']:<4} {r['word']:<16} {r['form']:<18} {r['found']:>5} {r['all']:>4}"
            f" {100 * r['share']:>5.0f}%  {'PASS' if ok else 'FAIL'}"
        )
    print(f"{len(rows) - below} of {len(rows)} forms find at least {BAR:.0%} of their word's pages")
    return below


def paired(site: Path, lang: str) -> tuple[int, int]:
    """Pages of ``lang`` whose stored text pairs each stem with what it lost (the browser's
    excerpts show their words as written), and pages with tails at all."""
    good = total = 0
    for path in (site / lang / "pagefind").rglob("*.pf_fragment"):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        page = json.loads(text[text.index("{") :])
        tails = page["meta"].get("sikb_tails")
        if tails is None:
            continue
        total += 1
        good += len(tails.split(",") if tails else []) == len(stems.WORD.findall(page["content"]))
    return good, total


def built(root: Path, work: Path, url: str) -> Path:
    kb = work / "kb"
    kb.mkdir(exist_ok=True)  # serve() made its site folder
    for name in KB_FILES:
        source = root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, kb / name)
    (kb / "node_modules").symlink_to(root / "node_modules")
    done = sikb_build(kb, url)
    if done.returncode != 0:
        sys.exit(f"sikb build failed in {kb}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return kb / "site"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the knowledge base to build")
    parser.add_argument("--site", type=Path, help="a built site to measure instead")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sikb-bench-forms-"))
    try:
        with serve(args.site or work / "kb" / "site") as server:
            if not args.site:
                built(args.root, work, server.url)
            rows: list[dict[str, Any]] = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang in FORMS:
                    found, normalised = measure(browser.new_page(), server.url, lang)
                    good, total = paired(server.root, lang)
                    print(
                        f"{lang}: queries {'normalised' if normalised else 'as typed'}; "
                        f"{good} of {total} pages' words given back as written"
                    )
                    rows += found
                browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if report(rows) else 0)


if __name__ == "__main__":
    main()
