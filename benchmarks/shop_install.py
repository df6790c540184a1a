"""A Python environment as a shop PC's: recarga-tui and what it depends on, nothing else.

The benchmarks run from the development environment, which also holds the test tools (pytest,
import-linter, schemathesis, uvicorn for `recarga-tui sim`...). What is installed changes what
the app loads: with click present, httpx loads its own command line (click, pygments) into
the app. A shop PC installs the release with its dependencies only (docs/instalacion.md), so
the app is measured in a virtual environment that holds exactly those: the dependencies of
recarga-tui (markers evaluated, no extras), linked from the development environment, the
very same files, and this checkout's source on its path. Made in well under a second and
offline; the minimal app runs in it too (Textual is among them).
"""

from __future__ import annotations

import os
import subprocess
import venv
from importlib.metadata import Distribution, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
APP = "recarga-tui"


def runtime_closure(name: str = APP) -> list[Distribution]:
    """The installed distributions ``name`` needs to run: its requirements and theirs, each
    marker evaluated for this Python without extras (``recarga-tui[sim]`` not included)."""
    seen: dict[str, Distribution] = {}
    todo = [name]
    while todo:
        wanted = canonicalize_name(todo.pop())
        if wanted in seen:
            continue
        found = distribution(wanted)
        seen[wanted] = found
        for line in found.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return [d for n, d in sorted(seen.items()) if n != canonicalize_name(name)]


def top_level_entries(dist: Distribution) -> set[str]:
    """The names directly under site-packages a distribution installed (its packages, modules,
    .pth files and its .dist-info folder): the first part of each path in its RECORD."""
    return {f.parts[0] for f in dist.files or () if f.parts and f.parts[0] != ".."}


def make(folder: Path) -> Path:
    """The shop's environment in ``folder``; returns its python."""
    venv.EnvBuilder(with_pip=False, symlinks=True, clear=True).create(folder)
    python = folder / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""},
    ).stdout.strip())
    for dist in runtime_closure():
        source = Path(str(dist.locate_file("")))
        for entry in top_level_entries(dist):
            target = site / entry
            if (source / entry).exists() and not target.exists():
                target.symlink_to(source / entry)
    # recarga-tui itself from this checkout, as the development environment has it.
    (site / "recarga_tui_checkout.pth").write_text(f"{ROOT}\n")
    return python
