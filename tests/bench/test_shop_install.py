"""The start-up benchmark measures the app as a shop PC has it installed: in an environment
holding recarga-tui's dependencies and nothing of the development tools
(``benchmarks/shop_install.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import shop_install  # noqa: E402  (a benchmark's module, beside the benchmarks)

PROBE = ("import importlib.util as u, recarga_tui; "
         "print(recarga_tui.__file__); "
         "print(sorted(m for m in {names!r} if u.find_spec(m) is not None))")


def test_the_shop_environment_holds_the_apps_dependencies_and_no_development_tool(tmp_path):
    python = shop_install.make(tmp_path / "shop")
    names = ("textual", "httpx", "tinydb", "msgspec", "escpos", "starlette",  # the app's
             "pytest", "hypothesis", "uvicorn", "click", "importlinter")      # not a shop's
    found = subprocess.run([python, "-c", PROBE.format(names=names)], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    assert Path(found[0]) == shop_install.ROOT / "recarga_tui" / "__init__.py"
    assert found[1] == str(sorted(["textual", "httpx", "tinydb", "msgspec", "escpos",
                                   "starlette"]))


def test_the_closure_follows_markers_and_leaves_the_extras_out():
    names = {d.metadata["Name"].lower() for d in shop_install.runtime_closure()}
    assert {"textual", "httpx", "rich", "anyio", "h11"} <= names  # and theirs, transitively
    assert not names & {"uvicorn", "click", "pytest", "recarga-tui"}
