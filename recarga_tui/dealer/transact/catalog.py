"""``GetSkuList`` as the app's catalog: the companies, their top-ups and bundles of a fixed
amount, and the bills that take any amount.

The service names a company only by the ``name`` of its products: "TELCEL" in one
deployment, the product's own name in another ("Telcel $20", "Internet Amigo 7 días"). So
the products are grouped by operator (``opid``, where the dealer fills it, else the ``name``),
the company is named by what its products' names share ("Telcel"), and a product whose name
says more than that keeps its name. The app's company id is that name in lower-case letters
and digits ("AT&T" -> "att"). ``stype`` says what a product is where the dealer fills it
(2 a data bundle, 3 a bill); without it a product whose name says more than the company and
its price is a bundle; a product of ``monto`` 0 takes any amount and is a bill whatever its
``stype``. The account a bill is paid
to is checked against the lengths its ``regex`` names when it is a plain ``^[0-9]{n,m}$``
(anything else: 1 to 30 characters, and the dealer's own check). GetSkuList names no limits
for an open amount: the app takes $1.00 to $10,000.00 and the dealer refuses beyond its own.
The service says nothing of a company being down, so every company is "up" here and the app's
own latency measure speaks for the system's speed (R15). It keeps one balance: no pools.
A product's ``costo`` is what it costs the shop: its price less that is what the shop earns
on one sale (``earns``), journaled with each sale (``domain/earnings.py``).
"""

from __future__ import annotations

import re

from ...domain.catalog import (
    OPEN_AMOUNT_LIMITS,
    REFERENCE_MAX,
    Category,
    Earns,
    Field,
    FieldKind,
)
from ..records import Carrier, Catalog, Product
from .queries import Product as SkuItem
from .queries import SkuList

BUNDLE, BILL = 2, 3  # stype
BILL_LIMITS = OPEN_AMOUNT_LIMITS  # centavos: what the app takes for a bill here
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


def _category(item: SkuItem, company: str) -> Category:
    if item.amount is None or item.service_type == BILL:
        return Category.BILL
    if item.service_type is not None:
        return Category.BUNDLE if item.service_type == BUNDLE else Category.AIRTIME
    return Category.BUNDLE if _more_than(item.name, company) else Category.AIRTIME


def _is_price(word: str) -> bool:
    """A word that only says an amount: "$20", "20", "50.00", "$1,000"."""
    return bool(re.fullmatch(r"\$?[0-9][0-9.,]*", word))


def _more_than(name: str, company: str) -> bool:
    """Whether a product's name says more than its company and a price ("Internet Amigo 7
    días" under Telcel; not "Telcel $20" nor "TELCEL")."""
    words = name.split()
    known = company.split()
    if [w.casefold() for w in words[:len(known)]] == [w.casefold() for w in known]:
        words = words[len(known):]
    return any(not _is_price(w) for w in words)


def _company_name(names: list[str]) -> str:
    """What the names of one operator's products share, less any price: "Telcel" of "Telcel
    $20" and "Telcel $50"; "TELCEL" of "TELCEL"; the first word when they share none."""
    split = [name.split() for name in names if name.split()]
    if not split:
        return ""
    shared: list[str] = []
    for words in zip(*split, strict=False):
        if any(w.casefold() != words[0].casefold() for w in words) or _is_price(words[0]):
            break
        shared.append(words[0])
    return " ".join(shared or [w for w in split[0][:1] if not _is_price(w)])


def _product(item: SkuItem, cid: str, company: str) -> Product:
    category = _category(item, company)
    # The product's name where it says more than the company; else what the dealer's info
    # says of it (the name the catalog gave every product of the company).
    name = item.name if _more_than(item.name, company) else (item.info or "")
    if category is not Category.BILL:
        return Product(item.sku, cid, item.amount or 0, item.info or item.name or item.sku,
                       category, name or item.info or "", earns=earns(item))
    low, high = lengths(item.regex) or (1, REFERENCE_MAX)
    account = Field("op_account", "Referencia", FieldKind.REFERENCE, low, high)
    return Product(item.sku, cid, 0, item.info or item.sku, category, name or item.info or "",
                   fields=(account,), min_amount=BILL_LIMITS[0], max_amount=BILL_LIMITS[1])


def earns(item: SkuItem) -> Earns | None:
    """What the shop earns on one sale of a product of a fixed amount: its price (``monto``)
    less what it costs the shop (``costo``), where the dealer gives a cost within the price.
    A bill's ``costo`` says nothing of a share of an amount not yet typed, and a cost above
    the price is no earning: the shop's own rate is used for both (``domain/earnings.py``)."""
    if item.amount is None or item.cost is None or not 0 <= item.cost <= item.amount:
        return None
    return Earns(centavos=item.amount - item.cost)


def _operator(item: SkuItem) -> str:
    """What groups a product with its company's others: the operator's id, else its name."""
    return f"opid:{item.operator_id}" if item.operator_id is not None else \
        f"name:{company_id(item.name)}"


def catalog_of(skus: SkuList) -> Catalog:
    groups: dict[str, list[SkuItem]] = {}
    for item in skus.products:
        groups.setdefault(_operator(item), []).append(item)
    carriers: dict[str, Carrier] = {}
    products: list[Product] = []
    companies = {key: _company_name([i.name for i in items]) for key, items in groups.items()}
    for item in skus.products:
        company = companies[_operator(item)]
        cid = company_id(company)
        carriers.setdefault(cid, Carrier(cid, _shown(company) or cid, "up"))
        products.append(_product(item, cid, company))
    return Catalog(tuple(carriers.values()), tuple(products))
