"""The sale and its state machine.

A sale is created at capture with its client reference, which never changes: every attempt
to send it reuses that reference, so the dealer can never top up twice (R02, R16, R19).
Each transition carries its time and its data; an illegal one raises :class:`IllegalTransition`.
The functions here take times as arguments; they never read a clock.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field
from msgspec.structs import replace

if TYPE_CHECKING:
    from .cashier import Cashier
    from .catalog import Category, SoldWith


class State(StrEnum):
    CAPTURED = "captured"      # number, company and amount taken down
    ACCEPTED = "accepted"      # the customer accepted the read-back (R04)
    PAID = "paid"              # the money is in the drawer (R05)
    DEFERRED = "deferred"      # paid, to be sent when the system is normal (R17)
    SENDING = "sending"        # written ahead: the request is (about to be) on its way
    CONFIRMED = "confirmed"    # the dealer says it was delivered (final)
    REJECTED = "rejected"      # a definite refusal: nothing reached the carrier
    UNKNOWN = "unknown"        # no definite answer: must be checked (R16, R19)
    NOT_FOUND = "not_found"    # checked, and absent after the reflection window (R19)
    REFUNDED = "refunded"      # money given back; nothing was delivered (final)
    CARRIED = "carried"        # money carried to a corrected sale (final)
    ABANDONED = "abandoned"    # left before paying: nothing owed (final)


# A request the dealer turned away without looking at it (the shop's session lapsed) goes
# back to the state it was sent from: nothing left the shop, so the sale is as paid, deferred
# or not found as before. The counter writes these steps, always to the state before.
TURNED_AWAY: frozenset[State] = frozenset({State.PAID, State.DEFERRED, State.NOT_FOUND})

# Where each state may go. A state that maps to itself records a step that keeps it
# (a corrected capture, another check of an unknown outcome, a new promise for a deferral).
TRANSITIONS: Mapping[State, frozenset[State]] = {
    State.CAPTURED: frozenset({State.CAPTURED, State.ACCEPTED, State.ABANDONED}),
    State.ACCEPTED: frozenset({State.CAPTURED, State.PAID, State.ABANDONED}),
    State.PAID: frozenset({State.SENDING, State.DEFERRED, State.REFUNDED}),
    State.DEFERRED: frozenset({State.DEFERRED, State.SENDING, State.REFUNDED}),
    State.SENDING: frozenset({State.CONFIRMED, State.REJECTED, State.UNKNOWN}) | TURNED_AWAY,
    State.UNKNOWN: frozenset({State.UNKNOWN, State.CONFIRMED, State.REJECTED, State.NOT_FOUND}),
    State.NOT_FOUND: frozenset({State.SENDING, State.REFUNDED}),
    State.REJECTED: frozenset({State.REFUNDED, State.CARRIED}),
    State.CONFIRMED: frozenset(),
    State.REFUNDED: frozenset(),
    State.CARRIED: frozenset(),
    State.ABANDONED: frozenset(),
}



def step_allowed(current: State, target: State, data: Mapping[str, Any]) -> bool:
    """Whether a step may follow: a transition of the table, or the dealer's id noted while
    the sale is sent (``Sale.note_dealer_id``) — "sending" after "sending" only then, never a
    second send."""
    if target in TRANSITIONS[current]:
        return True
    return (current is State.SENDING and target is State.SENDING
            and data.get("noted") is True and bool(data.get("dealer_id")))


FINAL: frozenset[State] = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)

# Money may go back only where the top-up provably never reached the carrier (R02, R16):
# paid or deferred (never sent), rejected (a definite refusal) or not found after the
# reflection window (R19). Never from unknown or sending, never after confirmed.
REFUNDABLE: frozenset[State] = frozenset(
    s for s, nxt in TRANSITIONS.items() if State.REFUNDED in nxt
)

# Sales that still wait for something: the pending list and the recovery at start.
OPEN: frozenset[State] = frozenset(
    {State.PAID, State.DEFERRED, State.SENDING, State.UNKNOWN, State.NOT_FOUND, State.REJECTED}
)

# Before payment nothing is owed either way.
UNPAID: frozenset[State] = frozenset({State.CAPTURED, State.ACCEPTED})


class EventKind(StrEnum):
    """Things that happen to a sale without moving its state: they never send, change or end
    it, so they are kept beside the history, not in it."""

    PRINTED = "printed"        # the customer's ticket came out of the printer
    REPRINTED = "reprinted"    # a copy of it, marked REIMPRESIÓN, came out later
    CLARIFICATION = "clarification"  # a clarification about it was asked of the dealer (R11)


class SaleError(Exception):
    """A domain rule refused something; ``code`` is a catalog key, ``params`` fill it in."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


