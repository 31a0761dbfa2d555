"""SIKB: load, validate and render the Social Innovation Knowledge Base."""

__version__ = "0.1.0"
"""The release: the package's (pyproject.toml reads it), each data package's and
``CITATION.cff``'s (a test keeps them equal)."""
RELEASED = "2026-12-05"
"""The release's date (ISO 8601): each data package's ``created`` and ``CITATION.cff``'s
``date-released``."""
