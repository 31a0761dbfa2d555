"""Links in a body are judged as the site's Markdown reads them, so that no link the
validator passes can stop the build (MkDocs' strict mode aborts on a relative link it
cannot find)."""

from __future__ import annotations

import pytest
import yaml

from generator.validate import body_links
from generator.validate.link_checks import check_links
from tests.conftest import REPO

CASES = frozenset({"lviv-services", "youth-lab-moldova"})


def lines(body: str) -> list[str]:
    return [p.as_text() for p in check_links(body, 20, "cases/x.md", CASES)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "[x](<../no pe/>)\n",
            "cases/x.md:20:6: error[relative-link] body: expected a link to another case "
            "('<id>.md') or a full https:// address, found '../no pe/'; write the address "
            "as it is, with no entity, backslash, space or line break in it",
        ),
        (
            "[x](..\\/nope/)\n",
            "cases/x.md:20:5: error[relative-link] body: expected a link to another case "
            "('<id>.md') or a full https:// address, found '..\\/nope/'; write the address "
            "as it is, with no entity, backslash, space or line break in it",
        ),
        (
            "[x](jav&#x61;script:alert(1))\n",
            "cases/x.md:20:5: error[relative-link] body: expected a link to another case "
            "('<id>.md') or a full https:// address, found 'jav&#x61;script:alert(1)'; "
            "write the address as it is, with no entity, backslash, space or line break in it",
        ),
        (
            "Text [x](\n../nope/) more.\n",
            "cases/x.md:21:1: error[unknown-case] body: 'nope' in the link '../nope/' is not "
            "a case in cases/; link to a file in cases/ as '<id>.md'",
        ),
        (
            "[x][r]\n\n[r]:\n  ../lviv-services/\n",
            "cases/x.md:23:3: error[case-link] body: link to case 'lviv-services' with "
            "'lviv-services.md', found '../lviv-services/'; a link to another case is its "
            "file name: it then works on the page in every language",
        ),
    ],
    ids=["space-in-angles", "backslash", "entity", "line-break", "reference-next-line"],
)
def test_a_link_the_line_scan_cannot_read_is_still_an_error_on_its_line(
    body: str, expected: str
) -> None:
    assert lines(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "[x](lviv-services.md) and [y](youth-lab-moldova.md#context)\n",
        "[x](https://example.org/a b) [m](mailto:a@example.org) [f](#facts)\n",
        "[x](javascript:alert(1)) ![i](https://example.org/i.png)\n",  # the sanitiser's
        "Text[^1].\n\n[^1]: Иванов И. Доклад, 2019.\n",
        "`[x](../nope/)`\n\n```\n[y](../nope/)\n```\n\n~~~\n[z](../nope/)\n~~~\n",
    ],
    ids=["cases", "addresses", "schemes", "footnote", "code"],
)
def test_links_the_site_resolves_or_leaves_to_the_sanitiser_pass(body: str) -> None:
    assert lines(body) == []


def test_the_links_are_read_with_the_markdown_extensions_of_mkdocs_yml() -> None:
    """The validator reads a body with every mkdocs.yml extension that makes links or
    blocks (not toc, nor the renderer's own html_blocks), and raw HTML off."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    mkdocs_order = dict.fromkeys(["toc", "tables", "fenced_code", *names])
    assert [
        *(n for n in mkdocs_order if n not in ("toc", "generator.markup.html_blocks")),
    ] == [
        *body_links.EXTENSIONS,
        "generator.markup.sanitise",
    ]
    assert body_links.urls("<a href='../nope/'>x</a> [y](z.md)") == ["z.md"]
