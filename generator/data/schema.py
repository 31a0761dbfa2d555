"""``sikb schema``: a JSON Schema of the case front matter, with the taxonomy's ids as enums."""

from __future__ import annotations

from typing import Any

from generator.i18n import names
from generator.i18n.labels import Labels
from generator.model.meta import SCOPES, CaseMeta
from generator.model.taxonomy import Taxonomy

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
FULL_DATE = r"^\d{4}-\d{2}-\d{2}$"


def _enum(taxonomy: Taxonomy, vocabulary: str) -> dict[str, Any]:
    label = Labels(taxonomy, taxonomy.default_language).label
    terms = getattr(taxonomy, vocabulary)
    return {"oneOf": [{"const": k, "description": label(vocabulary, k)} for k in terms]}


def case_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    """The models' own schema, tightened with the taxonomy's ids."""
    schema: dict[str, Any] = CaseMeta.model_json_schema()
    props, defs = schema["properties"], schema["$defs"]
    languages = {"enum": sorted(names.iso639_1())}

    props["language"].update(languages)
    for key, vocabulary in (
        ("countries", "countries"),
        ("discussed_in", "countries"),
        ("sectors", "sectors"),
        ("themes", "themes"),
    ):
        props[key]["items"] = {"type": "string", **_enum(taxonomy, vocabulary)}
        props[key]["uniqueItems"] = True
    props["scope"] = {"enum": list(SCOPES), "description": props["scope"].get("description", "")}
    props["status"].update(_enum(taxonomy, "statuses"))
    props["updated"].update({"type": "string", "pattern": FULL_DATE})
    defs["ActorRef"]["properties"]["id"].update(_enum(taxonomy, "actors"))
    defs["ActorRef"]["properties"]["role"].update(_enum(taxonomy, "roles"))
    defs["Assessment"]["properties"]["rating"].update(_enum(taxonomy, "ratings"))
    for key in ("start", "end"):
        defs["Period"]["properties"][key] = {"type": "string", "pattern": PARTIAL_DATE}
    src = defs["Source"]["properties"]
    src["language"].update(languages)
    src["date"] = {"type": "string", "pattern": PARTIAL_DATE}
    src["url"] = {"type": "string", "format": "uri", "pattern": r"^https?://"}
    defs["Source"]["oneOf"] = [{"required": ["title"]}, {"required": ["description"]}]

    rating = {"type": "string", **_enum(taxonomy, "ratings")}
    assessment = {"anyOf": [rating, {"$ref": "#/$defs/Assessment"}]}
    props["criteria"] = {
        "type": "object",
        "description": "Every criterion, rated; a rating alone or {rating, note}.",
        "properties": {
            cid: {**assessment, "description": c.question[taxonomy.default_language]}
            for cid, c in taxonomy.criteria.items()
        },
        "required": list(taxonomy.criteria),
        "additionalProperties": False,
    }
    schema.pop("title", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "SIKB case front matter",
        **schema,
    }
