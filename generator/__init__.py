"""SIKB: load, validate and render the Social Innovation Knowledge Base."""

__version__ = "0.1.0"
