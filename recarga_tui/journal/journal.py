"""The shop's notebook (R03): every sale, every step, on disk before the step happens.

One TinyDB file a day (the local day the sale was created), one document a sale carrying its
whole history. ``record`` returns only once the step is fsynced, so the services call it
before doing what the step announces. One process writes (a lock held for its life); any
other copy of the app reads.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import date, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from .. import private
from ..domain import shift as desk
from ..domain.sale import FINAL, Sale, State
from . import layout, recovery
from .errors import DamagedFile, JournalError, UnreadableFile, from_os_error
from .index import IndexFile
from .lock import LockBusy, WriterLock
from .recovery import Note
from .rules import (
    check_desk_recordable,
    check_extends,
    check_recordable,
    desk_stored_form,
    stored_form,
    verify,
)
from .storage import AtomicJSONStorage

log = logging.getLogger(__name__)

# Day files kept parsed in memory: today and the few days the pending sales come from.
OPEN_DAYS = 4


def take_lock(folder: Path) -> tuple[WriterLock | None, str | None]:
    """The writer lock, or None and the catalog key of why this copy is read-only.

    The folder is made first if missing (0700, R12; durable: ``private.make_folder``); see
    ``lock.py`` for what is locked.
    """
    try:
        private.make_folder(folder, settle=True)
        lock = WriterLock.take(folder)
    except NotADirectoryError as exc:  # a file where the folder should be: never "read-only"
        raise UnreadableFile(str(exc.filename or folder), exc.strerror or str(exc)) from None
    except LockBusy:
        return None, "journal.read_only"
    except OSError:
        return None, "journal.read_only_disk"
    return lock, None


def _log_tightened(folder: Path, changed: list[str]) -> None:
    if changed:
        log.warning("journal readable by others: now only this user's (R12): %s",
                    "; ".join(changed))
    loose = private.readable_by_others(folder)
    if loose:  # not made by the app: its mode is the owner's to change, the log says how
        log.warning("journal folder readable by others, left as it is (R12): %s; its files "
                    "are only this user's; to close it too: chmod 700 %s", loose, folder)


class Journal:
    """Open with :meth:`open`; the screens use only these methods, never TinyDB."""

    def __init__(self, folder: Path, tz: tzinfo | None, lock: WriterLock | None,
                 read_only_key: str | None) -> None:
        self.folder = folder
        self._tz = tz
        self._lock = lock
        self._read_only_key = read_only_key
        self._mutex = threading.RLock()
        self._dbs: OrderedDict[date, TinyDB] = OrderedDict()
        self._index_file = IndexFile(folder / layout.INDEX_NAME)
        self._index: dict[str, date] = {}  # the writer's copy; it alone changes the file
        self._notes: list[Note] = []
        self._closed = False

    # --- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, tz: tzinfo | None = None, read_only: bool = False) -> Journal:
        """Take the writer lock and recover, or open read-only when another copy writes.

        ``tz`` decides which local day a sale belongs to (default: the computer's zone).
        """
        folder = Path(folder).expanduser()
        if read_only:
            return cls(folder, tz, None, "journal.read_only_asked")
        lock, why = take_lock(folder)
        journal = cls(folder, tz, lock, why)
        if lock is not None:
            try:
                journal._start()
            except BaseException as exc:
                journal.close()
                if isinstance(exc, OSError):
                    raise from_os_error(exc) from exc
                raise
        return journal

    def close(self) -> None:
        with self._mutex:
            for db in self._dbs.values():
                db.close()
            self._dbs.clear()
            if self._lock is not None:
                self._lock.release()
                self._lock = None
            self._closed = True

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        return self._read_only_key is not None

    @property
    def read_only_reason(self) -> str | None:
        """The catalog key to show while read-only ("solo lectura"), None for the writer."""
        return self._read_only_key

    @property
    def recovered(self) -> list[Note]:
        """What recovery did since opening (at start, or on a damaged day met later)."""
        return list(self._notes)

    # --- writing --------------------------------------------------------------------------

    def record(self, sale: Sale) -> None:
        """Store ``sale`` durably; return only once its newest step is fsynced.

        Raises :class:`JournalError` when this copy is read-only, when the sale's history does
        not extend the stored one, when its data names a secret (R12), or when the disk
        refuses the write (the stored file is then unchanged).
        """
        with self._mutex:
            self._check_usable()
            if self._read_only_key is not None:
                raise JournalError(self._read_only_key, ref=sale.ref)
            doc = stored_form(sale)
            check_recordable(sale, doc)
            try:
                assert self._lock is not None
                self._lock.verify()  # journal.lock deleted under us: made and locked again
                self._write(sale, doc)
            except LockBusy:
                self._read_only_key = "journal.read_only"
                raise JournalError(self._read_only_key, ref=sale.ref) from None
            except UnreadableFile as exc:
                # The day file turned unreadable under the writer: a disk matter like any
                # refused write, so a dealer's answer is kept in memory until it is mended.
                log.error("sale %s: %s not stored: %s: %s", sale.ref, sale.state.value,
                          exc.path, exc.reason)
                raise JournalError("journal.write_failed", ref=sale.ref,
                                   reason=f"{exc.path}: {exc.reason}") from exc
            except OSError as exc:
                log.error("sale %s: %s not stored: %s", sale.ref, sale.state.value, exc)
                raise from_os_error(exc, ref=sale.ref) from exc
        # By reference only: the customer's number stays in the notebook, not in the log.
        log.info("sale %s: %s (attempt %d)", sale.ref, sale.state.value, sale.attempts)

    def _write(self, sale: Sale, doc: dict[str, Any]) -> None:
        # An unfinished sale stays in the day the index says, even if the zone changed since.
        day = self._index.get(sale.ref) or self.day_of(sale)
        docs = self._docs(day)
        found = next((d for d in docs if d.get("ref") == sale.ref), None)
        if found is not None:
            check_extends(sale.ref, found.get("history", []), doc["history"])
            # Events (a ticket printed) only ever grow too, and change no state.
            check_extends(sale.ref, found.get("events", []), doc.get("events", []))
            if (len(found.get("history", [])) == len(doc["history"])
                    and len(found.get("events", [])) == len(doc.get("events", []))):
                return  # already stored: recording twice is harmless
            if verify(found) is False:
                # The .prev about to be made still holds the record as it was found.
                log.warning("sale %s: the stored record fails its check (changed after it was "
                            "written); written again with this step", sale.ref)
        if not sale.is_final and self._index.get(sale.ref) != day:
            self._set_index({**self._index, sale.ref: day})  # before the day: a superset
        table = self._table(day)
        if found is not None:
            # TinyDB's stub asks a MutableMapping of the callback; ours takes the document.
            table.update(_replace_with(doc),  # type: ignore[arg-type]  # as said above
                         doc_ids=[found.doc_id])
        else:
            next_id = max((d.doc_id for d in docs), default=0) + 1
            table.insert(Document(doc, doc_id=next_id))
        if sale.is_final and sale.ref in self._index:
            self._drop_from_index([sale.ref])

    def _set_index(self, entries: dict[str, date]) -> None:
        self._index_file.write(entries)
        self._index = entries

    def _drop_from_index(self, refs: Iterable[str]) -> None:
        """Best effort: the step is already stored, and a stale entry is harmless."""
        gone = set(refs)
        entries = {r: d for r, d in self._index.items() if r not in gone}
        try:
            self._set_index(entries)
        except OSError:
            pass

    # --- the counter's own records: shifts and locks ----------------------------------------

    def record_desk(self, item: desk.Shift | desk.Lock) -> None:
        """Store a shift or a lock durably, in the day file of the day it began (its ``desk``
        table); return only once it is fsynced. Refused like a sale's step: read-only, a
        history that does not extend the stored one, a secret (R12), a disk that refuses."""
        record = item.record
        with self._mutex:
            self._check_usable()
            if self._read_only_key is not None:
                raise JournalError(self._read_only_key, ref=record.id)
            doc = desk_stored_form(record)
            check_desk_recordable(record.id, doc)
            try:
                assert self._lock is not None
                self._lock.verify()
                self._write_desk(record, doc)
            except LockBusy:
                self._read_only_key = "journal.read_only"
                raise JournalError(self._read_only_key, ref=record.id) from None
            except UnreadableFile as exc:
                raise JournalError("journal.write_failed", ref=record.id,
                                   reason=f"{exc.path}: {exc.reason}") from exc
            except OSError as exc:
                log.error("%s %s: %s not stored: %s", record.kind.value, record.id,
                          record.step.value, exc)
                raise from_os_error(exc, ref=record.id) from exc
        log.info("%s %s: %s", record.kind.value, record.id, record.step.value)

    def _write_desk(self, record: desk.Record, doc: dict[str, Any]) -> None:
        day = self._day_of_time(record.at)
        docs = self._desk_docs(day)
        found = next((d for d in docs if d.get("id") == record.id), None)
        table = self._table(day, name=layout.DESK)
        if found is not None:
            check_extends(record.id, found.get("history", []), doc["history"])
            if len(found.get("history", [])) == len(doc["history"]):
                return  # already stored
            table.update(_replace_with(doc),  # type: ignore[arg-type]  # as in _write
                         doc_ids=[found.doc_id])
            return
        next_id = max((d.doc_id for d in docs), default=0) + 1
        table.insert(Document(doc, doc_id=next_id))

    def desk_of_day(self, day: date) -> list[desk.Shift | desk.Lock]:
        """The shifts begun and the cashiers locked on ``day``, in the order they began; a
        document that is neither is noted (``bad_document``) and left out."""
        with self._mutex:
            self._check_usable()
            found = []
            for doc in self._desk_docs(day, keep=False):
                try:
                    found.append(desk.read(doc))
                except (KeyError, TypeError, ValueError):
                    self._note(Note("journal.recovered.bad_document",
                                    {"day": day.isoformat(), "ref": str(doc.get("id", "?"))}))
            return sorted(found, key=lambda item: item.record.at)

    def latest_shift(self, since: date | None = None) -> desk.Shift | None:
        """The shift begun last (open or ended), looking back from the newest day as far as
        ``since``: where the counter stands, read again at every start."""
        for day in reversed(self.days()):
            if since is not None and day < since:
                return None
            shifts = [i for i in self.desk_of_day(day) if isinstance(i, desk.Shift)]
            if shifts:
                return shifts[-1]
        return None

    def _desk_docs(self, day: date, keep: bool = True) -> list[Document]:
        """The day's desk documents; a damaged day is repaired (writer) or read from its
        ``.prev`` (reader), as its sales are."""
        self._docs(day, keep)  # the day's damage, found and dealt with once, by its sales
        try:
            docs = self._table(day, keep, layout.DESK).all()
        except DamagedFile:
            if not self.read_only:
                raise
        else:
            if docs or not (self.read_only and self._only_prev(day)):
                return docs
        previous = recovery.read_previous(self.folder, day)
        tables = previous[0] if previous is not None else {}
        return [Document(doc, int(i)) for i, doc in tables.get(layout.DESK, {}).items()]

    def _day_of_time(self, at: datetime) -> date:
        return at.astimezone(self._tz).date()

    # --- reading --------------------------------------------------------------------------

    def day_of(self, sale: Sale) -> date:
        """The business day of a sale: the local date it was created."""
        return self._day_of_time(sale.created_at)

    def get(self, ref: str) -> Sale | None:
        with self._mutex:
            self._check_usable()
            known = self._entries().get(ref)
            days = list(dict.fromkeys(([known] if known else []) + layout.candidate_days(ref)))
            for n, day in enumerate(days):
                for doc in self._docs(day, keep=n == 0):
                    if doc.get("ref") == ref:
                        return self._sale(doc, day)
            return None

    def unfinished_sales(self) -> list[Sale]:
        """Every sale not yet in a final state, of any day: what a restart must resume."""
        with self._mutex:
            self._check_usable()
            by_day: dict[date, set[str]] = {}
            for ref, day in self._entries().items():
                by_day.setdefault(day, set()).add(ref)
            found = []
            for day in sorted(by_day):
                docs = [d for d in self._docs(day, keep=False) if d.get("ref") in by_day[day]]
                found += [s for s in (self._sale(d, day) for d in docs)
                          if s is not None and not s.is_final]
            return sorted(found, key=lambda s: s.created_at)

    def open_sales(self) -> list[Sale]:
        """Paid sales still waiting for something (``domain.sale.OPEN``): the pending list."""
        return [s for s in self.unfinished_sales() if s.is_open]

    def days(self) -> list[date]:
        """The days that have a file, oldest first."""
        return layout.list_days(self.folder)

    def sales_of_day(self, day: date) -> list[Sale]:
        with self._mutex:
            self._check_usable()
            return self._sales(day, keep=False)

    def sales_between(self, first: date, last: date) -> list[Sale]:
        """Sales of the days ``first`` to ``last`` (both included), in order of creation."""
        return self._scan(lambda day: first <= day <= last, lambda sale: True)

    def search(self, msisdn: str, since: date | None = None) -> list[Sale]:
        """Sales for a number, in order of creation.

        A whole number matches exactly (any of its captures, so a corrected one too); fewer
        digits match the end of the number ("the last four digits").
        """
        digits = re.sub(r"\D", "", msisdn)
        if not digits:
            return []
        return self._scan(lambda day: since is None or day >= since,
                          lambda sale: _matches(sale, digits))

    def _scan(self, want_day: Callable[[date], bool], want: Callable[[Sale], bool]) -> list[Sale]:
        with self._mutex:
            self._check_usable()
            found = []
            for day in self.days():
                if want_day(day):
                    found += [s for s in self._sales(day, keep=False) if want(s)]
            return found

    # --- the day files ----------------------------------------------------------------------

    def _db(self, day: date, keep: bool) -> TinyDB:
        db = self._dbs.get(day)
        if db is not None:
            self._dbs.move_to_end(day)
            return db
        db = TinyDB(layout.day_file(self.folder, day), storage=AtomicJSONStorage,
                    read_only=self.read_only, listed=True)
        if keep:
            self._dbs[day] = db
            while len(self._dbs) > OPEN_DAYS:
                self._dbs.popitem(last=False)[1].close()
        return db

    def _table(self, day: date, keep: bool = True, name: str = layout.TABLE) -> Table:
        # No query cache: another process may have replaced the file since the last query.
        return self._db(day, keep).table(name, cache_size=0)

    def _docs(self, day: date, keep: bool = True) -> list[Document]:
        """The day's documents; a damaged file is repaired (writer) or read from ``.prev``.

        A day whose file is missing while its ``.prev`` is there (a repair cut by a crash or
        a power cut after the damaged file was moved aside) is a damaged day too: the writer
        puts the ``.prev`` back, a reader shows it and says so, never an empty day."""
        try:
            docs = self._table(day, keep).all()
        except DamagedFile:
            missing = False
        else:
            if docs or not self._only_prev(day):
                return docs
            missing = True
        if self.read_only:
            previous = recovery.read_previous(self.folder, day)
            if previous is None:
                self._note(Note("journal.recovered.damaged_read_only_lost",
                                {"day": day.isoformat()}))
                return []
            tables, mtime = previous
            self._note(Note("journal.recovered.damaged_read_only",
                            {"day": day.isoformat(), "time": self._when(day, mtime)}))
            return [Document(doc, int(i)) for i, doc in tables.get(layout.TABLE, {}).items()]
        known = sorted(r for r, d in self._index.items() if d == day)
        try:
            note = (recovery.restore_day(self.folder, day) or
                    Note("journal.recovered.day_missing", {"day": day.isoformat()})) \
                if missing else recovery.repair_day(self.folder, day)
            self._note(note)
            docs = self._table(day, keep).all()
            self._adopt(day, docs)
        except OSError as exc:
            raise from_os_error(exc, day=day.isoformat()) from exc
        present = {d.get("ref") for d in docs}
        lost = [ref for ref in known if ref not in present]
        if lost:  # unfinished by the index, gone with the damage: named, never called finished
            self._note(Note("journal.recovered.unfinished_lost",
                            {"day": day.isoformat(), "count": len(lost), "refs": ", ".join(lost)}))
        return docs

    def _only_prev(self, day: date) -> bool:
        path = layout.day_file(self.folder, day)
        return not os.path.lexists(path) and os.path.lexists(layout.prev_file(path))

    def _when(self, day: date, mtime: float) -> str:
        """A file's time as the cashier says it: "12:03", or with its date if not that day."""
        at = datetime.fromtimestamp(mtime, tz=self._tz) if self._tz else \
            datetime.fromtimestamp(mtime)
        return at.strftime("%H:%M") if at.date() == day else at.strftime("%Y-%m-%d %H:%M")

    def _note(self, note: Note) -> None:
        """Keep what recovery did or found for the screen (once), and say it in the log."""
        if note in self._notes:
            return
        self._notes.append(note)
        log.warning("journal: %s", note.text("en"))

    def _adopt(self, day: date, docs: list[Document]) -> None:
        """Index the unfinished sales of a day brought back from an older generation."""
        missing = {s.ref: day for s in map(_sale_or_none, docs)
                   if s is not None and not s.is_final and s.ref not in self._index}
        if missing:
            self._set_index({**self._index, **missing})

    def _sales(self, day: date, keep: bool) -> list[Sale]:
        # Each document is let go once it is a Sale: a day of 300 sales peaks at its parsed
        # file instead of the file and all its Sales side by side (docs/performance.md).
        docs = self._docs(day, keep)
        docs.reverse()
        sales = []
        while docs:
            sale = self._sale(docs.pop(), day)
            if sale is not None:
                sales.append(sale)
        return sorted(sales, key=lambda s: s.created_at)

    def _sale(self, doc: dict[str, Any], day: date) -> Sale | None:
        sale = _sale_or_none(doc)
        if sale is None:
            self._note(Note("journal.recovered.bad_document",
                            {"day": day.isoformat(), "ref": str(doc.get("ref", "?"))}))
        return sale

    def _entries(self) -> dict[str, date]:
        """The index as this copy may trust it: its own (writer) or the file's (reader)."""
        if self._read_only_key is None:
            return self._index
        try:
            entries = self._index_file.read()
        except (DamagedFile, UnreadableFile):
            entries = None  # the days say it all: the index only saves reading them
        return entries if entries is not None else self._scan_unfinished()

    def _scan_unfinished(self) -> dict[str, date]:
        """Read every day: only when the index is missing or damaged."""
        entries = {}
        for day in self.days():
            for sale in self._sales(day, keep=False):
                if not sale.is_final:
                    entries[sale.ref] = day
        return entries

    def _check_usable(self) -> None:
        if self._closed:
            raise JournalError("journal.closed")

    # --- start (writer only) ---------------------------------------------------------------

    def _start(self) -> None:
        """Recover what a crash may have left, reading only the days that can matter."""
        # An older version's 0644 files; the app's own files only, never the folder.
        _log_tightened(self.folder, private.tighten_files(self.folder, layout.is_journal_name))
        for note in recovery.remove_temps(self.folder):
            self._note(note)
        notes, restored = recovery.restore_missing(self.folder)
        for note in notes:
            self._note(note)
        try:
            loaded = self._index_file.read()
        except (DamagedFile, UnreadableFile):
            loaded = None
        days = self.days()
        rebuild = loaded is None and bool(days)
        self._index = loaded or {}
        # A crash or power cut can only have hurt the files written last.
        to_check = set(self._index.values()) | set(days[-2:]) | set(restored)
        seen = {day: self._docs(day, keep=False) for day in sorted(to_check)}
        # Every record of the days written last, and the unfinished ones of the older days the
        # index names (the rest of those days is for ``journal check``): a digest costs tens of
        # microseconds, and a start-up should not pay for a whole busy week.
        recent = set(days[-2:]) | set(restored)
        waiting = set(self._index)
        for day, docs in seen.items():
            for doc in docs:
                if day not in recent and doc.get("ref") not in waiting:
                    continue
                if verify(doc) is False:
                    self._note(Note("journal.recovered.check_failed",
                                    {"day": day.isoformat(), "ref": str(doc.get("ref", "?"))}))
        if rebuild:
            self._save_index_at_start(self._scan_unfinished())
            self._note(Note("journal.recovered.index_rebuilt"))
            return
        entries = {r: d for r, d in self._index.items() if d not in seen}
        for day, docs in seen.items():
            entries.update({str(d.get("ref")): day for d in docs if _unfinished(d)})
        if entries != self._index or loaded is None:
            self._save_index_at_start(entries)

    def _save_index_at_start(self, entries: dict[str, date]) -> None:
        """A full disk must not keep the app from opening: it can still show the notebook."""
        try:
            self._set_index(entries)
        except OSError:
            self._index = entries
            self._note(Note("journal.recovered.index_not_saved"))

    def rebuild_index(self) -> int:
        """Rebuild the index from every day file (``journal check --repair``); how many refs."""
        with self._mutex:
            self._check_usable()
            if self._read_only_key is not None:
                raise JournalError(self._read_only_key)
            try:
                self._set_index(self._scan_unfinished())
            except OSError as exc:
                raise from_os_error(exc) from exc
            return len(self._index)


def _replace_with(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def apply(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return apply


def _unfinished(doc: dict[str, Any]) -> bool:
    """Whether a stored sale still waits, read from its last step without building it."""
    try:
        return State(doc["history"][-1]["state"]) not in FINAL
    except (KeyError, IndexError, TypeError, ValueError):
        return False


def _sale_or_none(doc: dict[str, Any]) -> Sale | None:
    try:
        return Sale.from_dict(doc)
    except (KeyError, TypeError, ValueError):
        return None


def _matches(sale: Sale, digits: str) -> bool:
    numbers = {re.sub(r"\D", "", sale.msisdn)}
    numbers |= {re.sub(r"\D", "", str(step.data.get("msisdn", ""))) for step in sale.history}
    if len(digits) >= 10:
        return digits in numbers
    return any(n.endswith(digits) for n in numbers if n)
