"""From issue form to case: 'sikb forms' writes the forms, GitHub renders an issue from one
(built here from the form's labels and options, in GitHub's format), 'sikb new --from-issue'
makes it a case, and 'sikb validate' passes it. And 'sikb new' asks in a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.validate.collection import load_file
from tests.conftest import TODAY
from tests.issue_render import render_body

pytestmark = pytest.mark.e2e

CONFIRM = "The summary is in my own words, and every fact in it comes from the sources."


def sikb(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**os.environ, "SIKB_TODAY": TODAY},
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def form(kb: Path) -> dict[str, Any]:
    """The proposal form, as 'sikb forms' writes it for the fixture's taxonomy."""
    run = sikb("forms", cwd=kb)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "wrote .github/ISSUE_TEMPLATE/propose-case.yml"
    text = (kb / ".github/ISSUE_TEMPLATE/propose-case.yml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _option(form: dict[str, Any], field: str, term_id: str) -> str:
    """The option of a dropdown that stands for a term, as a contributor picks it."""
    element = next(e for e in form["body"] if e.get("id") == field)
    return next(o for o in element["attributes"]["options"] if o.endswith(f"({term_id})"))


def _answers(form: dict[str, Any], **changes: Any) -> dict[str, Any]:
    answers = {
        "title": "Youth lab: Chișinău",
        "summary": "A lab where young people design services with the city.\nIt began in 2019.",
        "countries": [_option(form, "countries", "MD")],
        "places": "Chișinău",
        "sectors": [_option(form, "sectors", "civic"), _option(form, "sectors", "public")],
        "themes": [_option(form, "themes", "youth")],
        "actors": "unicef: initiator\nLviv City Council: funder",
        "status": [_option(form, "status", "active")],
        "period-start": "2019",
        "period-end": "",
        "sources": "A report on the lab https://example.org/lab-report",
        "confirm": {CONFIRM},
    }
    return {**answers, **changes}


def _issue(kb: Path, form: dict[str, Any], **changes: Any) -> Path:
    path = kb.parent / "issue.md"
    path.write_text(render_body(form, _answers(form, **changes)), encoding="utf-8")
    return path


def test_a_proposal_becomes_a_case_that_validates(kb: Path, form: dict[str, Any]) -> None:
    """Every answer lands in the front matter; the case validates with no problem."""
    run = sikb("new", "--from-issue", str(_issue(kb, form)), cwd=kb)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        "Wrote cases/youth-lab-chisinau.md: check every fact against the sources, rate the "
        "criteria, write the body, then run 'sikb validate cases/youth-lab-chisinau.md'.\n"
    )
    text = (kb / "cases/youth-lab-chisinau.md").read_text(encoding="utf-8")
    assert 'period:\n  start: "2019"\n' in text  # dates in double quotes, as in every case
    assert f'updated: "{TODAY}"\n' in text
    data = load_file(kb, "cases/youth-lab-chisinau.md").parsed.data
    assert data["countries"] == ["MD"]
    assert data["sectors"] == ["civic", "public"]
    assert data["actors"] == [
        {"id": "unicef", "role": "initiator"},
        {"id": "lviv-city-council", "role": "funder"},
    ]
    assert data["criteria"] == {"novelty": "unknown", "systemic-change": "unknown"}
    assert data["period"] == {"start": "2019"}
    assert data["updated"] == TODAY
    check = sikb("validate", "cases/youth-lab-chisinau.md", cwd=kb)
    assert (check.stdout, check.returncode) == ("No problems in 1 file.\n", 0)


