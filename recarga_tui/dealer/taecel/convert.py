"""Taecel's results in the app's records (``dealer/records.py``): what the services read.

A Taecel transaction becomes a :class:`records.TopupRecord` (StatusTXN, for the send and
the lookup) or a :class:`records.SaleLine` (getSales); its catalog the app's catalog of
carriers and products; its pools the app's :class:`records.Balances`. The product of a line
that names only its carrier is found in the catalog by carrier and amount, and only when one
product fits: a line whose product cannot be told is about no product (``match.py``).
"""

from __future__ import annotations

from datetime import datetime

from ...domain.catalog import OPEN_AMOUNT_LIMITS, Category, FieldKind
from ...domain.catalog import Field as CatalogField
from ...domain.faults import Origin
from .. import match
from .. import records as app
from ..outcomes import Confirmed, Pending, Rejected, Unknown
from . import codes
from .answers import folded
from .matching import named
from .records import (
    PAQUETES,
    SERVICIOS,
    TAE,
    Carrier,
    Catalog,
    Field,
    Pool,
    Product,
    StatusOutcome,
    Transaction,
)

# What the app sells at the counter: airtime, bundles and bill payments (gift cards, whose
# codes the customer takes away on paper, are not sold here).
CATEGORY = {TAE: Category.AIRTIME, PAQUETES: Category.BUNDLE, SERVICIOS: Category.BILL}
SOLD = tuple(CATEGORY)
AMOUNT_FIELD = "monto"  # Campo of an open amount: its Min and Max are pesos
ALPHANUMERIC = "2"      # Formato: letters and digits
STATUS = {"delivered": "success", "failed": "failed", "in_progress": "pending"}
NO_VALIDITY = "No Aplica"  # Vigencia of a product that has none
# Taecel publishes no carrier status (up, slow, down): only failures tell.
CARRIER_STATUS = "unknown"


def sold(product: Product) -> bool:
    """A product the counter sells: airtime or a bundle of one amount, or a bill."""
    if product.category_id not in SOLD:
        return False
    return product.amount is not None or product.category_id == SERVICIOS


def _field(f: Field, category: Category) -> CatalogField:
    kind = (FieldKind.TEXT if f.format == ALPHANUMERIC else
            FieldKind.PHONE if category is not Category.BILL else FieldKind.REFERENCE)
    return CatalogField(f.name, f.label, kind, f.min, f.max, f.required, f.confirm)


def _limits(carrier: Carrier | None) -> tuple[int, int]:
    """An open amount's limits in centavos: the ``monto`` field's Min and Max pesos. A
    service whose ``Campos`` has no ``monto`` (its amount is what the customer's bill says)
    still takes one: within the app's own limits, the dealer refusing beyond its."""
    found = next((f for f in carrier.fields if f.name == AMOUNT_FIELD), None) \
        if carrier else None
    return (found.min * 100, found.max * 100) if found and found.max > 0 else \
        OPEN_AMOUNT_LIMITS


def app_product(p: Product, carrier: Carrier | None) -> app.Product:
    """A Taecel product as the app sells it: its ``Campos`` (less the amount, asked apart)
    in the order Taecel gives them, the first the one sent as ``referencia``."""
    category = CATEGORY[p.category_id]
    fields = tuple(_field(f, category) for f in (carrier.fields if carrier else ())
                   if f.name != AMOUNT_FIELD)
    fields = tuple(sorted(fields, key=lambda f: f.key != "referencia"))
    low, high = _limits(carrier) if p.amount is None else (0, 0)
    return app.Product(p.code, p.carrier_id, p.amount or 0, p.description or p.name,
                       category, p.name, "" if p.validity == NO_VALIDITY else p.validity,
                       p.pool_id, fields, low, high)


def app_catalog(catalog: Catalog) -> app.Catalog:
    products = tuple(app_product(p, catalog.carrier(p.carrier_id))
                     for p in catalog.products if sold(p))
    offered = {p.carrier_id for p in products}
    carriers = tuple(app.Carrier(c.id, c.name, CARRIER_STATUS)
                     for c in catalog.carriers if c.id in offered)
    return app.Catalog(carriers, products)


