"""The cash close (corte de caja): what the drawer must hold for a day or a shift.

Integer centavos only. A sale belongs to the period in which it was paid (its money entered
the drawer then), in the state it has now. For every paid sale the customer's net payment is
``handed - change + credit`` (the credit is the money carried from a rejected sale), which
always equals the sale's amount; so the drawer adds up as::

    cash taken - change given - money given back
        = confirmed (earned) + still owed (unknown, deferred...) + carried out - carried in

"still owed" is money in the drawer that is neither earned nor returned yet: it belongs to the
customer until the top-up is confirmed, or goes back (R02, R17, R19). "carried out" is money of
a rejected sale of this period that paid a corrected sale of a later one; "carried in" the
reverse.

The same holds for the sales of each category (airtime, bundles, bill payments) on its own:
the close is split by category, each part balanced to the centavo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Protocol

from msgspec import Struct
from msgspec.structs import replace

from .catalog import CATEGORIES, Category
from .sale import OPEN, Sale, State


class CarrierTotal(Struct, frozen=True):
    carrier_id: str
    count: int
    total: int  # centavos


_NOT_SHOWN = frozenset({"sales", "by_category"})


class CashClose(Struct, frozen=True):
    start: datetime
    end: datetime
    by_carrier: tuple[CarrierTotal, ...]
    cash_taken: int
    change_given: int
    given_back: int
    refunded: tuple[Sale, ...]
    owed: tuple[Sale, ...]          # paid, not yet confirmed nor given back
    carried_in: int
    carried_out: int
    sales: tuple[Sale, ...] = ()
    # The same close for the sales of each category sold in the period (airtime, bundles,
    # bills), in the order the counter offers them: each balances on its own, to the
    # centavo, and together they add up to this one (a carry from one category to another
    # is carried out of the first and into the second).
    by_category: tuple[tuple[Category, CashClose], ...] = ()

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        """Its figures, as repr and rich (Textual's log) show it: not the sales they were
        worked out from, nor the close again per category (a day's would fill a screen)."""
        return [(name, getattr(self, name)) for name in self.__struct_fields__
                if name not in _NOT_SHOWN]

    def __repr__(self) -> str:
        return f"CashClose({', '.join(f'{k}={v!r}' for k, v in self.__rich_repr__())})"

    @property
    def confirmed_count(self) -> int:
        return sum(c.count for c in self.by_carrier)

    @property
    def sold_kinds(self) -> str:
        """"airtime" when only top-ups were sold, "mixed" once bundles or bills were: the
        headings name the rows for what they are (companies, or services too)."""
        return "airtime" if all(s.category is Category.AIRTIME for s in self.sales) \
            else "mixed"

    @property
    def confirmed_total(self) -> int:
        return sum(c.total for c in self.by_carrier)

    @property
    def owed_total(self) -> int:
        return sum(net_paid(s) for s in self.owed)

    @property
    def drawer(self) -> int:
        """What the drawer should hold from these sales: cash in, minus change and refunds."""
        return self.cash_taken - self.change_given - self.given_back

    @property
    def balanced(self) -> bool:
        """The two ways of counting agree (they always should; a False is a notebook fault)."""
        return self.drawer == (self.confirmed_total + self.owed_total + self.carried_out
                               - self.carried_in)


def paid_at(sale: Sale) -> datetime | None:
    step = sale.first(State.PAID)
    return step.at if step else None


def credit(sale: Sale) -> int:
    """Money carried into this sale from a rejected one."""
    step = sale.first(State.PAID)
    return int(step.data.get("credit", 0)) if step else 0


def net_paid(sale: Sale) -> int:
    """What the customer paid for this sale, net of change, counting carried money."""
    return sale.handed - sale.change + credit(sale)


def close(sales: Iterable[Sale], start: datetime, end: datetime) -> CashClose:
    """The close of the sales paid in ``[start, end)``, and of each category's."""
    whole = _close(tuple(sales), start, end)
    parts = tuple((category, _close(tuple(s for s in whole.sales if s.category is category),
                                    start, end))
                  for category in CATEGORIES
                  if any(s.category is category for s in whole.sales))
    return replace(whole, by_category=parts)


def _close(sales: tuple[Sale, ...], start: datetime, end: datetime) -> CashClose:
    inside = tuple(sorted((s for s in sales if _paid_within(s, start, end)),
                          key=lambda s: (paid_at(s), s.ref)))
    refs = {s.ref for s in inside}
    carriers: dict[str, list[int]] = {}
    for sale in inside:
        if sale.state is State.CONFIRMED:
            entry = carriers.setdefault(sale.carrier_id, [0, 0])
            entry[0] += 1
            entry[1] += sale.amount
    refunded = tuple(s for s in inside if s.state is State.REFUNDED)
    return CashClose(
        start=start,
        end=end,
        by_carrier=tuple(CarrierTotal(c, n, total) for c, (n, total) in sorted(carriers.items())),
        cash_taken=sum(s.handed for s in inside),
        change_given=sum(s.change for s in inside),
        given_back=sum(net_paid(s) for s in refunded),
        refunded=refunded,
        owed=tuple(s for s in inside if s.state in OPEN),
        carried_in=sum(credit(s) for s in inside if _carried_from(s) not in refs),
        carried_out=sum(net_paid(s) for s in inside
                        if s.state is State.CARRIED and _carried_to(s) not in refs),
        sales=inside,
    )


def _paid_within(sale: Sale, start: datetime, end: datetime) -> bool:
    at = paid_at(sale)
    return at is not None and start <= at < end


def _carried_from(sale: Sale) -> str | None:
    step = sale.first(State.PAID)
    return step.data.get("carried_from") if step else None


def _carried_to(sale: Sale) -> str | None:
    step = sale.last(State.CARRIED)
    return step.data.get("to_ref") if step else None


class MovementLike(Protocol):
    kind: str
    amount: int
    reference: str | None


def balance_used(movements: Iterable[MovementLike | Any]) -> int:
    """What the dealer's statement charged for top-ups, net of top-ups it credited back.

    A top-up that failed after being charged comes back as a credit naming the sale's
    reference; other credits (a commission, a correction) are not top-ups.
    """
    used = 0
    for m in movements:
        if m.kind == "topup":
            used -= m.amount
        elif m.kind == "credit" and m.reference:
            used -= m.amount
    return used
