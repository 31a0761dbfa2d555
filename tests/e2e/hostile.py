"""The hostile corpus (tests/fixtures/hostile/inputs.yaml) as a knowledge base.

Each input the case validator accepts becomes one case, ``hostile-<n>`` (its place in
the list, from 1), and a Russian translation of it; every input also goes into one
hand-written page, ``docs/hostile.md``. Where each input goes:

- case body and translation body: as a heading (one-line inputs) and as a paragraph;
- title, summary, source title, author and publisher, and the translation's title and
  summary: one-line inputs without markup (the validator refuses ``<tag`` there:
  ``markup-in-text``), after a short prefix;
- places and the criterion note, in the original and the translation: one-line
  inputs, markup and all;
- ``docs/hostile.md`` (not validated): every input, control characters too, each under
  a heading that repeats it when it is one line.

The case validator refuses some inputs in a case file (control characters; links it
cannot follow, ``relative-link``): those cases are left out (a refusal is safe too),
and :func:`make_kb` returns which; their inputs still reach the hand-written page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.validate.checks import fingerprint
from tests.conftest import FIXTURES, REPO

INPUTS_FILE = FIXTURES / "hostile" / "inputs.yaml"
MARKUP = re.compile(r"<[A-Za-z/!?]")
"""What the validator calls markup in a plain-text field (generator/validate/checks.py)."""


@dataclass(frozen=True)
class Input:
    n: int
    id: str
    family: str
    text: str
    docs_only: bool
    crlf: bool

    @property
    def case_id(self) -> str:
        return f"hostile-{self.n}"

    @property
    def one_line(self) -> bool:
        return "\n" not in self.text and "\r" not in self.text

    @property
    def plain(self) -> bool:
        return self.one_line and not MARKUP.search(self.text)


def inputs() -> list[Input]:
    raw = yaml.safe_load(INPUTS_FILE.read_text(encoding="utf-8"))
    return [
        Input(n, d["id"], d["family"], d["text"], d.get("docs", False), d.get("crlf", False))
        for n, d in enumerate(raw, start=1)
    ]


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML 1.2's)."""
    return json.dumps(value, ensure_ascii=False)


def _body(item: Input) -> str:
    heading = f"## {item.text}\n\n" if item.one_line else "## Payload\n\n"
    return f"{heading}{item.text}\n"


def _original(item: Input) -> tuple[dict[str, Any], str]:
    text, n = item.text, item.n
    data: dict[str, Any] = {
        "title": f"Hostile {n}: {text}" if item.plain else f"Hostile {n}",
        "summary": f"Summary {n}: {text}" if item.plain else f"Summary {n}.",
        "places": [text if item.one_line else f"Place {n}"],
        "criteria": {
            "novelty": "unknown",
            "systemic-change": {"rating": "partial", "note": text if item.one_line else "N."},
        },
    }
    return data, _body(item)


def _case_file(item: Input) -> str:
    data, body = _original(item)
    note = data["criteria"]["systemic-change"]["note"]
    source = ", ".join(
        [f"title: {_q(item.text if item.plain else 'Source')}", "language: en"]
        + ([f"author: {_q(item.text)}", f"publisher: {_q(item.text)}"] if item.plain else [])
    )
    lines = [
        "---",
        f"title: {_q(data['title'])}",
        f"summary: {_q(data['summary'])}",
        "language: en",
        "countries: [MD]",
        f"places: [{_q(data['places'][0])}]",
        "sectors: [civic]",
        "themes: [youth]",
        "actors:",
        "  - {id: unicef, role: initiator}",
        "status: active",
        "criteria:",
        "  novelty: unknown",
        f"  systemic-change: {{rating: partial, note: {_q(note)}}}",
        "sources:",
        f"  - {{{source}}}",
        'updated: "2024-01-01"',
        "---",
        "",
        body,
    ]
    return "\n".join(lines)


