"""``GetSkuList`` as the app's catalog: the companies and the top-ups of a fixed amount.

The service names a company only by the ``name`` of its products ("TELCEL"); the app's
company id is that name in lower-case letters and digits ("AT&T" -> "att"). Products that
take any amount (bills, ``monto`` 0) are left out: the counter sells airtime of a fixed
amount. The service says nothing of a company being down, so every company is "up" here and
the app's own latency measure speaks for the system's speed (R15).
"""

from __future__ import annotations

import re

from ..records import Carrier, Catalog, Product
from .queries import SkuList


def company_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold()) or "otro"


def _shown(name: str) -> str:
    """"TELCEL" -> "Telcel", as the other screens write companies; "AT&T" stays."""
    return name.title() if name.isupper() and "&" not in name else name


def catalog_of(skus: SkuList) -> Catalog:
    carriers: dict[str, Carrier] = {}
    products: list[Product] = []
    for item in skus.products:
        if item.amount is None:
            continue
        cid = company_id(item.name)
        carriers.setdefault(cid, Carrier(cid, _shown(item.name) or cid, "up"))
        products.append(Product(item.sku, cid, item.amount, item.info or item.sku))
    return Catalog(tuple(carriers.values()), tuple(products))
