"""Holding a Taecel transaction against the sale sent (``dealer/match.py``'s rule, R16).

Taecel names a sale by its ``TransID`` (the reference: Taecel mints it, the shop chooses
none), ``Telefono`` (the referencia sent), ``Monto`` and ``Carrier`` — the carrier's name,
not the product code: StatusTXN's ``Carrier`` is the ``Carrier`` of the product in
getProducts ("Telcel", "Paquete Amigo Sin Limite"). So the product matches when the line
names the code sent, or when it names the carrier of that product in the catalog, compared
without case or accents (Taecel writes "Sin Limite" in one place and may write "Sin Límite"
in another). Without a catalog the product cannot be compared, and counts as different.
"""

from __future__ import annotations

from .. import match
from .answers import folded
from .records import Catalog, Transaction


def named(txn: Transaction, sku_sent: str, catalog: Catalog | None) -> match.Named:
    """What ``txn`` says it is about, in the terms of ``match.Sent`` (``ref`` is the TransID)."""
    sku: str | None = None
    if txn.product:
        sku = txn.product
    elif catalog is not None:
        product = catalog.product(sku_sent)
        if product is not None and folded(product.carrier) == folded(txn.carrier):
            sku = sku_sent
    return match.Named(txn.trans_id or None, txn.number or None, sku, txn.amount)


def differences(sent: match.Sent, txn: Transaction,
                catalog: Catalog | None) -> tuple[str, ...]:
    """The fields in which ``txn`` is not about ``sent`` (empty: it is this sale's)."""
    return match.differences(sent, named(txn, sent.sku, catalog))
