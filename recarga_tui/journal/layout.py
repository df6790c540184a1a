"""Where things live in the journal folder, and what a file name says.

    journal/
      journal.lock               the one-writer lock file (the app never replaces nor deletes
                                 it; the folder itself is locked too: see lock.py)
      index.json                 unfinished sales -> their day
      2026-11-25.json            the sales created that day (current generation)
      2026-11-25.json.prev       the generation before it
      2026-11-25.json.damaged-20261126T081500   a file recovery moved aside
      .2026-11-25.json.<pid>.<hex>.tmp          a write in progress (removed at start once
                                                 its writer is gone)
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

from .errors import UnreadableFile

TABLE = "sales"  # the TinyDB table of a day file
DESK = "desk"    # its shifts and cashiers' locks (domain/shift.py), where it has some
LOCK_NAME = "journal.lock"
INDEX_NAME = "index.json"
DAY_SUFFIX = ".json"
PREV_SUFFIX = ".prev"
DAMAGED_MARK = ".damaged-"

_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")
_PREV_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json\.prev$")
# new_ref: "<terminal>-<YYMMDD>-<token>"; the terminal id may itself hold dashes.
_REF_DAY = re.compile(r"-(\d{6})-[^-]+$")


def day_file(folder: Path, day: date) -> Path:
    return folder / f"{day.isoformat()}{DAY_SUFFIX}"


def prev_file(path: Path) -> Path:
    return path.with_name(path.name + PREV_SUFFIX)


def _as_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def day_of_file(name: str) -> date | None:
    """The day a current-generation file holds, or None for any other file."""
    m = _DAY_FILE.match(name)
    return _as_day(m.group(1)) if m else None


def day_of_prev(name: str) -> date | None:
    m = _PREV_FILE.match(name)
    return _as_day(m.group(1)) if m else None


def is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def pid_of_temp(name: str) -> int | None:
    """The writer's pid in a temp file's name (``.<file>.<pid>.<hex>.tmp``), if it has one."""
    parts = name.rsplit(".", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return int(parts[1])


def is_damaged(name: str) -> bool:
    return DAMAGED_MARK in name


def is_journal_name(name: str) -> bool:
    """A file the journal makes (any version of the app): the only ones it ever tightens."""
    return (name in (LOCK_NAME, INDEX_NAME) or day_of_name(name) is not None
            or (is_damaged(name) and day_of_file(name.split(DAMAGED_MARK)[0]) is not None)
            or is_temp(name))


def day_of_ref(ref: str) -> date | None:
    """The day embedded in a client reference by ``domain.sale.new_ref``, if it has one."""
    m = _REF_DAY.search(ref)
    if not m:
        return None
    digits = m.group(1)
    try:
        return date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None


def candidate_days(ref: str) -> list[date]:
    """Where a sale may be: its ref's day first, then the neighbours.

    The neighbours cover a reference made in another time zone than the journal's.
    """
    day = day_of_ref(ref)
    if day is None:
        return []
    return [day, day - timedelta(days=1), day + timedelta(days=1)]


def names(folder: Path) -> list[str]:
    """The folder's names; none when it does not exist; :class:`UnreadableFile` when it
    cannot be listed (a file where the folder should be, no permission)."""
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise UnreadableFile(str(folder), exc.strerror or str(exc)) from None


def day_of_name(name: str) -> date | None:
    """The day a day file or its previous generation holds, or None for any other file."""
    return day_of_file(name) or day_of_prev(name)


def list_days(folder: Path) -> list[date]:
    """The days that have a file, or only a previous generation (``.prev``): such a day is
    a damaged day, read from its ``.prev`` (restored by the writer), never left out."""
    return sorted({d for d in map(day_of_name, names(folder)) if d is not None})
