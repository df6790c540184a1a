"""Folders and files only the user may read (R12), made so that a power cut keeps them.

The journal, the log and the cash close hold phone numbers and references, so every folder the
app makes is 0700 and every file it writes 0600, whatever the umask, the same way everywhere
(this module). Missing parents are made 0700 too, as the XDG base directory spec asks.

Durable: a folder the app makes is fsynced into its parent before anything is written in it,
and a file is written whole (temp file, fsync, rename, fsync of its folder), so a power cut
leaves the old file or the new one and never takes a name the app already relied on. A name in
a folder survives a power cut only once that folder was fsynced after the name was made: on
ext4 a later commit carries it anyway, but a USB stick, a FAT or exFAT folder or a network
folder may keep a file's data and lose its name.

The app never changes the mode of anything it did not make: a folder it is pointed at keeps
its mode (the caller says when others can read it), and what it tightens at start are its own
files, named as the caller knows them, left looser by an older version. Only the group and
others' bits are taken away. On Windows no mode is used: the per-user profile folders
(``%LOCALAPPDATA%``) are the user's alone by their ACLs, and NTFS journals its names.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_OTHERS = stat.S_IRWXG | stat.S_IRWXO

ENABLED = os.name == "posix"


def opener(path: str, flags: int) -> int:
    """For ``open(..., opener=opener)``: a file it creates is 0600."""
    return os.open(path, flags, FILE_MODE)


# --- durable names ---------------------------------------------------------------------------


def sync_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable: a file made or renamed there, a folder made."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _looks_made_here(path: Path) -> bool:
    """A folder the app may have made: the user's own, with no group or others' bits."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid()
            and not stat.S_IMODE(st.st_mode) & _OTHERS)


def make_folder(folder: Path, *, settle: bool = False) -> None:
    """``folder`` made (with its missing parents) 0700, each one fsynced into its parent
    before the next is made in it; an existing one is left as it is.

    Raises ``NotADirectoryError`` when ``folder`` (or one of its parents) is something else
    than a folder, before anything is changed. With ``settle`` (the journal's writer, once at
    start), a folder that already exists and looks made by the app (the user's, 0700) is
    fsynced into its parent again, and so are its parents of the same kind: a copy killed
    between a ``mkdir`` and the fsync after it must not leave a folder that a later power cut
    can take with everything written in it.
    """
    missing = []
    here = folder
    while not os.path.lexists(here) and here.parent != here:
        missing.append(here)
        here = here.parent
    if not here.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(here))
    for path in reversed(missing):
        try:
            os.mkdir(path, FOLDER_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR),
                                         str(path)) from None
        sync_folder(path.parent)
    if missing or not settle or not ENABLED:
        return
    while _looks_made_here(here) and here.parent != here:
        with suppress(OSError):  # a parent the user may not open: not one the app made
            sync_folder(here.parent)
        here = here.parent


def readable_by_others(folder: Path) -> str | None:
    """For the log: ``folder`` and its mode when others may read or enter it, else None."""
    if not ENABLED:
        return None
    try:
        mode = stat.S_IMODE(os.stat(folder).st_mode)
    except OSError:
        return None
    return f"{folder} {mode:04o}" if mode & _OTHERS else None


# --- durable, private files ------------------------------------------------------------------


def temp_path(path: Path) -> Path:
    """Where a new generation of ``path`` is written first: ``.<name>.<pid>.<hex>.tmp``."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def create_synced(path: Path, payload: bytes) -> None:
    """Create ``path`` (which must not exist) 0600, holding ``payload``, fsynced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, payload: bytes, *,
               replace: Callable[[Path, Path], None] = os.replace,
               before: Callable[[], None] | None = None,
               create: Callable[[Path, bytes], None] = create_synced) -> None:
    """Replace ``path`` with ``payload`` so that a crash or a power cut leaves the old file or
    the new one, whole, 0600: temp file, fsync, ``before()`` (the journal keeps the previous
    generation there), rename, fsync of the folder. Returns once all of it is durable.

    On any error before the rename the old file is untouched and the temp file removed.
    """
    tmp = temp_path(path)
    try:
        create(tmp, payload)
        if before is not None:
            before()
        replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    sync_folder(path.parent)


# --- an older version's files ------------------------------------------------------------------


def tighten(path: Path) -> str | None:
    """Take the group and others' bits off ``path``; what changed (for the log), or None."""
    if not ENABLED:
        return None
    try:
        # Opened without following a link: the mode changed is the very file looked at.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None  # gone meanwhile, a link, or not ours to read: nothing to say
    try:
        st = os.fstat(fd)
        mode = stat.S_IMODE(st.st_mode)
        if not stat.S_ISREG(st.st_mode) or not mode & _OTHERS or st.st_uid != os.geteuid():
            return None
        os.fchmod(fd, mode & ~_OTHERS)
    except OSError:
        return None
    finally:
        os.close(fd)
    return f"{path} {mode:04o}->{mode & ~_OTHERS:04o}"


def tighten_files(folder: Path, ours: Callable[[str], bool]) -> list[str]:
    """The app's own files in ``folder`` (``ours`` names them) made the user's alone; what was
    changed. Nothing else in the folder, nor the folder itself, is touched."""
    if not ENABLED:
        return []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [done for entry in entries if ours(entry.name)
            and (done := tighten(Path(entry.path))) is not None]
