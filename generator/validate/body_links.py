"""The links of a case body as the site's Markdown reads them.

The validator's line scan (``link_checks.check_links``) gives a link's line and column, but
a scan can miss what Markdown reads as a link: a reference definition whose destination
is on the next line, a destination with a line break, an entity or a backslash in it.
Any such link that MkDocs would take for a page of the site and not find would stop
the build of every language. So the body is also read here with the extensions of
``mkdocs.yml`` and raw HTML off (``generator.markup.sanitise``), exactly as the site reads it,
and every ``href`` and ``src`` it makes is returned.
"""

from __future__ import annotations

from functools import cache
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from generator import markup
from generator.markup.sanitise import SanitiseExtension

EXTENSIONS = tuple(e for e in markup.EXTENSIONS if e != "toc")
"""The site's Markdown extensions that change what is a link (toc and the renderer's own
``html_blocks`` do not)."""


class _Collect(Treeprocessor):
    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.urls: list[str] = []

    def run(self, root: Element) -> None:
        self.urls += [
            url for el in root.iter() if (url := el.get("href") or el.get("src")) is not None
        ]


class _Reader:
    def __init__(self) -> None:
        self.md = Markdown(extensions=[*EXTENSIONS, SanitiseExtension()])
        self.collect = _Collect(self.md)
        # After every other tree processor: the links as MkDocs' own processor sees them.
        self.md.treeprocessors.register(self.collect, "sikb_collect_links", -100)

    def urls(self, body: str) -> list[str]:
        self.collect.urls = []
        self.md.reset()
        self.md.convert(body)
        return self.collect.urls


@cache
def _reader() -> _Reader:
    return _Reader()


def urls(body: str) -> list[str]:
    """Every link and image address Markdown makes of ``body``, in order."""
    return _reader().urls(body)