def _translation_file(item: Input) -> str:
    data, body = _original(item)
    note = item.text if item.one_line else "Н."
    title = f"Враждебный {item.n}: {item.text}" if item.plain else f"Враждебный {item.n}"
    summary = f"Кратко {item.n}: {item.text}" if item.plain else f"Кратко {item.n}."
    lines = [
        "---",
        f"title: {_q(title)}",
        f"summary: {_q(summary)}",
        f"places: [{_q(item.text if item.one_line else f'Место {item.n}')}]",
        f"criteria:\n  systemic-change: {{note: {_q(note)}}}",
        f'original_fingerprint: "{fingerprint(data, body)}"',
        "---",
        "",
        f"Перевод.\n\n{body}",
    ]
    return "\n".join(lines)


def _write(path: Path, text: str, crlf: bool) -> None:
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))


def docs_page(items: list[Input]) -> str:
    parts = ["# Hostile page\n\nEvery hostile input, each under its own heading.\n"]
    for item in items:
        parts.append(f"## {item.n} {item.text if item.one_line else item.id}\n\n{item.text}\n")
    return "\n".join(parts)


@dataclass(frozen=True)
class Corpus:
    items: list[Input]
    built: list[Input]
    """The inputs whose case (and translation) the validator accepts."""
    refused: dict[str, list[str]]
    """Per input id left out of the cases, the validator's problem codes."""


TITLE_PAGES = {
    # A page's title from its first heading (the theme decodes entities in it).
    "hostile-title": (
        "# T &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt; </title><b> "
        "&#60;/title&#62;&#60;img src=x onerror=alert(3)&#62;\n\nText.\n"
    ),
    # From YAML front matter.
    "hostile-meta": (
        '---\ntitle: "</title><img src=x onerror=alert(1)>"\n'
        'description: "\\"><img src=x onerror=alert(2)>"\nhide: [toc]\ntemplate: 404.html\n'
        "---\n\n# Meta\n"
    ),
    # MultiMarkdown-style meta-data, which MkDocs also reads at the top of a page.
    "hostile-mmd": "title: </title><img src=x onerror=alert(1)>\n\n# MMD\n",
}
"""Hand-written pages whose title or description is hostile: ``docs/<name>.md``."""


def make_kb(root: Path, run: Callable[..., subprocess.CompletedProcess[str]]) -> Corpus:
    """The fixture knowledge base, the repository's mkdocs.yml, and the corpus, in ``root``.

    ``run(root, *args)`` runs ``sikb``; cases the validator refuses are removed.
    """
    shutil.copytree(FIXTURES / "kb", root)
    # MkDocs' strict mode refuses a link it takes for a broken relative link to a page
    # (``jav&#x61;script:`` is one to it): the whole build fails, which is safe. Here that
    # check only logs, so that those links reach the sanitiser and the page.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    relaxed = config.replace("unrecognized_links: warn", "unrecognized_links: info")
    assert relaxed != config
    (root / "mkdocs.yml").write_text(relaxed, encoding="utf-8")
    items = inputs()
    for item in items:
        if item.docs_only:
            continue
        _write(root / "cases" / f"{item.case_id}.md", _case_file(item), item.crlf)
        _write(root / "cases" / f"{item.case_id}.ru.md", _translation_file(item), item.crlf)
    (root / "docs" / "hostile.md").write_bytes(docs_page(items).encode("utf-8"))
    for name, text in TITLE_PAGES.items():
        (root / "docs" / f"{name}.md").write_text(text, encoding="utf-8")
    done = run(root, "validate", "--format", "json")
    refused: dict[str, list[str]] = {}
    by_case = {item.case_id: item for item in items}
    for problem in json.loads(done.stdout)["problems"]:
        case_id = Path(problem["path"]).name.split(".")[0]
        if problem["severity"] == "error" and case_id in by_case:
            refused.setdefault(by_case[case_id].id, []).append(problem["code"])
    for item in items:
        if item.id in refused:
            for path in (root / "cases").glob(f"{item.case_id}.*"):
                path.unlink()
    built = [i for i in items if not i.docs_only and i.id not in refused]
    return Corpus(items, built, refused)
