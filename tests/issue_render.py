"""An issue's body as GitHub renders it from an issue form and the answers given (for tests).

Each field that takes an answer becomes ``### <label>``, a blank line and the answer:
the text as typed, ``_No response_`` when empty, a multi-select dropdown's options joined
by ``", "``, each checkbox as ``- [X] label`` or ``- [ ] label``; fields are separated by a
blank line. Markdown elements are not part of the body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NO_RESPONSE = "_No response_"


def render_body(form: Mapping[str, Any], answers: Mapping[str, Any]) -> str:
    """``answers`` by field id: a string (input, textarea), a list of options (dropdown) or
    a set of the checkbox labels ticked; a field missing from it is left empty."""
    sections = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        given = answers.get(element["id"])
        if element["type"] == "checkboxes":
            ticked = given or set()
            text = "\n".join(
                f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}"
                for o in element["attributes"]["options"]
            )
        elif element["type"] == "dropdown":
            text = ", ".join(given) if given else NO_RESPONSE
        else:
            text = given or NO_RESPONSE
        sections.append(f"### {label}\n\n{text}")
    return "\n\n".join(sections)
