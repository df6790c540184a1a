"""What the dealer says about itself, kept fresh: notices, catalog, balance; and whether the
system is slow for a given company right now (R10, R15)."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from ..domain.slowness import Slowness, assess
from .clock import Clock


class Health:
    def __init__(self, settings: Settings, dealer: Any, clock: Clock) -> None:
        self.settings = settings
        self.dealer = dealer
        self.clock = clock
        self.notices: Any = None
        self.catalog: Any = None
        self.balance: Any = None

    async def refresh(self) -> None:
        """Fetch the notices, the catalog and the balance; a failure keeps what was known."""
        self.notices = await self.dealer.notices()
        self.catalog = await self.dealer.catalog()
        self.balance = await self.dealer.balance()

    def carrier_status(self, carrier_id: str) -> str | None:
        if self.catalog is None:
            return None
        for carrier in self.catalog.carriers:
            if carrier.id == carrier_id:
                return carrier.status
        return None

    def carrier_name(self, carrier_id: str | None) -> str:
        """The company's name as the dealer's catalog gives it (its id until it arrives)."""
        for carrier in getattr(self.catalog, "carriers", ()):
            if carrier.id == carrier_id:
                return carrier.name
        return carrier_id or ""

    def slowness(self, carrier_id: str | None = None) -> Slowness:
        proc = self.settings.procedure
        level = self.notices.system_status.level if self.notices is not None else None
        return assess(
            self.clock.now(),
            peak_start=proc.peak_start,
            peak_end=proc.peak_end,
            system_level=level,
            carrier_status=self.carrier_status(carrier_id) if carrier_id else None,
            latencies=list(self.dealer.latencies),
            slow_latency=proc.slow_latency_seconds,
        )
