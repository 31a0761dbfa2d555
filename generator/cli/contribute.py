"""``sikb new`` and ``sikb forms``: the commands that start a case, from flags, from prompts in a
terminal, or from an issue of the 'Propose a case' form, and that write those forms."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Handler, UsageError
from generator.validate.collection import CASE_ID, CASES_DIR, MAX_ID

Ask = Callable[[str], str]
"""Prints a prompt, returns the line typed (``input``); EOFError when there is none."""


def register(sub: Any) -> dict[str, Handler]:
    """Add this module's sub-commands to ``sub``; their handlers by name."""
    _new_flags(
        sub.add_parser(
            "new",
            help="write a commented skeleton for a new case (alone, in a terminal: asks for it)",
        )
    )
    p = sub.add_parser(
        "forms", help=".github/ISSUE_TEMPLATE/*.yml, the issue forms, from taxonomy.yaml"
    )
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a form is out of date"
    )
    return {"new": _new, "forms": _forms}


def _new_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "id", nargs="?", help="the case id: lowercase-kebab-case, also its file name and URL"
    )
    p.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="XX",
        help="ISO 3166-1 alpha-2 code from the taxonomy (repeat for several; required with ID)",
    )
    p.add_argument("--sector", action="append", default=[], help="a sector id (repeatable)")
    p.add_argument("--theme", action="append", default=[], help="a theme id (repeatable)")
    p.add_argument("--language", default=None, help="ISO 639-1 code of the language you write in")
    p.add_argument("--title", default=None, help="the case's title")
    p.add_argument(
        "--from-issue",
        type=Path,
        metavar="FILE",
        help="the body of an issue of the 'Propose a case' form, as GitHub renders it ('-': "
        "standard input); ID, if given, overrides the form's",
    )


def _new(root: Path, args: argparse.Namespace) -> int:
    from generator.data.scaffold import ScaffoldError, write_skeleton

    flags = [args.country, args.sector, args.theme, args.language, args.title]
    try:
        if args.from_issue is not None:
            if any(flags):
                raise UsageError(
                    "--from-issue takes every answer from the issue; leave out --country, "
                    "--sector, --theme, --language and --title"
                )
            return _from_issue(root, args)
        if args.id is None and not any(flags):
            return _interactive(root, args)
        if args.id is None:
            raise UsageError("give the case id first: sikb new ID --country XX ...")
        if not args.country:
            raise UsageError("the following arguments are required: --country")
        path = write_skeleton(
            root,
            args.id,
            args.country,
            args.sector,
            args.theme,
            args.language,
            args.title or "",
            args.settings.day(),
        )
    except ScaffoldError as exc:
        print(f"sikb new: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS if exc.exists else EXIT_USAGE
    return _wrote(root, path)


def _wrote(root: Path, path: Path, how: str = "fill it in") -> int:
    rel = path.relative_to(root).as_posix()
    print(f"Wrote {rel}: {how}, then run 'sikb validate {rel}'.")
    return EXIT_OK


def _read_issue(name: Path) -> str:
    try:
        data = sys.stdin.buffer.read() if str(name) == "-" else name.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name} is not UTF-8 text (byte {exc.start})") from exc