class IllegalTransition(SaleError):
    def __init__(self, ref: str, current: State, target: State) -> None:
        super().__init__("sale.illegal_transition", ref=ref, current=current.value,
                         target=target.value)
        self.current = current
        self.target = target


class Transition(Struct, frozen=True):
    """One step of a sale's history: the state it reached, when, and what was known."""

    state: State
    at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"state": self.state.value, "at": self.at.isoformat(), "data": dict(self.data)}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Transition:
        return cls(State(raw["state"]), datetime.fromisoformat(raw["at"]), dict(raw["data"]))


class SaleEvent(Struct, frozen=True):
    """Something that happened to a sale at ``at`` and changed nothing of it (a ticket
    printed): kept in the notebook as proof, in the order it happened."""

    kind: EventKind
    at: datetime
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "at": self.at.isoformat(), "data": dict(self.data)}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> SaleEvent:
        return cls(EventKind(raw["kind"]), datetime.fromisoformat(raw["at"]),
                   dict(raw.get("data", {})))


def _check_amount(amount: Any) -> None:
    # bool is an int subclass and a float is never money: both are refused, as is a non-number.
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise SaleError("sale.bad_amount")


def new_ref(terminal_id: str, at: datetime, token: str | None = None) -> str:
    """A client reference unique to this terminal: ``DEMO-01-251125-1a2b3c4d``.

    The day in it names the journal file that holds the sale.
    """
    return f"{terminal_id}-{at:%y%m%d}-{token or secrets.token_hex(4)}"


