"""The only module that imports MkDocs: build each language's tree with MkDocs + Material.

Design: the core writes one Markdown tree per language (``build/docs/<lang>/``);
here each gets a small generated config (``build/mkdocs/<lang>.yml``) that
``INHERIT``s the shared ``mkdocs.yml`` and sets what the language's engine-neutral
description (``model.site_description``, made by ``render.describe``) says: the
language, the paths, the language switcher, the search box's texts and the
navigation. Each language builds into ``site/<lang>/`` (in its own process:
``pipeline.build``), and ``site/index.html`` sends a reader to their language.
Another engine that reads ``mkdocs.yml`` and a Markdown folder (Zensical) needs
only this module replaced: it imports nothing from render or search (pyproject's
import contracts), and the hooks' render-once cache is optional (``render_once``).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator.i18n.names import autonym
from generator.model.site_description import NavItem, NotFound, SiteDescription
from generator.paths import SITEMAP, Layout, language_url

log = logging.getLogger("mkdocs.sikb")

BASE_CONFIG = "mkdocs.yml"
OVERRIDES = Path(__file__).parent / "overrides"
"""Theme overrides the generated pages rely on: per-page switcher links, sitemap alternates."""
SCHEMES = {"light": "default", "dark": "slate"}
"""Material's colour schemes, by the description's names."""
HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
"""Python the theme's templates call: a render-once cache (navigation, search dialog),
named in the config unless the description turns it off (``render_once``)."""


@dataclass(frozen=True)
class Built:
    language: str
    seconds: float
    error: str | None = None
    after_seconds: float = 0.0
    """How long the step run after this language's build took (the search index)."""
    after_error: str | None = None
    """Why that step failed."""


def write_config(layout: Layout, site: SiteDescription) -> Path:
    """The config of ``site.language``, INHERITing the shared mkdocs.yml; written only if it
    changed. Everything it says comes from ``site``, but the paths ``layout`` gives."""
    config_path = layout.config(site.language)
    here = config_path.parent
    config: dict[str, object] = {
        "INHERIT": os.path.relpath(layout.root / BASE_CONFIG, here),
        "site_name": site.site_name,
        "site_url": site.site_url,
        "docs_dir": os.path.relpath(site.docs, here),
        "site_dir": os.path.relpath(layout.language_site(site.language), here),
    }
    if site.render_once:
        config["hooks"] = [os.path.relpath(HOOKS, here)]
    config["theme"] = {
        "language": site.language,
        "custom_dir": os.path.relpath(OVERRIDES, here),
    }
    search = site.search
    config["extra"] = {
        "sikb_root": site.root_url,
        "sikb_search": {  # overrides/partials/search.html
            "filters_label": search.filters_label,
            "error": search.error,
            "too_common": search.too_common,
            "common": " ".join(search.common),
            "filters": [{"name": f.name, "label": f.label, "all": f.all} for f in search.filters],
        },
        "alternate": [{"name": a.name, "link": a.link, "lang": a.lang} for a in site.alternates],
        # overrides/main.html: the feed's head link, og:locale
        "sikb_feed": {"path": site.feed.path, "title": site.feed.title} if site.feed else None,
        "sikb_locale": site.locale,
        # overrides/404.html, partials/palette.html
        "sikb_not_found": asdict(site.not_found) if site.not_found else None,
        "sikb_palette": {SCHEMES[scheme]: words for scheme, words in site.palette},
        "sikb_credit": site.credit,  # overrides/partials/copyright.html
    }
    if site.licences:  # Material's footer prints copyright as HTML, so it is escaped here
        config["copyright"] = " · ".join(
            f'{escape(lic.covers)}: <a href="{escape(lic.url)}" rel="license">'
            f"{escape(lic.name)}</a>"
            for lic in site.licences
        )
    config["nav"] = [_nav(item) for item in site.nav]
    text = "# Written by `sikb build`; edit mkdocs.yml or generator/ instead.\n"
    text += yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    config_path.parent.mkdir(parents=True, exist_ok=True)
    if not config_path.is_file() or config_path.read_text(encoding="utf-8") != text:
        config_path.write_text(text, encoding="utf-8")
    return config_path


def _nav(item: NavItem) -> dict[str, object]:
    """MkDocs' ``{title: path}``, or ``{title: [...]}`` for a section."""
    if item.children:
        return {item.title: [_nav(child) for child in item.children]}
    return {item.title: item.path}


