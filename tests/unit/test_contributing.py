"""What a contributor reads before contributing says the same everywhere: CONTRIBUTING.md
is the site's Contributing page, the Russian and Ukrainian pages match the English one,
and the pull-request template holds the checklist (issue 15)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.conftest import REPO

DOCS = REPO / "docs"
HEADER = (
    "<!-- Generated from docs/contributing.md by `make contributing`: "
    "edit that file, not this one. -->\n\n"
)
LINK = re.compile(r"\]\(([^)\s]+)\)")
PAGE_LINK = re.compile(r"\]\(([a-z0-9-]+\.md)")
CODE = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _local_links(text: str) -> list[str]:
    """Relative link targets, without their anchors."""
    targets = (m.split("#", 1)[0] for m in LINK.findall(text))
    return [t for t in targets if t and "://" not in t and not t.startswith("mailto:")]


def test_contributing_md_is_the_contributing_page() -> None:
    """CONTRIBUTING.md is docs/contributing.md with links to files: run `make contributing`."""
    expected = HEADER + PAGE_LINK.sub(r"](docs/\1", _read(DOCS / "contributing.md"))
    assert _read(REPO / "CONTRIBUTING.md") == expected, (
        "CONTRIBUTING.md is out of date: run `make contributing`"
    )


def test_links_work_on_the_site_and_on_github() -> None:
    """Links on the page name pages beside it; in CONTRIBUTING.md, files of the repository."""
    for page in DOCS.glob("contributing*.md"):
        for target in _local_links(_read(page)):
            assert (DOCS / target).is_file(), (page.name, target)
    root_links = _local_links(_read(REPO / "CONTRIBUTING.md"))
    assert root_links
    for target in root_links:
        assert (REPO / target).is_file(), target


def test_the_translations_say_what_the_english_page_says() -> None:
    """Same sections, same list items, same commands, keys and links (the CC deed aside)."""

    def shape(text: str) -> tuple[object, ...]:
        prose = FENCE.sub("", text)
        return (
            [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("#")],
            len(re.findall(r"^\s*(?:- |\d+\. )", prose, re.M)),
            Counter(CODE.findall(prose)),
            Counter(re.sub(r"deed\.[a-z]+$", "", t) for t in LINK.findall(text)),
            len(FENCE.findall(text)),
        )

    english = shape(_read(DOCS / "contributing.md"))
    for lang in ("ru", "uk"):
        assert shape(_read(DOCS / f"contributing.{lang}.md")) == english, lang


def test_the_contributing_page_tells_what_make_site_does() -> None:
    """`validate --strict` is what `make validate` runs; `make site` stops on errors only."""
    page = _read(DOCS / "contributing.md")
    assert "as `make site` does" not in page
    makefile = _read(REPO / "Makefile")
    assert "\t$(BIN)/sikb validate --strict\n" in makefile.split("\nvalidate:", 1)[1]
    assert "\t$(BIN)/sikb build\n" in makefile.split("\nsite:", 1)[1]


def test_the_pull_request_template_holds_the_checklist() -> None:
    """Sources with URLs, strict validation, fingerprints, own words, nothing invented,
    ratings the sources support, and the licences a contribution is made under."""
    template = _read(REPO / ".github" / "pull_request_template.md")
    items = [line for line in template.splitlines() if line.startswith("- [ ] ")]
    wanted = (
        "`sources`",
        "URL",
        "sikb validate --strict`",
        "`original_fingerprint`",
        "own words",
        "invented",
        "docs/methodology.md",
        "`unknown`",
        "CC BY 4.0",
        "MIT",
    )
    for phrase in wanted:
        assert any(phrase in item for item in items), phrase
