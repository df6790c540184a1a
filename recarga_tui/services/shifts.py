"""Shifts at the counter: who is on duty, the hand-over with the drawer counted, and the
owner's view of a day.

In a shop with cashiers (``services/cashiers.py``) nothing is sold outside a shift: a cashier
starts one with the PIN alone, and every step of the counter then names that cashier
(:meth:`Shifts.acting`). Ending a shift takes the cash counted in the drawer and journals it
beside what the drawer must hold (``domain/shift.py``: the cash close's own arithmetic, to the
centavo) and the difference; the next cashier's shift starts from that count. A hand-over is
both at once, each cashier with their own PIN. A shop without cashiers has no shifts and
sells as it always did.

The shifts are the notebook's (the day file's ``desk`` table, ``journal.md``), so a restart,
and a read-only copy, find the counter where it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta

from msgspec import Struct

from ..config import Settings
from ..domain import shift as desk
from ..domain.cashier import Cashier
from ..domain.close import CashClose, close
from ..domain.earnings import Earnings, summarize
from ..domain.sale import Sale, SaleError
from .cashiers import Cashiers, Owner

# The day's bounds from the clock, not from the cash close, whose code (CSV, the printable
# text) is loaded when a close is made, not at start.
from .clock import Clock, day_period
from .notebook import Notebook

log = logging.getLogger(__name__)

# Who ended a shift the owner ended (a cashier who left without ending it), as journaled.
OWNER = Cashier("owner", "")


class ShiftError(SaleError):
    """A shift refused (or the counter refused for want of one); ``code`` is a catalog key."""


class Day(Struct, frozen=True):
    """The owner's view of a day: every shift begun that day (who, from-to, what it did,
    expected, counted, difference), the cashiers locked that day, and the day's earnings per
    category and per cashier beside the day's close."""

    day: date
    rows: tuple[desk.Row, ...]
    locks: tuple[desk.Lock, ...]
    close: CashClose
    earnings: Earnings


