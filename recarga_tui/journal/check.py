"""``journal check``: read every file of a journal (or of a copy) and say what is wrong.

It never takes the writer lock and never changes a file, so it can run beside the app.
Beyond what the app's reading notices, it finds damage that keeps the JSON valid: a document
id given twice (JSON keeps the last one, so a sale vanishes), and a record changed after it
was written (its integrity check, ``rules.verify``). Sales the index holds unfinished in a day
that cannot be read are named, never taken for finished.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from ..domain.sale import FINAL, Sale, State
from ..i18n import t
from . import contents, layout
from . import index as index_file
from .errors import DamagedFile, UnreadableFile
from .recovery import Note
from .rules import desk_problem, history_problem, secret_keys, verify
from .storage import decode, read_file


class FileReport(Struct):
    name: str
    problems: list[Note] = field(default_factory=list)  # damage: check fails
    notes: list[Note] = field(default_factory=list)     # worth knowing, not damage
    sales: int = 0


class CheckReport(Struct):
    folder: Path
    files: list[FileReport] = field(default_factory=list)

    @property
    def damaged(self) -> list[FileReport]:
        return [f for f in self.files if f.problems]

    @property
    def ok(self) -> bool:
        return not self.damaged


class _Seen(Struct):
    """What the day files hold, for the checks that span files."""

    days_of: dict[str, list[date]] = field(default_factory=dict)
    unfinished: dict[str, date] = field(default_factory=dict)
    unreadable: set[date] = field(default_factory=set)  # days whose sales are not known


class _Index(Struct):
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
    present = set(names)
    for name in names:
        day = layout.day_of_file(name)
        if day is not None:
            report.files.append(_check_day(folder, name, day, seen, index))
            continue
        day = layout.day_of_prev(name)
        if day is not None and layout.day_file(folder, day).name not in present:
            report.files.append(_check_only_prev(folder, day, seen, index))
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


def _check_only_prev(folder: Path, day: date, seen: _Seen, index: _Index) -> FileReport:
    """A day with only its ``.prev`` (a repair cut after the damaged file was moved aside):
    damage, read from the ``.prev`` as the app reads it, so no sale of it is called
    finished, nor left out."""
    path = layout.day_file(folder, day)
    name = layout.prev_file(path).name
    report = FileReport(path.name, [Note("journal.check.only_prev", {"file": name})])
    prev = _read_prev(path)
    if prev is None:
        _unreadable_day(report, day, seen, index, prev=None)
        return report
    _check_tables(report, day, prev, _Repeats(), seen, prev=None)
    return report


def _unreadable_day(report: FileReport, day: date, seen: _Seen, index: _Index,
                    prev: set[str] | None) -> None:
    seen.unreadable.add(day)
    if prev is not None:
        report.notes.append(Note("journal.check.prev_available"))
    for ref in index.refs_of(day):
        if prev is None:
            report.problems.append(Note("journal.check.unfinished_unreadable", {"ref": ref}))
        elif ref not in prev:
            report.problems.append(Note("journal.check.unfinished_not_in_prev", {"ref": ref}))


def _check_day(folder: Path, name: str, day: date, seen: _Seen, index: _Index) -> FileReport:
    report = FileReport(name)
    prev = _read_prev(folder / name)
    try:
        got = read_file(folder / name)
        if got is None:  # replaced away while we listed: nothing to say
            return report
        tables, repeats = _decode_strict(got[1], name)
    except (DamagedFile, UnreadableFile) as exc:
        report.problems.append(Note("journal.check.unreadable", {"reason": exc.reason}))
        prev_refs = None if prev is None else _refs(prev)
        _unreadable_day(report, day, seen, index, prev_refs)
        return report
    _check_tables(report, day, tables, repeats, seen, prev)
    return report


def _check_tables(report: FileReport, day: date, tables: dict[str, Any], repeats: _Repeats,
                  seen: _Seen, prev: dict[str, Any] | None) -> None:
    """The documents of a day that parses, against its own contents and its ``.prev``."""
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
    report.problems += _missing(table, contents.listed(tables), prev)
    report.problems += _check_desk(tables, prev)
    if contents.listed(tables) is None:
        report.notes.append(Note("journal.check.no_contents"))
    report.sales = len(refs)


def _check_desk(tables: dict[str, Any], prev: dict[str, Any] | None) -> list[Note]:
    """The day's shifts and cashiers' locks (its ``desk`` table): each a record of its kind
    with a legal history, as sealed, no secret, no id twice, and none lost since written."""
    table = tables.get(layout.DESK, {})
    problems: list[Note] = []
    ids: set[str] = set()
    for doc_id, doc in table.items():
        name = _desk_id(doc)
        found = desk_problem(doc)
        if found is not None:
            problems.append(Note("journal.check.bad_desk", {
                "id": doc_id, "problem": t(found[0], **found[1])}))
        if verify(doc) is False:
            problems.append(Note("journal.check.desk.check_failed", {"ref": name, "id": doc_id}))
        if name in ids:
            problems.append(Note("journal.check.desk.duplicate_ref", {"ref": name}))
        ids.add(name)
        for key in secret_keys(doc):
            problems.append(Note("journal.check.desk.secret", {"ref": name, "key": key}))
    listed = contents.listed(tables, layout.DESK) if table or prev else None
    return problems + _missing(table, listed, prev, layout.DESK, _desk_id, "desk.")


def _desk_id(doc: dict[str, Any]) -> str:
    return str(doc.get("id", "?"))


def _missing(table: dict[str, Any], listed: dict[str, tuple[str, int, int, str]] | None,
             prev: dict[str, Any] | None, part: str = layout.TABLE,
             name_of: Callable[[dict[str, Any]], str] | None = None,
             words: str = "") -> list[Note]:
    """What the day lost after it was written, named with the sale: a document its contents
    list or its ``.prev`` holds and it does not, fewer steps than they know, a check that is
    not the one written, a document id skipped (ids run 1, 2, 3... and a sale never leaves
    its day). One problem a sale: the first found."""
    found: dict[str, Note] = {}
    _ref = name_of or _sale_ref

    def say(ref: str, key: str, **params: Any) -> None:
        found.setdefault(ref, Note(f"journal.check.{words}{key}", {"ref": ref, **params}))

    by_ref = {_ref(doc): doc for doc in table.values()}
    for doc_id, (ref, steps, events, check) in (listed or {}).items():
        doc = table.get(doc_id)
        if doc is None:
            say(ref, "missing_sale", id=doc_id)
        elif _ref(doc) != ref:
            say(ref, "not_as_listed", id=doc_id, found=_ref(doc))
        elif _fewer(_counts(doc), (steps, events)):
            say(ref, "steps_missing", have=sum(_counts(doc)), known=steps + events)
        elif check and contents.short_check(doc) != check and verify(doc) is not False:
            say(ref, "check_removed")
    for doc_id, doc in table.items():
        if listed is not None and doc_id not in listed:
            say(_ref(doc), "not_listed", id=doc_id)
    for doc_id, doc in (prev or {}).get(part, {}).items():
        mine = by_ref.get(_ref(doc))
        if mine is None:
            say(_ref(doc), "missing_sale", id=doc_id)
        elif _fewer(_counts(mine), _counts(doc)):
            say(_ref(doc), "steps_missing", have=sum(_counts(mine)), known=sum(_counts(doc)))
    named = {str(note.params.get("id")) for note in found.values()}
    ids = {int(i) for i in table if i.isdigit()}
    problems = list(found.values())
    for gap in sorted(set(range(1, max(ids, default=0) + 1)) - ids):
        if str(gap) not in named:
            problems.append(Note(f"journal.check.{words}missing_id", {"id": gap}))
    return problems


def _sale_ref(doc: dict[str, Any]) -> str:
    return str(doc.get("ref", "?"))


def _fewer(have: tuple[int, int], known: tuple[int, int]) -> bool:
    return have[0] < known[0] or have[1] < known[1]


def _counts(doc: dict[str, Any]) -> tuple[int, int]:
    """How many steps and events a stored sale has."""
    history, events = doc.get("history"), doc.get("events", [])
    return (len(history) if isinstance(history, list) else 0,
            len(events) if isinstance(events, list) else 0)


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


def _read_prev(path: Path) -> dict[str, Any] | None:
    """A day's previous generation, parsed; None when it is missing or unreadable."""
    try:
        got = read_file(layout.prev_file(path))
        return None if got is None else decode(got[1], "")
    except (DamagedFile, UnreadableFile):
        return None


def _refs(tables: dict[str, Any]) -> set[str]:
    return {str(doc.get("ref", "")) for doc in tables.get(layout.TABLE, {}).values()}


def _prev_is_good(path: Path) -> bool:
    return _read_prev(path) is not None


def _read_index(folder: Path) -> _Index:
    try:
        got = read_file(folder / layout.INDEX_NAME)
        if got is None:
            return _Index()
        return _Index(index_file.decode(got[1], layout.INDEX_NAME))
    except (DamagedFile, UnreadableFile) as exc:
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
