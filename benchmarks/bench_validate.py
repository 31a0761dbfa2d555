"""Benchmark: how fast ``sikb validate`` checks a large collection, against a floor.

For each size N (1,000 and 10,000 by default) this writes a synthetic knowledge
base: the repository's taxonomy.yaml plus N valid case files, each about 1 KB of
front matter and a short body, made deterministically from a fixed seed. It then
times, for each N:

* validate: ``sikb --root KB validate`` as a user runs it, a subprocess timed by
  wall clock, best and median of 3 runs, with the peak RSS of that process;
* floor: in this process, read every case file, cut its front matter and parse
  it with ``yaml.load(front, Loader=yaml.CSafeLoader)``, best of 3;
* floor + start-up: the floor plus the best of 3 runs of ``python -c "import
  yaml"``, the least any subprocess doing that work could take. The target is
  judged against this one, so that a subprocess is compared with a subprocess.

The target: validation of 10,000 cases within 2x the C-loader floor. The result
is printed as PASS or FAIL; timing never changes the exit code. The exit code is
1 only when the validator reports a problem in the synthetic cases or fails.

Run it from the repository root with ``make bench``, or::

    .venv/bin/python benchmarks/bench_validate.py [--sizes 1000,10000] [--keep DIR]

``--keep DIR`` writes the knowledge bases to DIR/kb-N and leaves them there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.model.meta import SUMMARY_MAX
from generator.model.taxonomy import Taxonomy
from generator.validate.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = 20240115
RUNS = 3
TARGET_N, TARGET_RATIO = 10_000, 2.0

# Case languages, weighted: mostly English, some Russian and Ukrainian originals.
LANGUAGES = ("en",) * 6 + ("ru",) * 2 + ("uk",) * 2
ADJECTIVES = {
    "en": ("Youth", "Civic", "Open", "Community", "Digital", "Local", "Green", "Inclusive"),
    "ru": ("Молодёжная", "Гражданская", "Открытая", "Цифровая", "Местная", "Зелёная"),
    "uk": ("Молодіжна", "Громадянська", "Відкрита", "Цифрова", "Місцева", "Зелена"),
}
NOUNS = {
    "en": ("Lab", "Hub", "Network", "Fund", "Service", "Platform", "Academy"),
    "ru": ("лаборатория", "сеть", "платформа", "служба", "академия"),
    "uk": ("лабораторія", "мережа", "платформа", "служба", "академія"),
}
SUMMARY = {
    "en": "A synthetic case about {theme} in {country}, written to time the validator. "
    "It runs from {start} and involves {actors} actors.",
    "ru": "Синтетический кейс на тему «{theme}» ({country}) для замера скорости проверки. "
    "Начат в {start}, участников: {actors}.",
    "uk": "Синтетичний кейс на тему «{theme}» ({country}) для вимірювання швидкості "
    "перевірки. Розпочато у {start}, учасників: {actors}.",
}
NOTE = {
    "en": "Source {n} supports this rating.",
    "ru": "Источник {n} подтверждает оценку.",
    "uk": "Джерело {n} підтверджує оцінку.",
}
BODY = {
    "en": "## Context\n\nSynthetic case {n}, one of {total}.\n\n"
    "## The innovation\n\nIt exists to measure how long validation takes. "
    "Nothing in it describes a real programme.\n",
    "ru": "## Контекст\n\nСинтетический кейс {n} из {total}.\n\n"
    "## Инновация\n\nОн нужен, чтобы измерить время проверки. "
    "Реальных программ он не описывает.\n",
    "uk": "## Контекст\n\nСинтетичний кейс {n} з {total}.\n\n"
    "## Інновація\n\nВін потрібен, щоб виміряти час перевірки. "
    "Реальних програм він не описує.\n",
}


def case_id(n: int) -> str:
    return f"synthetic-case-{n:05d}"


def quoted(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(items) + "]"


def partial_date(rng: random.Random, year: int) -> str:
    return f"{year}" if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}"


def case_text(rng: random.Random, n: int, total: int, tax: Taxonomy) -> str:
    """One valid case file: front matter of about 1 KB and a short body."""
    lang = rng.choice(LANGUAGES)
    countries = rng.sample(list(tax.countries), rng.randint(1, 2))
    themes = rng.sample(list(tax.themes), rng.randint(1, 3))
    actors = rng.sample(list(tax.actors), rng.randint(1, 3))
    start_year = rng.randint(2005, 2018)
    start = partial_date(rng, start_year)
    end = partial_date(rng, start_year + rng.randint(1, 5))
    title = f"{rng.choice(ADJECTIVES[lang])} {rng.choice(NOUNS[lang])} {n}"
    summary = SUMMARY[lang].format(
        theme=themes[0], country=countries[0], start=start, actors=len(actors)
    )
    assert len(summary) <= SUMMARY_MAX, summary

    lines = [
        "---",
        f"title: {quoted(title)}",
        f"summary: {quoted(summary)}",
        f"language: {lang}",
        f"countries: {flow(countries)}",
        f"places: {flow([quoted(f'Settlement {n % 97}')])}",
        f"sectors: {flow(rng.sample(list(tax.sectors), rng.randint(1, 3)))}",
        f"themes: {flow(themes)}",
        "actors:",
        *(f"  - {{id: {a}, role: {rng.choice(list(tax.roles))}}}" for a in actors),
        f"status: {rng.choice(list(tax.statuses))}",
        "period:",
        f"  start: {quoted(start)}",
        f"  end: {quoted(end)}",
        "criteria:",
    ]
    for criterion in tax.criteria:
        rating = rng.choice(list(tax.ratings))
        if rating in ("met", "partial") or rng.random() < 0.1:
            note = quoted(NOTE[lang].format(n=n))
            lines.append(f"  {criterion}: {{rating: {rating}, note: {note}}}")
        else:
            lines.append(f"  {criterion}: {rating}")
    lines.append("sources:")
    for k in range(1, (2 if rng.random() < 0.2 else 1) + 1):
        year = rng.randint(2010, 2023)
        lines += [
            f"  - title: {quoted(f'Synthetic report {n}.{k}')}",
            f"    author: {quoted(f'A. Author {rng.randint(1, 500)}')}",
            "    publisher: Synthetic Publishing",
            f'    date: "{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
            "    language: en",
            f"    url: https://example.org/synthetic/{n}/{k}",
        ]
    # The draws random related cases took, so the rest of the collection stays the same;
    # related cases now link both ways (a one-way link is a warning): groups of three.
    rng.sample(range(1, total + 1), min(total, 4))
    rng.randint(0, 3)
    first = (n - 1) // 3 * 3 + 1
    related = [case_id(m) for m in range(first, min(first + 3, total + 1)) if m != n]
    lines += [f"related: {flow(related)}", 'updated: "2024-01-15"', "---", ""]
    return "\n".join(lines) + BODY[lang].format(n=n, total=total)


def generate(root: Path, total: int, tax: Taxonomy) -> tuple[float, float]:
    """Write the knowledge base; return the mean front matter and body sizes in bytes."""
    cases = root / "cases"
    cases.mkdir(parents=True)
    shutil.copyfile(REPO / "taxonomy.yaml", root / "taxonomy.yaml")
    rng = random.Random(SEED)
    front = body = 0
    for n in range(1, total + 1):
        data = case_text(rng, n, total, tax).encode("utf-8")
        (cases / f"{case_id(n)}.md").write_bytes(data)
        end = data.index(b"\n---\n", 4) + 5
        front, body = front + end, body + len(data) - end
    return front / total, body / total


@dataclass(frozen=True)
class Run:
    seconds: float
    exit_code: int
    output: str
    max_rss_mib: float


def run(cmd: Sequence[str]) -> Run:
    """Run ``cmd`` to the end; wall clock, exit code, output and the child's own peak RSS."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of this child alone
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS
    return Run(seconds, proc.returncode, text, kib / 1024)


