"""The one rule every dealer's answers pass: an answer counts only when it is about this sale.

An answer to a top-up, a record found by a lookup, or a line of the sales report is about a
sale when the reference, the number, the product and the amount it names are the ones that
were sent. Anything else is an answer about another sale (or a garbled one): it confirms
nothing and rejects nothing, so the sale stays unknown, origin the dealer, with what differed
journaled, and the check goes on (R16, R19). A field the answer does not name counts as
different: what cannot be compared cannot be trusted.

Every adapter applies it: to the answer of its send, to its lookup, and the checker to each
line of the report it is offered.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

# In the order a cashier would read them on the screen.
FIELDS = ("ref", "msisdn", "sku", "amount")


class Sent(Struct, frozen=True):
    """What the shop sent the dealer for one top-up: what every answer is held against."""

    ref: str
    msisdn: str
    sku: str
    amount: int  # centavos

    @classmethod
    def of(cls, sale: Any) -> Sent:
        return cls(sale.ref, sale.msisdn, sale.sku, int(sale.amount))


class Named(Struct, frozen=True):
    """What an answer says it is about; None where it does not say."""

    ref: str | None
    msisdn: str | None
    sku: str | None
    amount: int | None


def differences(sent: Sent, named: Named) -> tuple[str, ...]:
    """The fields in which the answer is not about ``sent`` (empty: it is this sale's)."""
    found = []
    for name in FIELDS:
        said = getattr(named, name)
        if said is None or said != getattr(sent, name) or isinstance(said, bool):
            found.append(name)
    return tuple(found)


def journal_form(sent: Sent, named: Named, fields: tuple[str, ...]) -> dict[str, Any]:
    """What differed, for the notebook: each field as sent and as the dealer named it."""
    return {"mismatch": list(fields),
            "dealer_named": {name: getattr(named, name) for name in fields},
            "sent": {name: getattr(sent, name) for name in fields}}


def is_about(sent: Sent, named: Named) -> bool:
    return not differences(sent, named)

