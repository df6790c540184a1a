"""``journal check``: read every file of a journal (or of a copy) and say what is wrong.

It never takes the writer lock and never changes a file, so it can run beside the app.
Beyond what the app's reading notices, it finds damage that keeps the JSON valid: a document
id given twice (JSON keeps the last one, so a sale vanishes), and a record changed after it
was written (its integrity check, ``rules.verify``). Sales the index holds unfinished in a day
that cannot be read are named, never taken for finished.
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
from .rules import history_problem, secret_keys, verify
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
    unreadable: set[date] = field(default_factory=set)  # days whose sales are not known


@dataclass
class _Index:
    """The index as read before the days, so an unreadable day can name what it held."""

    entries: dict[str, date] | None = None  # None: missing or unreadable
    problem: str | None = None              # why it cannot be read

    def refs_of(self, day: date) -> list[str]:
        return sorted(r for r, d in (self.entries or {}).items() if d == day)


def check_folder(folder: Path) -> CheckReport:
    report = CheckReport(folder)
    seen = _Seen()
    names = sorted(layout.names(folder))
    index = _read_index(folder)
    for name in names:
        day = layout.day_of_file(name)
        if day is not None:
            report.files.append(_check_day(folder, name, day, seen, index))
    for ref, days in seen.days_of.items():
        if len(days) > 1:
            report.files.append(FileReport(ref, [Note("journal.check.ref_in_two_days", {
                "ref": ref, "days": ", ".join(d.isoformat() for d in days)})]))
    report.files.append(_check_index(index, seen, has_days=bool(seen.days_of)))
    leftovers = _check_leftovers(folder, names)
    if leftovers.notes or leftovers.problems:
        report.files.append(leftovers)
    return report


class _Repeats:
    """A JSON object hook that keeps what plain parsing drops: a key given twice."""

    def __init__(self) -> None:
        self.found: list[tuple[str, Any, Any]] = []  # key, the value dropped, the one kept

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj:
                self.found.append((key, obj[key], value))
            obj[key] = value
        return obj


def _decode_strict(raw: bytes, name: str) -> tuple[dict[str, Any], _Repeats]:
    repeats = _Repeats()
    return decode(raw, name, object_pairs_hook=repeats), repeats


def _check_day(folder: Path, name: str, day: date, seen: _Seen, index: _Index) -> FileReport:
    report = FileReport(name)
    got = read_file(folder / name)
    if got is None:  # replaced away while we listed: nothing to say
        return report
    try:
        tables, repeats = _decode_strict(got[1], name)
    except DamagedFile as exc:
        report.problems.append(Note("journal.check.unreadable", {"reason": exc.reason}))
        seen.unreadable.add(day)
        prev = _prev_refs(folder / name)
        if prev is not None:
            report.notes.append(Note("journal.check.prev_available"))
        for ref in index.refs_of(day):
            if prev is None:
                report.problems.append(Note("journal.check.unfinished_unreadable", {"ref": ref}))
            elif ref not in prev:
                report.problems.append(Note("journal.check.unfinished_not_in_prev", {"ref": ref}))
        return report
    refs: set[str] = set()
    unsealed = 0
    table = tables.get(layout.TABLE, {})
    hidden = []
    for key, dropped, kept in repeats.found:
        if isinstance(dropped, dict) and isinstance(kept, dict) and table.get(key) is kept:
            report.problems.append(Note("journal.check.duplicate_id", {
                "id": key, "hidden": str(dropped.get("ref", "?")),
                "shown": str(kept.get("ref", "?"))}))
            hidden.append((key, dropped))
        else:
            report.problems.append(Note("journal.check.duplicate_key", {"key": key}))
    for doc_id, doc in [*table.items(), *hidden]:
        report.problems += _check_document(doc_id, doc, refs)
        unsealed += verify(doc) is None
        ref = str(doc.get("ref", ""))
        if ref:
            seen.days_of.setdefault(ref, []).append(day)
            if _state_of(doc) not in FINAL:
                seen.unfinished[ref] = day
    if unsealed:
        report.notes.append(Note("journal.check.unsealed", {"count": unsealed}))
    report.sales = len(refs)
    return report


def _check_document(doc_id: str, doc: dict[str, Any], refs: set[str]) -> list[Note]:
    try:
        sale = Sale.from_dict(doc)
    except (KeyError, TypeError, ValueError) as exc:
        return [Note("journal.check.bad_document", {"id": doc_id, "reason": repr(exc)})]
    problems = []
    if verify(doc) is False:
        problems.append(Note("journal.check.check_failed", {"ref": sale.ref, "id": doc_id}))
    if sale.ref in refs:
        problems.append(Note("journal.check.duplicate_ref", {"ref": sale.ref}))
    refs.add(sale.ref)
    found = history_problem(doc["history"])
    if found is not None:
        problems.append(Note("journal.check.bad_history",
                             {"ref": sale.ref, "problem": t(found[0], **found[1])}))
    elif doc.get("state") != sale.state.value:
        problems.append(Note("journal.check.inconsistent", {"ref": sale.ref}))
    for key in secret_keys([doc["history"], doc.get("events", [])]):
        problems.append(Note("journal.check.secret", {"ref": sale.ref, "key": key}))
    return problems


def _state_of(doc: dict[str, Any]) -> State | None:
    try:
        return State(doc["history"][-1]["state"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None


def _prev_refs(path: Path) -> set[str] | None:
    """The refs in a day's previous generation; None when it is missing or unreadable."""
    got = read_file(layout.prev_file(path))
    if got is None:
        return None
    try:
        tables = decode(got[1], "")
    except DamagedFile:
        return None
    return {str(doc.get("ref", "")) for doc in tables.get(layout.TABLE, {}).values()}


def _prev_is_good(path: Path) -> bool:
    return _prev_refs(path) is not None


def _read_index(folder: Path) -> _Index:
    got = read_file(folder / layout.INDEX_NAME)
    if got is None:
        return _Index()
    try:
        return _Index(index_file.decode(got[1], layout.INDEX_NAME))
    except DamagedFile as exc:
        return _Index(problem=exc.reason)


def _check_index(index: _Index, seen: _Seen, has_days: bool) -> FileReport:
    report = FileReport(layout.INDEX_NAME)
    if index.problem is not None:
        report.problems.append(Note("journal.check.unreadable", {"reason": index.problem}))
        return report
    entries = index.entries
    if entries is None:
        if seen.unfinished or seen.unreadable:
            report.problems.append(Note("journal.check.index_missing"))
        elif has_days:
            report.notes.append(Note("journal.check.index_missing_harmless"))
        return report
    for ref, day in sorted(seen.unfinished.items()):
        if entries.get(ref) != day:
            report.problems.append(Note("journal.check.not_indexed",
                                        {"ref": ref, "day": day.isoformat()}))
    # An entry whose day cannot be read is not stale: how that sale ended is not known (the
    # day's own report names it).
    stale = [r for r, d in entries.items() if r not in seen.unfinished
             and d not in seen.unreadable]
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
