"""``journal backup``: a consistent copy of the journal, even while the app writes to it.

No lock is taken: day files are only ever replaced whole, so opening one by name always gets
a complete generation, old or new. The copy's index is built from the copied days rather than
copied, so the two agree even if the app moved on while the copy was made.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import private
from ..domain.sale import FINAL, State
from . import layout
from .check import CheckReport, check_folder
from .errors import DamagedFile, JournalError
from .index import IndexFile
from .storage import decode, read_file, write_durably


def backup(source: Path, dest: Path) -> tuple[int, CheckReport]:
    """Copy every day file and an index into ``dest``; how many days, and the copy's check."""
    if not source.is_dir():
        raise JournalError("journal.no_folder", folder=str(source))
    if dest.resolve() == source.resolve():
        raise JournalError("journal.backup.same_folder", folder=str(dest))
    # A folder the copy makes is the user's alone (R12) and durable; one that exists (a USB
    # stick) is left as it is. Every file copied is 0600 (write_durably).
    private.make_folder(dest)
    unfinished: dict[str, date] = {}
    copied = 0
    names = sorted(layout.names(source))
    for name in names:
        day = layout.day_of_file(name)
        if day is None:
            # A day with only its previous generation is copied as it is, so the copy's
            # check names it as the source's does.
            day = layout.day_of_prev(name)
            if day is None or layout.day_file(source, day).name in names:
                continue
        got = read_file(source / name)
        if got is None:
            continue
        write_durably(dest / name, got[1])
        unfinished.update({ref: day for ref in _unfinished(got[1])})
        copied += 1
    IndexFile(dest / layout.INDEX_NAME).write(unfinished)
    return copied, check_folder(dest)


def _unfinished(raw: bytes) -> list[str]:
    try:
        docs = decode(raw, "").get(layout.TABLE, {}).values()
    except DamagedFile:
        return []  # copied as it is; the check of the copy says so
    refs = []
    for doc in docs:
        try:
            if State(doc["history"][-1]["state"]) not in FINAL:
                refs.append(str(doc["ref"]))
        except (KeyError, IndexError, TypeError, ValueError):
            continue
    return refs
