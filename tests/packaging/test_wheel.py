"""The release file installs and runs on a fresh machine (docs/instalacion.md): the wheel holds
every style sheet of the screens, and its console script answers --version from a new
virtual environment. Dependencies are left out (--no-deps): --version needs none of them, and
the test stays offline."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from recarga_tui import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(out), str(ROOT)], check=True, capture_output=True, timeout=300)
    (found,) = out.glob("recarga_tui-*.whl")
    return found


def test_the_wheel_holds_every_style_sheet(wheel):
    shipped = {n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".tcss")}
    in_tree = {p.relative_to(ROOT).as_posix() for p in (ROOT / "recarga_tui").rglob("*.tcss")}
    assert in_tree and in_tree <= shipped


def test_a_fresh_environment_runs_the_installed_command(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    answer = subprocess.run([str(env_dir / "bin" / "recarga-tui"), "--version"],
                            capture_output=True, text=True, timeout=60, check=True)
    assert answer.stdout.strip() == f"recarga-tui {__version__}"
