"""What the counter sells, as the dealer's catalog describes it: the category, what the
cashier must ask for (fields), an open amount's limits, the pool that pays for it.

A real catalog says per product what to ask (Taecel's ``Campos``): each field's name, its
shortest and longest length, its format, whether it is required, and whether it must be
**confirmed** — typed twice and compared position by position, the dealer's own version of
the double entry of the number (R03, R04). A bill's service reference (12 to 30 digits) is
read aloud in groups of four, as the receipts print it. Pure rules: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from msgspec import Struct, field

from .money import pesos
from .sale import SaleError


class Category(StrEnum):
    AIRTIME = "airtime"   # tiempo aire: a fixed amount to a phone number
    BUNDLE = "bundle"     # paquetes: a fixed amount to a phone number, with its validity
    BILL = "bill"         # servicios: an open amount to a service reference

    @classmethod
    def of(cls, raw: Any) -> Category:
        """A journaled category; a sale journaled before categories existed was airtime."""
        try:
            return cls(raw) if raw else cls.AIRTIME
        except ValueError:
            return cls.AIRTIME


# The order the cashier picks them in: the counter sells airtime most.
CATEGORIES: tuple[Category, ...] = (Category.AIRTIME, Category.BUNDLE, Category.BILL)


class FieldKind(StrEnum):
    PHONE = "phone"          # a Mexican 10-digit number (domain/phone.py reads it)
    REFERENCE = "reference"  # the digits of a service's reference or account
    TEXT = "text"            # letters and digits (a contract code)


# What an open amount may be when the dealer names no limits (centavos): $1.00 to $10,000.00.
# The dealer refuses beyond its own; the read-back has the customer accept the amount (R04).
OPEN_AMOUNT_LIMITS = (1_00, 10_000_00)

# A service reference as the issue and the receipts know it: 12 to 30 digits.
REFERENCE_MIN, REFERENCE_MAX = 12, 30
# Groups of four are read aloud and compared by eye: "0123 4567 8901".
REFERENCE_GROUP = 4


class Field(Struct, frozen=True):
    """One thing the cashier types for a product."""

    key: str                 # how it is sent and journaled ("referencia")
    label: str               # as the dealer names it ("Número de servicio")
    kind: FieldKind = FieldKind.PHONE
    min_length: int = 10
    max_length: int = 10
    required: bool = True
    confirm: bool = True     # typed twice, compared position by position


PHONE_FIELD = Field("referencia", "", FieldKind.PHONE, 10, 10, True, True)

# A basis point is a hundredth of a percent: 650 is 6.5 % of the amount.
BASIS = 10_000


class Earns(Struct, frozen=True):
    """What the dealer says the shop earns on one sale of a product, where it says it: a
    fixed figure (``centavos``, the price less what the product costs the shop) or a share of
    the amount (``bp``, basis points: an open amount's). One of the two, never both."""

    centavos: int | None = None
    bp: int | None = None

    def __post_init__(self) -> None:
        if (self.centavos is None) == (self.bp is None):
            raise ValueError("an earning is a figure or a rate, one of the two")
        if (self.centavos or 0) < 0 or not 0 <= (self.bp or 0) <= BASIS:
            raise ValueError("an earning is never below zero, a rate never above 100 %")

    def of(self, amount: int) -> int:
        """The centavos earned on ``amount``: the figure, or the rate's share rounded down
        (the shop's earning is never said larger than it is)."""
        if self.centavos is not None:
            return self.centavos
        return amount * (self.bp or 0) // BASIS


class Product(Struct, frozen=True):
    """A product of the dealer's catalog, as the counter sells it. ``amount`` is 0 for an
    open amount (a bill), typed within ``min_amount``..``max_amount`` (centavos)."""

    sku: str
    carrier_id: str
    amount: int  # centavos
    category: Category = Category.AIRTIME
    name: str = ""
    validity: str = ""
    description: str = ""
    pool: str = ""           # the pool that pays for it ("" the main one)
    fields: tuple[Field, ...] = (PHONE_FIELD,)
    min_amount: int = 0
    max_amount: int = 0
    earns: Earns | None = None  # the dealer's own figure, where its catalog gives one

    @property
    def open_amount(self) -> bool:
        """The amount is typed at the counter (before and after it was: :meth:`priced`):
        whenever the product has no fixed amount, whether or not the dealer named limits."""
        return self.max_amount > 0 or self.amount == 0

    @property
    def limits(self) -> tuple[int, int]:
        """An open amount's lowest and highest (centavos): the catalog's, or
        :data:`OPEN_AMOUNT_LIMITS` where it names none."""
        if self.max_amount <= 0:
            return OPEN_AMOUNT_LIMITS
        return max(1, self.min_amount), self.max_amount

    @property
    def account_field(self) -> Field:
        """The field the sale is sent to (the phone, or the service's reference)."""
        return self.fields[0] if self.fields else PHONE_FIELD

    def priced(self, amount: int) -> Product:
        """The product at the amount typed for it (an open amount), checked."""
        check_amount(self, amount)
        return Product(self.sku, self.carrier_id, amount, self.category, self.name,
                       self.validity, self.description, self.pool, self.fields,
                       self.min_amount, self.max_amount, self.earns)


def check_amount(product: Product, amount: int) -> None:
    """An open amount within the catalog's limits, or a SaleError naming them."""
    if not product.open_amount:
        if amount != product.amount:
            raise SaleError("catalog.amount_fixed")
        return
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise SaleError("sale.bad_amount")
    low, high = product.limits
    if not low <= amount <= high:  # said in pesos, as the cashier typed it
        raise SaleError("catalog.amount_outside", low=pesos(low), high=pesos(high))


# --- a field typed ---------------------------------------------------------------------------


def field_value(raw: str, spec: Field) -> str:
    """What was typed for a reference or text field, without the spaces people type around
    it; checked against its length and format (SaleError naming what is wrong)."""
    value = "".join(ch for ch in raw if ch not in " -.\t")
    if not value:
        if spec.required:
            raise SaleError("catalog.field_required", field=spec.label)
        return ""
    if spec.kind is not FieldKind.TEXT and not value.isdigit():
        raise SaleError("catalog.field_digits", field=spec.label)
    if spec.kind is FieldKind.TEXT and not value.isalnum():
        raise SaleError("catalog.field_alnum", field=spec.label)
    if not spec.min_length <= len(value) <= spec.max_length:
        key = "catalog.field_length_exact" if spec.min_length == spec.max_length \
            else "catalog.field_length"
        raise SaleError(key, field=spec.label, low=spec.min_length, high=spec.max_length,
                        count=len(value))
    return value


def reference_chunks(reference: str) -> list[str]:
    """A reference cut in groups of four from the left: the last group may be shorter."""
    return [reference[i:i + REFERENCE_GROUP]
            for i in range(0, len(reference), REFERENCE_GROUP)]


def group_reference(reference: str) -> str:
    """A service reference grouped for reading aloud: ``"0123 4567 8901 23"``."""
    return " ".join(reference_chunks(reference))


def reference_index(position: int) -> int:
    """Where character ``position`` of a reference sits in :func:`group_reference`'s text."""
    return position + position // REFERENCE_GROUP


class FieldComparison(Struct, frozen=True):
    """Two entries of a confirmed field, side by side; ``positions`` where they differ (every
    place past the shorter one counts as different)."""

    first: str
    second: str
    positions: tuple[int, ...]

    @property
    def matches(self) -> bool:
        return not self.positions

    def marks(self) -> str:
        longest = self.first if len(self.first) >= len(self.second) else self.second
        line = [" "] * len(group_reference(longest))
        for pos in self.positions:
            line[reference_index(pos)] = "^"
        return "".join(line).rstrip()

    def render(self) -> str:
        lines = (group_reference(self.first), group_reference(self.second), self.marks())
        return "\n".join(line for line in lines if line)


def compare_field(first: str, second: str) -> FieldComparison:
    positions = tuple(i for i in range(max(len(first), len(second)))
                      if i >= len(first) or i >= len(second) or first[i] != second[i])
    return FieldComparison(first, second, positions)


# --- the pools (R01, R14) --------------------------------------------------------------------


def pool_covers(available: Mapping[str, int], product: Product) -> bool:
    """Whether the pool that pays for ``product`` holds its amount. A pool the dealer did not
    name is not judged here: the dealer is the one that knows it."""
    held = available.get(product.pool)
    return held is None or held >= product.amount


class SoldWith(Struct, frozen=True):
    """What a sale was sold as, journaled at capture: read back from the journal with
    :func:`sold_with` (older journals have none of it: airtime)."""

    category: Category
    name: str = ""
    validity: str = ""
    description: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    carrier: str = ""  # the company or service as the catalog named it (a copy without it)
    pool: str = ""     # the pool that paid for it ("" the main one)

    def journal(self) -> dict[str, Any]:
        data: dict[str, Any] = {"category": self.category.value}
        for key in ("name", "validity", "description", "carrier", "pool"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.fields:
            data["fields"] = dict(self.fields)
        return data


def sold_as(product: Product, account: str, extra: Mapping[str, str] | None = None,
            carrier: str = "") -> SoldWith:
    values = {product.account_field.key: account, **(extra or {})}
    return SoldWith(product.category, product.name, product.validity, product.description,
                    values if product.category is Category.BILL or extra else {},
                    carrier, product.pool)


def sold_with(data: Mapping[str, Any]) -> SoldWith:
    raw = data.get("fields")
    return SoldWith(Category.of(data.get("category")), str(data.get("name", "")),
                    str(data.get("validity", "")), str(data.get("description", "")),
                    {str(k): str(v) for k, v in raw.items()} if isinstance(raw, Mapping)
                    else {}, str(data.get("carrier", "")), str(data.get("pool", "")))
