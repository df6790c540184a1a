"""What the app does once at start with the sales a crash or a power cut left half-way.

Run by the copy that writes the journal, before anything is sent, so no sale is in flight:

* ``sending``: the app died between the write-ahead and the answer. The top-up may have
  arrived: the sale becomes ``unknown`` (reason "interrupted") and is checked (R16, R19).
* ``captured`` / ``accepted``: the customer never paid; closed as ``abandoned``, nothing owed.
* ``paid`` naming ``carried_from`` a sale still ``rejected``: the carry was cut between its two
  steps (the counter writes the new sale first); the source is marked ``carried`` now.
* ``paid`` and never sent: left as it is, in the pending list, where the cashier chooses to
  send it, defer it or give the money back.
"""

from __future__ import annotations

from msgspec import Struct, field

from ..domain.sale import Sale, SaleError, State
from .counter import Counter

INTERRUPTED_CODE = "recovery.interrupted"


class Recovered(Struct):
    interrupted: list[Sale] = field(default_factory=list)  # now unknown, to be checked
    abandoned: list[Sale] = field(default_factory=list)    # never paid: closed
    carried: list[Sale] = field(default_factory=list)      # sources marked carried
    waiting: list[Sale] = field(default_factory=list)      # paid, never sent

    def notes(self) -> list[tuple[str, dict[str, int]]]:
        """What was done, as catalog keys with their counts, for the screen."""
        found = [("recovery.interrupted_sales", len(self.interrupted)),
                 ("recovery.abandoned_sales", len(self.abandoned)),
                 ("recovery.carried_sales", len(self.carried)),
                 ("recovery.waiting_sales", len(self.waiting))]
        return [(key, {"count": n}) for key, n in found if n]


def recover(counter: Counter) -> Recovered:
    """Finish what a crash left; a read-only copy must not call this."""
    done = Recovered()
    unfinished = counter.journal.unfinished_sales()
    for sale in unfinished:
        _finish_carry(counter, sale, done)
    for sale in unfinished:
        if sale.ref in counter.in_flight:
            continue  # sent by this very copy: its own answer will come
        current = counter.journal.get(sale.ref) or sale
        try:
            _resume(counter, current, done)
        except SaleError:  # changed meanwhile by another step: nothing left to do
            continue
    return done


def _finish_carry(counter: Counter, sale: Sale, done: Recovered) -> None:
    paid = sale.first(State.PAID)
    source_ref = paid.data.get("carried_from") if paid is not None else None
    if not source_ref:
        return
    source = counter.journal.get(str(source_ref))
    if source is not None and source.state is State.REJECTED:
        done.carried.append(counter.advance(source, State.CARRIED, to_ref=sale.ref,
                                            reason="recovered"))


def _resume(counter: Counter, sale: Sale, done: Recovered) -> None:
    if sale.state is State.SENDING:
        step = sale.last(State.SENDING)
        done.interrupted.append(counter.advance(
            sale, State.UNKNOWN, reason="interrupted", origin="shop", code=INTERRUPTED_CODE,
            params={}, attempt=step.data.get("attempt") if step else None))
    elif sale.state in (State.CAPTURED, State.ACCEPTED):
        done.abandoned.append(counter.abandon(sale, reason="interrupted", by_app=True))
    elif sale.state is State.PAID:
        done.waiting.append(sale)
