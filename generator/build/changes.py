"""Which case pages a change to ``cases/`` adds, changes or removes, for a pull request's summary.

``sikb changes --base REF`` reads ``git diff --name-status`` between ``REF`` and ``HEAD``
(``changed_files``) and lists each case whose files changed with its pages in the built
site (``case_pages``, ``summary``): an original is shown in every site language, so its
change reaches every language's page; a translation reaches its own language's page and,
into the default language, the pages of the languages the case has no text in.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.paths import CASES, case_path, case_url, page_url
from generator.validate.case_files import CaseFile, load_file
from generator.validate.collection import classify
from generator.validate.page_ids import source

STATUS = {"A": "added", "M": "changed", "D": "removed", "T": "changed"}
"""git's status letters (``--no-renames``: a rename is a removal and an addition)."""


class GitError(Exception):
    """git could not list the changes (no such commit, not a repository)."""


@dataclass(frozen=True)
class FileChange:
    status: str
    """``added``, ``changed`` or ``removed``."""
    path: str
    """Relative to the knowledge base's root, with ``/``."""


@dataclass
class CaseChange:
    """What a change did to one case's pages."""

    case_id: str
    files: list[FileChange] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    """The site languages whose page of the case changed, in the site's order."""

    @property
    def status(self) -> str:
        """``added`` or ``removed`` when the original was, else ``changed``."""
        original = next((f for f in self.files if f.path == case_path(self.case_id)), None)
        return original.status if original and original.status != "changed" else "changed"

    def pages(self) -> list[str]:
        """The case's page in each language, as files of the built site."""
        return [built_page(lang, self.case_id) for lang in self.languages]


def built_page(lang: str, case_id: str) -> str:
    """``en/cases/<id>/index.html``: where a language's page of a case is in the site."""
    return f"{lang}/{page_url(case_path(case_id))}/index.html"


def parse_name_status(text: str) -> list[FileChange]:
    """``git diff --name-status -z --no-renames`` output, read; unknown statuses skipped."""
    fields = text.split("\0")
    changes = []
    for letter, path in zip(fields[0::2], fields[1::2], strict=False):
        if status := STATUS.get(letter[:1]):
            changes.append(FileChange(status, path))
    return changes


def case_pages(
    root: Path, changes: Iterable[FileChange], languages: Sequence[str]
) -> list[CaseChange]:
    """The cases whose files changed, by id, each with the languages whose page changed."""
    cases: dict[str, CaseChange] = {}
    for change in changes:
        case_file, _ = classify(root, root / change.path)
        if case_file is None or case_file.language not in (None, *languages):
            continue  # not a case file, or a translation no site language shows
        case = cases.setdefault(case_file.case_id, CaseChange(case_file.case_id))
        case.files.append(change)
        reached = _reached(root, case_file, languages)
        case.languages = [lang for lang in languages if lang in case.languages or lang in reached]
    return [cases[key] for key in sorted(cases)]


def _reached(root: Path, case_file: CaseFile, languages: Sequence[str]) -> list[str]:
    """The languages whose page shows the file: an original's, every one (its facts are on
    each page); a translation's, its own and each one that falls back to it
    (``views.chain``: the page's language, the default one, then the original)."""
    lang = case_file.language
    if lang is None:
        return list(languages)
    cid = case_file.case_id
    have = frozenset(x for x in languages if (root / CASES / f"{cid}.{x}.md").is_file())
    data = load_file(root, case_path(cid)).parsed.data
    original = data.get("language") if isinstance(data, dict) else None
    original = original if isinstance(original, str) else None
    default = languages[0]
    return [x for x in languages if source(have | {lang}, x, default, original) == lang]


def summary(cases: Sequence[CaseChange], site_url: str) -> str:
    """A Markdown summary for ``$GITHUB_STEP_SUMMARY``: each case, its files, its pages."""
    lines = ["### Case pages this change adds, changes or removes", ""]
    if not cases:
        return "\n".join([*lines, "No case file changed.", ""])
    lines += ["| case | files | pages in the built site |", "| --- | --- | --- |"]
    for case in cases:
        files = "<br>".join(f"{f.status} `{f.path}`" for f in case.files)
        if case.status == "removed":
            pages = "(removed from every language)"
        else:
            pages = "<br>".join(
                f"`{page}` ({case_url(site_url, lang, case.case_id)})"
                for lang, page in zip(case.languages, case.pages(), strict=True)
            )
        lines.append(f"| `{case.case_id}` ({case.status}) | {files} | {pages} |")
    return "\n".join([*lines, ""])


def changed_files(root: Path, base: str) -> list[FileChange]:
    """What ``HEAD`` changed in ``cases/`` since it left ``base`` (``git diff base...HEAD``)."""
    run = subprocess.run(
        ["git", "diff", "--name-status", "-z", "--no-renames", f"{base}...HEAD", "--", CASES],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise GitError(run.stderr.strip() or f"git diff exited {run.returncode}")
    return parse_name_status(run.stdout)
