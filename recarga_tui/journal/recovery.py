"""What the writer mends when it opens the journal, and the notes it leaves about it.

Nothing is ever deleted except temp files (unfinished writes, by construction never the only
copy of anything) of writers that are gone: a damaged file is renamed aside for a person to
look at.
"""

from __future__ import annotations

import os
import time
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from ..i18n import t
from . import layout
from .errors import DamagedFile, UnreadableFile
from .storage import decode, fsync_dir, read_file, replace, write_durably


class Note(Struct, frozen=True):
    """One thing recovery did: a catalog key and what fills it in."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return t(self.key, lang=lang, **self.params)


# A write keeps its temp file for milliseconds; one this old was left by a process that is
# gone, even if its pid now names another process.
TEMP_MAX_AGE = 600.0


def _alive(pid: int) -> bool:
    """Whether a process with this pid runs. Windows cannot ask without opening the process
    (``os.kill`` there would end it): there only the temp file's age decides."""
    if pid == os.getpid() or os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def remove_temps(folder: Path, now: float | None = None) -> list[Note]:
    """Remove the temp files of writers that are gone: the pid in the name (``temp_path``)
    runs no more, or the file is older than :data:`TEMP_MAX_AGE`. A live writer's temp file is
    never touched, whoever runs this."""
    now = time.time() if now is None else now
    notes = []
    for name in layout.names(folder):
        if not layout.is_temp(name):
            continue
        pid = layout.pid_of_temp(name)
        path = folder / name
        with suppress(FileNotFoundError):
            if pid is not None and _alive(pid) and now - path.stat().st_mtime < TEMP_MAX_AGE:
                continue
            os.unlink(path)
            notes.append(Note("journal.recovered.temp_removed", {"file": name}))
    return notes


def _good_generation(path: Path) -> bytes | None:
    try:
        got = read_file(path)
        if got is None:
            return None
        decode(got[1], str(path))
    except (DamagedFile, UnreadableFile):
        return None
    return got[1]


def restore_day(folder: Path, day: date) -> Note | None:
    """A day whose current file is gone (a repair cut by a crash after the damaged file was
    moved aside) gets its previous generation back, when that one is whole; what was done."""
    raw = _good_generation(layout.prev_file(layout.day_file(folder, day)))
    if raw is None:
        return None
    write_durably(layout.day_file(folder, day), raw)
    return Note("journal.recovered.prev_restored", {"day": day.isoformat()})


def restore_missing(folder: Path) -> tuple[list[Note], list[date]]:
    """Days whose current file is gone but whose previous generation is there and whole."""
    names = set(layout.names(folder))
    notes, days = [], []
    for name in sorted(names):
        day = layout.day_of_prev(name)
        if day is None or layout.day_file(folder, day).name in names:
            continue
        note = restore_day(folder, day)
        if note is not None:
            notes.append(note)
            days.append(day)
    return notes, days


def _aside_name(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}{layout.DAMAGED_MARK}{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}{layout.DAMAGED_MARK}{stamp}-{n}")
    return aside


def repair_day(folder: Path, day: date) -> Note:
    """Move a damaged day file aside and put its previous generation in its place."""
    path = layout.day_file(folder, day)
    aside = _aside_name(path)
    replace(path, aside)
    # At once: without it a power cut may keep the day file written next (its rename) and
    # lose this one, and the damaged file, the only copy of its last step, would be gone.
    fsync_dir(folder)
    raw = _good_generation(layout.prev_file(path))
    if raw is None:
        return Note("journal.recovered.day_lost", {"day": day.isoformat(), "file": aside.name})
    write_durably(path, raw)
    return Note("journal.recovered.day_from_prev", {"day": day.isoformat(), "file": aside.name})


def read_previous(folder: Path, day: date) -> tuple[dict[str, Any], float] | None:
    """The previous generation of a day, parsed, and when it was written (seconds since the
    epoch), for a reader that may not repair; None when there is no good one."""
    try:
        got = read_file(layout.prev_file(layout.day_file(folder, day)))
        if got is None:
            return None
        return decode(got[1], ""), got[0][3] / 1e9
    except (DamagedFile, UnreadableFile):
        return None
