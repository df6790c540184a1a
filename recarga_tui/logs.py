"""The app's log: a few rotating files in the per-user log folder, for whoever looks after the
shop PC. It says what happened (start, login accepted or refused, each step of each sale by its
reference, the dealer's errors), never a password or token (R12).

The journal is the shop's notebook; the log is only for finding out what went wrong, so it is
capped (5 files of 1 MB) and old lines are dropped as new ones come.

It names phone numbers and references, so its folder is 0700 when the app makes it (and made
durable, ``private.make_folder``) and its files (the current one and the rotated ones) 0600;
the app's own log files an older version left readable by others are tightened at start, a
folder it did not make keeps its mode, and the log says either (R12)."""

from __future__ import annotations

import logging
import re
from datetime import datetime, tzinfo
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from . import private
from .config import APP_NAME

LOG_NAME = f"{APP_NAME}.log"
# The read-only copy (the control desk over SSH) runs as the same user as the cashier's: a log
# of its own, so two processes never rotate one file under each other.
READ_ONLY_LOG_NAME = f"{APP_NAME}-solo-lectura.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A last guard: whatever a message carries after these words is blanked (R12). The code never
# logs them; this catches a future mistake or a library that would.
_SECRET = re.compile(r"(?i)\b(password|passwd|contraseña|token|bearer|authorization)"
                     r"([\s\"':=]{0,4})(?:bearer\s+)?([^\s,;&\"'}]+)")


def redact(text: str) -> str:
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class RedactingFormatter(logging.Formatter):
    """Blanks secrets; times in the shop's zone (``[app] timezone``) with their offset, as
    the screens and the notebook say them, not the PC's own zone (many are left on UTC)."""

    def __init__(self, fmt: str, tz: tzinfo | None = None) -> None:
        super().__init__(fmt)
        self.tz = tz

    def formatTime(self, record: logging.LogRecord,  # noqa: N802 - logging's own name
                   datefmt: str | None = None) -> str:
        if self.tz is None:
            return super().formatTime(record, datefmt)
        at = datetime.fromtimestamp(record.created, self.tz)
        return at.isoformat(sep=" ", timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file whose every generation is created 0600 (R12).

    Rotation renames the current file, which keeps its mode, and opens a new one here."""

    def _open(self) -> TextIOWrapper:
        open_file: Any = getattr(self, "_builtin_open", open)  # logging keeps its own open
        opened: TextIOWrapper = open_file(self.baseFilename, self.mode, encoding=self.encoding,
                                          errors=self.errors, opener=private.opener)
        return opened


def _ours(name: str) -> bool:
    """The app's log files, current and rotated (``recarga-tui.log.3``)."""
    return name.startswith(APP_NAME) and ".log" in name


def default_log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def setup(folder: Path | None = None, level: int = logging.INFO,
          read_only: bool = False, tz: tzinfo | None = None) -> Path | None:
    """Send the app's log to ``folder`` (default: the per-user one); None if it cannot be
    written, and then the app runs without a log rather than not at all. ``tz``: the shop's
    zone, which the log's times are written in."""
    folder = folder or default_log_dir()
    name = READ_ONLY_LOG_NAME if read_only else LOG_NAME
    try:
        private.make_folder(folder)  # 0700 and durable when made; an existing one kept as is
        tightened = private.tighten_files(folder, _ours)
        handler = PrivateRotatingFileHandler(folder / name, maxBytes=MAX_BYTES,
                                             backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT, tz))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    # httpx says every request at INFO; the dealer client logs what matters itself.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if tightened:
        logging.getLogger(__name__).warning(
            "log readable by others: now only this user's (R12): %s", "; ".join(tightened))
    loose = private.readable_by_others(folder)
    if loose:  # not made by the app: its mode is the owner's to change, the log says how
        logging.getLogger(__name__).warning(
            "log folder readable by others, left as it is (R12): %s; its files are only this "
            "user's; to close it too: chmod 700 %s", loose, folder)
    return folder / name
