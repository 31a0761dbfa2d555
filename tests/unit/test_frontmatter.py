"""Cutting front matter from the body."""

from __future__ import annotations

from generator.load.frontmatter import split


def test_front_matter_and_body_are_cut_at_the_second_marker() -> None:
    """The body starts on the line after the closing '---'; CRLF files work too."""
    parts = split("---\r\ntitle: x\r\n---\r\n\r\n## Body\r\n", "c.md")
    assert (parts.front, parts.body, parts.body_line) == ("title: x\n", "\n## Body\n", 4)


def test_missing_opening_marker_names_what_was_found() -> None:
    """A file that does not start with '---' says what it starts with."""
    [problem] = split("title: x\n", "c.md").problems
    assert problem.message.endswith("found 'title: x'")
