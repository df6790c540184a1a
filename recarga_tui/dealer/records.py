"""What any dealer tells the shop, whatever its protocol: the records the services and the
screens read.

An adapter turns its dealer's own shapes (protocol v1's JSON, Taecel's form answers, the
transact family's SOAP) into these; nothing above the dealer layer sees a dealer's wire
format. Amounts are integer centavos, times aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .protocol import (
    Balance,
    Carrier,
    Catalog,
    Clarification,
    Deposit,
    ErrorBody,
    FaultReportReceipt,
    GeneralMessage,
    Movement,
    Notices,
    Product,
    SaleLine,
    SalesReport,
    Session,
    Shop,
    Statement,
    SystemStatus,
    TopupRecord,
)


@dataclass(frozen=True)
class Pool:
    """One balance of the shop at its dealer: a dealer may keep several (airtime, bill
    payments); ``id`` is "" for a dealer with one balance."""

    id: str
    name: str
    available: int  # centavos


@dataclass(frozen=True)
class Balances:
    pools: tuple[Pool, ...]
    currency: str
    updated_at: datetime

    @property
    def available(self) -> int:
        """What the main pool holds: the balance the status line shows."""
        return self.main.available

    @property
    def main(self) -> Pool:
        """The pool airtime is sold from: the first the dealer names."""
        return self.pools[0]

    def pool(self, pool_id: str) -> Pool | None:
        return next((p for p in self.pools if p.id == pool_id), None)

    @classmethod
    def single(cls, balance: Balance) -> Balances:
        return cls((Pool("", "", balance.available),), balance.currency, balance.updated_at)


__all__ = [
    "Balance", "Balances", "Carrier", "Catalog", "Clarification", "Deposit", "ErrorBody",
    "FaultReportReceipt", "GeneralMessage", "Movement", "Notices", "Pool", "Product",
    "SaleLine", "SalesReport", "Session", "Shop", "Statement", "SystemStatus", "TopupRecord",
]
