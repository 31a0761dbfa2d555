"""MkDocs hooks: part of the MkDocs adapter, which names this file in each language's config.

MkDocs loads it by path and calls the functions it knows by name; nothing else in the
core imports it.
"""

from __future__ import annotations

import logging
import types
from collections.abc import Callable
from typing import Any

import markdown
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc


def on_env(env: Any, config: Any, files: Any) -> Any:
    """``sikb_once(*key)``: a Jinja call block whose body renders once per key per build.

    ``overrides/partials/nav.html`` renders the navigation once for all the pages that
    share it, ``partials/header.html`` the search dialog once for every page. A new build
    (a live-reload rebuild too) starts with nothing remembered.
    """
    made: dict[tuple[str, ...], str] = {}

    def once(*key: str, caller: Callable[[], str]) -> str:
        if key not in made:
            made[key] = caller()
        return made[key]

    env.globals["sikb_once"] = once
    return env


_CONVERTERS: dict[int, tuple[Any, markdown.Markdown]] = {}
"""Each build's one Markdown, by its config (a preview holds one build per language)."""


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """Every page of a build converted by one Markdown, reset between pages, where MkDocs
    makes a new one per page: 0.5 ms a page, 2 s of CPU in a build of 1,000 cases."""
    page.render = types.MethodType(_render, page)
    return page


def _render(page: Any, config: Any, files: Any) -> None:
    """MkDocs 1.6.1's ``Page.render`` (the version requirements.lock pins), with the build's
    Markdown: a converter's own state (footnotes, the table of contents, the stash and
    ``markup/sanitise.py``'s count of it) starts again at ``reset``, and MkDocs' processors
    of the page replace the last page's, registered under the same names."""
    held = _CONVERTERS.get(id(config))
    if held is None or held[0] is not config:
        md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
        if len(_CONVERTERS) >= 8:  # a preview's builds come and go: the oldest goes
            _CONVERTERS.pop(next(iter(_CONVERTERS)))
        held = _CONVERTERS[id(config)] = (config, md)
    md = held[1]
    md.reset()
    raw_html = pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = pages._RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors
