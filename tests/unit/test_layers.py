"""The layers of the app hold: each screen module stands on its own, and no screen talks to
the dealer or the journal except through the services (import-linter checks the imports in
the quick start's test command; these check what imports alone cannot)."""

from __future__ import annotations

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


def _imports(path: Path) -> list[tuple[str, bool]]:
    """The modules ``path`` imports (absolute names), each with whether the import statement
    stands inside a function (a type-only block, ``if TYPE_CHECKING:``, is left out)."""
    import ast

    package = ".".join(path.relative_to(UI.parent.parent).with_suffix("").parts[:-1])
    tree = ast.parse(path.read_text("utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                base = package.rsplit(".", child.level - 1)[0] if child.level else ""
                name = ".".join(p for p in (base, child.module or "") if p)
                found.extend([(name, inner)] + [(f"{name}.{a.name}", inner) for a in child.names])
            elif isinstance(child, ast.Import):
                found.extend((a.name, inner) for a in child.names)
            visit(child, inner)

    visit(tree, False)
    return found


def test_no_screen_imports_another_screen_the_router_or_the_app():
    """The moves between screens are the router's (ui/router.py): a screen reaches them
    through the App's typed view (ui/shop.py), so no loop of imports holds the screens."""
    screens = UI / "screens"
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in ("router.py", "app.py"):
            continue
        for name, _ in _imports(path):
            if name.startswith(("recarga_tui.ui.router", "recarga_tui.ui.app")):
                offenders.append(f"{path.relative_to(UI)} imports {name}")
            elif path.parent == screens and name.startswith("recarga_tui.ui.screens.") \
                    and not name.startswith(("recarga_tui.ui.screens.base",
                                             "recarga_tui.ui.screens.password")):
                offenders.append(f"{path.relative_to(UI)} imports {name}")
    assert offenders == []


def test_only_the_router_imports_inside_a_function_and_only_the_screens_it_shows():
    """No import is held inside a function to break a loop: the router alone loads a screen
    when it is first shown (start-up, docs/performance.md)."""
    offenders = [f"{path.relative_to(UI)}: {name}"
                 for path in sorted(UI.rglob("*.py"))
                 for name, inner in _imports(path)
                 if inner and not (path.name == "router.py"
                                   and name.startswith("recarga_tui.ui.screens."))]
    assert offenders == []