def test_unmapped_answers_are_named_and_left_to_fill(kb: Path, form: dict[str, Any]) -> None:
    """Stderr names each answer with the nearest term; validate asks for exactly those keys."""
    issue = _issue(kb, form, id="lab", countries=["Moldavia"], actors="UNICEFF: initiator")
    run = sikb("new", "--from-issue", str(issue), cwd=kb)
    assert run.returncode == 0
    assert run.stderr.splitlines() == [
        f"{issue.as_posix()}:18:1: warning[unknown-term] countries: 'Moldavia' is not a country "
        "in taxonomy.yaml; did you mean 'MD' (Moldova)?",
        f"{issue.as_posix()}:36:1: warning[unknown-term] actors: 'UNICEFF' is not an actor in "
        "taxonomy.yaml; did you mean 'unicef' (UNICEF)? Or add the actor to taxonomy.yaml in "
        "the same pull request",
    ]
    assert run.stdout == (
        "Wrote cases/lab.md: fill in countries, actors, check every fact against the sources, "
        "then run 'sikb validate cases/lab.md'.\n"
    )
    check = sikb("validate", "cases/lab.md", cwd=kb)
    empty = "expected at least one item, found an empty list; add an item, or remove the key"
    assert check.stdout.splitlines() == [
        "cases/lab.md:9:1: error[no-country] countries: expected at least one country where "
        "the case happens, found an empty list; list the countries where it happens; for one "
        "that happens worldwide, in no country of its own, add 'scope: global'; a country "
        "whose sources only discuss it goes under 'discussed_in'",
        f"cases/lab.md:13:1: error[empty-list] actors: {empty} if it is optional",
        "2 errors in 1 file (1 file checked).",
    ]


def test_an_existing_case_is_never_overwritten(kb: Path, form: dict[str, Any]) -> None:
    """Exit 1, the file as it was, as 'sikb new ID' does."""
    issue = _issue(kb, form, id="youth-lab-moldova")
    before = (kb / "cases/youth-lab-moldova.md").read_bytes()
    run = sikb("new", "--from-issue", str(issue), cwd=kb)
    assert (run.returncode, run.stderr) == (
        1,
        "sikb new: error: cases/youth-lab-moldova.md already exists; nothing was written\n",
    )
    assert (kb / "cases/youth-lab-moldova.md").read_bytes() == before


TITLES = [
    'The "Open" Lab: a new way #1',
    "Лаборатория «Открытые данные»",
    "it's {x: 1} [a, b] & *alias ! tag",
    "null",
    "2019",
    "title: injected",
    "---",
]


@pytest.mark.parametrize("title", TITLES)
def test_any_title_reads_back_as_typed(kb: Path, form: dict[str, Any], title: str) -> None:
    """Written by a YAML emitter: the title is the one value, the case validates."""
    issue = _issue(kb, form, id="draft", title=title)
    assert sikb("new", "--from-issue", str(issue), cwd=kb).returncode == 0
    assert load_file(kb, "cases/draft.md").parsed.data["title"] == title
    check = sikb("validate", "cases/draft.md", cwd=kb)
    assert (check.stdout, check.returncode) == ("No problems in 1 file.\n", 0)


def test_the_body_can_come_on_standard_input(kb: Path, form: dict[str, Any]) -> None:
    """'-' reads the issue from stdin, as a pipe from 'gh issue view' gives it."""
    body = render_body(form, _answers(form, id="piped"))
    run = sikb("new", "--from-issue", "-", cwd=kb, stdin=body)
    assert run.returncode == 0, run.stderr
    assert (kb / "cases/piped.md").is_file()


def test_a_body_that_is_no_form_writes_nothing(kb: Path) -> None:
    """Exit 1 and what was expected; no file."""
    issue = kb.parent / "issue.md"
    issue.write_text("Please add my project!\n", encoding="utf-8")
    run = sikb("new", "--from-issue", str(issue), cwd=kb)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{issue.as_posix()}: warning[not-a-form] expected the body of an issue of the 'Propose "
        "a case' form, found none of its '### ' headings; pass the issue's body as GitHub wrote "
        "it (gh issue view N --json body --jq .body)",
        "sikb new: error: nothing was written",
    ]
    assert sorted(p.name for p in (kb / "cases").iterdir()) == sorted(
        p.name for p in (Path(__file__).parents[1] / "fixtures/kb/cases").iterdir()
    )


