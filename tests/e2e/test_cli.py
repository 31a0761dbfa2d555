"""The sikb command as a contributor runs it: a real process, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import REPO, TODAY


def sikb(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SIKB_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


STALE = (
    "cases/youth-lab-moldova.uk.md:4:1: {sev}[stale-translation] original_fingerprint: this "
    "translation was made from an earlier version of cases/youth-lab-moldova.md (fingerprint "
    "0123456789ab; the original is now 7aa410da6a91); bring the translation up to date with the "
    'original, then set original_fingerprint: "7aa410da6a91"'
)


def test_validate_reports_a_stale_translation_as_a_warning_and_exits_0(kb: Path) -> None:
    """Warnings do not fail a plain run."""
    run = sikb("validate", cwd=kb)
    assert run.stdout == STALE.format(sev="warning") + "\n1 warning in 1 file (7 files checked).\n"
    assert run.returncode == 0


def test_strict_turns_the_warning_into_an_error_and_exits_1(kb: Path) -> None:
    """--strict, as make site runs it, fails on a stale translation."""
    run = sikb("validate", "--strict", cwd=kb)
    assert run.stdout == STALE.format(sev="error") + "\n1 error in 1 file (7 files checked).\n"
    assert run.returncode == 1


def test_github_format_prints_pull_request_annotations(kb: Path) -> None:
    """--format github: one workflow command per problem, with file, line and column."""
    run = sikb("validate", "--format", "github", cwd=kb)
    first = run.stdout.splitlines()[0]
    assert first.startswith(
        "::warning file=cases/youth-lab-moldova.uk.md,line=4,col=1,title=stale-translation::"
        "original_fingerprint: this translation was made"
    )


def test_json_format_is_parseable_with_counts(kb: Path) -> None:
    """--format json: problems and counts for tools."""
    doc = json.loads(sikb("validate", "--format", "json", cwd=kb).stdout)
    assert (doc["errors"], doc["warnings"], doc["files_checked"]) == (0, 1, 7)
    assert doc["problems"][0]["code"] == "stale-translation"


def test_a_clean_collection_says_so(kb: Path) -> None:
    """With the stale translation brought up to date, --strict is clean."""
    stale = kb / "cases" / "youth-lab-moldova.uk.md"
    stale.write_text(stale.read_text().replace("0123456789ab", "7aa410da6a91"))
    run = sikb("validate", "--strict", cwd=kb)
    assert (run.stdout, run.returncode) == ("No problems in 7 files.\n", 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "cases/nope.md"], "sikb validate: error: no such file: cases/nope.md\n"),
        (
            ["validate", "mkdocs.yml"],
            "sikb validate: error: mkdocs.yml is neither taxonomy.yaml nor a file in cases/\n",
        ),
        (
            ["new", "Bad Id", "--country", "MD"],
            "sikb new: error: 'Bad Id' is not a valid case id: "
            "use lowercase ASCII letters, digits and single hyphens, at most 80 characters "
            "(e.g. 'upshift-moldova')\n",
        ),
        (
            ["new", "x", "--country", "MDA"],
            "sikb new: error: 'MDA' is not a country code in taxonomy.yaml; did you mean 'MD'?\n",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(kb: Path, args: list[str], message: str) -> None:
    """A mistake in the command is one line on stderr and exit code 2."""
    (kb / "mkdocs.yml").write_text("site_name: x\n")
    run = sikb(*args, cwd=kb)
    assert (run.stderr, run.returncode) == (message, 2)


def test_unknown_option_exits_2(kb: Path) -> None:
    """argparse's own usage errors also exit 2."""
    assert sikb("validate", "--formt", "json", cwd=kb).returncode == 2


def test_outside_a_knowledge_base_exits_2(tmp_path: Path) -> None:
    """Run where there is no taxonomy.yaml: say so."""
    run = sikb("validate", cwd=tmp_path)
    assert run.returncode == 2
    assert "no taxonomy.yaml in" in run.stderr


def test_new_writes_a_commented_skeleton_and_never_overwrites(kb: Path) -> None:
    """sikb new writes every criterion at unknown; a second run refuses and changes nothing."""
    run = sikb(
        "new",
        "school-places",
        "--country",
        "UA",
        "--sector",
        "public",
        "--theme",
        "youth",
        "--title",
        "School places",
        cwd=kb,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        "Wrote cases/school-places.md: fill it in, then run "
        "'sikb validate cases/school-places.md'.\n"
    )
    path = kb / "cases" / "school-places.md"
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["criteria"] == {"novelty": "unknown", "systemic-change": "unknown"}
    assert "  novelty:         unknown   # Is it new here?" in text
    assert (front["countries"], front["sectors"], front["title"]) == (
        ["UA"],
        ["public"],
        "School places",
    )
    path.write_text(text + "\nMy own words.\n", encoding="utf-8")
    again = sikb("new", "school-places", "--country", "UA", cwd=kb)
    assert (again.returncode, again.stderr) == (
        1,
        "sikb new: error: cases/school-places.md already exists; nothing was written\n",
    )
    assert path.read_text(encoding="utf-8").endswith("My own words.\n")


