"""Reloadly's operators as the app's catalog, and the products' names (skus).

The counter sells in pesos: only operators that take local amounts (``supportsLocalAmounts``,
sent with ``useLocalAmount``) in Mexican pesos are sold; an operator priced in the account's
currency (USD) could only be sold at a rate nobody at the counter knows. A FIXED operator's
``localFixedAmounts`` are its products, one amount each, named by
``localFixedAmountsDescriptions`` where Reloadly gives them; a RANGE operator is one product
of an open amount from ``localMinAmount`` to ``localMaxAmount``. Operators of PINs are not
sold (a PIN is handed on paper, like a gift card). An operator with ``bundle`` or ``data``
sells bundles; the others airtime.

Reloadly names one operator per brand and kind ("Telcel Mexico", "Telcel Mexico Bundles"):
the company the cashier picks is the brand, so both are one company of the catalog, and the
operator detected from a number names its company (``brand_of``).

A product's sku says what is sent: ``RLD-<operatorId>-<centavos>`` for a fixed amount and
``RLD-<operatorId>`` for an open one, so the product an answer names is read from its
``operatorId`` and amount alone (``named_sku``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from msgspec import Struct

from ...domain.catalog import Category
from ...domain.money import pesos
from .. import records as app
from ..text import safe
from .answers import exact_centavos
from .shapes import Operator

PESOS = "MXN"
FIXED, RANGE = "FIXED", "RANGE"
# Reloadly has no carrier status (up, slow, down): only failures tell.
CARRIER_STATUS = "unknown"
_SKU = re.compile(r"RLD-([0-9]{1,12})(?:-([0-9]{1,9}))?")
# The words Reloadly puts after a brand to name its bundles, data or PIN operators.
_KINDS = re.compile(r"\s+(bundles?|data|internet|paquetes?|pin|plans?)$", re.IGNORECASE)


class SkuParts(Struct, frozen=True):
    operator_id: str
    centavos: int | None  # None: an open amount

    @property
    def open(self) -> bool:
        return self.centavos is None


def sku_of(operator_id: str, centavos: int | None) -> str:
    return f"RLD-{operator_id}" if centavos is None else f"RLD-{operator_id}-{centavos}"


def parse_sku(sku: str) -> SkuParts | None:
    found = _SKU.fullmatch(sku)
    if found is None:
        return None
    return SkuParts(found[1], int(found[2]) if found[2] is not None else None)


def named_sku(operator_id: str | None, amount: int | None, sent: SkuParts) -> str | None:
    """The sku an answer names: its operator with its amount, as fixed or open as the sku
    sent (an open product is one per operator, a fixed one per amount)."""
    if operator_id is None or (amount is None and not sent.open):
        return None
    return sku_of(operator_id, None if sent.open else amount)


def brand_of(name: str) -> tuple[str, str]:
    """The company of an operator's name, as (id, name): "Telcel Mexico Bundles" is Telcel
    Mexico's, id ``telcel-mexico``."""
    shown = safe(name)
    while (shorter := _KINDS.sub("", shown)) != shown:
        shown = shorter
    key = re.sub(r"[^a-z0-9]+", "-", shown.lower()).strip("-")
    return key or "reloadly", shown or "Reloadly"


def sold(op: Operator, currency: str = PESOS) -> bool:
    return (bool(op.supportsLocalAmounts) and not op.pin
            and (op.destinationCurrencyCode or "").upper() == currency)


def _descriptions(found: Any) -> dict[Decimal, str]:
    """A fixed amount's words: a map of amount to text (Reloadly's operators) or a list of
    ``{"amount", "description"}`` items; anything else says nothing."""
    items: list[tuple[Any, Any]] = []
    if isinstance(found, dict):
        items = list(found.items())
    elif isinstance(found, list):
        items = [(i.get("amount"), i.get("description")) for i in found if isinstance(i, dict)]
    out: dict[Decimal, str] = {}
    for amount, text in items:
        try:
            key = Decimal(str(amount))
        except InvalidOperation:
            continue
        if isinstance(text, str) and key.is_finite():
            out[key] = safe(text)[:120]
    return out


def products_of(op: Operator, currency: str = PESOS) -> list[app.Product]:
    """The products of one operator sold in ``currency`` (the shop's pesos; see the
    module's docstring)."""
    key = op.key
    if key is None or not sold(op, currency):
        return []
    carrier_id, brand = brand_of(op.name or "")
    name = safe(op.name or "")
    category = Category.BUNDLE if (op.bundle or op.data) else Category.AIRTIME
    kind = (op.denominationType or "").upper()
    if kind == RANGE:
        low, high = exact_centavos(op.localMinAmount), exact_centavos(op.localMaxAmount)
        if not low or not high or low > high:
            return []
        return [app.Product(sku_of(key, None), carrier_id, 0,
                            f"{name} {pesos(low)}-{pesos(high)}", category, name,
                            min_amount=low, max_amount=high)]
    words = _descriptions(op.localFixedAmountsDescriptions)
    products = []
    for amount in op.localFixedAmounts or ():
        centavos = exact_centavos(amount)
        if not centavos:
            continue
        shown = pesos(centavos)
        products.append(app.Product(sku_of(key, centavos), carrier_id, centavos,
                                    words.get(amount, "") or f"{brand} {shown}", category,
                                    f"{name} {shown}"))
    return products


def catalog_of(operators: list[Operator], currency: str = PESOS) -> app.Catalog:
    """The app's catalog: each brand once, in Reloadly's order, with its products."""
    products = [p for op in operators for p in products_of(op, currency)]
    carriers: dict[str, app.Carrier] = {}
    for op in operators:
        carrier_id, brand = brand_of(op.name or "")
        if any(p.carrier_id == carrier_id for p in products):
            carriers.setdefault(carrier_id, app.Carrier(carrier_id, brand, CARRIER_STATUS))
    return app.Catalog(tuple(carriers.values()), tuple(products))
