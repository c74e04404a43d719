"""Imports flow one way: no app imports an app above it (see README, Layout)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ajquiz"
LAYER = {
    "accounts": 0,
    "content": 0,
    "questions": 1,
    "quizzes": 2,
    "study": 2,
    "classes": 3,
    "progress": 3,
    "interop": 3,
}
# Top-layer apps stay independent, except where one registers a rule in another's hook.
SIBLING_IMPORTS = {("classes", "progress")}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name.split(".")[1] for name in names if name.startswith("ajquiz.") and "." in name}


@pytest.mark.parametrize("app", sorted(LAYER))
def test_the_app_imports_nothing_from_a_higher_layer(app):
    upward = []
    for path in (PACKAGE / app).rglob("*.py"):
        for other in imported_apps(path) - {app}:
            above = LAYER.get(other, -1) > LAYER[app]
            # Apps sharing a layer above the bottom one stay independent of each other.
            sibling = LAYER.get(other) == LAYER[app] > 0 and (app, other) not in SIBLING_IMPORTS
            if above or sibling:
                upward.append(f"{path.relative_to(PACKAGE)} imports ajquiz.{other}")
    assert upward == []


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from ajquiz.quizzes.models import Attempt\n")
    assert imported_apps(module) == {"quizzes"}
