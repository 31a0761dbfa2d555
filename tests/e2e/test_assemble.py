"""A site built one language per job and assembled is the site one `sikb build` makes.

The commands are the workflow's own (.github/workflows/site.yml, run by bash as a runner
would): each language built on its own copy of the knowledge base ("a runner"), the
parts gathered as the artifacts merge, then assembled; compared with a full build
file by file, but for Pagefind's unstable files (tests/e2e/test_publish.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build.assemble import PART
from generator.build.publish import MANIFEST
from tests.conftest import FIXTURES, REPO
from tests.e2e.test_publish import _env, _kinds, _listed, _stable, files, sikb

pytestmark = pytest.mark.e2e
WORKFLOWS = REPO / ".github" / "workflows"
LANGUAGES = ["en", "ru", "uk"]


def step(job: str, name: str, workflow: str = "site.yml") -> str:
    """The ``run:`` script of a step of a workflow."""
    text = (WORKFLOWS / workflow).read_text(encoding="utf-8")
    jobs: dict[str, Any] = yaml.safe_load(text)["jobs"]
    return str(next(s["run"] for s in jobs[job]["steps"] if s.get("name") == name))


def run_step(script: str, cwd: Path, **env: str) -> None:
    """``script`` as the runner runs it (bash -e -o pipefail), ``sikb`` on the PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=_env(PATH=path, **env),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _kb(where: Path) -> Path:
    shutil.copytree(FIXTURES / "kb", where)
    shutil.copy(REPO / "mkdocs.yml", where / "mkdocs.yml")
    return where


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """parts/<lang>/ of every language, each built on a knowledge base of its own."""
    top = tmp_path_factory.mktemp("parts")
    gathered = top / "gathered"
    gathered.mkdir()
    build = step("build", "Build one language, as a part of the site")
    for lang in LANGUAGES:
        runner = _kb(top / f"runner-{lang}")
        run_step(build, runner, LANGUAGE=lang)
        shutil.copytree(runner / "parts" / lang, gathered / lang)
    return gathered


def test_the_languages_job_prints_the_taxonomys_languages_for_the_matrix(kb: Path) -> None:
    done = sikb(kb, "languages")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == LANGUAGES


def test_the_assembled_site_is_the_full_build_file_for_file(parts: Path, tmp_path: Path) -> None:
    """Every page, data file, search fragment, the root page, sitemap and manifest."""
    assembly = _kb(tmp_path / "assembly")
    shutil.copytree(parts, assembly / "parts")
    run_step(step("assemble", "Assemble the parts into one site"), assembly)
    full = _kb(tmp_path / "full")
    done = sikb(full, "build")
    assert done.returncode == 0, done.stderr
    assembled, built = files(assembly / "site"), files(full / "site")
    assert set(_stable(assembled)) == set(_stable(built))
    different = [k for k in _stable(built) if k != MANIFEST and built[k] != assembled[k]]
    assert different == []
    assert _listed(assembled) == _listed(built)
    assert _kinds(assembled) == _kinds(built)
    assert {"index.html", "sitemap.xml", "en/index.html", "uk/data/cases.csv"} <= set(built)
    assert PART not in assembled
    # GitHub Pages' page for any address sends the reader to their language's, or links
    # each language's home (test_site, tests/browser/test_chrome.py)
    root_404 = built["404.html"].decode()
    assert root_404 != built["en/404.html"].decode()
    assert all(f'/{lang}/" hreflang="{lang}"' in root_404 for lang in ("en", "ru", "uk"))


def test_a_release_attaches_each_languages_data_files_and_the_schema(kb: Path) -> None:
    """release.yml's collecting step, after a build: the files the site offers, renamed."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    done = sikb(kb, "build")
    assert done.returncode == 0, done.stderr
    (kb / "CITATION.cff").write_text("cff-version: 1.2.0\n", encoding="utf-8")
    run_step(
        step("release", "Collect each language's data files and the schema", "release.yml"), kb
    )
    release = kb / "release"
    assert sorted(p.name for p in release.iterdir()) == sorted(
        [
            "CITATION.cff",
            "case.schema.json",
            *(f"cases-{lang}.{kind}" for lang in LANGUAGES for kind in ("csv", "json")),
            *(f"sikb-data-{lang}.zip" for lang in LANGUAGES),
        ]
    )
    for lang in LANGUAGES:
        for kind in ("csv", "json"):
            data = kb / "site" / lang / "data" / f"cases.{kind}"
            assert (release / f"cases-{lang}.{kind}").read_bytes() == data.read_bytes()
    schema = sikb(kb, "schema")
    assert (release / "case.schema.json").read_text(encoding="utf-8") == schema.stdout
    for lang in LANGUAGES:  # the data package, as the site serves it, but for its page
        with zipfile.ZipFile(release / f"sikb-data-{lang}.zip") as archive:
            data = kb / "site" / lang / "data"
            assert sorted(archive.namelist()) == sorted(
                p.name for p in data.iterdir() if p.name != "index.html"
            )
            assert "datapackage.json" in archive.namelist()
            for name in archive.namelist():
                assert archive.read(name) == (data / name).read_bytes()


def test_a_part_holds_its_language_and_says_what_site_it_belongs_to(parts: Path) -> None:
    part = parts / "ru"
    assert sorted(p.name for p in part.iterdir()) == [MANIFEST, PART, "ru"]
    assert json.loads((part / PART).read_text(encoding="utf-8")) == {
        "languages": ["ru"],
        "site_languages": LANGUAGES,
        "site_url": "http://127.0.0.1:8000/",
    }


def _assemble(kb: Path, *parts: Path) -> subprocess.CompletedProcess[str]:
    return sikb(kb, "assemble", *map(str, parts), "--site-dir", "site")


def test_parts_that_do_not_make_one_site_are_refused_and_nothing_is_written(
    parts: Path, kb: Path
) -> None:
    """A language missing or twice, a part of another site: exit 2, one line, no site."""
    other = kb.parent / "other"
    shutil.copytree(parts / "uk", other)
    record = json.loads((other / PART).read_text(encoding="utf-8"))
    (other / PART).write_text(json.dumps({**record, "site_url": "https://example.org/"}))
    for args, message in [
        ((parts / "en", parts / "ru"), "no part holds uk"),
        (
            (parts / "en", parts / "ru", parts / "uk", parts / "ru"),
            f"ru: in two parts, {parts / 'ru'} and {parts / 'ru'}",
        ),
        (
            (parts / "en", parts / "ru", other),
            f"{other} and {parts / 'en'} were built for different sites: site URL "
            "'https://example.org/' and 'http://127.0.0.1:8000/'",
        ),
    ]:
        done = _assemble(kb, *args)
        assert (done.returncode, done.stderr) == (2, f"sikb assemble: error: {message}\n")
        assert not (kb / "site").exists()


def test_a_part_damaged_in_transit_is_refused(parts: Path, kb: Path) -> None:
    """Hidden files left out of an artifact, a file lost or added: named, exit 2."""
    damaged = kb.parent / "damaged"
    shutil.copytree(parts / "uk", damaged)
    (damaged / "uk" / "index.html").unlink()
    (damaged / "uk" / "extra.html").write_text("?", encoding="utf-8")
    done = _assemble(kb, parts / "en", parts / "ru", damaged)
    assert done.stderr == (
        f"sikb assemble: error: {damaged}: its manifest lists files it does not hold: "
        "uk/index.html\n"
    )
    (damaged / "uk" / "index.html").write_text("?", encoding="utf-8")
    done = _assemble(kb, parts / "en", parts / "ru", damaged)
    assert done.stderr == (
        f"sikb assemble: error: {damaged}: holds files its manifest does not list: uk/extra.html\n"
    )
    (damaged / PART).unlink()
    done = _assemble(kb, parts / "en", parts / "ru", damaged)
    assert done.returncode == 2
    assert done.stderr.startswith(f"sikb assemble: error: {damaged}: not a part of a site")
    assert done.stderr.endswith("; build one with sikb build --language LANG\n")
    assert not (kb / "site").exists()


def test_a_language_that_is_not_the_sites_is_refused(kb: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    done = sikb(kb, "build", "--language", "kk", "--language", "en")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        2,
        "sikb build: error: --language kk: not a site language (en, ru, uk)",
    )
    assert not (kb / "site").exists()
    assert [p.name for p in kb.iterdir() if p.name.startswith("site")] == []
