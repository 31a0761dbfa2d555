"""What a built page must never carry from content: read as a browser's parser reads it.

``hazards(html)`` gives, for one page:

- what no page may have: every ``on*`` event-handler attribute, and every URL attribute
  whose value, entities decoded (html.parser does that) and whitespace and control
  characters taken out, starts with ``javascript:``, ``data:`` or ``vbscript:``;
- what only the site itself may have, for the caller to compare with the pages of a
  clean site: every ``<script>`` (``src=...`` or its text) and every iframe, frame,
  object, embed, form, base, applet and ``<meta http-equiv>`` (tag and attributes).
  Relative prefixes (``../../``) are taken out, so pages at any depth compare equal.
  A case page's JSON-LD (``<script type="application/ld+json">``, render/jsonld.py) is
  ``JSON_LD`` when its text is JSON an HTML parser read whole (no ``<`` in it), and its
  text otherwise, which no clean site has.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "background",
     "data", "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "icon", "manifest",
     "ping", "profile", "usemap", "classid", "archive", "content"}
)  # fmt: skip
BANNED_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "form", "base",
                         "applet", "portal"})  # fmt: skip
JSON_LD = "<json-ld>"
_SCRIPT_URL = re.compile(r"(javascript|data|vbscript):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+")


def script_url(value: str) -> bool:
    """Whether a URL attribute's value (entities decoded) would run or smuggle script."""
    return bool(_SCRIPT_URL.match(_INVISIBLE.sub("", value)))


class _Hazards(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None
        self._json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "script":
            if "src" in values:
                self.scripts.append(_depthless(f"src={values['src']}"))
            else:
                self._script = []
                self._json_ld = values.get("type") == "application/ld+json" and len(values) == 1
        if tag in BANNED_TAGS or (tag == "meta" and "http-equiv" in values):
            self.scripts.append(_depthless(f"<{tag} {sorted(values.items())}>"))
        for k, v in values.items():
            if k.startswith("on"):
                self.found.append(f"<{tag} {k}>")
            if k in URL_ATTRIBUTES and (
                script_url(v) or (k == "srcset" and any(script_url(p) for p in v.split(",")))
            ):
                self.found.append(f"<{tag} {k}={v!r}>")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = "".join(self._script)
            self.scripts.append(JSON_LD if self._json_ld and _json(text) else _depthless(text))
            self._script = None


def _json(text: str) -> bool:
    """JSON with no ``<``: nothing in it could have ended the script early."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def _depthless(text: str) -> str:
    return _UP.sub("", text)


_UP = re.compile(r"\.\.(?:/\.\.)*/?")


def hazards(html: str) -> tuple[list[str], list[str]]:
    """(what no page may have, what only the site may have: scripts and the elements above)."""
    parser = _Hazards()
    parser.feed(html)
    parser.close()
    return parser.found, parser.scripts
