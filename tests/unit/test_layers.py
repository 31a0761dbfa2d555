"""The layering: only the MkDocs adapter imports MkDocs, so the engine can be swapped."""

from __future__ import annotations

import ast
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    importers = [p.name for p in modules if {"mkdocs", "material"} & imported(p)]
    assert importers == ["mkdocs_adapter.py"]


def test_nothing_in_the_core_imports_the_adapter_or_its_hooks() -> None:
    allowed = {"mkdocs_adapter.py", "pipeline.py", "cli.py"}  # the build is composed there
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "generator":
                names = {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = {node.module.removeprefix("generator.")}
            else:
                continue
            if {"mkdocs_adapter", "mkdocs_hooks"} & names:
                assert path.name in allowed, path.name