class Shifts:
    """Who is on duty, and the shifts' beginnings and ends, written ahead to the notebook."""

    def __init__(self, settings: Settings, clock: Clock, notebook: Notebook,
                 cashiers: Cashiers, token: Callable[[], str] | None = None) -> None:
        self.settings = settings
        self.clock = clock
        self.notebook = notebook
        self.cashiers = cashiers
        self._token = token
        self._latest: desk.Shift | None = None
        self._loaded = False

    # --- where the counter stands ---

    def latest(self) -> desk.Shift | None:
        """The shift begun last, open or ended (read from the notebook at the first ask; a
        read-only copy reads it anew each time, its writer being another process)."""
        if not self._loaded or self.notebook.read_only:
            since = self.cashiers.since  # no shift is older than the list of cashiers
            self._latest = None if since is None else self.notebook.latest_shift(
                self._day(since) - timedelta(days=1))
            self._loaded = True
        return self._latest

    @property
    def on_duty(self) -> desk.Shift | None:
        """The open shift, if any."""
        latest = self.latest()
        return latest if latest is not None and latest.is_open else None

    def acting(self) -> Cashier | None:
        """The cashier the counter's steps name: the one on duty (None in a shop without
        cashiers, or while nobody is)."""
        if not self.cashiers.enabled:
            return None
        shift = self.on_duty
        return shift.cashier if shift is not None else None

    def may_sell(self) -> None:
        """Nothing, or :class:`ShiftError` saying why the counter cannot sell now: the list
        of cashiers cannot be read, nobody is on duty, or the cashier on duty is locked after
        repeated wrong PINs (R01: the shop's, with the next step)."""
        problem = self.cashiers.problem
        if problem is not None:
            raise ShiftError(problem.code, **problem.params)
        if not self.cashiers.enabled:
            return
        shift = self.on_duty
        if shift is None:
            raise ShiftError("shift.none_open")
        until = self.cashiers.locked_until(shift.cashier.id)
        if until is not None:
            raise ShiftError("shift.cashier_locked", name=shift.cashier.name,
                             until=f"{until:%H:%M}")

    # --- a shift's beginning and end ---

    def start(self, cashier_id: str, pin: str, opening: int | None = None) -> desk.Shift:
        """The cashier's shift, with the cash in the drawer: ``opening``, or the count the
        last shift ended with (0 for the very first)."""
        if self.on_duty is not None:
            raise ShiftError("shift.already_open", name=self.on_duty.cashier.name)
        cashier = self.cashiers.check(cashier_id, pin)
        return self._open(cashier, opening)

    def _open(self, cashier: Cashier, opening: int | None,
              previous: desk.Shift | None = None) -> desk.Shift:
        previous = previous or self.latest()
        last_count = previous.figure("counted") if previous is not None else None
        now = self.clock.now()
        token = self._token() if self._token else None
        pending = {self._day(s.created_at).isoformat()
                   for s in self.notebook.unfinished_sales()}
        shift = desk.Shift.open(
            desk.new_id(self.settings.dealer.terminal_id, now, token), cashier, now,
            opening if opening is not None else (last_count or 0),
            previous.id if previous is not None and opening is None else None, pending)
        self.notebook.record_desk(shift)
        self._latest, self._loaded = shift, True
        log.info("shift %s opened by cashier %s", shift.id, cashier.id)
        return shift

    def figures_now(self) -> desk.Figures:
        """What the shift on duty did so far, and what the drawer must hold now."""
        shift = self._open_shift()
        return self._figures(shift, self.clock.now())

    def end(self, counted: int, *, pin: str | None = None,
            owner: Owner | None = None) -> desk.Shift:
        """The shift on duty ended with the cash ``counted`` (centavos), by its cashier's
        PIN, or by the owner (a cashier who left without ending it)."""
        shift = self._open_shift()
        by = self._ender(shift, pin, owner)
        return self._close(shift, counted, by=by)

    def hand_over(self, pin: str, counted: int, next_id: str, next_pin: str
                  ) -> tuple[desk.Shift, desk.Shift]:
        """The counter to the next cashier: this shift ends with the cash counted, and the
        next one starts from that count. Both PINs are checked before anything is written."""
        shift = self._open_shift()
        self.cashiers.check(shift.cashier.id, pin)
        nxt = self.cashiers.check(next_id, next_pin)
        ended = self._close(shift, counted, by=shift.cashier, handed_to=nxt)
        return ended, self._open(nxt, None, previous=ended)

    def resume(self, pin: str) -> Cashier:
        """The cashier on duty back at a locked screen (Ctrl+L), by the PIN alone."""
        shift = self._open_shift()
        return self.cashiers.check(shift.cashier.id, pin)

    def _open_shift(self) -> desk.Shift:
        shift = self.on_duty
        if shift is None:
            raise ShiftError("shift.none_open")
        return shift

    def _ender(self, shift: desk.Shift, pin: str | None, owner: Owner | None) -> Cashier:
        if pin is not None:
            return self.cashiers.check(shift.cashier.id, pin)
        if owner is not None:
            self.cashiers.require_owner(owner)
            return OWNER
        raise ShiftError("shift.pin_needed")

    def _close(self, shift: desk.Shift, counted: int, *, by: Cashier,
               handed_to: Cashier | None = None) -> desk.Shift:
        now = self.clock.now()
        found = self._figures(shift, now)
        ended = shift.closed(now, counted, found, by=by, handed_to=handed_to)
        self.notebook.record_desk(ended)
        self._latest, self._loaded = ended, True
        log.info("shift %s ended: difference %d centavos", shift.id,
                 ended.figure("difference") or 0)
        return ended

    def _figures(self, shift: desk.Shift, end: datetime) -> desk.Figures:
        return desk.figures(self._sales_for(shift.opened_at, end, shift.pending_days),
                            shift.opened_at, end, shift.opening)

    def _sales_for(self, start: datetime, end: datetime, pending: tuple[str, ...] = ()
                   ) -> list[Sale]:
        """The sales a period's drawer may have touched: those of its days and the day
        before (a sale captured before midnight and paid after it), and those of the days of
        the sales still open when it began (money may go back for them)."""
        first, last = self._day(start) - timedelta(days=1), self._day(end)
        sales = list(self.notebook.sales_between(first, last))
        for text in pending:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                continue
            if not first <= day <= last:
                sales += self.notebook.sales_of_day(day)
        return sales

    def _day(self, at: datetime) -> date:
        return at.astimezone(self.clock.now().tzinfo).date()

    # --- the owner's day ---

    def day(self, day: date) -> Day:
        """Every shift begun on ``day`` (the open one with its figures so far), the locks of
        that day, and the day's close and earnings (per category and per cashier)."""
        items = self.notebook.desk_of_day(day)
        now = self.clock.now()
        rows = []
        for item in items:
            if isinstance(item, desk.Shift):
                live = self._figures(item, now) if item.is_open else None
                rows.append(desk.row_of(item, live))
        start, end = day_period(day, now.tzinfo)
        day_close = close(self._sales_for(start, end), start, end)
        return Day(day, tuple(rows), tuple(i for i in items if isinstance(i, desk.Lock)),
                   day_close, summarize(day_close.sales))
