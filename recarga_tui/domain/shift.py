"""A cashier's shift at the counter, and what the drawer must hold at its end.

A shift opens with the cash in the drawer (the previous shift's count, or what the owner
puts in first) and ends with the cash counted. What the drawer must hold is the cash close's
own arithmetic (``close.py``) over the sales paid during the shift, to the centavo::

    expected = opening + (cash taken - change given - money given back)   # close.drawer
                       - money given back during the shift for sales paid before it

The last term is the one thing a shift adds to a day's close: a sale paid in one shift and
given back in a later one left the drawer in the later shift, so that shift's drawer, not the
first one's, is short of it. ``difference`` is counted minus expected: below zero the drawer
is short.

The cashier's lock after wrong PINs (``Lock``) is kept beside the shifts: both are the
counter's own records in the notebook (the day file's ``desk`` table, ``journal.md``),
each with a history that only grows, like a sale's. Pure: times are arguments.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from msgspec import Struct, field
from msgspec.structs import replace

from .cashier import Cashier
from .catalog import Category
from .close import CashClose, close, net_paid, paid_at
from .earnings import Earnings, summarize
from .sale import Sale, SaleError, State


class Kind(StrEnum):
    SHIFT = "shift"  # a cashier's turn at the drawer
    LOCK = "lock"    # a cashier locked after repeated wrong PINs


class Step(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    LOCKED = "locked"


# Where each kind's history may go: a shift opens once and closes once; a lock is one step.
FIRST: Mapping[Kind, Step] = {Kind.SHIFT: Step.OPEN, Kind.LOCK: Step.LOCKED}
NEXT: Mapping[Step, frozenset[Step]] = {
    Step.OPEN: frozenset({Step.CLOSED}),
    Step.CLOSED: frozenset(),
    Step.LOCKED: frozenset(),
}


class Entry(Struct, frozen=True):
    """One step of a desk record: what it reached, when, and its figures."""

    step: Step
    at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.step.value, "at": self.at.isoformat(), "data": dict(self.data)}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Entry:
        return cls(Step(raw["state"]), datetime.fromisoformat(raw["at"]),
                   dict(raw.get("data", {})))


def new_id(terminal_id: str, at: datetime, token: str | None = None) -> str:
    """A desk record's id: ``DEMO-01-251125-t1a2b3c4`` (the day it opened in it)."""
    return f"{terminal_id}-{at:%y%m%d}-t{token or secrets.token_hex(4)}"


class Record(Struct, frozen=True):
    """A shift or a lock as the notebook keeps it: its kind, id, cashier and history."""

    kind: Kind
    id: str
    cashier: Cashier
    history: tuple[Entry, ...]

    @property
    def at(self) -> datetime:
        """When it began: the day file that holds it is this time's day."""
        return self.history[0].at

    @property
    def step(self) -> Step:
        return self.history[-1].step

    def first(self, step: Step) -> Entry | None:
        return next((e for e in self.history if e.step is step), None)

    def advance(self, step: Step, at: datetime, **data: Any) -> Record:
        if step not in NEXT[self.step]:
            raise SaleError("shift.illegal_step", id=self.id, current=self.step.value,
                            target=step.value)
        if at.tzinfo is None:
            raise SaleError("sale.naive_time")
        if at < self.history[-1].at:
            raise SaleError("sale.time_backwards", ref=self.id)
        return replace(self, history=self.history + (Entry(step, at, data),))

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "id": self.id, "cashier": self.cashier.journal(),
                "step": self.step.value, "history": [e.to_dict() for e in self.history]}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Record:
        cashier = Cashier.of(raw)
        if cashier is None:
            raise ValueError("a desk record names its cashier")
        history = tuple(Entry.from_dict(e) for e in raw["history"])
        if not history:
            raise ValueError("a desk record has at least one step")
        return cls(Kind(raw["kind"]), str(raw["id"]), cashier, history)


