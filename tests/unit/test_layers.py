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