def test_forms_check_fails_on_a_stale_form(kb: Path, form: dict[str, Any]) -> None:
    """'sikb forms --check' writes nothing and exits 1 when the taxonomy changed."""
    assert sikb("forms", "--check", cwd=kb).returncode == 0
    taxonomy = kb / "taxonomy.yaml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(
        text.replace(
            "  - {code: SE,",
            "  - {code: DE, region: eastern-europe, post_soviet: false}\n  - {code: SE,",
        ),
        encoding="utf-8",
    )
    run = sikb("forms", "--check", cwd=kb)
    assert (run.returncode, run.stderr) == (
        1,
        ".github/ISSUE_TEMPLATE/propose-case.yml: out of date with taxonomy.yaml; "
        "run 'sikb forms'\n",
    )
    assert sikb("forms", cwd=kb).stdout == "wrote .github/ISSUE_TEMPLATE/propose-case.yml\n"
    assert "Germany (DE)" in (kb / ".github/ISSUE_TEMPLATE/propose-case.yml").read_text("utf-8")


def test_new_without_arguments_and_without_a_terminal_is_a_usage_error(kb: Path) -> None:
    """No hang waiting for input that never comes: exit 2 and what to give."""
    run = sikb("new", cwd=kb)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "sikb new: error: give the case id and --country XX (or --from-issue FILE); run 'sikb "
        "new' alone in a terminal to be asked for them\n"
    )


def _in_terminal(kb: Path, typed: str) -> tuple[int, str]:
    """Run 'sikb new' with a pseudo-terminal for its input and output; type ``typed``."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "new"],
        cwd=kb,
        env={**os.environ, "SIKB_TODAY": TODAY},
        stdin=child,
        stdout=child,
        stderr=child,
        close_fds=True,
    )
    os.close(child)
    os.write(main, typed.encode())
    output = b""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif proc.poll() is not None:
            break
    os.close(main)
    return proc.wait(timeout=30), output.decode().replace("\r\n", "\n")


def test_new_in_a_terminal_asks_and_offers_the_terms(kb: Path) -> None:
    """Id, title, countries, sectors and themes asked; a wrong answer is asked again."""
    typed = "Bad Id\nasked-lab\nAsked: a lab\nMoldavia\nmd, 3\ncivic\n\n"
    code, output = _in_terminal(kb, typed)
    assert code == 0, output
    assert "'Bad Id' is not a valid case id" in output
    assert "  1. MD: Moldova" in output
    assert "'Moldavia' is not in taxonomy.yaml's countries; did you mean 'MD' (Moldova)?" in output
    assert "Wrote cases/asked-lab.md: fill it in, then run 'sikb validate cases/asked-lab.md'." in (
        output
    )
    data = load_file(kb, "cases/asked-lab.md").parsed.data
    assert (data["title"], data["countries"], data["sectors"], data["themes"]) == (
        "Asked: a lab",
        ["MD", "SE"],
        ["civic"],
        [],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "x"], "sikb new: error: the following arguments are required: --country\n"),
        (
            ["new", "--country", "MD"],
            "sikb new: error: give the case id first: sikb new ID --country XX ...\n",
        ),
        (
            ["new", "--from-issue", "issue.md", "--country", "MD"],
            "sikb new: error: --from-issue takes every answer from the issue; leave out "
            "--country, --sector, --theme, --language and --title\n",
        ),
        (["new", "--from-issue", "nope.md"], "sikb new: error: cannot read nope.md: "),
        (
            ["new", "Bad Id", "--from-issue", "nope.md"],
            "sikb new: error: 'Bad Id' is not a valid case id: use lowercase ASCII letters, "
            "digits and single hyphens, at most 80 characters (e.g. 'upshift-moldova')\n",
        ),
    ],
)
def test_a_mistake_in_the_command_is_a_usage_error(kb: Path, args: list[str], message: str) -> None:
    """Exit 2, one line on stderr, nothing written."""
    run = sikb(*args, cwd=kb)
    assert run.returncode == 2
    assert run.stderr.startswith(message)
    assert len(run.stderr.splitlines()) == 1
