"""TAECEL, a Mexican distributor, seen from the shop: its web service's answers, typed.

Pure functions of the body, no HTTP (the adapter that calls Taecel lives behind the app's
dealer port): ``classify_request`` and ``classify_status`` turn RequestTXN and StatusTXN
into the app's outcomes (``dealer/outcomes.py``); ``read_sales``, ``read_balance`` and
``read_products`` read the queries; ``matching.differences`` holds a transaction against the
sale sent. Money strings become integer centavos, ``Fecha`` an aware time in Mexico City,
and every string passes ``dealer.text.safe``. See docs/dealers/taecel.md.
"""

from . import api, matching
from .answers import (
    classify_request,
    classify_status,
    read_balance,
    read_products,
    read_sales,
    state_of,
)
from .money import MoneyError, format_money, parse_money
from .records import (
    GIFT_CARDS,
    PAQUETES,
    SERVICIOS,
    TAE,
    Accepted,
    Carrier,
    Catalog,
    Field,
    Pool,
    Product,
    RecentTopup,
    RequestOutcome,
    SaleLine,
    StatusAnswer,
    StatusOutcome,
    Transaction,
)
from .times import MEXICO_CITY, TimeError, format_fecha, parse_fecha

__all__ = [
    "GIFT_CARDS", "MEXICO_CITY", "PAQUETES", "SERVICIOS", "TAE", "Accepted", "Carrier",
    "Catalog", "Field", "MoneyError", "Pool", "Product", "RecentTopup", "RequestOutcome",
    "SaleLine", "StatusAnswer", "StatusOutcome", "TimeError", "Transaction", "api",
    "classify_request", "classify_status", "format_fecha", "format_money", "matching",
    "parse_fecha", "parse_money", "read_balance", "read_products", "read_sales", "state_of",
]
