"""A customer comes back: "my top-up never arrived". The notebook's proof for each sale (R03,
R04, R19) and what the cashier can truthfully say (R18).

Pure: the sales come in, the proof and a catalog key go out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from msgspec import Struct

from .cashier import Cashier
from .sale import Sale, State


class Proof(Struct, frozen=True):
    """What the notebook proves about one sale."""

    sale: Sale
    accepted_at: datetime | None   # the customer accepted the number read back (R04)
    paid_at: datetime | None
    sent_at: datetime | None       # the last attempt
    carrier_folio: str
    dealer_folio: str
    found_in: str                  # "answer" (the dealer's answer) or "report" (R19); "" if none
    # Who sold it, and who gave its money back, in a shop with cashiers (None otherwise).
    cashier: Cashier | None = None
    refunded_by: Cashier | None = None

    @property
    def say_key(self) -> str:
        """Catalog key of the words for the customer, by what the notebook proves."""
        state = self.sale.state
        if state is State.CONFIRMED:
            return "claims.say.confirmed"
        if state in (State.SENDING, State.UNKNOWN, State.NOT_FOUND):
            return "claims.say.checking"
        if state in (State.PAID, State.DEFERRED):
            return "claims.say.deferred"
        if state is State.REFUNDED:
            return "claims.say.refunded"
        if state in (State.REJECTED, State.CARRIED):
            return "claims.say.rejected"
        return "claims.say.not_sold"


def proof(sale: Sale) -> Proof:
    accepted = sale.last(State.ACCEPTED)
    paid = sale.first(State.PAID)
    sent = sale.last_sent  # a request turned away unseen (a lapsed session) was not sent
    confirmed = sale.last(State.CONFIRMED)
    data = confirmed.data if confirmed else {}
    return Proof(
        sale=sale,
        accepted_at=accepted.at if accepted else None,
        paid_at=paid.at if paid else None,
        sent_at=sent.at if sent else None,
        carrier_folio=str(data.get("carrier_folio") or ""),
        dealer_folio=str(data.get("dealer_folio") or ""),
        found_in=str(data.get("found_in") or ""),
        cashier=sale.cashier,
        refunded_by=sale.cashier_of(State.REFUNDED),
    )


def matches(sale: Sale, query: str) -> bool:
    """A number (whole, or its last digits) or a carrier folio (whole)."""
    digits = "".join(ch for ch in query if ch.isdigit())
    if not digits:
        return False
    if sale.msisdn.endswith(digits):
        return True
    return proof(sale).carrier_folio == query.strip()


def search(sales: Iterable[Sale], query: str) -> list[Proof]:
    """The sales that match, newest first; sales never paid are left out (nothing to claim)."""
    found = [proof(s) for s in sales if s.first(State.PAID) is not None and matches(s, query)]
    found.sort(key=lambda p: p.sale.created_at, reverse=True)
    return found