def history_problem(kind: Any, history: Sequence[Any]) -> tuple[str, dict[str, Any]] | None:
    """Why a stored desk record's history is not one its kind may have, or None."""
    try:
        known = Kind(kind)
    except ValueError:
        return "journal.desk.bad_kind", {"kind": str(kind)}
    previous: Entry | None = None
    for number, raw in enumerate(history, start=1):
        try:
            entry = Entry.from_dict(raw)
        except (KeyError, TypeError, ValueError):
            return "journal.history.bad_step", {"step": number}
        if entry.at.tzinfo is None:
            return "journal.history.bad_step", {"step": number}
        if previous is None and entry.step is not FIRST[known]:
            return "journal.desk.not_first", {"state": entry.step.value}
        if previous is not None:
            if entry.step not in NEXT[previous.step]:
                return "journal.history.illegal", {"step": number,
                                                   "current": previous.step.value,
                                                   "target": entry.step.value}
            if entry.at < previous.at:
                return "journal.history.time_backwards", {"step": number}
        previous = entry
    if previous is None:
        return "journal.history.empty", {}
    return None


# --- a shift -------------------------------------------------------------------------------


class OnRecord:
    """What a shift and a lock say of the record they stand on: its id and its cashier."""

    __slots__ = ()  # a mixin of Structs, which keep no __dict__
    record: Record

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def cashier(self) -> Cashier:
        return self.record.cashier


class Figures(Struct, frozen=True):
    """What a shift did to the drawer, from the notebook's sales (centavos)."""

    opening: int
    close: CashClose
    given_back_earlier: int   # given back during the shift, for sales paid before it
    given_back_count: int     # how many sales were given money back during the shift
    earnings: Earnings

    @property
    def given_back(self) -> int:
        """All the money given back during the shift."""
        return self.close.given_back + self.given_back_earlier

    @property
    def expected(self) -> int:
        """What the drawer must hold now: the opening cash and the shift's drawer."""
        return self.opening + self.close.drawer - self.given_back_earlier

    def journal(self) -> dict[str, Any]:
        c = self.close
        return {
            "opening": self.opening, "expected": self.expected,
            "cash_taken": c.cash_taken, "change_given": c.change_given,
            "given_back": self.given_back, "given_back_count": self.given_back_count,
            "paid_count": len(c.sales), "confirmed_count": c.confirmed_count,
            "confirmed_total": c.confirmed_total, "owed_total": c.owed_total,
            "earning": self.earnings.total,
            "earning_by_category": {cat.value: n for cat, n in self.earnings.by_category},
        }


def refunded_at(sale: Sale) -> datetime | None:
    step = sale.last(State.REFUNDED)
    return step.at if step else None


def figures(sales: Iterable[Sale], start: datetime, end: datetime, opening: int) -> Figures:
    """The drawer of a shift from ``start`` to ``end`` that opened with ``opening``: the
    close of the sales paid in it, less what it gave back of sales paid before it."""
    every = tuple({s.ref: s for s in sales}.values())
    c = close(every, start, end)
    back = [s for s in every if (at := refunded_at(s)) is not None and start <= at < end]
    earlier = [s for s in back if (paid := paid_at(s)) is not None and paid < start]
    return Figures(opening, c, sum(net_paid(s) for s in earlier), len(back),
                   summarize(c.sales))


class Shift(OnRecord, Struct, frozen=True):
    """A cashier's shift: a desk record of kind shift, read."""

    record: Record

    @classmethod
    def open(cls, shift_id: str, cashier: Cashier, at: datetime, opening: int,
             previous: str | None = None, pending_days: Iterable[str] = ()) -> Shift:
        """A shift opened with ``opening`` cash (the previous shift's count, ``previous``).
        ``pending_days``: the days of the sales still open as it starts, which a refund
        during the shift may be for (read again at its end)."""
        if at.tzinfo is None:
            raise SaleError("sale.naive_time")
        if isinstance(opening, bool) or not isinstance(opening, int) or opening < 0:
            raise SaleError("shift.bad_count")
        data: dict[str, Any] = {"opening": opening}
        if previous:
            data["from"] = previous
        if pending := sorted(set(pending_days)):
            data["pending_days"] = pending
        return cls(Record(Kind.SHIFT, shift_id, cashier, (Entry(Step.OPEN, at, data),)))

    def closed(self, at: datetime, counted: int, found: Figures, *,
               by: Cashier | None = None, handed_to: Cashier | None = None) -> Shift:
        """The shift ended with ``counted`` cash, beside what the drawer must hold."""
        if isinstance(counted, bool) or not isinstance(counted, int) or counted < 0:
            raise SaleError("shift.bad_count")
        data: dict[str, Any] = {"counted": counted, **found.journal(),
                                "difference": counted - found.expected}
        if by is not None and by != self.cashier:
            data["by"] = by.journal()  # the owner ended it for the cashier
        if handed_to is not None:
            data["handed_to"] = handed_to.journal()
        return Shift(self.record.advance(Step.CLOSED, at, **data))

    # --- what it says ---

    @property
    def opened_at(self) -> datetime:
        return self.record.at

    @property
    def is_open(self) -> bool:
        return self.record.step is Step.OPEN

    @property
    def opening(self) -> int:
        return int(self.record.history[0].data.get("opening", 0))

    @property
    def previous(self) -> str | None:
        found = self.record.history[0].data.get("from")
        return str(found) if found else None

    @property
    def pending_days(self) -> tuple[str, ...]:
        raw = self.record.history[0].data.get("pending_days", ())
        return tuple(str(d) for d in raw) if isinstance(raw, list) else ()

    @property
    def end(self) -> Entry | None:
        return self.record.first(Step.CLOSED)

    @property
    def closed_at(self) -> datetime | None:
        end = self.end
        return end.at if end else None

    def figure(self, key: str) -> int | None:
        """A figure journaled at the end (``counted``, ``expected``, ``difference``...)."""
        end = self.end
        raw = end.data.get(key) if end else None
        return raw if isinstance(raw, int) and not isinstance(raw, bool) else None

    @property
    def handed_to(self) -> Cashier | None:
        end = self.end
        if end is None or not isinstance(end.data.get("handed_to"), Mapping):
            return None
        return Cashier.of({"cashier": end.data["handed_to"]})


