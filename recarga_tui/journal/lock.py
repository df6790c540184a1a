"""The one-writer lock: held for the life of the writing copy, never by readers.

A lock on a file alone does not survive the file being deleted: the lock stays on the unlinked
inode, and the next copy creates a new ``journal.lock`` and locks that one, becoming a second
writer. So on Linux (POSIX) the writer locks two things, with ``flock``, neither of them ever
waited for:

1. **the journal folder itself** (a descriptor opened on the folder). A folder holding files
   cannot be removed, and nothing in the app replaces it, so this lock cannot be unlinked from
   under its holder. It is the one that decides.
2. ``journal.lock`` as well, which keeps out an older version of the app (which locks only
   that file). After taking it, the path is checked to be the very file locked (same device
   and inode); before each write the writer checks it again, and if the file was deleted or
   replaced meanwhile it makes and locks a new one (and logs it). Should another process hold
   the new one, this copy stops writing.

On Windows the lock is ``filelock``'s (``LockFileEx`` on ``journal.lock``). Windows refuses to
delete a file another process holds open without delete sharing, which is how filelock opens
it, so the file cannot be removed while the app runs; folders cannot be locked there.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from . import layout

log = logging.getLogger(__name__)

_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}
_TRIES = 5  # a lock file replaced between open and lock, again and again: give up


class LockBusy(Exception):
    """Another copy of the app writes this journal."""


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


if os.name == "posix":
    import fcntl

    def _flock(fd: int) -> bool:
        """Lock ``fd`` exclusively without waiting; False when someone else holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise  # e.g. ENOLCK, ENOSYS: a filesystem without locks
        return True

    def _lock_path(path: Path, flags: int, mode: int) -> tuple[int, tuple[int, int]] | None:
        """Open and lock ``path``, checked after locking to still be the file it names."""
        for _ in range(_TRIES):
            fd = os.open(path, flags, mode)
            try:
                if not _flock(fd):
                    os.close(fd)
                    return None
                held = _identity(os.fstat(fd))
                try:
                    same = _identity(os.stat(path)) == held
                except FileNotFoundError:
                    same = False
            except BaseException:
                os.close(fd)
                raise
            if same:
                return fd, held
            os.close(fd)  # deleted or replaced between open and lock: lock what is there now
        raise LockBusy()

    class WriterLock:
        def __init__(self, folder: Path) -> None:
            self.folder = folder
            self.path = folder / layout.LOCK_NAME
            self._folder_fd: int | None = None
            self._file_fd: int | None = None
            self._file_id: tuple[int, int] | None = None

        @classmethod
        def take(cls, folder: Path) -> WriterLock:
            """The lock, or :class:`LockBusy`; ``OSError`` when the folder cannot be locked."""
            lock = cls(folder)
            try:
                got = _lock_path(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0), 0)
                if got is None:
                    raise LockBusy()
                lock._folder_fd = got[0]
                got = lock._lock_file()
                if got is None:
                    raise LockBusy()  # an older version of the app holds journal.lock
                lock._file_fd, lock._file_id = got
            except BaseException:
                lock.release()
                raise
            return lock

        def _lock_file(self) -> tuple[int, tuple[int, int]] | None:
            return _lock_path(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                              0o600)

        def verify(self) -> None:
            """Before a write: ``journal.lock`` is still ours, or made and locked again.

            Raises :class:`LockBusy` when another process holds the file now at that path.
            One ``stat``: it costs microseconds against the write's fsyncs."""
            try:
                if _identity(os.stat(self.path)) == self._file_id:
                    return
            except FileNotFoundError:
                pass
            got = self._lock_file()
            if got is None:
                log.error("%s was replaced and another process locks it: this copy stops "
                          "writing", self.path)
                raise LockBusy()
            old, (self._file_fd, self._file_id) = self._file_fd, got
            if old is not None:
                os.close(old)
            log.warning("%s was deleted or replaced while the app ran: made again and locked "
                        "(the folder's lock kept other copies out meanwhile)", self.path)

        def release(self) -> None:
            for fd in (self._file_fd, self._folder_fd):
                if fd is not None:
                    os.close(fd)  # closing the last descriptor drops its flock
            self._file_fd = self._folder_fd = None

else:  # Windows
    from filelock import FileLock, Timeout

    class WriterLock:  # type: ignore[no-redef]  # Windows's lock under the same name
        def __init__(self, folder: Path, lock: FileLock) -> None:
            self.folder = folder
            self.path = folder / layout.LOCK_NAME
            self._lock: FileLock | None = lock

        @classmethod
        def take(cls, folder: Path) -> WriterLock:
            lock = FileLock(folder / layout.LOCK_NAME, timeout=0, thread_local=False,
                            fallback_to_soft=False, preserve_lock_file=True)
            try:
                lock.acquire()
            except Timeout:
                raise LockBusy() from None
            return cls(folder, lock)

        def verify(self) -> None:
            """Nothing to do: Windows does not delete a file held open without delete sharing."""

        def release(self) -> None:
            if self._lock is not None:
                self._lock.release(force=True)
                self._lock = None
