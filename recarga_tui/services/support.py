"""Support (R11): the written clarifications (answered within 24 h) and the failure reports to
technical support (no written answer: the answer is the system working again)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from ..dealer.port import Dealer
from ..dealer.protocol import CLARIFICATION_TOPICS
from ..dealer.records import Clarification, FaultReportReceipt
from ..domain.faults import Origin
from ..domain.sale import EventKind, Sale, State
from .clock import Clock
from .desk import Desk, NoCashiers, named
from .notebook import Notebook

log = logging.getLogger(__name__)

RECENT = 9  # sales offered for attaching to a report, one key each

__all__ = ["CLARIFICATION_TOPICS", "RECENT", "Support", "past_due"]


class Support:
    def __init__(self, dealer: Dealer, notebook: Notebook, clock: Clock,
                 desk: Desk | None = None) -> None:
        self.dealer = dealer
        self.notebook = notebook
        self.clock = clock
        self.desk: Desk = desk or NoCashiers()  # who asked, in a shop with cashiers

    async def clarifications(self) -> list[Clarification]:
        """The clarifications asked, newest first."""
        items = await self.dealer.clarifications()
        return sorted(items, key=lambda c: c.created_at, reverse=True)

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> Clarification:
        """Ask the dealer in writing (R11). About a sale of the notebook, the clarification
        is kept with the sale as an event (its id, its topic, and who asked it in a shop with
        cashiers): the sale itself does not change."""
        asked = await self.dealer.ask_clarification(topic, text, client_ref=client_ref)
        if client_ref:
            self._note(client_ref, asked, topic)
        return asked

    def _note(self, ref: str, asked: Clarification, topic: str) -> None:
        sale = self.notebook.get(ref)
        if sale is None:  # a line of the dealer's report the notebook does not have
            return
        noted = sale.note(EventKind.CLARIFICATION, self.clock.now(), id=asked.id, topic=topic,
                          **named(self.desk))
        try:
            self.notebook.record_outcome(noted)
        except Exception as exc:  # asked all the same: the dealer has it
            log.error("sale %s: the clarification %s not journaled: %s", ref, asked.id, exc)

    async def fault_report(self, origin: Origin, text: str,
                           refs: Iterable[str]) -> FaultReportReceipt:
        return await self.dealer.fault_report(origin, text, tuple(refs))

    def attachable(self) -> list[Sale]:
        """Sales a fault report may name: the open ones first, then today's latest that
        reached payment, at most nine."""
        opened = sorted(self.notebook.open_sales(), key=lambda s: s.updated_at, reverse=True)
        open_refs = {s.ref for s in opened}
        today = self.notebook.sales_of_day(self.clock.now().date())
        recent = [s for s in today if s.first(State.PAID) is not None and s.ref not in open_refs]
        recent.sort(key=lambda s: s.updated_at, reverse=True)
        return (opened + recent)[:RECENT]


def past_due(item: Clarification, now: datetime) -> bool:
    """A clarification whose 24 hours passed without an answer (R11)."""
    return bool(item.status == "open" and now >= item.due_at)
