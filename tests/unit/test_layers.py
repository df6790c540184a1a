"""The layers of the app hold: each screen module stands on its own, and no screen talks to
the dealer or the journal except through the services (import-linter checks the imports in
the quick start's test command; these check what imports alone cannot)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import recarga_tui

UI = Path(recarga_tui.__file__).parent / "ui"


def _modules() -> list[str]:
    root = UI.parent.parent
    found = []
    for path in sorted(UI.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


# Each module is imported alone: in a process where no module of the app has been imported
# yet, so an import that only works after another module's (a loop between screens) fails.
# Starting Python and Textual for each of the ~60 modules took a third of a second of CPU
# apiece; instead one fresh interpreter per chunk imports Textual's core (``textual.app``,
# none of the app) and forks a child per module, which imports that module alone and exits.
# Without fork, each module gets a fresh interpreter as before.
CHUNKS = 2
IMPORT_ALONE = """
import os, subprocess, sys
bad = []
if hasattr(os, "fork"):
    import textual.app
    for module in sys.argv[1:]:
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                __import__(module)
            except BaseException:
                code = 1
            os._exit(code)
        if os.waitpid(pid, 0)[1]:
            bad.append(module)
else:
    bad = [m for m in sys.argv[1:] if subprocess.run(
        [sys.executable, "-c", "import " + m], capture_output=True).returncode]
print(" ".join(bad))
"""


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_ui_module_imports_alone_in_a_fresh_interpreter(chunk):
    mine = _modules()[chunk::CHUNKS]
    assert mine
    done = subprocess.run([sys.executable, "-c", IMPORT_ALONE, *mine], capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"these do not import alone: {done.stdout}"


CALLS = re.compile(r"services\.(dealer|journal)\b|\bDealerClient\b|\bJournal\.open\b")


def test_no_screen_calls_the_dealer_or_the_journal():
    offenders = [f"{path.relative_to(UI)}:{number}"
                 for path in UI.rglob("*.py")
                 for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if CALLS.search(line)]
    assert offenders == []


def _imports(path: Path) -> list[tuple[str, bool, int]]:
    """The modules ``path`` imports (absolute names), each with whether the import statement
    stands inside a function and its line (a type-only block, ``if TYPE_CHECKING:``, is left
    out: it is never run)."""
    package = ".".join(path.relative_to(UI.parent.parent).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text("utf-8"))
    found: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                base = package.rsplit(".", child.level - 1)[0] if child.level else ""
                name = ".".join(p for p in (base, child.module or "") if p)
                found.extend([(name, inner, child.lineno)]
                             + [(f"{name}.{a.name}", inner, child.lineno) for a in child.names])
            elif isinstance(child, ast.Import):
                found.extend((a.name, inner, child.lineno) for a in child.names)
            visit(child, inner)

    visit(tree, False)
    return found


def _module_of(path: Path) -> str:
    parts = path.relative_to(UI.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_screen_imports_another_screen_the_router_or_the_app():
    """The moves between screens are the router's (ui/router.py): a screen posts a Move
    (ui/moves.py) and reaches the App through its typed view (ui/shop.py), so no loop of
    imports holds the screens."""
    screens = UI / "screens"
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in ("router.py", "app.py"):
            continue
        for name, _, _ in _imports(path):
            if name.startswith(("recarga_tui.ui.router", "recarga_tui.ui.app")):
                offenders.append(f"{path.relative_to(UI)} imports {name}")
            elif path.parent == screens and name.startswith("recarga_tui.ui.screens.") \
                    and not name.startswith(("recarga_tui.ui.screens.base",
                                             "recarga_tui.ui.screens.password")):
                offenders.append(f"{path.relative_to(UI)} imports {name}")
    assert offenders == []


# An import inside a function is allowed only with its start-up reason on its line.
START_UP_REASON = "# start-up:"


def test_no_import_inside_a_function_in_the_screens():
    """No import is held inside a function to break a loop: the loop is broken by structure
    (the router imports the screens, by name from its table when a screen is first shown;
    screens post Moves). One kept for start-up's sake says why on its line."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        offenders += [f"{path.relative_to(UI)}:{line}: {name}"
                      for name, inner, line in _imports(path)
                      if inner and START_UP_REASON not in lines[line - 1]]
    assert offenders == []


def test_the_screens_imports_hold_no_cycle():
    """The modules of ui/ import each other without a loop (the imports run at import time;
    a type-only block is left out): each can be read, and changed, from the bottom up."""
    graph: dict[str, set[str]] = {}
    modules = {_module_of(path): path for path in sorted(UI.rglob("*.py"))}
    for module, path in modules.items():
        graph[module] = {name for name, _, _ in _imports(path)
                         if name in modules and name != module}
    cycles = []
    state: dict[str, int] = {}  # 1: being walked, 2: done

    def walk(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(trail[trail.index(target):] + [module, target]
                              if target in trail else [module, target])
            elif target not in state:
                walk(target, [*trail, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [])
    assert cycles == []
