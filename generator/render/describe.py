"""The engine-neutral description of one language's site (``model.site_description``).

Its titles come from the renderer's page names (``pages``) and its search box's texts
from search (``search_index``), so that the engine's adapter needs neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from babel.core import get_global

from generator.data.citation import SITE_NAME
from generator.i18n.catalogs import N_, translations
from generator.i18n.labels import Labels
from generator.i18n.names import autonym
from generator.markup.markdown_safe import safe_url
from generator.model.site_description import (
    Alternate,
    Feed,
    Licence,
    NavItem,
    NotFound,
    SearchBox,
    SearchFilter,
    SiteDescription,
)
from generator.model.taxonomy import Taxonomy
from generator.model.vocabulary import Vocabularies
from generator.paths import DATA_PAGE, EXPLORER_PATH, FEED, language_url, other_language
from generator.render.cite import FEED_TITLE
from generator.render.data_page import DATA_TITLE
from generator.render.pages import EXPLORER, HANDWRITTEN, KIND_TITLES
from generator.search.search_index import ERROR, FILTERS_LABEL, TOO_COMMON

HOME = N_("Home")
ABOUT_SECTION = N_("About")
CONTENT_LICENCE = (
    N_("Content and data"),
    "CC BY 4.0",
    # Translators: the deed of CC BY 4.0 in your language, if Creative Commons has one
    # (https://creativecommons.org/licenses/by/4.0/deed.ru), else this URL unchanged.
    N_("https://creativecommons.org/licenses/by/4.0/"),
)
"""The cases, taxonomy.yaml, the hand-written pages and the open data (LICENSES/, README)."""
CODE_LICENCE = (N_("Code"), "MIT", "https://opensource.org/license/mit/")
"""The generator and the site's templates, styles and scripts (LICENSE)."""
NOT_FOUND = NotFound(
    N_("Page not found"),
    N_(
        "There is no page at this address. It may have moved, or the address may be "
        "mistyped. Search the site, or start again from the home page."
    ),
    N_("Go to the home page"),
    N_("Search the site"),
)
# Translators: the footer's credit; %(tool)s is the name of the tool, a link.
CREDIT = N_("Made with %(tool)s")
PALETTE = (("dark", N_("Switch to dark mode")), ("light", N_("Switch to light mode")))
"""The colour scheme toggle's words, by the scheme it switches to."""


def describe(
    lang: str,
    languages: Sequence[str],
    docs: Path,
    handwritten: Sequence[str],
    root_url: str,
    too_common: Sequence[str] = (),
    *,
    render_once: bool = True,
    taxonomy: Taxonomy | None = None,
) -> SiteDescription:
    """The site of ``lang``, written into ``docs``; ``languages``: every site language, for
    the switcher; ``handwritten``: the hand-written pages' names (the About section);
    ``too_common``: the words too common to search alone in ``lang``; ``taxonomy``: the
    facets that filter search's results (those marked ``search``; none without it)."""
    _ = translations(lang).ugettext
    filters: tuple[SearchFilter, ...] = ()
    if taxonomy is not None:
        text = Labels(taxonomy, lang).text
        facets = [f for f in Vocabularies.from_taxonomy(taxonomy).facets if f.search]
        filters = tuple(SearchFilter(f.key, text(f.plural), text(f.all)) for f in facets)
    about = tuple(NavItem(_(HANDWRITTEN[n]), f"{n}.md") for n in HANDWRITTEN if n in handwritten)
    nav = [NavItem(_(HOME), "index.md"), NavItem(_(EXPLORER), EXPLORER_PATH)]
    nav.append(NavItem(_(DATA_TITLE), DATA_PAGE))
    nav += [NavItem(_(KIND_TITLES[k]), f"{k}/index.md") for k in KIND_TITLES if k != "regions"]
    if about:
        nav.append(NavItem(_(ABOUT_SECTION), children=about))
    return SiteDescription(
        language=lang,
        site_name=_(SITE_NAME),
        site_url=language_url(root_url, lang),
        root_url=root_url,
        docs=docs,
        nav=tuple(nav),
        alternates=tuple(
            Alternate(autonym(other), other_language(other), other) for other in languages
        ),
        search=SearchBox(
            filters_label=_(FILTERS_LABEL),
            error=_(ERROR),
            too_common=_(TOO_COMMON),
            common=tuple(too_common),
            filters=filters,
        ),
        licences=tuple(
            Licence(_(covers), name, safe_url(_(url)))
            for covers, name, url in (CONTENT_LICENCE, CODE_LICENCE)
        ),
        feed=Feed(FEED, f"{_(SITE_NAME)}: {_(FEED_TITLE)}"),
        locale=og_locale(lang),
        not_found=not_found(lang),
        palette=tuple((scheme, _(words)) for scheme, words in PALETTE),
        credit=_(CREDIT),
        render_once=render_once,
    )


def not_found(lang: str) -> NotFound:
    """The texts of the page for a missing address, in ``lang``."""
    _ = translations(lang).ugettext
    n = NOT_FOUND
    return NotFound(_(n.title), _(n.text), _(n.home), _(n.search))


def og_locale(lang: str) -> str:
    """``lang`` with its likeliest territory per CLDR (``uk`` -> ``uk_UA``), or as it is."""
    likely = str(get_global("likely_subtags").get(lang.replace("-", "_"), lang))
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper()), "")
    return f"{parts[0]}_{territory}" if territory else lang
