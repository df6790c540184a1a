"""The release files install and run on a fresh machine (docs/instalacion.md, section 2).

``python -m build`` makes the sdist and, from it, the wheel, out of a copy of the files git
tracks (tracked_tree.py: nothing untracked, no link followed out of the tree), once per run.
The sdist carries the package, its style sheets, openapi.json, the example config, README,
CHANGELOG, the guides and the kiosk files; the wheel carries the package and nothing else.
Each is installed with pip, dependencies and all, into a new virtual environment of its own
(no system site-packages), as the guide says. From the wheel's environment the real app is
started with ``--demo`` in tmux at 80x24: login screen, demo/demo, home screen, F10, exit 0.
From the sdist's, ``--version`` says the version of pyproject.toml.

No package index is reached after the first run: the dependencies and the build tools are
downloaded once as wheel files (at the versions this suite runs with, through pip's own index
settings) into pytest's cache, and every build and install below uses only that folder
(PIP_NO_INDEX, PIP_FIND_LINKS)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from tmux_driver import EXITED, Tmux, have_tmux, isolated_env  # noqa: E402 (after the path)
from tracked_tree import copy_tracked, is_git_tree, tracked_paths  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
STEM = f"recarga_tui-{VERSION}"

# One worker builds the release and installs it (xdist's loadgroup): the module's fixtures
# run once per run, not once per worker that happens to draw one of its tests.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("release"),
    pytest.mark.skipif(not is_git_tree(ROOT), reason="a release is built from git's tracked files"),
]


def run(argv: list[str | Path], *, env: dict[str, str] | None = None,
        cwd: Path | None = None, timeout: float = 300) -> str:
    done = subprocess.run([str(a) for a in argv], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, check=False)
    assert done.returncode == 0, (
        f"{' '.join(map(str, argv))} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def offline(wheelhouse: Path) -> dict[str, str]:
    """pip (and build, through pip) may take packages from the wheelhouse only."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheelhouse),
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


@pytest.fixture(scope="module")
def wheelhouse(request, tmp_path_factory) -> Path:
    wanted = [*PYPROJECT["build-system"]["requires"], *PYPROJECT["project"]["dependencies"]]
    frozen = run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"])
    pins = sorted(line for line in frozen.splitlines()
                  if re.fullmatch(r"[A-Za-z0-9._-]+==\S+", line)
                  and line.split("==")[0].lower() not in ("pip", "setuptools", "wheel"))
    key = hashlib.sha256(json.dumps([sys.version_info[:2], wanted, pins]).encode())
    name = f"recarga-wheelhouse-{key.hexdigest()[:16]}"
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir(name) if cache is not None else tmp_path_factory.mktemp(name)
    if (folder / "complete").exists():
        return folder
    scratch = tmp_path_factory.mktemp("download")
    (scratch / "pins.txt").write_text("\n".join(pins) + "\n")
    run([sys.executable, "-m", "pip", "download", "-q", "-d", scratch / "wheels",
         "-c", scratch / "pins.txt", *wanted], timeout=600)
    for file in (scratch / "wheels").iterdir():
        os.replace(file, folder / file.name)   # another run may fill the same folder
    (folder / "complete").write_text("\n".join(wanted) + "\n")
    return folder


@pytest.fixture(scope="module")
def release(wheelhouse, tmp_path_factory) -> tuple[Path, Path]:
    """(sdist, wheel), as ``python -m build`` makes them from a clean copy of the tree."""
    base = tmp_path_factory.mktemp("release")
    source = base / "source"
    copy_tracked(ROOT, source)
    run([sys.executable, "-m", "build", "--outdir", base / "dist", source],
        env=offline(wheelhouse))
    (sdist,) = (base / "dist").glob("*.tar.gz")
    (wheel,) = (base / "dist").glob("*.whl")
    assert sdist.name == f"{STEM}.tar.gz"
    assert wheel.name == f"{STEM}-py3-none-any.whl"
    return sdist, wheel


def fresh_install(what: Path, folder: Path, wheelhouse: Path) -> Path:
    """A new virtual environment with ``what`` installed by its own pip, as the guide does;
    returns the environment's bin folder."""
    run([sys.executable, "-m", "venv", folder])
    assert (folder / "pyvenv.cfg").read_text().count("include-system-site-packages = false")
    bin_dir = folder / "bin"
    run([bin_dir / "pip", "install", "-q", what], env=offline(wheelhouse))
    # The app comes from the environment, not from this checkout (away from it: `-c` puts the
    # working folder first on sys.path).
    found = run([bin_dir / "python", "-c", "import recarga_tui; print(recarga_tui.__file__)"],
                env=offline(wheelhouse), cwd=folder)
    assert Path(found.strip()).is_relative_to(folder), found
    return bin_dir


