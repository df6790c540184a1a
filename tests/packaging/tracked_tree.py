"""The tree as git tracks it: what a release, or any test that needs a copy of the checkout, is
made from.

A checkout holds more than what a clone has: a virtual environment, caches, a config someone
is trying by hand, a link to ``/dev/zero``. A copy of the whole folder takes all of it along and
follows its links (a link to a device once became a 79 GB file under pytest's temp folder).
Here only the paths in git's index are copied, as they are in the work tree (so a change not
yet committed is tested), and a link is copied as a link only when it stays inside the tree:
a link that leaves it, or a tracked path that has become anything but a file or a link, is
refused by name. Nothing is ever read through a link.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path


class NotCopyable(Exception):
    """A tracked path that a copy of the tree must not take: a link out of the tree, or a
    device, folder or pipe where git tracks a file."""


def tracked_paths(root: Path) -> list[str]:
    """The paths in git's index under ``root``, relative to it (``git ls-files``)."""
    done = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--full-name"],
                          capture_output=True, check=True, timeout=60)
    top = Path(subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                              capture_output=True, text=True, check=True,
                              timeout=60).stdout.strip())
    prefix = Path(root).resolve().relative_to(top.resolve())
    names = [n for n in done.stdout.decode("utf-8", "surrogateescape").split("\0") if n]
    if str(prefix) == ".":
        return names
    return [Path(n).relative_to(prefix).as_posix() for n in names
            if Path(n).is_relative_to(prefix)]


def is_git_tree(root: Path) -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                          capture_output=True, text=True, check=False, timeout=60)
    return done.returncode == 0 and done.stdout.strip() == "true"


def copy_tracked(root: Path, dest: Path) -> list[str]:
    """Copy the tracked files of ``root`` into ``dest`` (made if missing); returns the paths
    copied. A tracked file deleted from the work tree is left out, as a clone of the index
    would; a link stays a link, and only when it points inside the tree."""
    root = Path(root).resolve()
    copied: list[str] = []
    for name in tracked_paths(root):
        source = root / name
        try:
            info = os.lstat(source)
        except FileNotFoundError:
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if stat.S_ISLNK(info.st_mode):
            _copy_link(root, source, target, name)
        elif stat.S_ISREG(info.st_mode):
            _copy_file(source, target, info)
        else:
            raise NotCopyable(f"{name}: tracked as a file but is not one in the work tree")
        copied.append(name)
    return copied


def _copy_link(root: Path, source: Path, target: Path, name: str) -> None:
    pointed = os.readlink(source)
    inside = Path(os.path.normpath(source.parent / pointed))
    if os.path.isabs(pointed) or not inside.is_relative_to(root):
        raise NotCopyable(f"{name}: a link out of the tree ({pointed})")
    os.symlink(pointed, target)


def _copy_file(source: Path, target: Path, info: os.stat_result) -> None:
    # O_NOFOLLOW: the path was a file when looked at; if it became a link since, refuse it.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out)
    os.chmod(target, stat.S_IMODE(info.st_mode))
