"""``journal check``: read every file of a journal (or of a copy) and say what is wrong.

It never takes the writer lock and never changes a file, so it can run beside the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.sale import FINAL, Sale, State
from ..i18n import t
from . import index as index_file
from . import layout
from .errors import DamagedFile
from .recovery import Note
from .rules import history_problem, secret_keys
from .storage import decode, read_file


@dataclass
class FileReport:
    name: str
    problems: list[Note] = field(default_factory=list)  # damage: check fails
    notes: list[Note] = field(default_factory=list)     # worth knowing, not damage
    sales: int = 0


@dataclass
class CheckReport:
    folder: Path
    files: list[FileReport] = field(default_factory=list)

    @property
    def damaged(self) -> list[FileReport]:
        return [f for f in self.files if f.problems]

    @property
    def ok(self) -> bool:
        return not self.damaged


@dataclass
class _Seen:
    """What the day files hold, for the checks that span files."""

    days_of: dict[str, list[date]] = field(default_factory=dict)
    unfinished: dict[str, date] = field(default_factory=dict)


def check_folder(folder: Path) -> CheckReport:
    report = CheckReport(folder)
    seen = _Seen()
    names = sorted(layout.names(folder))
    for name in names:
        day = layout.day_of_file(name)
        if day is not None:
            report.files.append(_check_day(folder, name, day, seen))
    for ref, days in seen.days_of.items():
        if len(days) > 1:
            report.files.append(FileReport(ref, [Note("journal.check.ref_in_two_days", {
                "ref": ref, "days": ", ".join(d.isoformat() for d in days)})]))
    report.files.append(_check_index(folder, seen, has_days=bool(seen.days_of)))
    leftovers = _check_leftovers(folder, names)
    if leftovers.notes or leftovers.problems:
        report.files.append(leftovers)
    return report


def _check_day(folder: Path, name: str, day: date, seen: _Seen) -> FileReport:
    report = FileReport(name)
    got = read_file(folder / name)
    if got is None:  # replaced away while we listed: nothing to say
        return report
    try:
        tables = decode(got[1], name)
    except DamagedFile as exc:
        report.problems.append(Note("journal.check.unreadable", {"reason": exc.reason}))
        if _prev_is_good(folder / name):
            report.notes.append(Note("journal.check.prev_available"))
        return report
    refs: set[str] = set()
    for doc_id, doc in tables.get(layout.TABLE, {}).items():
        report.problems += _check_document(doc_id, doc, refs)
        ref = str(doc.get("ref", ""))
        if ref:
            seen.days_of.setdefault(ref, []).append(day)
            if _state_of(doc) not in FINAL:
                seen.unfinished[ref] = day
    report.sales = len(refs)
    return report


def _check_document(doc_id: str, doc: dict[str, Any], refs: set[str]) -> list[Note]:
    try:
        sale = Sale.from_dict(doc)
    except (KeyError, TypeError, ValueError) as exc:
        return [Note("journal.check.bad_document", {"id": doc_id, "reason": repr(exc)})]
    problems = []
    if sale.ref in refs:
        problems.append(Note("journal.check.duplicate_ref", {"ref": sale.ref}))
    refs.add(sale.ref)
    found = history_problem(doc["history"])
    if found is not None:
        problems.append(Note("journal.check.bad_history",
                             {"ref": sale.ref, "problem": t(found[0], **found[1])}))
    elif doc.get("state") != sale.state.value:
        problems.append(Note("journal.check.inconsistent", {"ref": sale.ref}))
    for key in secret_keys(doc["history"]):
        problems.append(Note("journal.check.secret", {"ref": sale.ref, "key": key}))
    return problems


def _state_of(doc: dict[str, Any]) -> State | None:
    try:
        return State(doc["history"][-1]["state"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _prev_is_good(path: Path) -> bool:
    got = read_file(layout.prev_file(path))
    if got is None:
        return False
    try:
        decode(got[1], "")
    except DamagedFile:
        return False
    return True


def _check_index(folder: Path, seen: _Seen, has_days: bool) -> FileReport:
    report = FileReport(layout.INDEX_NAME)
    got = read_file(folder / layout.INDEX_NAME)
    if got is None:
        if seen.unfinished:
            report.problems.append(Note("journal.check.index_missing"))
        elif has_days:
            report.notes.append(Note("journal.check.index_missing_harmless"))
        return report
    try:
        entries = index_file.decode(got[1], layout.INDEX_NAME)
    except DamagedFile as exc:
        report.problems.append(Note("journal.check.unreadable", {"reason": exc.reason}))
        return report
    for ref, day in sorted(seen.unfinished.items()):
        if entries.get(ref) != day:
            report.problems.append(Note("journal.check.not_indexed",
                                        {"ref": ref, "day": day.isoformat()}))
    stale = [r for r in entries if r not in seen.unfinished]
    if stale:
        report.notes.append(Note("journal.check.index_stale", {"count": len(stale)}))
    report.sales = len(entries)
    return report


def _check_leftovers(folder: Path, names: list[str]) -> FileReport:
    report = FileReport(str(folder))
    for name in names:
        if layout.is_temp(name):
            report.notes.append(Note("journal.check.temp_left", {"file": name}))
        elif layout.is_damaged(name):
            report.notes.append(Note("journal.check.damaged_aside", {"file": name}))
        elif layout.day_of_prev(name) is not None and not _prev_is_good(
                folder / name[: -len(layout.PREV_SUFFIX)]):
            report.notes.append(Note("journal.check.prev_bad", {"file": name}))
    return report
