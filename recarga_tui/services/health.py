"""What the dealer says about itself, kept fresh: notices, catalog, balance; and whether the
system is slow for a given company right now (R10, R15)."""

from __future__ import annotations

from datetime import datetime

from ..config import Settings
from ..dealer.outcomes import DealerError
from ..dealer.port import Dealer
from ..dealer.records import Balances, Catalog, Notices
from ..domain.slowness import Slowness, assess
from .clock import Clock


class Health:
    def __init__(self, settings: Settings, dealer: Dealer, clock: Clock) -> None:
        self.settings = settings
        self.dealer = dealer
        self.clock = clock
        self.notices: Notices | None = None
        self.catalog: Catalog | None = None
        self.balance: Balances | None = None
        # Why the notices could not be fetched, and when (R10: said, never left blank).
        self.notices_failure: DealerError | None = None
        self.notices_failed_at: datetime | None = None

    async def refresh(self, notices_only: bool = False) -> None:
        """Fetch the notices, then the catalog and the balance (unless ``notices_only``:
        before any login); a failure keeps what was known, and a failure of the notices is
        kept to be shown (R10). A lapsed session raises SessionExpired from the catalog."""
        await self.refresh_notices()
        if not notices_only:
            self.catalog = await self.dealer.catalog()
            self.balance = await self.dealer.balances()

    async def refresh_notices(self) -> None:
        """The two notices; they need no session, so they are asked before login too. A dealer
        that publishes none is not asked: the notices bar says so (R10)."""
        if not self.dealer.capabilities.notices:
            return
        try:
            self.notices = await self.dealer.notices()
        except Exception as exc:
            self.notices_failure = getattr(exc, "fault", None)
            self.notices_failed_at = self.clock.now()
            raise
        self.notices_failure = None
        self.notices_failed_at = None

    @property
    def measured(self) -> bool:
        """Whether any answer of the dealer was timed yet (R15)."""
        return bool(self.dealer.latencies)

    def median_latency(self) -> float:
        """The median of the dealer's recent answer times, in seconds (R15)."""
        latencies = sorted(self.dealer.latencies)
        return latencies[len(latencies) // 2] if latencies else 0.0

    def carrier_status(self, carrier_id: str) -> str | None:
        if self.catalog is None:
            return None
        for carrier in self.catalog.carriers:
            if carrier.id == carrier_id:
                return carrier.status
        return None

    def carrier_name(self, carrier_id: str | None) -> str:
        """The company's name as the dealer's catalog gives it (its id until it arrives)."""
        for carrier in self.catalog.carriers if self.catalog is not None else ():
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
