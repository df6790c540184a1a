"""The five origins of a failure (R01) and the next step the cashier takes for each.

The distributor's page asks to define the origin of a failure first and act on it. Each
origin has two catalog keys: ``fault.<origin>.what`` (what it means) and
``fault.<origin>.next`` (what to do now). Independently of the origin, a fault that happened
while sending is either *definite* (nothing reached the carrier: the money may go back or
the top-up be tried again) or *unknown* (it may have reached the carrier: it must be looked
up in the sales report first, R16, R19); an operation that was made is never cancelled (R02).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from msgspec import Struct, field

from recarga_tui import i18n
from recarga_tui.domain.sale import Sale, SaleError, State


class Origin(StrEnum):
    CONSUMER = "consumer"  # the customer: wrong number, number that cannot take the top-up
    SHOP = "shop"          # the point of sale: balance, terminal, this PC, its connection
    DEALER = "dealer"      # the distributor's system
    NETWORK = "network"    # the distribution network (central)
    CARRIER = "carrier"    # Telcel, Movistar, AT&T...


class Certainty(StrEnum):
    DEFINITE = "definite"  # nothing reached the carrier: money may go back, may be retried
    UNKNOWN = "unknown"    # it may have reached the carrier: check before anything (R16)
    NONE = "none"          # not about a top-up at all: a login, a refresh, a query failed


class Fault(Struct, frozen=True):
    """A failure as the cashier must see it: its origin, a catalog key and its parameters.

    ``certainty`` defaults to UNKNOWN because taking a fault for definite when it is not
    could send a top-up twice or give back money for one that arrived (R16); say DEFINITE
    only when nothing can have reached the carrier.
    """

    origin: Origin
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    certainty: Certainty = Certainty.UNKNOWN

    @property
    def must_check(self) -> bool:
        """The sale must be looked up in the sales report before a retry or refund (R19)."""
        return self.certainty is Certainty.UNKNOWN

    @property
    def money_may_go_back(self) -> bool:
        """Nothing reached the carrier, so paying the money back is allowed (R02)."""
        return self.certainty is Certainty.DEFINITE

    @classmethod
    def of(cls, error: SaleError, origin: Origin,
           certainty: Certainty = Certainty.DEFINITE) -> Fault:
        """A domain refusal as a fault; definite, as a domain rule refuses before sending."""
        return cls(origin, error.code, dict(error.params), certainty)


def name_key(origin: Origin) -> str:
    """Catalog key of the origin's name, as the cashier reads it."""
    return f"fault.{Origin(origin).value}.name"


def what(origin: Origin) -> str:
    """Catalog key of what a failure of this origin means."""
    return f"fault.{Origin(origin).value}.what"


def next_step(origin: Origin) -> str:
    """Catalog key of what the cashier does now for a failure of this origin."""
    return f"fault.{Origin(origin).value}.next"


def certainty_step(certainty: Certainty) -> str:
    """Catalog key of what the certainty allows: give money back, or check first."""
    return f"fault.{Certainty(certainty).value}.next"


def query_step(origin: Origin) -> str:
    """Catalog key of what to do when a query failed (no top-up involved): what to check
    first and whom to call."""
    return f"fault.{Origin(origin).value}.next_query"


def describe(fault: Fault, lang: str | None = None) -> str:
    """The fault for the cashier, one line each: origin, what happened, next step, and for a
    top-up what its certainty allows. A failure that is not about a top-up (a login, a query)
    says nothing of top-ups: what to check first and whom to call."""
    heading = i18n.t("fault.heading", lang=lang, origin=i18n.t(name_key(fault.origin), lang=lang))
    what_happened = i18n.t(fault.code, lang=lang, **fault.params)
    if fault.certainty is Certainty.NONE:
        return "\n".join((heading, what_happened, i18n.t(query_step(fault.origin), lang=lang)))
    return "\n".join((
        heading, what_happened,
        i18n.t(next_step(fault.origin), lang=lang),
        i18n.t(certainty_step(fault.certainty), lang=lang),
    ))


REJECTION_CLASSES = ("invalid", "refused", "transient")


def describe_rejection(fault: Fault, error_class: str, lang: str | None = None) -> str:
    """A definite refusal of a sale already paid: origin, what happened, and what the class
    of the refusal leaves the cashier to do with the customer's money (R01, R02, R18)."""
    cls = error_class if error_class in REJECTION_CLASSES else "refused"
    return "\n".join((
        i18n.t("fault.heading", lang=lang, origin=i18n.t(name_key(fault.origin), lang=lang)),
        i18n.t(fault.code, lang=lang, **fault.params),
        i18n.t(f"fault.rejected.{cls}", lang=lang),
    ))


class Heard(StrEnum):
    """What came back from the dealer for a top-up whose outcome is unknown (R16): four
    different things, each said in its own words (``check.heard.<value>``)."""

    NOTHING = "nothing"          # no answer: a timeout, a dropped connection, a crash
    UNREADABLE = "unreadable"    # an answer that could not be read, or about another sale
    ERROR = "error"              # an answer with an error that does not say what happened
    IN_PROGRESS = "in_progress"  # the dealer has it and waits for the carrier


_HEARD = {
    "timeout": Heard.NOTHING, "dropped": Heard.NOTHING, "interrupted": Heard.NOTHING,
    "malformed": Heard.UNREADABLE, "too_large": Heard.UNREADABLE,
    "mismatch": Heard.UNREADABLE, "unrecordable": Heard.UNREADABLE,
    "server_error": Heard.ERROR, "dealer_unknown": Heard.ERROR,
    "pending": Heard.IN_PROGRESS,
}


def heard(data: Mapping[str, Any]) -> Heard:
    """What the dealer's answer was, from the journaled step that made the sale unknown: its
    ``reason``, and whether the dealer had said "in progress" before the send time ran out
    (a polling that ``expired``, or a fault whose words are ``*.in_progress``)."""
    if data.get("expired") or str(data.get("code", "")).endswith(".in_progress"):
        return Heard.IN_PROGRESS
    return _HEARD.get(str(data.get("reason", "")), Heard.NOTHING)


def unknown_step_data(sale: Sale) -> Mapping[str, Any]:
    """The data of the step that made the sale unknown at its last attempt (the checks after
    it carry none of their own)."""
    for step in reversed(sale.history):
        if step.state is State.UNKNOWN and "reason" in step.data:
            return step.data
        if step.state is State.SENDING:
            break
    return {}


def fault_of(sale: Sale, state: State) -> Fault:
    """The fault journaled when ``sale`` last reached ``state`` (rejected or unknown).

    Later steps in the same state (the checks of an unknown outcome) carry no fault of their
    own, so the newest step that names an origin is the one that says where it failed (R01).
    """
    data: Mapping[str, Any] = {}
    for step in reversed(sale.history):
        if step.state is state and "origin" in step.data:
            data = step.data
            break
    certainty = Certainty.DEFINITE if state is State.REJECTED else Certainty.UNKNOWN
    return Fault(Origin(data.get("origin", "dealer")), str(data.get("code", "error.unexpected")),
                 dict(data.get("params", {})), certainty)
