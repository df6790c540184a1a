"""Support (R11): the written clarifications (answered within 24 h) and the failure reports to
technical support (no written answer: the answer is the system working again)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..dealer.port import Dealer
from ..dealer.protocol import CLARIFICATION_TOPICS
from ..dealer.records import Clarification, FaultReportReceipt
from ..domain.faults import Origin
from ..domain.sale import Sale, State
from .clock import Clock
from .notebook import Notebook

RECENT = 9  # sales offered for attaching to a report, one key each

__all__ = ["CLARIFICATION_TOPICS", "RECENT", "Support", "past_due"]


class Support:
    def __init__(self, dealer: Dealer, notebook: Notebook, clock: Clock) -> None:
        self.dealer = dealer
        self.notebook = notebook
        self.clock = clock

    async def clarifications(self) -> list[Clarification]:
        """The clarifications asked, newest first."""
        items = await self.dealer.clarifications()
        return sorted(items, key=lambda c: c.created_at, reverse=True)

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> Clarification:
        return await self.dealer.ask_clarification(topic, text, client_ref=client_ref)

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
