"""The layering (ARCHITECTURE.md): import-linter's contracts hold, and cover every package.

The contracts live in pyproject.toml (``[tool.importlinter]``) and ``make lint`` runs
``lint-imports``; these tests run them too, and keep a new package from escaping them.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import generator
from tests.conftest import REPO

PACKAGE = Path(generator.__file__).parent
CONTRACTS: list[dict[str, Any]] = tomllib.loads(
    (REPO / "pyproject.toml").read_text(encoding="utf-8")
)["tool"]["importlinter"]["contracts"]


def _contract(name_start: str) -> dict[str, Any]:
    return next(c for c in CONTRACTS if c["name"].startswith(name_start))


def test_the_import_contracts_are_kept() -> None:
    """``lint-imports`` passes: the layers hold, only the adapter imports MkDocs, and so on."""
    run = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in run.stdout


def test_every_package_and_module_has_a_layer() -> None:
    """A new package or module of generator/ must be given a layer, so lint-imports checks it."""
    layers = _contract("The pipeline's layers")["layers"]
    named = {part.strip() for layer in layers for part in layer.split("|")}
    found = {
        f"generator.{p.stem}"
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
        or (p / "__init__.py").is_file()
    }
    assert found == named


def test_only_the_adapter_imports_mkdocs() -> None:
    """The whole package may not import MkDocs or Material, but for the adapter's imports
    and its hooks' (which MkDocs loads by path)."""
    contract = _contract("Only the MkDocs adapter and its hooks import MkDocs")
    assert contract["source_modules"] == ["generator"]
    assert set(contract["forbidden_modules"]) == {"mkdocs", "material"}
    assert contract["ignore_imports"] == [
        "generator.engine.mkdocs_adapter -> mkdocs",
        "generator.engine.mkdocs_hooks -> mkdocs",
    ]


def test_the_core_does_not_import_the_engine() -> None:
    """Only the build and the CLI, above it, may import the engine (load to render: never)."""
    layers = [layer.split("|") for layer in _contract("The pipeline's layers")["layers"]]
    engine = layers.index(["generator.engine"])
    above = [part.strip() for layer in layers[:engine] for part in layer]
    assert above == ["generator.cli", "generator.build"]
