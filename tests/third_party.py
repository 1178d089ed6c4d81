"""Where the kit's code touches a third party's internals: the check behind "one compatibility module each"
(tests/serve/test_voila_compat.py, tests/site/test_lite_compat.py)."""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["touches"]


def touches(folder: Path, *, besides: str, modules: set[str], names: set[str]) -> dict[str, set[str]]:
    """For each Python file below `folder` but the one named `besides`: the `modules` it imports (or their
    submodules), and the `names` it uses as attributes or writes as strings (docstrings aside). Files that touch
    none are left out."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        if path.name == besides:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        imported, used = set(), set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                used.add(node.value)
        touched = {module for module in imported if module.split(".")[0] in modules} | (used & names)
        if touched:
            found[str(path.relative_to(folder))] = touched
    return found