def floor_seconds(cases: Path) -> float:
    """One in-process pass: read each case, cut the front matter, parse it with libyaml."""
    start = time.perf_counter()
    for path in sorted(cases.glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        end = lines.index("---", 1)
        yaml.load("\n".join(lines[1:end]), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Row:
    n: int
    best: float
    median: float
    floor: float
    floor_startup: float
    max_rss_mib: float

    def cells(self) -> list[str]:
        return [
            f"{self.n:,}",
            f"{self.best:.3f}",
            f"{self.median:.3f}",
            f"{self.floor:.3f}",
            f"{self.floor_startup:.3f}",
            f"{self.best / self.floor:.2f}",
            f"{self.best / self.floor_startup:.2f}",
            f"{self.best / self.n * 1000:.3f}",
            f"{self.max_rss_mib:.0f}",
        ]


HEADER = [
    "N",
    "validate s",
    "median s",
    "floor s",
    "floor+su s",
    "val/floor",
    "val/(floor+su)",
    "ms/case",
    "peak RSS MiB",
]


def measure(root: Path, n: int, tax: Taxonomy, startup: float) -> Row | None:
    """Generate, check and time one size; None (after saying why) if the validator fails."""
    started = time.perf_counter()
    front, body = generate(root, n, tax)
    print(
        f"N={n:,}: wrote {root} in {time.perf_counter() - started:.1f} s "
        f"(mean front matter {front:,.0f} B, body {body:,.0f} B)",
        flush=True,
    )
    cmd = [str(BIN / "sikb"), "--root", str(root), "validate"]
    runs = [run(cmd) for _ in range(RUNS + 1)]  # the first checks the cases and warms caches
    for r in runs:
        if r.exit_code != 0 or "No problems" not in r.output:
            print(f"FAILED: the validator exited {r.exit_code} on valid cases:", file=sys.stderr)
            print(r.output, file=sys.stderr)
            return None
    times = [r.seconds for r in runs[1:]]
    floor = min(floor_seconds(root / "cases") for _ in range(RUNS))
    peak = max(r.max_rss_mib for r in runs)
    return Row(n, min(times), statistics.median(times), floor, floor + startup, peak)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated case counts")
    parser.add_argument("--keep", type=Path, help="write the knowledge bases to DIR/kb-N and keep")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs one or more positive integers")
    if args.keep and any((args.keep / f"kb-{n}").exists() for n in sizes):
        parser.error(f"{args.keep}/kb-N already exists; remove it or choose another --keep")

    tax, problems = load_taxonomy(REPO)
    if tax is None:
        print("FAILED: taxonomy.yaml has problems:", *problems, sep="\n", file=sys.stderr)
        return 1
    startup = min(run([sys.executable, "-c", "import yaml"]).seconds for _ in range(RUNS))
    print(f"Interpreter start-up, python -c 'import yaml', best of {RUNS}: {startup:.3f} s")

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="sikb-bench-") as tmp:
        for n in sizes:
            row = measure((args.keep or Path(tmp)) / f"kb-{n}", n, tax, startup)
            if row is None:
                return 1
            rows.append(row)

    print()
    print(f"validate   = 'sikb --root KB validate', a subprocess: wall clock, best of {RUNS}")
    print(f"median     = the median of those {RUNS} runs")
    print("floor      = in-process: read each case, cut its front matter, yaml.load with")
    print(f"             CSafeLoader; no interpreter start-up, no imports; best of {RUNS}")
    print("floor+su   = floor + interpreter start-up: the fair comparison with a subprocess")
    print("ms/case    = validate (best) / N;  peak RSS = max RSS of the validate process")
    table = [HEADER, *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    for line in table:
        print("  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)))

    print()
    target = f"validation of {TARGET_N:,} cases within {TARGET_RATIO:g}x the C-loader floor"
    measured = [row for row in rows if row.n == TARGET_N]
    if not measured:
        print(f"Target: {target}: not measured ({TARGET_N:,} is not in --sizes)")
    else:
        ratio = measured[0].best / measured[0].floor_startup
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        best, floor = measured[0].best, measured[0].floor_startup
        print(f"Target: {target} (floor + interpreter start-up):")
        print(f"        {best:.3f} s / {floor:.3f} s = {ratio:.2f}x: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
