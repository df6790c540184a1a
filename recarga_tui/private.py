"""Folders and files only the user may read (R12): the journal and the log hold phone numbers
and references, so they are 0700 folders and 0600 files, whatever the umask.

Folders are made 0700 (missing parents too, as the XDG base directory spec asks); what an older
version left looser is tightened, and the caller logs what was changed. Only the group and
others' bits are taken away: the owner's are left as they are. On Windows nothing is changed:
the per-user profile folders (``%LOCALAPPDATA%``) are the user's alone by their ACLs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_OTHERS = stat.S_IRWXG | stat.S_IRWXO

ENABLED = os.name == "posix"


def opener(path: str, flags: int) -> int:
    """For ``open(..., opener=opener)``: a file it creates is 0600."""
    return os.open(path, flags, FILE_MODE)


def tighten(path: Path) -> str | None:
    """Take the group and others' bits off ``path``; what changed (for the log), or None."""
    if not ENABLED:
        return None
    try:
        st = os.stat(path)
        mode = stat.S_IMODE(st.st_mode)
        if not mode & _OTHERS or st.st_uid != os.geteuid():
            return None
        os.chmod(path, mode & ~_OTHERS)
    except OSError:
        return None  # gone meanwhile, or not ours to change: nothing to say
    return f"{path} {mode:04o}->{mode & ~_OTHERS:04o}"


def make_folder(folder: Path, tighten_existing: bool = True) -> list[str]:
    """``folder`` made (with its missing parents) 0700, or tightened; what was tightened."""
    missing = []
    here = folder
    while not os.path.lexists(here) and here.parent != here:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            pass
    changed = tighten(folder) if tighten_existing or missing else None
    return [changed] if changed else []


def tighten_folder(folder: Path, want: Callable[[str], bool] = lambda name: True) -> list[str]:
    """The folder and its files (those ``want`` names) made the user's alone."""
    changed = make_folder(folder)
    if not ENABLED:
        return changed
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return changed
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False) or not want(entry.name):
                continue
            if not stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode) & _OTHERS:
                continue
        except OSError:
            continue
        done = tighten(Path(entry.path))
        if done:
            changed.append(done)
    return changed
