"""What any dealer tells the shop, whatever its protocol: the records the services and the
screens read.

An adapter turns its dealer's own shapes (protocol v1's JSON, Taecel's form answers, the
transact family's SOAP) into these; nothing above the dealer layer sees a dealer's wire
format. Amounts are integer centavos, times aware, texts already made safe (``text.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from msgspec import Struct

from ..domain.catalog import CATEGORIES, PHONE_FIELD, Category, Earns, Field
from ..domain.catalog import Product as SaleProduct
from ..domain.faults import Origin


class ErrorBody(Struct, frozen=True):
    """What went wrong, its class and its origin (R01)."""

    code: str
    error_class: str  # invalid | refused | transient | unknown
    origin: Origin
    message: str
    retry_after: int | None = None


class Shop(Struct, frozen=True):
    id: str
    name: str


# A dataclass, not a Struct like the others: its field's repr=False keeps the token out of
# its repr and out of rich's pretty print (Textual's log and devtools), R12.
@dataclass(frozen=True)
class Session:
    token: str = field(repr=False)  # R12: never in a repr, a log or the journal
    expires_at: datetime
    shop: Shop


class SystemStatus(Struct, frozen=True):
    """The blue box of the portal (R10)."""

    level: str  # normal | slow | down
    text: str
    updated_at: datetime


class GeneralMessage(Struct, frozen=True):
    """The yellow box of the portal (R10)."""

    text: str
    updated_at: datetime


class Notices(Struct, frozen=True):
    system_status: SystemStatus
    general_message: GeneralMessage


class Carrier(Struct, frozen=True):
    id: str
    name: str
    status: str  # up | degraded | down


class Product(Struct, frozen=True):
    """A product of the catalog. Everything after ``description`` is what a dealer may say
    besides (protocol v1.1, Taecel's ``Campos``, the transact family's ``stype``); a dealer
    that says none of it sells airtime of a fixed amount to a phone number. ``amount`` is 0
    for an open amount (a bill), typed within ``min_amount``..``max_amount``."""

    sku: str
    carrier_id: str
    amount: int
    description: str
    category: Category = Category.AIRTIME
    name: str = ""
    validity: str = ""
    pool: str = ""
    fields: tuple[Field, ...] = ()
    min_amount: int = 0
    max_amount: int = 0
    # What the shop earns on one sale of it, where the dealer's catalog says so (transact's
    # costo, protocol v1.2's earning); None: the shop's own rate is used (domain/earnings.py).
    earns: Earns | None = None

    @property
    def open_amount(self) -> bool:
        """The amount is typed at the counter within the limits (a bill)."""
        return self.max_amount > 0

    def for_sale(self) -> SaleProduct:
        """The product as the counter sells it (``domain/catalog.py``)."""
        return SaleProduct(self.sku, self.carrier_id, self.amount, self.category,
                           self.name, self.validity, self.description, self.pool,
                           self.fields or (PHONE_FIELD,), self.min_amount, self.max_amount,
                           self.earns)


class Catalog(Struct, frozen=True):
    carriers: tuple[Carrier, ...]
    products: tuple[Product, ...]
    etag: str | None = None

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)

    def product(self, sku: str) -> Product | None:
        return next((p for p in self.products if p.sku == sku), None)

    @property
    def categories(self) -> tuple[Category, ...]:
        """The categories it sells, in the order the counter offers them."""
        sold = {p.category for p in self.products}
        return tuple(c for c in CATEGORIES if c in sold)

    def carriers_of(self, category: Category) -> tuple[Carrier, ...]:
        """The companies or services with products of ``category``, in the catalog's order."""
        ids = {p.carrier_id for p in self.products if p.category is category}
        return tuple(c for c in self.carriers if c.id in ids)

    def products_of(self, carrier_id: str, category: Category) -> tuple[Product, ...]:
        return tuple(p for p in self.products
                     if p.carrier_id == carrier_id and p.category is category)


class Balance(Struct, frozen=True):
    available: int
    currency: str
    updated_at: datetime
    pools: tuple[Pool, ...] = ()  # every pool, the main one first, where the dealer names them


class Pool(Struct, frozen=True):
    """One balance of the shop at its dealer: a dealer may keep several (airtime, bill
    payments); ``id`` is "" for a dealer with one balance."""

    id: str
    name: str
    available: int  # centavos


class Balances(Struct, frozen=True):
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
        pools = balance.pools or (Pool("", "", balance.available),)
        return cls(pools, balance.currency, balance.updated_at)


class TopupRecord(Struct, frozen=True):
    """The dealer's record of one top-up, found by the shop's reference."""

    topup_id: str
    client_ref: str
    status: str  # pending | success (with carrier_folio) | failed (with error)
    carrier_folio: str | None
    dealer_folio: str | None
    amount: int
    balance_after: int | None
    created_at: datetime
    updated_at: datetime
    replayed: bool
    error: ErrorBody | None = None
    sku: str | None = None
    msisdn: str | None = None
    ticket: tuple[str, ...] = ()  # the dealer's ticket lines, where it sends them (transact)
    # What the shop earned on it, in centavos, where the dealer's record says (Reloadly's
    # discount); None: it does not say (domain/earnings.py).
    earning: int | None = None


class SaleLine(Struct, frozen=True):
    """One line of the sales report: the proof R19 asks to mark in the notebook."""

    client_ref: str
    topup_id: str
    msisdn: str
    carrier_id: str
    sku: str
    amount: int
    carrier_folio: str
    dealer_folio: str
    created_at: datetime
    reflected_at: datetime


class SalesReport(Struct, frozen=True):
    start: datetime
    end: datetime
    lines: tuple[SaleLine, ...]
    total: int

    def find(self, client_ref: str) -> SaleLine | None:
        return next((line for line in self.lines if line.client_ref == client_ref), None)


class Movement(Struct, frozen=True):
    id: str
    kind: str  # deposit | credit | charge | topup | commission
    amount: int  # signed: what entered (+) or left (-) the account
    balance: int  # the running balance after this movement
    at: datetime
    description: str
    reference: str | None


class Statement(Struct, frozen=True):
    start: datetime
    end: datetime
    opening_balance: int
    closing_balance: int
    movements: tuple[Movement, ...]


class Deposit(Struct, frozen=True):
    """A deposit notice: the shop says it paid money into the dealer's bank account."""

    id: str
    bank: str
    amount: int
    reference: str
    deposited_at: datetime
    state: str  # received | accepted | rejected
    created_at: datetime
    updated_at: datetime


class Clarification(Struct, frozen=True):
    """An account clarification: answered in writing within 24 hours (R11)."""

    id: str
    topic: str
    client_ref: str | None
    text: str
    created_at: datetime
    due_at: datetime
    status: str  # open | answered
    answer: str | None
    answered_at: datetime | None


class FaultReportReceipt(Struct, frozen=True):
    """A fault report was received; its only answer is the system working again (R11)."""

    id: str
    origin: Origin
    received_at: datetime


__all__ = [
    "Balance", "Balances", "Carrier", "Catalog", "Clarification", "Deposit", "ErrorBody",
    "FaultReportReceipt", "GeneralMessage", "Movement", "Notices", "Pool", "Product",
    "SaleLine", "SalesReport", "Session", "Shop", "Statement", "SystemStatus", "TopupRecord",
]