class Lock(OnRecord, Struct, frozen=True):
    """A cashier locked after repeated wrong PINs: who, when, until when."""

    record: Record

    @classmethod
    def new(cls, lock_id: str, cashier: Cashier, at: datetime, until: datetime,
            attempts: int) -> Lock:
        if at.tzinfo is None or until.tzinfo is None:
            raise SaleError("sale.naive_time")
        return cls(Record(Kind.LOCK, lock_id, cashier, (Entry(
            Step.LOCKED, at, {"until": until.isoformat(), "attempts": attempts}),)))

    @property
    def at(self) -> datetime:
        return self.record.at

    @property
    def until(self) -> datetime:
        return datetime.fromisoformat(str(self.record.history[0].data["until"]))


def read(raw: Mapping[str, Any]) -> Shift | Lock:
    """A stored desk document as what it is; ValueError (or KeyError, TypeError) when it is
    not one."""
    record = Record.from_dict(raw)
    return Shift(record) if record.kind is Kind.SHIFT else Lock(record)


# --- the owner's day ------------------------------------------------------------------------


class Row(Struct, frozen=True):
    """One shift of a day as the owner reads it: who, from-to, what it did and the count.
    ``counted`` and ``difference`` are None while the shift is still open (its ``expected``
    is then what the drawer must hold so far)."""

    shift: Shift
    start: datetime
    end: datetime | None
    paid_count: int
    confirmed_count: int
    confirmed_total: int
    given_back: int
    given_back_count: int
    opening: int
    expected: int
    counted: int | None
    difference: int | None
    earning: int
    earning_by_category: tuple[tuple[Category, int], ...]


def row_of(shift: Shift, live: Figures | None = None) -> Row:
    """A closed shift from what it journaled at its end (never recomputed: a later refund or
    a changed rate does not change a past shift); an open one from ``live`` figures."""
    if not shift.is_open:
        def f(key: str) -> int:
            return shift.figure(key) or 0

        end = shift.end
        by_cat = end.data.get("earning_by_category", {}) if end else {}
        cats = tuple((Category(k), int(v)) for k, v in by_cat.items()
                     if k in Category._value2member_map_ and isinstance(v, int)) \
            if isinstance(by_cat, Mapping) else ()
        return Row(shift, shift.opened_at, shift.closed_at, f("paid_count"),
                   f("confirmed_count"), f("confirmed_total"), f("given_back"),
                   f("given_back_count"), shift.opening, f("expected"), shift.figure("counted"),
                   shift.figure("difference"), f("earning"), cats)
    if live is None:
        raise ValueError("an open shift's row needs its figures so far")
    c = live.close
    return Row(shift, shift.opened_at, None, len(c.sales), c.confirmed_count, c.confirmed_total,
               live.given_back, live.given_back_count, live.opening, live.expected, None, None,
               live.earnings.total, live.earnings.by_category)
