"""Small enough to read in one sitting (STYLE.md): no module of generator/ over 400 lines,
no function over 60, except where a comment says why.

The reason is a comment ``# size: <why>``: on a function's ``def`` line or the line
above it (above its decorators, if it has any), or, for a module, among the comments
before its first statement after the docstring. A new long function without one fails
here, with its name, its length and what to do.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import generator
from tests.conftest import REPO

PACKAGE = Path(generator.__file__).parent
MAX_MODULE = 400
MAX_FUNCTION = 60
REASON = re.compile(r"#\s*size:\s*\S")


@dataclass(frozen=True)
class TooLong:
    where: str
    """``path:line`` of the module or the ``def``."""
    what: str
    lines: int
    limit: int

    def __str__(self) -> str:
        return (
            f"{self.where}: {self.what} is {self.lines} lines (at most {self.limit}): split "
            "it, or say why it is one job in a '# size: ...' comment"
        )


def too_long(source: str, rel: str) -> list[TooLong]:
    """The module, if over MAX_MODULE lines, and its functions over MAX_FUNCTION, without a
    ``# size:`` reason."""
    lines = source.splitlines()
    tree = ast.parse(source)
    out = []
    if len(lines) > MAX_MODULE and not _module_reason(tree, lines):
        out.append(TooLong(f"{rel}:1", "the module", len(lines), MAX_MODULE))
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        span = (node.end_lineno or node.lineno) - node.lineno + 1
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        reasoned = REASON.search(lines[node.lineno - 1]) or (
            first > 1 and REASON.search(lines[first - 2])
        )
        if span > MAX_FUNCTION and not reasoned:
            out.append(TooLong(f"{rel}:{node.lineno}", node.name, span, MAX_FUNCTION))
    return out


def _module_reason(tree: ast.Module, lines: list[str]) -> bool:
    """A ``# size:`` comment before the first statement that is not the docstring."""
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    end = body[0].lineno - 1 if body else len(lines)
    return any(REASON.match(line.strip()) for line in lines[:end])


def test_no_module_or_function_is_too_long_without_a_reason() -> None:
    """Every module of generator/ is at most 400 lines, every function at most 60, or says why."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        found += [str(t) for t in too_long(path.read_text(encoding="utf-8"), rel)]
    assert not found, "\n".join(found)


def _function(name: str, lines: int, above: str = "", on_def: str = "") -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines - 2))
    return f"{above}def {name}() -> None:{on_def}\n    '''Doc.'''\n{body}"


def test_a_long_function_is_found_with_its_line_and_length() -> None:
    """A 61-line function is reported at its def; a 60-line one is not."""
    source = "import os\n\n\n" + _function("short", 60) + "\n\n" + _function("long", 61)
    assert [str(t) for t in too_long(source, "m.py")] == [
        f"m.py:{3 + 60 + 2 + 1}: long is 61 lines (at most 60): split it, or say why it is "
        "one job in a '# size: ...' comment"
    ]


def test_a_reason_on_the_def_or_the_line_above_allows_a_long_function() -> None:
    """'# size: ...' beside the def, above it or above its decorators lets it be long."""
    above = _function("a", 80, above="# size: one table\n")
    beside = _function("b", 80, on_def="  # size: one table")
    decorated = "# size: one table\n@staticmethod\n" + _function("c", 80)
    empty = _function("d", 80, above="# size:\n")
    found = too_long("\n\n".join((above, beside, decorated, empty)), "m.py")
    assert [t.what for t in found] == ["d"]


def test_a_long_module_needs_a_reason_at_its_top() -> None:
    """A module over 400 lines is reported, unless a '# size:' comment opens it."""
    long = "".join(f"x{i} = {i}\n" for i in range(401))
    assert [t.what for t in too_long('"""Doc."""\n' + long, "m.py")] == ["the module"]
    assert too_long('"""Doc."""\n\n# size: one table of codes\n' + long, "m.py") == []
    late = '"""Doc."""\n' + long + "# size: too late\n"
    assert [t.what for t in too_long(late, "m.py")] == ["the module"]
