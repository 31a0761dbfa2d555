"""Stable ids: a case id, once published, never disappears silently.

``published-ids.txt`` (at the root) lists every case id ever published, one a line;
``sikb ids --update`` adds the collection's new ids and never removes one. ``retired.yaml``
lists the ids no longer in ``cases/``, each with the case it was merged into (if any)
and the date. An id in the first that is neither a case nor retired is an error on its
line: its page and its dataset row would vanish. A retired id's page redirects to its
successor (the renderer's ``redirects``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.load.yamlload import parse
from generator.problems import Problem

PUBLISHED_FILE = "published-ids.txt"
RETIRED_FILE = "retired.yaml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = {"id", "merged_into", "date"}
PUBLISHED_HEADER = (
    "# Every case id ever published, one a line: `sikb ids --update` adds new ones.\n"
    "# Never remove a line: retire the id in retired.yaml instead (README, Stable ids).\n"
)


@dataclass(frozen=True)
class Retired:
    id: str
    merged_into: str | None
    """The case it became part of; None: withdrawn, with no successor."""
    date: str
    """When it was retired (YYYY-MM-DD)."""


def published(root: Path) -> list[tuple[int, str]]:
    """``published-ids.txt``'s ids with their lines; none if there is no file."""
    path = root / PUBLISHED_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, t) for n, line in enumerate(lines, 1) if (t := line.strip()) and t[0] != "#"]


def retired(root: Path, cases: Collection[str]) -> tuple[dict[str, Retired], list[Problem]]:
    """``retired.yaml``'s entries by id, and what is wrong with them (an entry that is
    still a case, or merged into an id that is not one)."""
    path = root / RETIRED_FILE
    if not path.is_file():
        return {}, []
    parsed = parse(path.read_text(encoding="utf-8"), RETIRED_FILE)
    problems = list(parsed.problems)
    data = parsed.data if parsed.data is not None else {"retired": []}
    entries = data.get("retired") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return {}, [*problems, _bad(1, 1, "retired", "expected a list under 'retired:'")]
    out: dict[str, Retired] = {}
    for i, entry in enumerate(entries):
        line, col = parsed.where(("retired", i))
        field = f"retired[{i}]"
        if not isinstance(entry, dict) or not set(entry) >= {"id", "date"} or set(entry) - _KEYS:
            keys = sorted(entry) if isinstance(entry, dict) else entry
            problems.append(
                _bad(line, col, field, f"expected id, date and merged_into, not {keys}")
            )
            continue
        item = Retired(str(entry["id"]), entry.get("merged_into"), str(entry["date"]))
        problems += _entry_problems(item, line, col, field, cases, out)
        out[item.id] = item
    return out, problems


def _entry_problems(
    item: Retired,
    line: int,
    col: int,
    field: str,
    cases: Collection[str],
    seen: Mapping[str, Retired],
) -> list[Problem]:
    out = []
    if not _ID.match(item.id):
        out.append(_bad(line, col, f"{field}.id", f"'{item.id}' is not a case id"))
    if item.id in seen:
        out.append(_bad(line, col, f"{field}.id", f"'{item.id}' is retired twice"))
    if item.id in cases:
        out.append(
            Problem(
                RETIRED_FILE, line, col, "retired-id-in-use",
                f"'{item.id}' is retired but cases/{item.id}.md exists",
                f"{field}.id", "remove the entry, or the case file",
            )
        )  # fmt: skip
    if item.merged_into is not None and item.merged_into not in cases:
        out.append(
            Problem(
                RETIRED_FILE, line, col, "unknown-successor",
                f"'{item.id}' is merged into '{item.merged_into}', which is not a case",
                f"{field}.merged_into", "name a case in cases/, or leave merged_into out",
            )
        )  # fmt: skip
    try:
        date.fromisoformat(item.date)
    except ValueError:
        out.append(_bad(line, col, f"{field}.date", f"expected YYYY-MM-DD, not '{item.date}'"))
    return out


def _bad(line: int, col: int, field: str, message: str) -> Problem:
    return Problem(RETIRED_FILE, line, col, "bad-retired", message, field)


def check(root: Path, cases: Collection[str]) -> tuple[dict[str, Retired], list[Problem]]:
    """The retired ids, and an error on each published id that is neither a case nor
    retired, with the two ways out."""
    gone, problems = retired(root, cases)
    for line, case_id in published(root):
        if case_id in cases or case_id in gone:
            continue
        problems.append(
            Problem(
                PUBLISHED_FILE, line, 1, "id-disappeared",
                f"case '{case_id}' was published, but cases/{case_id}.md is gone: "
                "its page and its row in the data would disappear",
                "",
                f"restore cases/{case_id}.md, or retire the id in {RETIRED_FILE}: "
                f"'- {{id: {case_id}, merged_into: <the case it became part of>, "
                "date: YYYY-MM-DD}' under 'retired:'",
            )
        )  # fmt: skip
    return gone, problems


def unpublished(root: Path, cases: Collection[str]) -> list[str]:
    """The cases not yet in ``published-ids.txt``, sorted."""
    known = {case_id for _, case_id in published(root)}
    return sorted(set(cases) - known)


def update(root: Path, cases: Collection[str]) -> list[str]:
    """Add the cases not yet in ``published-ids.txt`` (sorted, after the others); return them."""
    new = unpublished(root, cases)
    path = root / PUBLISHED_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else PUBLISHED_HEADER
    if new:
        text = text if text.endswith("\n") else text + "\n"
        path.write_text(text + "".join(f"{i}\n" for i in new), encoding="utf-8")
    return new
