"""Sales kept paid to be sent later, when the system is normal again (R17).

The page's script: "write down your number, I collect, it will be sent in about an hour when
the system is normal; if for any reason it could not be done, I give your money back". A
deferred sale waits here with its promised time. A worker sends them oldest first, one at a
time, through the counter's own send (written ahead, same reference); an unknown outcome
goes to the checker like any other (R16, R19).

When is the system "normal again"? The dealer's notices, the carrier's status and the
measured latency must all say so (``domain.slowness``). The peak window *alone* does not
hold a deferred sale back: it is a forecast, not a measurement, and a promise of "about an
hour" made at 19:45 could never be kept if the worker waited for 21:30. Down (the notice or
the carrier) always holds it back: sending then only earns a rejection.

A lapsed session never loses a deferred sale: the counter's send asks for the password through
``renew_session`` and sends then; without it the sale stays deferred with its promise.

When a promise passes unsent the listeners hear it once (the screens tell the cashier to
offer the money back); the worker still sends the sale when the system allows, unless the
money was given back first — the journal's state machine decides which came first.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from ..domain.sale import Sale, SaleError, State
from ..domain.slowness import SlowReason
from .checker import Checker
from .clock import Clock
from .counter import Counter, Renew
from .events import Kind, Listeners
from .health import Health
from .loop import every

log = logging.getLogger(__name__)


def promised_at(sale: Sale) -> datetime | None:
    """The time promised to the customer at the latest deferral."""
    step = sale.last(State.DEFERRED)
    if step is None or "promised_at" not in step.data:
        return None
    return datetime.fromisoformat(str(step.data["promised_at"]))


class DeferredQueue:
    def __init__(self, counter: Counter, health: Health, clock: Clock, *,
                 checker: Checker | None = None, interval: float = 30.0,
                 refresh_health: bool = True,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.counter = counter
        self.journal = counter.journal
        self.health = health
        self.clock = clock
        self.checker = checker
        self.interval = interval            # real seconds between two rounds
        self.refresh_health = refresh_health  # False when the app refreshes it already
        self.events = Listeners()
        self._sleep = sleep
        self._told: set[str] = set()
        # Asks for the password when a send meets a lapsed session (the app's modal); None,
        # or the cashier saying not now: the sale stays deferred for a later round.
        self.renew_session: Renew | None = None

    def queue(self) -> list[Sale]:
        """Deferred sales, the oldest promise first."""
        sales = [s for s in self.journal.unfinished_sales() if s.state is State.DEFERRED]
        return sorted(sales, key=lambda s: (promised_at(s) or s.updated_at, s.created_at))

    def overdue(self, sales: list[Sale] | None = None) -> list[Sale]:
        """Deferred sales whose promise passed: offer the money back (R17)."""
        now = self.clock.now()
        return [s for s in (self.queue() if sales is None else sales)
                if (promised_at(s) or now) < now]

    def normal_for(self, carrier_id: str) -> bool:
        """Whether a deferred sale of this company may go now (see the module's note)."""
        reasons = set(self.health.slowness(carrier_id).reasons) - {SlowReason.PEAK_HOURS}
        return not reasons

    async def run(self) -> None:
        await every(lambda: self.interval, self.step, "the deferred sales round", self._sleep)

    async def step(self) -> Sale | None:
        """One round: tell about passed promises, then send the oldest sale that may go."""
        sales = self.queue()
        for sale in self.overdue(sales):
            if sale.ref not in self._told:
                self._told.add(sale.ref)
                self.events.emit(Kind.PROMISE_PASSED, sale)
        if not sales:
            return None
        if self.refresh_health:
            try:
                await self.health.refresh()
            except Exception:  # unknown health is not normal: wait for the next round
                return None
        for sale in sales:
            if self.normal_for(sale.carrier_id):
                try:
                    return await self.send(sale)
                except SaleError:  # given back, being sent, or no session: a later round
                    return None
        return None

    async def send(self, sale: Sale) -> Sale:
        """Send one deferred sale the counter's way; an unknown outcome is checked."""
        after = await self.counter.send(sale, renew=self.renew_session, by_cashier=False)
        self._told.discard(sale.ref)
        self.events.emit(Kind.DEFERRED_SENT, after)
        if after.state is State.CONFIRMED:
            self.events.emit(Kind.CONFIRMED, after)
        elif after.state is State.REJECTED:
            self.events.emit(Kind.REJECTED, after)
        elif after.state is State.UNKNOWN and self.checker is not None:
            after = await self.checker.check(after)
        return after
