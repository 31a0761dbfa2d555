"""The site's Markdown: the extensions mkdocs.yml names, and escaping for the renderer."""
