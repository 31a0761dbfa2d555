"""A page for each retired case id (``Collection.retired``), so no published link breaks.

``cases/<old-id>/index.html`` in a language's tree, which the engine copies as it is (an
HTML file, not Markdown): for an id merged into another case, a meta refresh to the
successor's page, its canonical URL and a link to it (the way MkDocs' redirects plugin
does it); for a withdrawn id, a notice and a link to the list of cases. Search does not
index it (no ``data-pagefind-body``), nor do robots.
"""

from __future__ import annotations

from html import escape

from generator.i18n.catalogs import N_, translations
from generator.model.collection import Collection
from generator.model.views import case_text
from generator.paths import case_url, redirect_page
from generator.render.pages import Page

MOVED = N_("This case has moved")
MOVED_TEXT = N_("This case is now part of another one:")
WITHDRAWN = N_("This case was withdrawn")
WITHDRAWN_TEXT = N_("This case is no longer in the knowledge base.")
ALL_CASES = N_("All cases")

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
{head}</head>
<body>
<h1>{title}</h1>
<p>{text} <a href="{href}">{link}</a></p>
</body>
</html>
"""


def redirects(collection: Collection, lang: str, site_url: str) -> list[Page]:
    """The page of each retired id in ``lang``'s tree; ``site_url``: the site's root URL."""
    _ = translations(lang).ugettext
    out = []
    for old, new in sorted(collection.retired.items()):
        if new is not None:
            href = f"../{new}/"
            head = (
                f'<link rel="canonical" href="{escape(case_url(site_url, lang, new))}">\n'
                f'<meta http-equiv="refresh" content="0; url={href}">\n'
            )
            title, text, link = (
                _(MOVED),
                _(MOVED_TEXT),
                case_text(collection, collection.cases[new], lang).title,
            )
        else:
            href, head = "../", ""
            title, text, link = _(WITHDRAWN), _(WITHDRAWN_TEXT), _(ALL_CASES)
        html = _PAGE.format(
            lang=lang, title=escape(title), head=head, text=escape(text), href=href,
            link=escape(link),
        )  # fmt: skip
        out.append(Page(redirect_page(old), html))
    return out
