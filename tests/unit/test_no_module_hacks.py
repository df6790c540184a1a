"""No module of the app changes what the whole process imports: no entry of ``sys.modules``
set or removed behind another library's back, no import hook of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import recarga_tui

ROOT = Path(recarga_tui.__file__).parent
# The import system's process-wide tables.
TABLES = {"modules", "meta_path", "path_hooks"}


def touches(source: str) -> list[int]:
    """The lines of ``source`` that name one of the import system's tables."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in TABLES
            and isinstance(node.value, ast.Name) and node.value.id == "sys"]


def test_no_module_of_the_app_touches_the_import_system():
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted(ROOT.rglob("*.py"))
                 for line in touches(path.read_text("utf-8"))]
    assert offenders == []


def test_the_check_finds_what_it_looks_for():
    assert touches('import sys\n\nsys.modules.setdefault("httpx._main", None)\n') == [3]
    assert touches("import sys\nsys.meta_path.insert(0, object())\n") == [2]
