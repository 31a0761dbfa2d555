"""Render: one Markdown tree per site language, from the models (Jinja2 templates, assets)."""
