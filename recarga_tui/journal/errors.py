"""The journal's error: a :class:`SaleError` with a catalog key, so screens show it as words."""

from __future__ import annotations

import errno
from typing import Any

from ..domain.sale import SaleError

# A write that fails for one of these will fail again until someone acts on the disk.
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DISK_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


class JournalError(SaleError):
    """The notebook could not do what was asked; nothing announced may happen after it."""


class DamagedFile(Exception):
    """A journal file that exists but does not hold a whole, well-formed generation."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason


class UnreadableFile(JournalError):
    """A journal file, or its folder, that exists but cannot be read at all: a folder or a
    FIFO where a file should be, a file this user may not read. Not damage to repair (moving
    it aside would hide what may be a whole file): the error names it and what to do."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__("journal.unreadable_file", file=path, reason=reason)
        self.path = path
        self.reason = reason


def from_os_error(exc: OSError, **params: Any) -> JournalError:
    """The catalog error for a failed write; the caller adds the sale's ref."""
    if exc.errno in _DISK_FULL:
        return JournalError("journal.disk_full", **params)
    if exc.errno in _DISK_READ_ONLY or isinstance(exc, PermissionError):
        return JournalError("journal.disk_read_only", **params)
    return JournalError("journal.write_failed", reason=exc.strerror or str(exc), **params)
