"""A case's original on a page of its own, where its language is no site language.

A Swedish original with an English translation is shown on no case page (every site
language has the English before it, ``views.chain``); its page ``cases/<id>.original/``,
in every language's tree (the switcher finds each page in every language), is where the
versions line of each of its translations links it. Left out of search: its words are
not the page's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.markup import html_blocks
from generator.model import views
from generator.model.collection import Case
from generator.paths import original_path

if TYPE_CHECKING:
    from generator.render.pages import Renderer


def emit(r: Renderer, case: Case) -> None:
    """The page of ``case``'s original in ``r``'s language, if its language is no site's."""
    if case.meta.language in r.tax.languages:
        return
    r._emit(
        original_path(case.id),
        "original.md.j2",
        t=views.original_text(case, r.lang),
        m=case.meta,
        body=Markup(html_blocks.defuse(case.body)),
    )
