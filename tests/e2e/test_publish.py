"""`sikb build` owns only its output, and a reader sees the old site or the new one, whole.

Refusals run in a copy of the fixture knowledge base only: a bug there must not be able
to reach the working copy.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator
from generator.build.pipeline import protected
from generator.build.publish import MANIFEST, SiteDirError, check
from generator.paths import Layout
from tests.conftest import FIXTURES, REPO, TODAY

pytestmark = pytest.mark.e2e
NEEDS = "; the site needs a folder of its own (the default is site/)"


def sikb(root: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """`sikb` run from ``root``, so that a relative --site-dir is relative to it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=root,
        env=_env(**extra),
        capture_output=True,
        text=True,
        check=False,
    )


def _env(**extra: str) -> dict[str, str]:
    # SOURCE_DATE_EPOCH: MkDocs writes the day of the build into sitemap.xml.gz's gzip
    # header, which would differ between two builds either side of midnight.
    env = {**os.environ, "SIKB_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    return {**env, "SOURCE_DATE_EPOCH": "1795000000", **extra}


def files(top: Path) -> dict[str, bytes]:
    """Every file under ``top`` (dotfiles too) by its relative path, with its bytes."""
    return {
        p.relative_to(top).as_posix(): p.read_bytes()
        for p in sorted(top.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def leftovers(site: Path) -> list[str]:
    """What builds left beside the site folder (a folder being built, an old site)."""
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f"{site.name}.sikb"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture knowledge base, built once into site/."""
    root = tmp_path_factory.mktemp("built") / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    done = sikb(root, "build")
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def kb_built(built: Path, tmp_path: Path) -> Path:
    """A writable copy of ``built``, site/ and build/ included."""
    root = tmp_path / "kb"
    shutil.copytree(built, root, symlinks=True)
    return root


# --- what the build refuses -------------------------------------------------


@pytest.mark.parametrize(
    ("site_dir", "reason"),
    [
        (".", "is the knowledge base's root"),
        ("..", "holds the knowledge base ({kb})"),
        ("cases", "is the cases' folder ({kb}/cases)"),
        ("cases/new", "lies inside the cases' folder ({kb}/cases)"),
        ("docs", "is the hand-written pages' folder ({kb}/docs)"),
        (".git", "is the repository ({kb}/.git)"),
        (".git/site", "lies inside the repository ({kb}/.git)"),
        ("build", "is the build's working folder ({kb}/build)"),
        ("taxonomy.yaml", "is the taxonomy ({kb}/taxonomy.yaml)"),
        ("same-as-root", "is the knowledge base's root"),  # a symbolic link to it
        ("to-cases/x", "lies inside the cases' folder ({kb}/cases)"),  # through a link
    ],
)
def test_a_site_folder_in_the_knowledge_base_is_refused_and_nothing_changes(
    kb_built: Path, site_dir: str, reason: str
) -> None:
    """exit 2, one line naming the folder and why; not a byte changes, above the root either."""
    (kb_built / ".git").mkdir()
    (kb_built / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (kb_built / "same-as-root").symlink_to(kb_built)
    (kb_built / "to-cases").symlink_to(kb_built / "cases")
    before = files(kb_built.parent)
    done = sikb(kb_built, "build", "--site-dir", site_dir)
    assert done.returncode == 2
    expected = f"sikb build: error: {site_dir}: {reason.format(kb=kb_built)}{NEEDS}\n"
    assert done.stderr == expected
    assert done.stdout == ""
    assert files(kb_built.parent) == before


def test_the_generators_code_is_refused_as_a_site_folder(tmp_path: Path) -> None:
    """The package folder, what holds it and what lies in it (checked, never built into)."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    package = Path(generator.__file__).parent.resolve()
    parts = protected(Layout.at(root))
    for target, reason in [
        (package, f"is the generator's code ({package})"),
        (package / "render" / "templates", f"lies inside the generator's code ({package})"),
        (package.parent, f"holds the generator's code ({package})"),
    ]:
        with pytest.raises(SiteDirError) as refused:
            check(target, root, parts, "DIR")
        assert str(refused.value) == f"DIR: {reason}{NEEDS}"


def test_a_folder_of_files_no_build_wrote_is_refused(kb: Path, tmp_path: Path) -> None:
    """A non-empty folder without a manifest is not the build's: exit 2, its files kept."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    elsewhere = tmp_path / "photos"
    elsewhere.mkdir()
    for name in ("b.jpg", "a.jpg", "c.jpg", "d.jpg"):
        (elsewhere / name).write_bytes(name.encode())
    before = files(elsewhere)
    done = sikb(kb, "build", "--site-dir", str(elsewhere))
    assert done.returncode == 2
    assert done.stderr == (
        f"sikb build: error: {elsewhere}: holds files no build wrote (it has no {MANIFEST}): "
        "a.jpg, b.jpg, c.jpg and 1 more; move them out, or build into an empty folder\n"
    )
    assert files(elsewhere) == before
    assert leftovers(elsewhere) == []


def test_a_file_added_to_a_built_site_is_refused_until_it_is_moved_out(kb_built: Path) -> None:
    """The manifest lists what the build wrote; a file it does not list stops the build."""
    site = kb_built / "site"
    (site / "en" / "CNAME").write_text("example.org\n", encoding="utf-8")
    before = files(site)
    done = sikb(kb_built, "build")
    assert done.returncode == 2
    assert done.stderr == (
        "sikb build: error: site/: holds files no build wrote: en/CNAME; "
        "move them out, or build into an empty folder\n"
    )
    assert files(site) == before


def test_serve_refuses_what_build_refuses_before_it_serves(kb: Path) -> None:
    """`sikb serve` builds the same way: a site/ of someone else's files stops it, exit 2."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    (kb / "site").mkdir()
    (kb / "site" / "notes.txt").write_bytes(b"mine")
    before = files(kb)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--port", "0"],
        cwd=kb,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,  # a guard only: were it to serve, it would never end
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"sikb serve: error: site/: holds files no build wrote (it has no {MANIFEST}): "
        "notes.txt; move them out, or build into an empty folder\n"
    )
    assert files(kb) == before


def test_dotfiles_in_the_site_folder_are_kept_across_builds(kb: Path, tmp_path: Path) -> None:
    """A folder holding only dotfiles (a checkout to publish from) is built into; they stay."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    site = tmp_path / "pages"
    (site / ".git").mkdir(parents=True)
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_bytes(b"")
    assert sikb(kb, "build", "--site-dir", str(site)).returncode == 0
    (site / "en" / ".DS_Store").write_bytes(b"\x00finder")
    assert sikb(kb, "build", "--site-dir", str(site)).returncode == 0
    kept = {k: v for k, v in files(site).items() if "/." in f"/{k}" and k != MANIFEST}
    assert kept == {
        ".git/HEAD": b"ref: refs/heads/gh-pages\n",
        ".nojekyll": b"",
        "en/.DS_Store": b"\x00finder",
    }
    assert (site / "en" / "index.html").is_file()
    assert leftovers(site) == []


def test_the_manifest_lists_every_file_the_build_wrote_and_a_gone_page_goes(
    kb_built: Path,
) -> None:
    """A case removed from cases/ is removed from the site, and nothing else is left over."""
    site = kb_built / "site"
    for path in (kb_built / "cases").glob("swedish-fund*.md"):
        path.unlink()
    done = sikb(kb_built, "build")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(").\n")
    assert f"Site built in {site} (" in done.stdout
    listed = (site / MANIFEST).read_text(encoding="utf-8").splitlines()[1:]
    assert listed == sorted(k for k in files(site) if k != MANIFEST)
    assert not any("swedish-fund" in path for path in listed)
    assert leftovers(site) == []


# --- a failed build leaves the site as it was --------------------------------


def _broken_link(root: Path) -> None:
    """A hand-written page that links to a page that does not exist (strict: an error)."""
    about = root / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + "\nSee [the rules](no-such-page.md).\n", encoding="utf-8")


def _invalid_case(root: Path) -> None:
    case = root / "cases" / "lviv-services.md"
    case.write_text(case.read_text(encoding="utf-8").replace("[UA]", "[UKR]"), encoding="utf-8")


@pytest.mark.parametrize(
    ("cause", "env", "says"),
    [
        (_invalid_case, {}, "error[unknown-term]"),
        (_broken_link, {}, "no-such-page.md"),
        (lambda root: None, {"PAGEFIND_BINARY_PATH": "/bin/false"}, "search: failed:"),
    ],
    ids=["validation", "mkdocs", "pagefind"],
)
def test_a_failed_build_leaves_the_previous_site_byte_for_byte(
    kb_built: Path, cause: object, env: dict[str, str], says: str
) -> None:
    """Exit 1 with the reason; site/ holds exactly what it held, and nothing is left beside."""
    site = kb_built / "site"
    before = files(site)
    # A change the failed build would publish, were it published: a case's title.
    case = kb_built / "cases" / "swedish-fund.md"
    case.write_text(case.read_text(encoding="utf-8").replace("En svensk", "Ny"), "utf-8")
    assert callable(cause)
    cause(kb_built)
    done = sikb(kb_built, "build", **env)
    assert done.returncode == 1
    assert says in done.stderr
    assert files(site) == before
    assert leftovers(site) == []


def test_a_killed_build_leaves_the_previous_site_and_the_next_build_tidies(
    kb_built: Path,
) -> None:
    """SIGKILL while MkDocs writes: site/ unchanged; its half-built folder is removed next time."""
    site = kb_built / "site"
    before = files(site)
    (kb_built / "cases" / "swedish-fund.md").unlink()
    (kb_built / "cases" / "swedish-fund.en.md").unlink()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=kb_built,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the languages' processes die too
    )
    staging = kb_built / f"site.sikb-tmp-{proc.pid}"
    while not (staging / "en").exists():  # MkDocs has started writing
        assert proc.poll() is None, "the build ended before it could be killed"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert files(site) == before
    assert leftovers(site) == [staging.name]
    done = sikb(kb_built, "build")
    assert done.returncode == 0, done.stderr
    assert leftovers(site) == []
    assert not (site / "en" / "cases" / "swedish-fund").exists()


def test_a_site_set_aside_by_a_killed_swap_is_put_back(kb_built: Path) -> None:
    """Killed between the swap's two renames, the old site is aside: the next build,
    failing, leaves it back in place."""
    site = kb_built / "site"
    before = files(site)
    aside = kb_built / "site.sikb-old-999999999"  # no process has this id (pid_max < 2**22)
    site.rename(aside)
    _invalid_case(kb_built)
    done = sikb(kb_built, "build")
    assert done.returncode == 1
    assert files(site) == before
    assert leftovers(site) == []


# --- the same sources give the same site ------------------------------------

UNSTABLE = ("/pagefind/filter/", "/pagefind/pagefind.", "/pagefind/pagefind-entry.json")
"""What two builds of the same sources write differently: Pagefind's filter files, whose
content (and so hashed names) changes from run to run, the metadata file that names them,
with its own hashed name, and pagefind-entry.json, which names that. Pagefind 1.3 made
its fragment files stable and leaves these (Pagefind issue 638; its maintainer: "other
files will still change, such as the filter/metadata indexes"). The manifest lists
their names. Every page, and the index and fragment files, are the same bytes."""


def _stable(site: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in site.items() if not any(u in f"/{k}" for u in UNSTABLE)}


def _kinds(site: dict[str, bytes]) -> list[str]:
    """The unstable files by kind and language: how many of each there are is stable."""
    unstable = (k for k in site if any(u in f"/{k}" for u in UNSTABLE))
    return sorted(re.sub(r"_[0-9a-f]+\.", "_*.", k) for k in unstable)


def _listed(site: dict[str, bytes]) -> list[str]:
    lines = site[MANIFEST].decode("utf-8").splitlines()
    return [line for line in lines if not any(u in f"/{line}" for u in UNSTABLE)]


def test_two_clean_builds_and_a_build_one_language_at_a_time_give_the_same_site(
    kb: Path,
) -> None:
    """Byte for byte, but for Pagefind's filter files (UNSTABLE); --jobs 1 as parallel."""
    shutil.copy(REPO / "mkdocs.yml", kb / "mkdocs.yml")
    sites = []
    for jobs in ("3", "3", "1"):
        shutil.rmtree(kb / "site", ignore_errors=True)
        shutil.rmtree(kb / "build", ignore_errors=True)
        done = sikb(kb, "build", "--jobs", jobs)
        assert done.returncode == 0, done.stderr
        sites.append(files(kb / "site"))
    first, again, one_at_a_time = sites
    for other in (again, one_at_a_time):
        assert set(_stable(other)) ^ set(_stable(first)) == set()
        different = [k for k in _stable(first) if k != MANIFEST and first[k] != other[k]]
        assert different == []
        assert _listed(other) == _listed(first)
        assert _kinds(other) == _kinds(first)
    assert len(_stable(first)) > 300  # every page, in every language


def test_an_old_site_set_aside_loses_only_what_its_manifest_lists(kb_built: Path) -> None:
    """Its listed files go, its dotfiles join the site; a file no build wrote stays."""
    site = kb_built / "site"
    aside = kb_built / "site.sikb-old-999999999"
    (aside / "en").mkdir(parents=True)
    (aside / MANIFEST).write_text("# a manifest\nen/old.html\n", encoding="utf-8")
    (aside / "en" / "old.html").write_bytes(b"old")
    (aside / "en" / "notes.txt").write_bytes(b"mine")
    (aside / ".well-known").mkdir()
    (aside / ".well-known" / "security.txt").write_bytes(b"Contact: x")
    done = sikb(kb_built, "build")
    assert done.returncode == 0, done.stderr
    assert files(aside) == {"en/notes.txt": b"mine"}  # no manifest: no build's any more
    assert (site / ".well-known" / "security.txt").read_bytes() == b"Contact: x"
    assert f"kept {aside}: it holds files no build wrote" in done.stderr
