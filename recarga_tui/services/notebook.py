"""The notebook as the app reads it: the journal on disk, and the dealer's answers the disk
refused so far.

Two kinds of step, two rules (R02, R03, R16):

* A step that **announces** something (sending, paid, refunded...) is written ahead: if the
  disk refuses it, :meth:`Notebook.record` raises and nothing is done.
* A step that **records what the dealer said** (confirmed, rejected, unknown, a check) is a
  fact whether or not the disk takes it: the top-up was delivered or refused at the dealer.
  :meth:`Notebook.record_outcome` never loses it from view. When the disk refuses it, the step
  is kept in memory, every read of the notebook returns it (so the receipt, the pending list
  and the checks see the truth), the cashier is told the notebook could not write it, and
  :meth:`Notebook.write_unwritten` writes it as soon as the disk allows, without a restart.

A crash before then loses only the memory: the journal still says "sending", and the recovery
at the next start sends the sale to the check in the sales report (R16, R19), which finds the
outcome again. Nothing is ever announced from memory alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from ..domain import shift as desk
from ..domain.sale import Sale
from ..journal.errors import JournalError
from ..journal.journal import Journal
from ..journal.recovery import Note
from .events import Kind, Listeners

log = logging.getLogger(__name__)

# The disk refused the write: it will take it once someone frees space or mends the disk.
DISK_REFUSED = frozenset({"journal.disk_full", "journal.disk_read_only",
                          "journal.write_failed"})


class Unrecordable(JournalError):
    """The step itself cannot be written (its data does not encode): not a disk matter."""


class Notebook:
    """The journal's reading and writing, with the outcomes the disk has not taken yet."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._unwritten: dict[str, tuple[Sale, str]] = {}  # ref -> (sale, why: catalog key)
        # Told of every step recorded, on disk or kept in memory: the screens follow the
        # sales through it instead of reading the journal every few seconds.
        self.events = Listeners()

    # --- writing ---

    def record(self, sale: Sale) -> None:
        """Write ahead: on disk before the step's action, or :class:`JournalError`."""
        self.journal.record(sale)
        self._unwritten.pop(sale.ref, None)  # a longer history holds the unwritten steps
        self.events.emit(Kind.RECORDED, sale)

    def record_outcome(self, sale: Sale) -> bool:
        """Write what the dealer said; False when the disk refused it and it is kept to write
        later. :class:`Unrecordable` when the step cannot be written at all."""
        try:
            self.record(sale)
            return True
        except JournalError as err:
            if err.code == "journal.bad_data":
                raise Unrecordable(err.code, **err.params) from err
            if err.code not in DISK_REFUSED:
                raise
            self._unwritten[sale.ref] = (sale, err.code)
            log.error("sale %s: %s kept in memory until the disk takes it (%s)", sale.ref,
                      sale.state.value, err.code)
            self.events.emit(Kind.RECORDED, sale)
            return False

    def write_unwritten(self) -> list[Sale]:
        """Write what the disk refused before; the sales now on disk."""
        written = []
        for ref, (sale, _why) in list(self._unwritten.items()):
            try:
                self.journal.record(sale)
            except JournalError as err:
                if err.code in DISK_REFUSED:
                    continue  # still refused: try again later
                log.error("sale %s: the kept step cannot be written (%s)", ref, err.code)
                continue
            self._unwritten.pop(ref, None)
            log.info("sale %s: %s written after the disk refused it", ref, sale.state.value)
            written.append(sale)
            self.events.emit(Kind.RECORDED, sale)
        return written

    def unwritten_reason(self, ref: str) -> str | None:
        """The catalog key of why the disk refused the sale's newest step, None if written."""
        kept = self._unwritten.get(ref)
        return kept[1] if kept else None

    @property
    def unwritten(self) -> list[Sale]:
        return [sale for sale, _why in self._unwritten.values()]

    # --- reading: the journal, newer where memory knows more ---

    def _newer(self, sales: Iterable[Sale]) -> list[Sale]:
        return [self._unwritten[s.ref][0] if s.ref in self._unwritten else s for s in sales]

    def get(self, ref: str) -> Sale | None:
        kept = self._unwritten.get(ref)
        return kept[0] if kept else self.journal.get(ref)

    def unfinished_sales(self) -> list[Sale]:
        return [s for s in self._newer(self.journal.unfinished_sales()) if not s.is_final]

    def open_sales(self) -> list[Sale]:
        return [s for s in self.unfinished_sales() if s.is_open]

    def sales_of_day(self, day: date) -> list[Sale]:
        return self._newer(self.journal.sales_of_day(day))

    def sales_between(self, first: date, last: date) -> list[Sale]:
        return self._newer(self.journal.sales_between(first, last))

    def search(self, msisdn: str, since: date | None = None) -> list[Sale]:
        return self._newer(self.journal.search(msisdn, since=since))

    def days(self) -> list[date]:
        return self.journal.days()

    # --- the counter's own records: shifts and cashiers' locks ---

    def record_desk(self, item: desk.Shift | desk.Lock) -> None:
        """Write a shift's step or a lock ahead, like a sale's step: on disk, or
        :class:`JournalError` and nothing is said done."""
        self.journal.record_desk(item)

    def desk_of_day(self, day: date) -> list[desk.Shift | desk.Lock]:
        return self.journal.desk_of_day(day)

    def latest_shift(self, since: date | None = None) -> desk.Shift | None:
        return self.journal.latest_shift(since)

    # --- what the journal is ---

    @property
    def folder(self) -> Path:
        return self.journal.folder

    @property
    def read_only(self) -> bool:
        return bool(self.journal.read_only)

    @property
    def read_only_reason(self) -> str | None:
        return self.journal.read_only_reason

    @property
    def recovered(self) -> list[Note]:
        return self.journal.recovered

    def close(self) -> None:
        if self._unwritten:
            log.error("closing with %d step(s) the disk refused: %s; the recovery at the next "
                      "start checks them", len(self._unwritten), ", ".join(self._unwritten))
        self.journal.close()