class Sale(Struct, frozen=True):
    """A sale and its whole history. Immutable: :meth:`advance` returns the next sale."""

    ref: str
    msisdn: str
    carrier_id: str
    sku: str
    amount: int  # centavos
    history: tuple[Transition, ...]
    events: tuple[SaleEvent, ...] = ()

    # --- creation and steps ---

    @classmethod
    def capture(cls, ref: str, msisdn: str, carrier_id: str, sku: str, amount: int,
                at: datetime, **data: Any) -> Sale:
        if at.tzinfo is None:
            raise SaleError("sale.naive_time")
        _check_amount(amount)
        first = Transition(State.CAPTURED, at, {"msisdn": msisdn, "carrier_id": carrier_id,
                                                "sku": sku, "amount": amount, **data})
        return cls(ref, msisdn, carrier_id, sku, amount, (first,))

    def can(self, target: State) -> bool:
        return target in TRANSITIONS[self.state]

    def advance(self, target: State, at: datetime, **data: Any) -> Sale:
        """The sale one step on, or :class:`IllegalTransition`."""
        if not step_allowed(self.state, target, data):
            raise IllegalTransition(self.ref, self.state, target)
        if at.tzinfo is None:
            raise SaleError("sale.naive_time")
        if at < self.history[-1].at:
            raise SaleError("sale.time_backwards", ref=self.ref)
        if target is State.CAPTURED and "amount" in data:
            _check_amount(data["amount"])
        step = Transition(target, at, data)
        changes: dict[str, Any] = {"history": self.history + (step,)}
        if target is State.CAPTURED:  # a corrected capture replaces the entries
            for key in ("msisdn", "carrier_id", "sku", "amount"):
                if key in data:
                    changes[key] = data[key]
        return replace(self, **changes)

    def note_dealer_id(self, at: datetime, dealer_id: str) -> Sale:
        """The id a dealer named for the sale while it is being sent (a dealer that takes no
        reference from the shop, port ``SaleKey.NONE``): a ``sending`` step that keeps the
        sale sending and is not another attempt."""
        return self.advance(State.SENDING, at, dealer_id=dealer_id, noted=True)

    def note(self, kind: EventKind, at: datetime, **data: Any) -> Sale:
        """The sale with one more event; its state and history stay as they are."""
        if at.tzinfo is None:
            raise SaleError("sale.naive_time")
        return replace(self, events=self.events + (SaleEvent(kind, at, data),))

    def events_of(self, *kinds: EventKind) -> tuple[SaleEvent, ...]:
        return tuple(e for e in self.events if e.kind in kinds)

    # --- what the history says ---

    @property
    def state(self) -> State:
        return self.history[-1].state

    @property
    def created_at(self) -> datetime:
        return self.history[0].at

    @property
    def updated_at(self) -> datetime:
        return self.history[-1].at

    @property
    def is_final(self) -> bool:
        return self.state in FINAL

    @property
    def is_open(self) -> bool:
        return self.state in OPEN

    @property
    def can_refund(self) -> bool:
        return self.state in REFUNDABLE

    def last(self, state: State) -> Transition | None:
        for step in reversed(self.history):
            if step.state is state:
                return step
        return None

    def first(self, state: State) -> Transition | None:
        for step in self.history:
            if step.state is state:
                return step
        return None

    def _sends(self) -> list[Transition]:
        """The sending steps the dealer may have seen: not those it turned away unseen."""
        steps = self.history
        return [step for step, after in zip(steps, steps[1:] + (None,), strict=False)
                if step.state is State.SENDING and not step.data.get("noted")
                and (after is None or after.state not in TURNED_AWAY)]

    @property
    def attempts(self) -> int:
        """How many times the top-up was sent (always under the same reference)."""
        return len(self._sends())

    @property
    def first_sent(self) -> Transition | None:
        """The first attempt the dealer may have seen."""
        sends = self._sends()
        return sends[0] if sends else None

    @property
    def last_sent(self) -> Transition | None:
        """The latest attempt the dealer may have seen (R19 counts its window from there)."""
        sends = self._sends()
        return sends[-1] if sends else None

    @property
    def dealer_id(self) -> str | None:
        """The dealer's own id for the sale, the latest journaled: asked before the send
        (``SaleKey.DEALER_ID_FIRST``) or named by the dealer while it was sent (``NONE``)."""
        for step in reversed(self.history):
            if step.data.get("dealer_id"):
                return str(step.data["dealer_id"])
        return None

    @property
    def dealer_ids(self) -> frozenset[str]:
        """Every id of the dealer this sale holds: its own, and the record a check claimed
        for it (``topup_id``). A record claimed by one sale is never claimed by another."""
        return frozenset(str(step.data[key]) for step in self.history
                         for key in ("dealer_id", "topup_id") if step.data.get(key))

    @property
    def sold(self) -> SoldWith:
        """What the sale was sold as: the category, the product's words and the fields typed,
        from the latest capture (a sale journaled before categories existed was airtime)."""
        from .catalog import sold_with

        for step in reversed(self.history):
            if step.state is State.CAPTURED and "category" in step.data:
                return sold_with(step.data)
        return sold_with({})

    @property
    def category(self) -> Category:
        return self.sold.category

    @property
    def cashier(self) -> Cashier | None:
        """Who sold it: the cashier who took the money (the paid step), else the one who
        captured it; None in a shop without cashiers (or a sale journaled before them)."""
        from .cashier import Cashier

        paid = self.first(State.PAID)
        if paid is not None and (who := Cashier.of(paid.data)) is not None:
            return who
        for step in reversed(self.history):
            if step.state is State.CAPTURED and (who := Cashier.of(step.data)) is not None:
                return who
        return None

    def cashier_of(self, state: State) -> Cashier | None:
        """The cashier of the latest ``state`` step (who gave the money back...), if named."""
        from .cashier import Cashier

        step = self.last(state)
        return Cashier.of(step.data) if step is not None else None

    @property
    def handed(self) -> int:
        step = self.first(State.PAID)
        return int(step.data.get("handed", 0)) if step else 0

    @property
    def change(self) -> int:
        step = self.first(State.PAID)
        return int(step.data.get("change", 0)) if step else 0

    def to_dict(self) -> dict[str, Any]:
        doc = {
            "ref": self.ref,
            "msisdn": self.msisdn,
            "carrier_id": self.carrier_id,
            "sku": self.sku,
            "amount": self.amount,
            "state": self.state.value,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "history": [step.to_dict() for step in self.history],
        }
        if self.events:  # absent until the first one: older documents read the same
            doc["events"] = [event.to_dict() for event in self.events]
        return doc

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Sale:
        return cls(
            ref=raw["ref"],
            msisdn=raw["msisdn"],
            carrier_id=raw["carrier_id"],
            sku=raw["sku"],
            amount=int(raw["amount"]),
            history=tuple(Transition.from_dict(step) for step in raw["history"]),
            events=tuple(SaleEvent.from_dict(e) for e in raw.get("events", ())),
        )