def test_a_fresh_skeleton_tells_the_contributor_what_to_fill_in(kb: Path) -> None:
    """Validating an untouched skeleton lists exactly the fields still to write."""
    sikb("new", "draft", "--country", "MD", "--sector", "civic", "--theme", "youth", cwd=kb)
    run = sikb("validate", "cases/draft.md", cwd=kb)
    assert run.stdout.splitlines() == [
        "cases/draft.md:4:1: error[empty-value] title: expected text, found an empty value; "
        "fill it in",
        "cases/draft.md:5:1: error[empty-value] summary: expected text, found an empty value; "
        "fill it in",
        "cases/draft.md:11:1: error[empty-value] actors: expected a list, found an empty value; "
        "fill it in",
        "cases/draft.md:13:1: error[empty-value] status: expected text, found an empty value; "
        "fill it in",
        "cases/draft.md:22:1: error[empty-value] sources: expected a list, found an empty value; "
        "fill it in",
        "5 errors in 1 file (1 file checked).",
    ]
    assert run.returncode == 1


def test_schema_is_valid_and_accepts_every_real_case_and_refuses_a_bad_one() -> None:
    """sikb schema: a JSON Schema that editors can use, true to the validator."""
    run = sikb("schema", cwd=REPO)
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    cases = sorted((REPO / "cases").glob("*.md"))
    originals = [c for c in cases if c.name.count(".") == 1]
    assert originals
    for case in originals:
        front = yaml.load(
            case.read_text(encoding="utf-8").split("---\n")[1], Loader=yaml.BaseLoader
        )
        assert list(validator.iter_errors(front)) == [], case.name
        bad = {**front, "countries": ["MDA"]}
        assert [e.json_path for e in validator.iter_errors(bad)] == ["$.countries[0]"]


def test_stats_counts_cases_by_country_sector_theme_and_status(kb: Path) -> None:
    """sikb stats on the fixture knowledge base."""
    run = sikb("stats", cwd=kb)
    assert run.stdout == (
        "3 cases, 3 translations, in 3 countries\n\n"
        "By country:\n      1  MD  Moldova\n      1  SE  Sweden\n      1  UA  Ukraine\n\n"
        "By sector:\n      2  public  Public sector\n      1  civic   Civic sector\n\n"
        "By theme:\n      2  social-services  Social services\n      1  youth            Youth\n\n"
        "By status:\n      2  active     Active\n      1  completed  Completed\n\n"
        "By language:\n      2  en  English\n      1  sv  Swedish\n"
    )
    assert run.returncode == 0


def test_fingerprint_matches_what_a_fresh_translation_records(kb: Path) -> None:
    """sikb fingerprint prints what a translation's original_fingerprint must be."""
    run = sikb("fingerprint", "cases/swedish-fund.md", cwd=kb)
    assert run.stdout == "b82f2eb50880\n"
    assert 'original_fingerprint: "b82f2eb50880"' in (kb / "cases/swedish-fund.en.md").read_text()


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("SIKB_SEARCH_TOO_COMMON", "abc", "a whole number above 0 (default 100000)"),
        ("SIKB_TODAY", "2026-13-01", "a date YYYY-MM-DD, such as 2026-11-23"),
        (
            "SIKB_SITE_URL",
            "ftp://x",
            "an absolute http:// or https:// URL, such as https://example.org/sikb/",
        ),
        (
            "SIKB_SITE_URL",
            "/kb/",
            "an absolute http:// or https:// URL, such as https://example.org/sikb/",
        ),
    ],
)
@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_bad_setting_is_one_line_and_exit_2(
    kb: Path, command: str, variable: str, value: str, expected: str
) -> None:
    """A SIKB_* value sikb cannot use: one line naming it, no traceback, nothing built."""
    run = subprocess.run(
        [sys.executable, "-m", "generator", command],
        cwd=kb,
        env={**os.environ, "SIKB_TODAY": TODAY, variable: value},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == f"sikb {command}: error: {variable}={value!r}: expected {expected}\n"
    assert not (kb / "site").exists()


def test_the_today_flag_wins_over_sikb_today(kb: Path) -> None:
    """--today judges "in the future" against its day, whatever SIKB_TODAY says."""
    run = sikb("--today", "2020-01-01", "validate", "--format", "json", cwd=kb)
    found = json.loads(run.stdout)
    assert any("today is 2020-01-01" in p["message"] for p in found["problems"])
