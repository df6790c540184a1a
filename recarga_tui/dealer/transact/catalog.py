"""``GetSkuList`` as the app's catalog: the companies, their top-ups and bundles of a fixed
amount, and the bills that take any amount.

The service names a company only by the ``name`` of its products ("TELCEL"); the app's
company id is that name in lower-case letters and digits ("AT&T" -> "att"). ``stype`` says
what a product is where the dealer fills it (2 a data bundle, 3 a bill); a product of
``monto`` 0 takes any amount and is a bill whatever its ``stype``. The account a bill is paid
to is checked against the lengths its ``regex`` names when it is a plain ``^[0-9]{n,m}$``
(anything else: 1 to 30 characters, and the dealer's own check). GetSkuList names no limits
for an open amount: the app takes $1.00 to $10,000.00 and the dealer refuses beyond its own.
The service says nothing of a company being down, so every company is "up" here and the app's
own latency measure speaks for the system's speed (R15). It keeps one balance: no pools.
"""

from __future__ import annotations

import re

from ...domain.catalog import REFERENCE_MAX, Category, Field, FieldKind
from ..records import Carrier, Catalog, Product
from .queries import Product as SkuItem
from .queries import SkuList

BUNDLE, BILL = 2, 3  # stype
BILL_LIMITS = (1_00, 10_000_00)  # centavos: what the app takes for a bill here
_DIGITS = re.compile(r"\^\[0-9\]\{(\d{1,2})(?:,(\d{1,2}))?\}\$")


def company_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold()) or "otro"


def _shown(name: str) -> str:
    """"TELCEL" -> "Telcel", as the other screens write companies; "AT&T" and the short
    initials of a service ("CFE") stay."""
    return name.title() if name.isupper() and "&" not in name and len(name) > 4 else name


def lengths(regex: str) -> tuple[int, int] | None:
    """The lengths a plain digits pattern allows (``^[0-9]{30}$``, ``^[0-9]{8,12}$``)."""
    found = _DIGITS.fullmatch(regex.strip())
    if found is None:
        return None
    low = int(found.group(1))
    return low, int(found.group(2) or low)


def _category(item: SkuItem) -> Category:
    if item.amount is None or item.service_type == BILL:
        return Category.BILL
    return Category.BUNDLE if item.service_type == BUNDLE else Category.AIRTIME


def _product(item: SkuItem, cid: str) -> Product:
    category = _category(item)
    if category is not Category.BILL:
        return Product(item.sku, cid, item.amount or 0, item.info or item.sku, category,
                       item.info or "")
    low, high = lengths(item.regex) or (1, REFERENCE_MAX)
    account = Field("op_account", "Referencia", FieldKind.REFERENCE, low, high)
    return Product(item.sku, cid, 0, item.info or item.sku, category, item.info or "",
                   fields=(account,), min_amount=BILL_LIMITS[0], max_amount=BILL_LIMITS[1])


def catalog_of(skus: SkuList) -> Catalog:
    carriers: dict[str, Carrier] = {}
    products: list[Product] = []
    for item in skus.products:
        cid = company_id(item.name)
        carriers.setdefault(cid, Carrier(cid, _shown(item.name) or cid, "up"))
        products.append(_product(item, cid))
    return Catalog(tuple(carriers.values()), tuple(products))
