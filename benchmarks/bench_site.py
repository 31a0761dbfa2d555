"""Site build benchmark: `sikb build` against a plain MkDocs + Material + static-i18n build.

For each size (1,000 and 10,000 cases) it writes a synthetic knowledge base in three
languages (an English original and Russian and Ukrainian translations of every case),
builds it with `sikb build`, then builds, in the same run, a plain site of the same
number of Markdown pages of similar length in the same three languages with MkDocs,
Material, the search plugin and mkdocs-static-i18n. The prose of both is drawn from the
words of the real cases with their frequencies (``vocabulary``). Each build is timed
clean, ``--repeat`` times (default 3; once from 10,000 cases, where a build takes
minutes) taking turns with the other, and the fastest counts: on a shared machine the same
build varies by a third from run to run. A build's output is moved aside before the next, and
deleted once all are timed (``clean_build``). The first build of each kind is sampled for its
memory as it runs: the highest sum of the PSS of its processes (``memory.py``); the others are
timed alone, as a sample takes a twentieth of a core, which slows a build that keeps both
cores busy, and not one that keeps one busy. It prints wall-clock times, time
per case, peak memory, the largest HTML page of each, and the targets:

- our build within 1.3x of the plain build, per page, up to 5,000 cases (issue 3's target;
  at 10,000 the ratio is printed);
- time per case at 10,000 within 1.3x of the time per case at 1,000;
- a peak of the whole build under 4 GB at 10,000 cases;
- the largest page does not grow with the number of cases.

Figures, not a test: `make bench` runs it. `--sizes 1000` for a shorter run.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import memory  # noqa: E402

from generator.validate.checks import fingerprint  # noqa: E402
from generator.validate.collection import load, parse_case_text  # noqa: E402

LANGS = ("en", "ru", "uk")
WORD = re.compile(r"[^\W\d_]+(?:[-'ʼ’][^\W\d_]+)*")


@functools.cache
def vocabulary(lang: str) -> tuple[list[str], list[int]]:
    """The words of the real collection's case texts in ``lang``, commonest first, and
    their cumulative counts: synthetic prose drawn from them has the word frequencies of
    real prose (``the`` about 7% of English words, ``social`` about 1.4%), which is what
    decides the size of a search index's chunks. Words, not sentences, are taken."""
    collection = load(REPO).collection
    assert collection is not None, "the repository's cases do not load: run sikb validate"
    counts: Counter[str] = Counter()
    for case in collection.cases.values():
        if case.meta.language == lang:
            counts.update(WORD.findall(case.body.lower()))
    for translations in collection.translations.values():
        if lang in translations:
            counts.update(WORD.findall(translations[lang].body.lower()))
    words = [w for w, _ in counts.most_common()]
    return words, list(itertools.accumulate(counts[w] for w in words))


def commonest(lang: str, min_length: int = 1) -> str:
    """The commonest word of ``lang`` in synthetic prose at least ``min_length`` long."""
    return next(w for w in vocabulary(lang)[0] if len(w) >= min_length)


SECTIONS = {
    "en": [
        "Context",
        "The innovation",
        "Actors and collaboration",
        "Results and evidence",
        "Lessons",
    ],
    "ru": ["Контекст", "Инновация", "Участники и сотрудничество", "Результаты", "Уроки"],
    "uk": ["Контекст", "Інновація", "Учасники та співпраця", "Результати", "Уроки"],
}
BODY_WORDS = 600


def prose(rng: random.Random, lang: str, n: int) -> str:
    vocab, cumulative = vocabulary(lang)
    words = rng.choices(vocab, cum_weights=cumulative, k=n)
    lines, line = [], []
    for i, w in enumerate(words, 1):
        line.append(w)
        if i % 12 == 0:
            lines.append(" ".join(line) + ("." if i % 24 == 0 else ""))
            line = []
    if line:
        lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def body(rng: random.Random, lang: str) -> str:
    per = BODY_WORDS // len(SECTIONS[lang])
    return "\n\n".join(f"## {h}\n\n{prose(rng, lang, per)}" for h in SECTIONS[lang]) + "\n"


