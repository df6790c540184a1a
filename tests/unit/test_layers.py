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


# A few interpreters per test, not one per module: a fresh interpreter costs a tenth of a
# second, and a module that imports alone after another has was imported alone too only if
# each starts clean, so every chunk starts each of its modules in its own interpreter.
CHUNKS = 4


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_ui_module_imports_alone_in_a_fresh_interpreter(chunk):
    mine = _modules()[chunk::CHUNKS]
    assert mine
    script = ("import subprocess, sys\n"
              "bad = [m for m in sys.argv[1:] if subprocess.run("
              "[sys.executable, '-c', 'import ' + m], capture_output=True).returncode]\n"
              "print(' '.join(bad))\n")
    done = subprocess.run([sys.executable, "-c", script, *mine], capture_output=True,
                          text=True, timeout=240)
    assert done.stdout.strip() == ""


CALLS = re.compile(r"services\.(dealer|journal)\b|\bDealerClient\b|\bJournal\.open\b")


def test_no_screen_calls_the_dealer_or_the_journal():
    offenders = [f"{path.relative_to(UI)}:{number}"
                 for path in UI.rglob("*.py")
                 for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                 if CALLS.search(line)]
    assert offenders == []
