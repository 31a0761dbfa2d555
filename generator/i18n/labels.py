"""The label of a term in a language: the one place that says where it comes from.

Countries and languages are named by CLDR (``names``), actors by their name in
``taxonomy.yaml`` (one for all languages, or one per language), every other term by its
``label`` (or ``description``, ``question``); a text missing in the language falls back
to the default language's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.i18n import names
from generator.model.taxonomy import Taxonomy


@dataclass(frozen=True)
class Labels:
    """Labels of ``taxonomy``'s terms in ``lang``."""

    taxonomy: Taxonomy
    lang: str

    def text(self, texts: Mapping[str, str] | None) -> str:
        """A text per language, in ``lang`` or else the default language; ``""`` if neither."""
        if not texts:
            return ""
        return texts.get(self.lang) or texts.get(self.taxonomy.default_language) or ""

    def label(self, kind: str, term_id: str) -> str:
        """``kind`` as in ``taxonomy.yaml`` (``statuses``, ``actor_types``), or ``languages``."""
        tax = self.taxonomy
        if kind == "countries":
            return names.country_name(term_id, self.lang)
        if kind == "actors":
            return tax.actor_name(term_id, self.lang)
        if kind == "languages":
            return names.language_name(term_id, self.lang)
        return self.text(getattr(tax, kind.replace("-", "_"))[term_id].label)

    def describe(self, kind: str, term_id: str, field: str = "description") -> str:
        """A term's ``description`` (or ``question``) in ``lang``; ``""`` if it has none."""
        return self.text(getattr(getattr(self.taxonomy, kind)[term_id], field, None))
