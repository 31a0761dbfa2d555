"""What each column of ``data/cases.csv`` holds, in a site language: the one source of
truth for the data package's Table Schema (``datapackage``) and the data page's codebook.

A column is a ``Column``: its name (as ``dataset.columns`` writes it), its Table Schema
type, its description in the language, the separator of a list, and the ids it may hold
(an ``enum`` constraint, or the ids a list's items are taken from).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.data.dataset import columns
from generator.i18n.catalogs import N_, translations
from generator.i18n.labels import Labels
from generator.model.meta import SCOPES
from generator.model.taxonomy import Taxonomy
from generator.model.vocabulary import Facet, Vocabularies

SEPARATOR = "; "
"""Between the items of a list in a CSV cell (``dataset.csv_field``)."""
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"

_FIXED = {
    "id": N_(
        "The case's stable id (lowercase, words joined by hyphens): its file name in the "
        "repository and its page's address. An id is never reused or changed."
    ),
    "title": N_("The case's title, in the language of text_language."),
    "summary": N_("A summary of the case in a few sentences, in the language of text_language."),
    "text_language": N_(
        "The language of the title and summary (ISO 639-1): this page's language where "
        "the case is translated into it, otherwise the original language."
    ),
    "original_language": N_("The language the case was written in (ISO 639-1)."),
    "url": N_("The address of the case's page in this language."),
    "start": N_("When the project started: a year, a year and month, or a full date."),
    "end": N_(
        "When the project ended, in the same form as start; empty while it is running "
        "or when the end is not known."
    ),
    "updated": N_("The date the case was last checked against its sources (YYYY-MM-DD)."),
}
_REACH = {
    "scope": N_("“global” for a case that happens worldwide, in no country of its own."),
    "discussed_in": N_(
        "The countries whose sources discuss the case although it does not happen there "
        "(ids from the taxonomy, taxonomy.json, “countries”), separated by “; ”: they are "
        "never counted among its countries."
    ),
    "discussed_in_labels": N_("The names of the countries in discussed_in, in this language."),
}
_IDS = N_("%(name)s: ids from the taxonomy (taxonomy.json, “%(vocabulary)s”).")
_IDS_LIST = N_(
    "%(name)s: ids from the taxonomy (taxonomy.json, “%(vocabulary)s”), "
    "separated by “; ”, in the case's own order."
)
_LABELS = N_("%(name)s: the names of the ids in the previous column, in this language.")
_LABEL = N_("%(name)s: the name of the id in the previous column, in this language.")
_CRITERION = N_(
    "How the case meets the criterion “%(criterion)s” (%(question)s): "
    "one of the rating ids %(ratings)s."
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    """A Table Schema type: ``string``, ``date`` or ``list`` (of strings)."""
    description: str
    """In the codebook's language."""
    required: bool = False
    enum: tuple[str, ...] = ()
    """The ids a cell (or, for a list, each item) may hold; none: any."""
    pattern: str = ""
    format: str = ""

    @property
    def separator(self) -> str:
        return SEPARATOR if self.type == "list" else ""

    def table_field(self) -> dict[str, Any]:
        """The column as a Table Schema field (``datapackage``)."""
        field: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.format:
            field["format"] = self.format
        field["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.type == "list":
            field.update(delimiter=SEPARATOR, itemType="string")
        elif self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        if self.required:
            constraints["required"] = True
        if self.name == "id":
            constraints["unique"] = True
        if constraints:
            field["constraints"] = constraints
        return field


def codebook(taxonomy: Taxonomy, lang: str) -> list[Column]:
    """Every column of ``data/cases.csv``, in its order, described in ``lang``."""
    _ = translations(lang).ugettext
    labels = Labels(taxonomy, lang)
    vocab = Vocabularies.from_taxonomy(taxonomy)
    fixed = _fixed(_)
    by_name = {c.name: c for c in [*fixed, *_reach(taxonomy, _)]}
    for facet in vocab.facets:
        for column in _facet_columns(facet, taxonomy, labels, _):
            by_name[column.name] = column
    ratings = ", ".join(vocab.ratings)
    for cid in taxonomy.criteria:
        description = _(_CRITERION) % {
            "criterion": labels.label("criteria", cid),
            "question": labels.describe("criteria", cid, "question").rstrip("?"),
            "ratings": ratings,
        }
        name = f"criterion_{cid}"
        by_name[name] = Column(name, "string", description, True, tuple(vocab.ratings))
    return [by_name[name] for name in columns(list(taxonomy.criteria), vocab.facets)]


def _fixed(_: Callable[[str], str]) -> list[Column]:
    d = {name: _(text) for name, text in _FIXED.items()}
    return [
        Column("id", "string", d["id"], required=True, pattern=ID_PATTERN),
        Column("title", "string", d["title"], required=True),
        Column("summary", "string", d["summary"]),
        Column("text_language", "string", d["text_language"], True, pattern=LANGUAGE_PATTERN),
        Column("original_language", "string", d["original_language"], True, (), LANGUAGE_PATTERN),
        Column("url", "string", d["url"], required=True, format="uri"),
        Column("start", "string", d["start"], pattern=PARTIAL_DATE),
        Column("end", "string", d["end"], pattern=PARTIAL_DATE),
        Column("updated", "date", d["updated"], required=True),
    ]


def _reach(taxonomy: Taxonomy, _: Callable[[str], str]) -> list[Column]:
    """Where a case happens beyond its countries (``dataset.REACH``)."""
    d = {name: _(text) for name, text in _REACH.items()}
    return [
        Column("scope", "string", d["scope"], enum=SCOPES),
        Column("discussed_in", "list", d["discussed_in"], enum=tuple(taxonomy.countries)),
        Column("discussed_in_labels", "list", d["discussed_in_labels"]),
    ]


def _facet_columns(
    facet: Facet, taxonomy: Taxonomy, labels: Labels, _: Callable[[str], str]
) -> list[Column]:
    """A facet's two columns: its ids, and their labels in the language."""
    ids = tuple(getattr(taxonomy, facet.kind))
    if facet.multi:
        name = labels.text(facet.plural)
        text = _(_IDS_LIST) % {"name": name, "vocabulary": facet.kind}
        id_column = Column(facet.column, "list", text, enum=ids)
        label_type = "list"
    else:
        name = labels.text(facet.label)
        text = _(_IDS) % {"name": name, "vocabulary": facet.kind}
        id_column = Column(facet.column, "string", text, required=True, enum=ids)
        label_type = "string"
    label_text = _(_LABELS if facet.multi else _LABEL) % {"name": name}
    return [id_column, Column(facet.label_column, label_type, label_text)]
