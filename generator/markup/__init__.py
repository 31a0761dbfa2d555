"""The site's Markdown: the extensions mkdocs.yml names, and escaping for the renderer."""

EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "def_list", "footnotes")
"""MkDocs' own extensions (toc, tables, fenced_code), then ``mkdocs.yml``'s, in its order;
this package's ``html_blocks`` and ``sanitise`` come after them, as there. A unit test
(``tests/unit/test_page_ids.py``) keeps them together."""
TOC = {"permalink": True}
"""``mkdocs.yml``'s toc settings (the default slugify)."""