def _from_issue(root: Path, args: argparse.Namespace) -> int:
    from generator.data.from_issue import missing, write_from_issue
    from generator.data.scaffold import check_id

    if args.id is not None:
        check_id(args.id)
    body = _read_issue(args.from_issue)
    shown = "<stdin>" if str(args.from_issue) == "-" else args.from_issue.as_posix()
    path, proposal = write_from_issue(root, body, shown, args.settings.day(), args.id)
    for problem in proposal.problems:
        print(problem.as_text(), file=sys.stderr)
    if path is None:
        print("sikb new: error: nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    todo = missing(proposal.front)
    if todo:
        how = f"fill in {', '.join(todo)}, check every fact against the sources"
    else:
        how = "check every fact against the sources, rate the criteria, write the body"
    return _wrote(root, path, how)


def _interactive(root: Path, args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Ask for the id, title, countries, sectors and themes, offering the taxonomy's terms."""
    from generator.data.scaffold import taxonomy_of, write_skeleton

    if ask is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(
                "give the case id and --country XX (or --from-issue FILE); "
                "run 'sikb new' alone in a terminal to be asked for them"
            )
        ask = input
    taxonomy = taxonomy_of(root)
    try:
        case_id = _ask_id(root, ask)
        title = ask("Title (one line; Enter to fill it in later): ").strip()
        chosen = {
            vocabulary: _ask_terms(taxonomy, vocabulary, ask, needed=vocabulary == "countries")
            for vocabulary in ("countries", "sectors", "themes")
        }
    except (EOFError, KeyboardInterrupt):
        print("\nsikb new: cancelled; nothing was written", file=sys.stderr)
        return EXIT_USAGE
    path = write_skeleton(
        root,
        case_id,
        chosen["countries"],
        chosen["sectors"],
        chosen["themes"],
        None,
        title,
        args.settings.day(),
    )
    return _wrote(root, path)


def _ask_id(root: Path, ask: Ask) -> str:
    while True:
        case_id = ask("Case id (lowercase-kebab-case, also its file name, e.g. upshift-moldova): ")
        case_id = case_id.strip()
        if not CASE_ID.match(case_id) or len(case_id) > MAX_ID:
            print(
                f"'{case_id}' is not a valid case id: use lowercase ASCII letters, digits and "
                f"single hyphens, at most {MAX_ID} characters"
            )
        elif (root / CASES_DIR / f"{case_id}.md").exists():
            print(f"{CASES_DIR}/{case_id}.md already exists; choose another id")
        else:
            return case_id


def _ask_terms(taxonomy: Any, vocabulary: str, ask: Ask, *, needed: bool) -> list[str]:
    """Ids, labels or the numbers of the listed terms, separated by commas; asked again until
    every one is a term of the taxonomy."""
    from generator.data.from_issue import resolve
    from generator.data.issue_forms import term_labels

    labels = term_labels(taxonomy, vocabulary)
    numbered = list(labels)
    print(f"\n{vocabulary.capitalize()} in taxonomy.yaml:")
    print("\n".join(f"  {n:>2}. {tid}: {labels[tid]}" for n, tid in enumerate(numbered, 1)))
    optional = "" if needed else "; Enter for none"
    while True:
        answer = ask(f"{vocabulary.capitalize()} (numbers, ids or names, with commas{optional}): ")
        chosen, wrong = [], []
        for value in (v.strip() for v in answer.split(",") if v.strip()):
            if value.isdigit() and 1 <= int(value) <= len(numbered):
                tid: str | None = numbered[int(value) - 1]
            else:
                tid, hint = resolve(value, taxonomy, vocabulary)
                if tid is None:
                    wrong.append(f"'{value}' is not in taxonomy.yaml's {vocabulary}; {hint}")
            if tid is not None and tid not in chosen:
                chosen.append(tid)
        if wrong:
            print("\n".join(wrong))
        elif chosen or not needed:
            return chosen
        else:
            print(f"choose at least one of the {vocabulary}")


def _forms(root: Path, args: argparse.Namespace) -> int:
    from generator.data.issue_forms import FORMS_DIR, FormError, forms
    from generator.data.scaffold import ScaffoldError, taxonomy_of

    try:
        texts = forms(taxonomy_of(root))
    except (FormError, ScaffoldError) as exc:
        print(f"sikb forms: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    folder = root / FORMS_DIR
    stale = []
    for name, text in texts.items():
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(f"{FORMS_DIR}/{name}")
        if not args.check:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {FORMS_DIR}/{name}")
    if args.check and stale:
        for rel in stale:
            print(f"{rel}: out of date with taxonomy.yaml; run 'sikb forms'", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
