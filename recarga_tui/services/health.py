"""What the dealer says about itself, kept fresh: notices, catalog, balance; and whether the
system is slow for a given company right now (R10, R15)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from msgspec.structs import replace

from ..config import Settings
from ..dealer.port import Dealer
from ..dealer.records import Balances, Catalog, Notices, Pool
from ..domain.faults import Fault
from ..domain.low_balance import Held, Low, Thresholds, low_pools
from ..domain.money import from_pesos, is_pesos
from ..domain.sale import Sale, State
from ..domain.slowness import Slowness, assess
from .clock import Clock


def low_thresholds(settings: Settings) -> Thresholds:
    """The shop's low-balance thresholds (``[cash]``), in centavos."""
    cash = settings.cash
    return Thresholds(from_pesos(cash.low_balance_pesos),
                      {name: from_pesos(pesos) for name, pesos in cash.low_balance_pools.items()})


class Health:
    def __init__(self, settings: Settings, dealer: Dealer, clock: Clock) -> None:
        self.settings = settings
        self.dealer = dealer
        self.clock = clock
        self.notices: Notices | None = None
        self.catalog: Catalog | None = None
        self.balance: Balances | None = None
        # Why the notices could not be fetched, and when (R10: said, never left blank).
        self.notices_failure: Fault | None = None
        self.notices_failed_at: datetime | None = None
        # The balance a confirmed sale reported for its pool, as of the dealer's time of the
        # sale: newer than the last read of the pools, it is what the pool holds.
        self._after_sales: dict[str, tuple[datetime, int]] = {}

    async def refresh(self, notices_only: bool = False) -> None:
        """Fetch the notices, then the catalog and the balance (unless ``notices_only``:
        before any login); a failure keeps what was known, and a failure of the notices is
        kept to be shown (R10). A lapsed session raises SessionExpired from the catalog."""
        await self.refresh_notices()
        if not notices_only:
            self.catalog = await self.dealer.catalog()
            self.take_balances(await self.dealer.balances())

    # --- the balance: one figure per pool, whoever told it last ---

    def take_balances(self, balances: Balances) -> None:
        """The pools as the dealer just read them; a pool a sale reported on after that read
        keeps the sale's figure. The status line and the pools line read this one figure."""
        def newest(pool: Pool) -> Pool:
            after = self._after_sales.get(pool.id)
            if after is not None and after[0] > balances.updated_at:
                return replace(pool, available=after[1])
            return pool

        self.balance = replace(balances, pools=tuple(newest(p) for p in balances.pools))

    def note_sale(self, sale: Sale) -> bool:
        """A confirmed sale's ``balance_after`` (the dealer's figure right after it) into the
        pool that paid for it, when it is newer than what is known of that pool; True when
        a figure changed. A sale whose pool cannot be told (several pools, none journaled)
        changes nothing: the next read of the pools says it."""
        step = sale.last(State.CONFIRMED)
        if step is None or step.data.get("balance_after") is None or self.balance is None:
            return False
        at = _dealer_at(step.data) or step.at
        pools = self.balance.pools
        pool = pools[0] if len(pools) == 1 else self.balance.pool(self._pool_of(sale))
        if pool is None:
            return False
        known = self._after_sales.get(pool.id)
        if at <= self.balance.updated_at or (known is not None and at <= known[0]):
            return False
        amount = int(step.data["balance_after"])
        self._after_sales[pool.id] = (at, amount)
        self.balance = replace(self.balance, pools=tuple(
            replace(p, available=amount) if p.id == pool.id else p for p in pools))
        return True

    def low_pools(self) -> list[Low]:
        """The pools under the shop's threshold (``[cash]``), as last known: for the home
        screen's warning, before a pool runs dry in the evening peak (R14). None known yet,
        none under, or a balance in another currency than the thresholds' pesos (an account
        in dollars): an empty list."""
        if self.balance is None or not is_pesos(self.balance.currency):
            return []
        return low_pools((Held(p.id, p.name, p.available) for p in self.balance.pools),
                         low_thresholds(self.settings))

    def _pool_of(self, sale: Sale) -> str:
        if sale.sold.pool:
            return sale.sold.pool
        for product in self.catalog.products if self.catalog is not None else ():
            if product.sku == sale.sku:
                return product.pool
        return ""

    async def refresh_notices(self) -> None:
        """The two notices; they need no session, so they are asked before login too. A dealer
        that publishes none is not asked: the notices bar says so (R10)."""
        if not self.dealer.capabilities.notices:
            return
        try:
            self.notices = await self.dealer.notices()
        except Exception as exc:
            fault = getattr(exc, "fault", None)
            self.notices_failure = fault if isinstance(fault, Fault) else None
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

    def company_of(self, sale: Sale) -> str:
        """A sale's company or service by name: the catalog's, or the name journaled with the
        sale where there is no catalog (a read-only copy, the notebook without the dealer);
        its id only for a sale journaled before names were."""
        if self.catalog is None and sale.sold.carrier:
            return sale.sold.carrier
        name = self.carrier_name(sale.carrier_id)
        return sale.sold.carrier if name == sale.carrier_id and sale.sold.carrier else name

    def carrier_names(self, sales: Iterable[Sale]) -> dict[str, str]:
        """Company ids to names for ``sales`` (the cash close's rows)."""
        return {sale.carrier_id: self.company_of(sale) for sale in sales}

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


def _dealer_at(data: Mapping[str, Any]) -> datetime | None:
    """When the dealer says a confirmed sale was made (its clock), if it said so readably."""
    raw = data.get("dealer_at")
    try:
        return datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