@pytest.fixture(scope="module")
def wheel_env(release, wheelhouse, tmp_path_factory) -> Path:
    return fresh_install(release[1], tmp_path_factory.mktemp("wheel-env") / "venv", wheelhouse)


def _tree(folder: str, *, suffixes: tuple[str, ...] = ()) -> set[str]:
    """The tracked files under ``folder`` (those a release is made of)."""
    return {name for name in tracked_paths(ROOT)
            if name.startswith(f"{folder}/") and (ROOT / name).exists()
            and (not suffixes or Path(name).suffix in suffixes)}


def test_the_sdist_carries_the_package_its_styles_and_the_guides(release):
    sdist, _ = release
    with tarfile.open(sdist) as tar:
        members = [m for m in tar.getmembers() if not m.isdir()]
    names = {m.name.removeprefix(f"{STEM}/") for m in members}
    # Nothing but tracked files and what setuptools writes: no scratch, no link of a checkout.
    made = {"PKG-INFO", "setup.cfg"}
    tracked = set(tracked_paths(ROOT))
    assert all(m.isfile() for m in members), [m.name for m in members if not m.isfile()]
    stray = {n for n in names - tracked - made if not n.startswith("recarga_tui.egg-info/")}
    assert not stray, sorted(stray)
    package = _tree("recarga_tui", suffixes=(".py", ".tcss", ".json"))
    assert {"recarga_tui/ui/app.tcss", "recarga_tui/dealer/openapi.json"} <= package
    assert package <= names, sorted(package - names)
    expected = {"pyproject.toml", "README.md", "CHANGELOG.md", "config.example.toml",
                *_tree("docs"), *_tree("packaging")}
    assert "docs/instalacion.md" in expected and "packaging/systemd/recarga-tui.service" in expected
    assert expected <= names, sorted(expected - names)


def test_the_wheel_holds_the_package_and_nothing_else(release):
    _, wheel = release
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
        entry_points = whl.read(f"{STEM}.dist-info/entry_points.txt").decode()
        metadata = whl.read(f"{STEM}.dist-info/METADATA").decode()
    package = _tree("recarga_tui", suffixes=(".py", ".tcss", ".json"))
    assert package <= names, sorted(package - names)
    assert all(n.startswith(("recarga_tui/", f"{STEM}.dist-info/")) for n in names), sorted(
        n for n in names if not n.startswith(("recarga_tui/", f"{STEM}.dist-info/")))
    assert "recarga-tui = recarga_tui.cli:main" in entry_points
    assert f"\nVersion: {VERSION}\n" in metadata


def test_the_wheel_installs_with_its_dependencies_in_a_new_environment(wheel_env):
    answer = run([wheel_env / "recarga-tui", "--version"], cwd=wheel_env, timeout=60)
    assert answer.strip() == f"recarga-tui {VERSION}"
    # The shop's install brings no simulator server, hence no click: httpx then loads no
    # command line of its own into the app (docs/performance.md).
    missing = run([wheel_env / "python", "-c", "import importlib.util as u; "
                   "print([m for m in ('uvicorn', 'click') if u.find_spec(m) is None])"],
                  cwd=wheel_env, timeout=60)
    assert missing.strip() == "['uvicorn', 'click']"


@pytest.mark.e2e
@pytest.mark.skipif(not have_tmux(), reason="tmux is not installed (apt-get install tmux)")
def test_the_installed_wheel_starts_the_demo_at_80x24(wheel_env, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(home)   # tmux opens its window here, away from this checkout
    env = isolated_env(home)
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    term = Tmux(env, width=80, height=24)
    try:
        term.start([str(wheel_env / "recarga-tui"), "--demo"], term="linux")
        term.wait_for("Usuario:")
        term.text("demo")
        term.keys("Enter")
        term.text("demo")
        term.keys("Enter")
        term.wait_for("Saldo", "F2 para vender")
        term.keys("F10")
        term.wait_for("¿Salir de la app?")
        term.keys("F10")
        term.wait_for(f"{EXITED}0")
    finally:
        term.kill()
    # A fresh machine: the log went to the per-user folder the guide names (section 6).
    log = home / ".local/state/recarga-tui/log/recarga-tui.log"
    assert f"start {VERSION}: demo=True" in log.read_text(encoding="utf-8")


def test_the_sdist_installs_in_a_new_environment(release, wheelhouse, tmp_path):
    bin_dir = fresh_install(release[0], tmp_path / "venv", wheelhouse)
    answer = run([bin_dir / "recarga-tui", "--version"], cwd=bin_dir, timeout=60)
    assert answer.strip() == f"recarga-tui {VERSION}"
