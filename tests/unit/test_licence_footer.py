"""The footer's licence line: what the description says, escaped where it becomes HTML."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.engine.mkdocs_adapter import write_config
from generator.model.site_description import Licence
from generator.paths import Layout
from generator.render import describe as describe_module
from generator.render.describe import describe


def _copyright(tmp_path: Path, licences: tuple[Licence, ...]) -> object:
    layout = Layout.at(tmp_path)
    site = replace(describe("en", ["en"], layout.docs("en"), [], ""), licences=licences)
    return yaml.safe_load(write_config(layout, site).read_text(encoding="utf-8")).get("copyright")


def test_the_description_names_the_content_and_code_licences_in_the_language() -> None:
    """Ukrainian: the labels translated, the CC BY 4.0 link to its Ukrainian deed."""
    site = describe("uk", ["en", "uk"], Path("docs"), [], "")
    assert site.licences == (
        Licence("Матеріали й дані", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.uk"),
        Licence("Код", "MIT", "https://opensource.org/license/mit/"),
    )  # fmt: skip


def test_the_config_gives_material_the_footer_line(tmp_path: Path) -> None:
    """Material prints ``copyright`` under every page: both licences, each a link."""
    site = describe("en", ["en"], Layout.at(tmp_path).docs("en"), [], "")
    assert _copyright(tmp_path, site.licences) == (
        'Content and data: <a href="https://creativecommons.org/licenses/by/4.0/" '
        'rel="license">CC BY 4.0</a> · Code: <a href="https://opensource.org/license/mit/" '
        'rel="license">MIT</a>'
    )


def test_the_footer_line_is_escaped(tmp_path: Path) -> None:
    """A label or name with markup prints as text; a quote cannot leave the attribute."""
    hostile = Licence('<b>x</b> & "y"', "<script>", 'https://e.org/?a="><script>')
    assert _copyright(tmp_path, (hostile,)) == (
        "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;: "
        '<a href="https://e.org/?a=&quot;&gt;&lt;script&gt;" rel="license">&lt;script&gt;</a>'
    )


def test_no_licence_no_copyright_line(tmp_path: Path) -> None:
    assert _copyright(tmp_path, ()) is None


def test_a_catalog_cannot_give_the_footer_a_script_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """A translated licence URL that is not http(s) becomes '#' (markdown_safe.safe_url)."""
    bad = (describe_module.CONTENT_LICENCE[0], "CC BY 4.0", "javascript:alert(1)")
    monkeypatch.setattr(describe_module, "CONTENT_LICENCE", bad)
    (content, _code) = describe("en", ["en"], Path("docs"), [], "").licences
    assert content.url == "#"