def airtime_pools(catalog: Catalog | None) -> tuple[str, ...]:
    """The pools (``bolsa`` ids) that pay what the app sells; Tiempo Aire ("1") by default."""
    found = sorted({p.pool_id for p in catalog.products if sold(p)}) if catalog else []
    return tuple(found) or ("1",)


def balances(pools: tuple[Pool, ...], catalog: Catalog | None, at: datetime) -> app.Balances:
    """The pools, the one airtime is sold from first (``Balances.main``)."""
    first = airtime_pools(catalog)[0]
    ordered = sorted(pools, key=lambda p: p.id != first)
    return app.Balances(tuple(app.Pool(p.id, p.name, p.balance) for p in ordered), "MXN", at)


def product_of(txn: Transaction, catalog: Catalog | None) -> Product | None:
    """The product a transaction is: the code it names, or the one product of its carrier and
    amount in the catalog (None when none or several fit)."""
    if catalog is None:
        return None
    if txn.product:
        return catalog.product(txn.product)
    fits = [p for p in catalog.products
            if folded(p.carrier) == folded(txn.carrier) and p.amount == txn.amount and sold(p)]
    if not fits:  # a bill: the one open-amount product of its service takes any amount
        fits = [p for p in catalog.products
                if folded(p.carrier) == folded(txn.carrier) and p.amount is None and sold(p)]
    return fits[0] if len(fits) == 1 else None


def topup_record(txn: Transaction, sent: match.Sent, dealer_id: str, catalog: Catalog | None,
                 outcome: StatusOutcome) -> app.TopupRecord:
    """StatusTXN's transaction as the app's record of the sale ``sent`` under ``dealer_id``.

    The record carries the shop's reference only when Taecel's transID is the one asked
    about: that id is this sale's, minted for it. A record of another transID names none, so
    ``match.py`` holds it for another sale. Its status is the outcome's, never read from the
    transaction alone: an "Exitosa" that contradicts its envelope is no delivery (R16)."""
    said = named(txn, sent.sku, catalog)
    status = {Confirmed: "success", Pending: "pending"}.get(type(outcome), "failed")
    return app.TopupRecord(
        topup_id=txn.trans_id, client_ref=sent.ref if txn.trans_id == dealer_id else "",
        status=status, carrier_folio=txn.folio or None, dealer_folio=txn.trans_id,
        amount=txn.amount, balance_after=txn.balance_after, created_at=txn.at,
        updated_at=txn.at, replayed=False,
        error=_error(outcome) if status == "failed" else None,
        sku=said.sku, msisdn=txn.number or None)


def _error(outcome: StatusOutcome) -> app.ErrorBody:
    """A failure in the app's terms: a known refusal with its origin and words, or (a code
    nobody has explained, an answer that contradicts itself) an error of class ``unknown``,
    which decides nothing (R16)."""
    message = str(outcome.fault.params.get("dealer_message", "")) if isinstance(
        outcome, (Rejected, Unknown)) else ""
    code = outcome.dealer_code if isinstance(outcome, Rejected) else ""
    refusal = codes.REFUSALS.get(code)
    if refusal is None:
        return app.ErrorBody(code or "UNKNOWN", "unknown", Origin.DEALER, message)
    # The app's words for a refusal are keyed ``dealer.code.<name>``: the record names it so.
    name = refusal.key.removeprefix("dealer.code.").upper()
    return app.ErrorBody(name, refusal.error_class, refusal.origin, message)


def sale_line(txn: Transaction, catalog: Catalog | None) -> app.SaleLine:
    """A delivered line of getSales: Taecel keeps no reference of the shop's (``client_ref``
    is empty); the transID is the record's id and the dealer's folio."""
    product = product_of(txn, catalog)
    return app.SaleLine(
        client_ref="", topup_id=txn.trans_id, msisdn=txn.number,
        carrier_id=product.carrier_id if product else "",
        sku=product.code if product else "", amount=txn.amount, carrier_folio=txn.folio,
        dealer_folio=txn.trans_id, created_at=txn.at, reflected_at=txn.at)
