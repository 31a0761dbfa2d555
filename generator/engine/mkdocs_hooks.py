"""MkDocs hooks: part of the MkDocs adapter, which names this file in each language's config.

MkDocs loads it by path and calls the functions it knows by name; it imports nothing
from MkDocs, and nothing else in the core imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def on_env(env: Any, config: Any, files: Any) -> Any:
    """``sikb_once(*key)``: a Jinja call block whose body renders once per key per build.

    ``overrides/partials/nav.html`` renders the navigation once for all the pages that
    share it, ``partials/header.html`` the search dialog once for every page. A new build
    (a live-reload rebuild too) starts with nothing remembered.
    """
    made: dict[tuple[str, ...], str] = {}

    def once(*key: str, caller: Callable[[], str]) -> str:
        if key not in made:
            made[key] = caller()
        return made[key]

    env.globals["sikb_once"] = once
    return env