def synthetic_kb(root: Path, n: int) -> None:
    """``n`` valid cases, each with ru and uk translations, over the real taxonomy."""
    (root / "cases").mkdir(parents=True)
    shutil.copy(REPO / "taxonomy.yaml", root / "taxonomy.yaml")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    tax = yaml.safe_load((REPO / "taxonomy.yaml").read_text(encoding="utf-8"))
    countries = [c["code"] for c in tax["countries"]]
    sectors = [t["id"] for t in tax["sectors"]]
    themes = [t["id"] for t in tax["themes"]]
    actors = [a["id"] for a in tax["actors"]]
    roles = [r["id"] for r in tax["roles"]]
    criteria = [c["id"] for c in tax["criteria"]]
    ratings = ["met", "partial", "not-met", "unknown"]
    statuses = [s["id"] for s in tax["statuses"]]
    rng = random.Random(n)
    for i in range(n):
        cid = f"case-{i:05d}"
        crit = {}
        for c in criteria:
            r = rng.choice(ratings)
            crit[c] = (
                {"rating": r, "note": prose(rng, "en", 20).replace("\n", " ")}
                if r != "unknown"
                else "unknown"
            )
        meta = {
            "title": f"Synthetic case {i} {prose(rng, 'en', 2).rstrip('.')}",
            "summary": prose(rng, "en", 40).replace("\n", " "),
            "language": "en",
            "countries": rng.sample(countries, rng.randint(1, 2)),
            "sectors": rng.sample(sectors, rng.randint(1, 2)),
            "themes": rng.sample(themes, rng.randint(1, 3)),
            "actors": [
                {"id": a, "role": rng.choice(roles)} for a in rng.sample(actors, rng.randint(1, 3))
            ],
            "status": rng.choice(statuses),
            "period": {"start": str(rng.randint(2000, 2024))},
            "criteria": crit,
            "sources": [{"title": f"Report {i}", "publisher": "A publisher", "language": "en"}],
            "updated": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
        text += body(rng, "en")
        (root / "cases" / f"{cid}.md").write_text(text, encoding="utf-8")
        loaded = parse_case_text(text, f"cases/{cid}.md")
        fp = fingerprint(loaded.parsed.data, loaded.body)
        for lang in ("ru", "uk"):
            tmeta = {
                "title": f"{prose(rng, lang, 3).rstrip('.')} {i}",
                "summary": prose(rng, lang, 40).replace("\n", " "),
                "criteria": {
                    c: {"note": prose(rng, lang, 20).replace("\n", " ")}
                    for c, a in crit.items()
                    if isinstance(a, dict)
                },
            }
            ttext = "---\n" + yaml.safe_dump(tmeta, allow_unicode=True, sort_keys=False)
            # Quoted by hand: PyYAML leaves 288561e64949 bare, which YAML 1.2 reads as a number.
            ttext += f'original_fingerprint: "{fp}"\n---\n' + body(rng, lang)
            (root / "cases" / f"{cid}.{lang}.md").write_text(ttext, encoding="utf-8")


def plain_site(root: Path, n: int, words: int) -> None:
    """``n`` plain pages per language of about ``words`` words, for mkdocs-static-i18n."""
    docs = root / "docs"
    (docs / "cases").mkdir(parents=True)
    rng = random.Random(-n)
    for lang in LANGS:
        suffix = "" if lang == "en" else f".{lang}"
        (docs / f"index{suffix}.md").write_text(f"# Home {lang}\n", encoding="utf-8")
        for i in range(n):
            text = f"# Page {i} {lang}\n\n{prose(rng, lang, words)}\n"
            (docs / "cases" / f"case-{i:05d}{suffix}.md").write_text(text, encoding="utf-8")
    config = {
        "site_name": "Plain",
        "site_url": "http://127.0.0.1:8000/",
        "theme": {
            "name": "material",
            "font": False,
            "features": ["navigation.instant", "navigation.sections"],
        },
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [
                        {"locale": "en", "default": True, "name": "English", "build": True},
                        {"locale": "ru", "name": "Русский", "build": True},
                        {"locale": "uk", "name": "Українська", "build": True},
                    ],
                }
            },
        ],
        "nav": ["index.md"],
        "validation": {"nav": {"omitted_files": "ignore"}},
        "markdown_extensions": ["toc", "tables", "admonition", "def_list", "md_in_html"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def clean_build(cmd: list[str], cwd: Path, trash: Path, sample: bool) -> memory.Peak:
    """One build with no site/ or build/ left from the last: its time, and its peak memory
    if ``sample`` (``memory.run``).

    The last build's folders are moved into ``trash``, which ``main`` deletes once every
    build is timed, not deleted here: on ext4 without a journal (this machine's disk) the
    kernel gives a new file an inode freed more than a minute ago (up to six) before one
    freed since (``recently_deleted``), and looks at every free inode on the way. Right
    after deleting the last build's 21,000 files, ours spent 10 to 13 s in the kernel
    instead of 3.5 s, and took 25 to 30 s instead of 22 s; the plain build, with 6,000 files,
    much less. A build on a fresh clone deletes nothing first."""
    for left in ("site", "build"):
        if (cwd / left).exists():
            (cwd / left).rename(trash / f"{cwd.name}-{left}-{len(list(trash.iterdir()))}")
    try:
        return memory.run(cmd, cwd, {**os.environ, "NO_MKDOCS_2_WARNING": "1"}, sample)
    except RuntimeError as e:
        sys.exit(str(e))


def largest_page(site: Path) -> tuple[int, str]:
    pages = [(p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html")]
    return max(pages)


def words_per_case_page(site: Path) -> int:
    """Words of text in our English case pages, to size the plain pages alike."""
    import re

    sample = sorted((site / "en" / "cases").glob("case-*/index.html"))[:20]
    counts = []
    for page in sample:
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        counts.append(len(re.sub(r"<[^>]+>", " ", article).split()))
    return sum(counts) // len(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", action="store_true", help="keep the generated folders")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="builds of each kind per size below 10,000 cases, the fastest counts (one above)",
    )
    args = parser.parse_args()
    print(
        f"cores: {len(os.sched_getaffinity(0))}; languages: {', '.join(LANGS)}; each time the "
        f"fastest of {args.repeat} clean builds (1 from 10,000 cases), ours and plain in turns; "
        "memory: the highest sum of the PSS of a build's processes, sampled in its first build"
    )
    print(
        f"{'cases':>6} {'pages':>6} {'sikb build':>11} {'ms/case':>8} {'peak PSS':>9} "
        f"{'pages':>6} {'plain':>7} {'PSS':>8} {'ratio/page':>11} "
        f"{'largest page':>13} {'(plain)':>9}"
    )
    rows: dict[int, dict[str, Any]] = {}
    works = []
    try:
        for n in args.sizes:
            works.append(Path(tempfile.mkdtemp(prefix=f"sikb-bench-{n}-")))
            rows[n] = measure(n, args.repeat if n < 10000 else 1, args.keep, works[-1])
    finally:
        # Deleted once every build is timed (``clean_build``).
        for work in [] if args.keep else works:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"(plain pages sized like our case pages: about {rows[args.sizes[0]]['words']} words each)"
    )
    for n, row in rows.items():
        runs = " ".join(f"{t:.1f}" for t in row["ours_runs"])
        plain_runs = " ".join(f"{t:.1f}" for t in row["plain_runs"])
        print(f"(every run at {n:,} cases, in turns: sikb build {runs} s; plain {plain_runs} s)")
        print(
            f"(at the peak of {n:,}, {row['peak'].at:.0f} s in: "
            + peak_processes(row["peak"])
            + ")"
        )
    print("\n".join(verdicts(rows)))


def measure(n: int, repeat: int, keep: bool, work: Path) -> dict[str, Any]:
    """Build ``n`` synthetic cases ``repeat`` times each way in ``work``; print the size's
    line."""
    python = sys.executable
    mkdocs = str(Path(python).parent / "mkdocs")
    kb, plain, trash = work / "kb", work / "plain", work / "trash"
    trash.mkdir()
    synthetic_kb(kb, n)
    ours_cmd = [python, "-m", "generator", "--root", str(kb), "build"]
    plain_cmd = [mkdocs, "build", "--strict", "-q"]
    # The first build of each kind is sampled for its memory, the others timed alone.
    ours = [clean_build(ours_cmd, kb, trash, True)]
    words = words_per_case_page(kb / "site")
    plain_site(plain, n, words)
    base = [clean_build(plain_cmd, plain, trash, True)]
    # Taken in turns, so that a slow spell of a shared machine slows both.
    for _ in range(repeat - 1):
        ours.append(clean_build(ours_cmd, kb, trash, False))
        base.append(clean_build(plain_cmd, plain, trash, False))
    best, best_plain = min(ours, key=lambda r: r.seconds), min(base, key=lambda r: r.seconds)
    size, where = largest_page(kb / "site")
    psize, _ = largest_page(plain / "site")
    pages = sum(1 for _ in (kb / "site").rglob("index.html"))
    ppages = sum(1 for _ in (plain / "site").rglob("index.html"))
    ratio = (best.seconds / pages) / (best_plain.seconds / ppages)
    peak = ours[0]
    print(
        f"{n:>6} {pages:>6} {best.seconds:>10.1f}s {1000 * best.seconds / n:>8.1f} "
        f"{gb(peak.total):>6} GB {ppages:>6} {best_plain.seconds:>6.1f}s "
        f"{gb(base[0].total):>5} GB {ratio:>10.2f}x "
        f"{size / 1024:>7.1f} KB {where[:4]} {psize / 1024:>6.1f} KB",
        flush=True,
    )
    if keep:
        print(f"       kept in {work}")
    return {
        "per_case": best.seconds / n,
        "ratio": ratio,
        "largest": size,
        "peak": peak,
        "words": words,
        "ours_runs": [r.seconds for r in ours],
        "plain_runs": [r.seconds for r in base],
    }


def gb(size: int) -> str:
    return f"{size / 2**30:.2f}"


def peak_processes(peak: memory.Peak) -> str:
    """The processes at the peak, by kind: the build's own, MkDocs's and Pagefind's."""
    kinds: Counter[str] = Counter()
    for size, command in peak.processes:
        kind = (
            "Pagefind" if "pagefind" in command else "sikb" if "generator" in command else command
        )
        kinds[kind.split(" ")[0]] += size
    return ", ".join(f"{kind} {gb(size)} GB" for kind, size in kinds.most_common())


def verdicts(rows: dict[int, dict[str, Any]]) -> list[str]:
    out = []
    # The target per page is issue 3's, set for 100 to 5,000 cases; above, it is printed.
    within = [row["ratio"] for n, row in rows.items() if n <= 5000]
    if within:
        worst = max(within)
        out.append(
            f"build time per page vs plain, up to 5,000 cases: worst {worst:.2f}x "
            f"(target <= 1.3x): {_ok(worst <= 1.3)}"
        )
    for n, row in rows.items():
        if n > 5000:
            out.append(f"build time per page vs plain at {n:,}: {row['ratio']:.2f}x (no target)")
    if 1000 in rows and 10000 in rows:
        growth = rows[10000]["per_case"] / rows[1000]["per_case"]
        out.append(
            f"time per case 10,000 vs 1,000: {growth:.2f}x (target <= 1.3x): {_ok(growth <= 1.3)}"
        )
    if 10000 in rows:
        top = rows[10000]["peak"].total
        out.append(f"peak PSS at 10,000: {gb(top)} GB (target < 4 GB): {_ok(top < 4 * 2**30)}")
    sizes = [rows[n]["largest"] for n in sorted(rows)]
    flat = sizes[-1] <= sizes[0] * 1.05
    out.append(
        "largest page: "
        + " -> ".join(f"{s / 1024:.1f} KB" for s in sizes)
        + f" (target: does not grow): {_ok(flat)}"
    )
    return out


def _ok(flag: bool) -> str:
    return "PASS" if flag else "FAIL"


if __name__ == "__main__":
    main()