def build_language(layout: Layout, lang: str, after: Callable[[Path], None] | None = None) -> Built:
    """Run MkDocs on the config of ``lang``; then ``after(site/<lang>)`` (the search index).

    Called in the language's own process (``pipeline.build``), so ``after`` overlaps the
    other languages' builds instead of waiting for the last of them.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    try:
        build(load_config(config_file=str(layout.config(lang))))
    except Exception as e:  # a failed language is reported, not a traceback
        return Built(lang, time.perf_counter() - start, f"{type(e).__name__}: {e}")
    built = Built(lang, time.perf_counter() - start)
    if after is None:
        return built
    start = time.perf_counter()
    try:
        after(layout.language_site(lang))
    except Exception as e:
        return replace(built, after_seconds=time.perf_counter() - start, after_error=str(e))
    return replace(built, after_seconds=time.perf_counter() - start)


class Session:
    """One language's MkDocs build kept in memory for a preview (``build.preview``).

    Made after a full build of the language's tree (its config, files, navigation and
    theme, as ``mkdocs build`` gathers them, no page read), it builds again only the
    pages it is given, into the site folder being served, which holds the rest: right
    while the set of pages and the navigation stay as they were (the preview makes a
    new session after any other change). MkDocs 1.6's own steps for one page
    (``_populate_page``, ``_build_page``), as its ``serve --dirty`` runs them.
    """

    def __init__(self, layout: Layout, lang: str) -> None:
        from mkdocs.config import load_config
        from mkdocs.structure.files import get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation
        from mkdocs.structure.pages import Page

        self.language = lang
        site_dir = str(layout.language_site(lang))
        config = load_config(config_file=str(layout.config(lang)), site_dir=site_dir)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
        self.config, self.files, self.nav, self.env = config, files, nav, env

    def build(self, changed: Sequence[str]) -> Built:
        """Build the pages (and copy the other files) ``changed``, paths in the tree."""
        from mkdocs.commands.build import _build_page, _populate_page

        start = time.perf_counter()
        config, files = self.config, self.files
        try:
            # A new build for the hooks: the render-once cache starts empty.
            env = config.plugins.on_env(self.env, config=config, files=files)
            pages = files.documentation_pages()
            for path in changed:
                file = files.get_file_from_path(path)
                if file is None:
                    raise KeyError(f"{path} is not a file of this build")
                if file.page is None:
                    file.copy_file()
                    continue
                _populate_page(file.page, config, files)
                _build_page(file.page, config, pages, self.nav, env)
                file.page.content = file.page.markdown = None  # the served HTML holds them
        except Exception as e:  # reported; the preview then builds the whole site
            return Built(self.language, time.perf_counter() - start, f"{type(e).__name__}: {e}")
        return Built(self.language, time.perf_counter() - start)


def write_root(layout: Layout, languages: Sequence[str], root_url: str) -> None:
    """``site/index.html`` picks the reader's language; ``site/sitemap.xml`` lists theirs.

    ``layout.site`` is the new folder the build writes into (``pipeline.build``), so
    nothing from an older build is there to remove.
    """
    default = languages[0]
    links = "\n".join(
        f'    <li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{escape(autonym(lang))}</a>'
        "</li>"
        for lang in languages
    )
    alternates = "\n".join(
        f'  <link rel="alternate" hreflang="{lang}" href="{language_url(root_url, lang)}">'
        for lang in languages
    )
    page = f"""<!doctype html>
<html lang="{default}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SIKB</title>
{alternates}
  <link rel="alternate" hreflang="x-default" href="{language_url(root_url, default)}">
  <noscript><meta http-equiv="refresh" content="0; url={default}/"></noscript>
  <script>
    (function () {{
      var site = {json.dumps(list(languages))};
      var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {{
        return l.slice(0, 2).toLowerCase();
      }});
      var lang = wanted.find(function (l) {{ return site.indexOf(l) >= 0; }}) || site[0];
      location.replace(lang + "/");
    }})();
  </script>
</head>
<body>
  <ul>
{links}
  </ul>
</body>
</html>
"""
    layout.site.mkdir(parents=True, exist_ok=True)
    layout.root_page.write_text(page, encoding="utf-8")
    entries = "\n".join(
        f"  <sitemap><loc>{language_url(root_url, lang)}{SITEMAP}</loc></sitemap>"
        for lang in languages
    )
    layout.root_sitemap.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</sitemapindex>\n",
        encoding="utf-8",
    )


NOT_FOUND = "404.html"
"""MkDocs' page for a missing address, in each language's site; and the site's own, at its
root, which a host that serves one such page for the whole site shows (GitHub Pages)."""

_SEND = """(function () {
  var site = %(languages)s, root = %(root)s;
  /* The first segment of the address that names a site language, and what is before it
     (the site's root, wherever it is served); else the reader's language, else the first. */
  var parts = location.pathname.split("/");
  var at = parts.findIndex(function (p) { return site.indexOf(p) >= 0; });
  if (at >= 0) root = parts.slice(0, at).join("/") + "/";
  else if (location.pathname.indexOf(root) !== 0) root = "/";
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {
    return l.slice(0, 2).toLowerCase();
  });
  var lang = at >= 0 ? parts[at] : wanted.find(function (l) { return site.indexOf(l) >= 0; });
  location.replace(root + (lang || site[0]) + "/%(page)s");
})();"""


def write_not_found(
    layout: Layout, languages: Sequence[str], root_url: str, texts: Mapping[str, NotFound]
) -> None:
    """``site/404.html``: sends a reader to their language's page for a missing address (by
    the address's language, else the browser's, else the first); without JavaScript, a
    link home in every language. Its links start at the root URL's path: a host serves it
    at any missing address."""
    root = urlsplit(root_url).path or "/"
    script = _SEND % {
        "languages": json.dumps(list(languages)),
        "root": json.dumps(root).replace("<", "\\u003c"),
        "page": NOT_FOUND,
    }
    items = "\n".join(
        f'    <li lang="{lang}"><strong>{escape(texts[lang].title)}</strong> — '
        f'<a href="{escape(root)}{lang}/" hreflang="{lang}">{escape(texts[lang].home)}</a> '
        f"({escape(autonym(lang))})</li>"
        for lang in languages
    )
    title = " · ".join(dict.fromkeys(escape(texts[lang].title) for lang in languages))
    page = f"""<!doctype html>
<html lang="{languages[0]}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
  <script>
{script}
  </script>
</head>
<body>
  <ul>
{items}
  </ul>
</body>
</html>
"""
    layout.site.mkdir(parents=True, exist_ok=True)
    (layout.site / NOT_FOUND).write_text(page, encoding="utf-8")


def serve(
    layout: Layout,
    rebuild: Callable[[], bool],
    watch: Sequence[Path],
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Preview with live reload; ``rebuild`` renders and builds, and reports its own problems."""
    from mkdocs.livereload import LiveReloadServer

    def builder() -> None:
        try:
            rebuild()
        except Exception:  # keep serving the last good site
            log.exception("rebuild failed")

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(layout.site))
    for path in watch:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
