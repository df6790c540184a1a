"""A TinyDB storage that never leaves a half-written file.

Every write goes to a temp file in the same folder, is flushed and fsynced, and replaces the
current file with ``os.replace`` (atomic on POSIX and NTFS); the folder is then fsynced so the
rename itself survives a power cut. Before the replace, the current file becomes the previous
generation (``<name>.prev``) through a hard link, so at every instant the name points at a
whole generation and the one before it is kept for recovery.

Reads are cached, but the cache is keyed on the file's identity (device, inode, size, mtime):
since a file is only ever replaced, never rewritten in place, any write by any process gives
it a new identity and the next read parses it again.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

from tinydb.storages import Storage

from .. import private
from . import contents
from .errors import DamagedFile, UnreadableFile
from .layout import prev_file

Tables = dict[str, dict[str, dict[str, Any]]]

# Windows refuses to replace a file another process has open (a reader, an antivirus scan);
# such holds are short, so a few tries spaced out are enough.
REPLACE_TRIES = 6
REPLACE_PAUSE = 0.05

# Errors that mean "this filesystem has no hard links"; the previous generation is then copied.
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS,
             getattr(errno, "ENOTSUP", errno.EPERM), getattr(errno, "EOPNOTSUPP", errno.EPERM)}


temp_path = private.temp_path
fsync_dir = private.sync_folder

T = TypeVar("T")


def windows_patient(call: Callable[[], T]) -> T:
    """``call()``; on Windows, tried again a few times while another process holds the file
    (a reader, an antivirus scan: short holds). Elsewhere a PermissionError is final."""
    for attempt in range(REPLACE_TRIES - 1):
        try:
            return call()
        except PermissionError:
            if os.name != "nt":
                raise
            time.sleep(REPLACE_PAUSE * (attempt + 1))
    return call()


def replace(src: Path, dst: Path) -> None:
    windows_patient(lambda: os.replace(src, dst))


def _write_synced(path: Path, payload: bytes) -> None:
    """Create ``path`` (which must not exist) holding ``payload``, fsynced, 0600: the one
    place a journal file's bytes are written (tests make a full disk here)."""
    private.create_synced(path, payload)


def _keep_previous(path: Path) -> None:
    """Make the current generation of ``path`` its ``.prev``, atomically."""
    prev = prev_file(path)
    tmp = temp_path(prev)
    try:
        try:
            os.link(path, tmp)
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _write_synced(tmp, path.read_bytes())
        replace(tmp, prev)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def write_durably(path: Path, payload: bytes, *, keep_prev: bool = False) -> None:
    """Replace ``path`` with ``payload`` so that a crash or a power cut leaves the old or the
    new file, whole (``private.write_file``); with ``keep_prev`` the current generation
    becomes ``.prev`` just before the rename."""

    def keep() -> None:
        if path.exists():
            _keep_previous(path)

    private.write_file(path, payload, replace=replace, before=keep if keep_prev else None,
                       create=lambda tmp, raw: _write_synced(tmp, raw))


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_file(path: Path) -> tuple[tuple[int, ...], bytes] | None:
    """The file's identity and bytes, read from one open handle so the two agree; None when
    there is no such file (on Windows the writer may be replacing it: tried again a moment
    later). Anything else than a regular file that can be read (a folder, a FIFO, a file this
    user may not read) is :class:`UnreadableFile`, naming it."""

    def read() -> tuple[tuple[int, ...], bytes]:
        # O_NONBLOCK: a FIFO under a journal name must not hang the reader.
        fd = os.open(path, _READ_FLAGS)
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if not stat.S_ISREG(st.st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), b"".join(chunks)
        finally:
            os.close(fd)

    try:
        return windows_patient(read)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UnreadableFile(str(path), exc.strerror or str(exc)) from None


Lines = dict[tuple[str, str], tuple[dict[str, Any], str]]


def _line(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def encode(tables: Tables, known: Lines | None = None) -> tuple[bytes, Lines]:
    """TinyDB's JSON layout, one document a line, so a person can read and mend it.

    ``known`` holds the lines of the last write: a document equal to the one a line was made
    from reuses it, so a write costs one encoded document plus comparisons, not a whole day.
    """
    known = known or {}
    lines: Lines = {}
    parts = []
    for name, table in tables.items():
        docs = []
        for doc_id, doc in table.items():
            key = (name, str(doc_id))
            cached = known.get(key)
            line = cached[1] if cached is not None and cached[0] == doc else _line(doc)
            lines[key] = (doc, line)
            docs.append(f"{json.dumps(str(doc_id))}: {line}")
        body = ",\n".join(docs)
        parts.append(f"{json.dumps(name)}: {{\n{body}\n}}" if docs else f"{json.dumps(name)}: {{}}")
    return ("{" + ",\n".join(parts) + "}\n").encode("utf-8"), lines


def decode(raw: bytes, path: str, object_pairs_hook: Any = None) -> Tables:
    """The tables of a day file; ``object_pairs_hook`` as for ``json.loads`` (the check uses
    one to see keys given twice, which plain parsing drops)."""
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=object_pairs_hook)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedFile(path, str(exc)) from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise DamagedFile(path, "not a TinyDB document set")
    return data


def _copy(tables: Tables) -> Tables:
    """Copies of the mutable levels TinyDB touches (tables, documents); values are shared."""
    return {name: {k: dict(doc) for k, doc in table.items()} for name, table in tables.items()}


class AtomicJSONStorage(Storage):
    """One JSON file, replaced whole on every write, its previous generation kept.

    ``read`` raises :class:`DamagedFile` for a file that does not parse; what to do about
    it (move it aside, use the previous generation) is the journal's decision.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 keep_prev: bool = True, listed: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.keep_prev = keep_prev
        self.listed = listed  # a day file: ends with its own list of what it holds
        self._cache: tuple[tuple[int, ...], Tables] | None = None
        self._lines: Lines = {}

    def read(self) -> Tables | None:
        got = read_file(self.path)
        if got is None:
            self._cache = None
            return None
        identity, raw = got
        if self._cache is None or self._cache[0] != identity:
            self._cache = (identity, decode(raw, str(self.path)))
        return _copy(self._cache[1])

    def write(self, data: Tables) -> None:
        if self.read_only:
            raise PermissionError(errno.EROFS, "journal opened read-only", str(self.path))
        snapshot = contents.seal(_copy(data)) if self.listed else _copy(data)
        self._cache = None
        payload, lines = encode(snapshot, self._lines)
        self._lines = {}
        write_durably(self.path, payload, keep_prev=self.keep_prev)
        self._lines = lines
        st = os.stat(self.path)
        self._cache = ((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), snapshot)

    def close(self) -> None:
        self._cache = None
        self._lines = {}
