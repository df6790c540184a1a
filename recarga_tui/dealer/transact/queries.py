"""The answers of the queries: ``GetTRequestID``, ``GetBalance`` and ``GetSkuList``.

A query that fails raises :class:`~recarga_tui.dealer.outcomes.DealerError` with the origin
and the cashier's words (R01), as protocol v1's queries do; nothing here is about a sale, so
nothing here is ever a rejection. ``GetBalanceResult`` and ``GetSkuListResult`` are strings
holding an escaped XML document; that inner document is parsed as warily as the envelope.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

import msgspec

from ...domain.faults import Fault, Origin
from ..outcomes import DealerError
from ..text import safe
from . import soap
from .build import REQUEST_ID

MAX_PRODUCTS = 5_000
MAX_FIELD = 500  # characters kept of one catalog field
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
# pesos: optional "$", optional sign, digits with optional thousands commas, optional decimals
_PESOS = re.compile(r"^(-)?\$?\s*(-)?(\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,6}))?$")


def _error(key: str, code: str, error_class: str = "unknown", **params: str) -> DealerError:
    return DealerError(Fault(Origin.DEALER, key, dict(params)), error_class=error_class,
                       dealer_code=code)


def _result(body: bytes, operation: str) -> soap.Element:
    """``<{operation}Result>``; DealerError for anything but an answer."""
    try:
        return soap.result(soap.parse(body), operation)
    except soap.SoapFault as fault:
        raise _error("dealer.query.server_error", "SOAP_FAULT",
                     dealer_message=safe(fault.text)[:200]) from None
    except soap.XmlRefused as refused:
        key = "dealer.query.too_large" if refused.reason == "too_large" else \
            "dealer.query.malformed"
        raise _error(key, refused.reason.upper()) from None


def _result_text(body: bytes, operation: str) -> str | None:
    """The string inside ``<{operation}Result>`` (None when nil)."""
    result = _result(body, operation)
    if len(result):
        raise _error("dealer.query.malformed", "NOT_A_STRING")
    return None if result.get(f"{{{soap.XSI}}}nil") in ("true", "1") else result.text or ""


def parse_request_id(body: bytes, *, licence_sent: bool = True) -> str:
    """The id ``GetTRequestID`` handed out: non-empty, at most 64 letters, digits, ``-`` or
    ``_``, not all zeros. An empty answer is what integrators meet with wrong credentials or
    a service in maintenance; the two cannot be told apart (docs/dealers/transact.md). Its
    words say so, and whether the shop sent a licence at all (``licence_sent``)."""
    text = (_result_text(body, "GetTRequestID") or "").strip()
    if not text:
        key = "dealer.transact.no_request_id" if licence_sent else \
            "dealer.transact.no_request_id_no_licence"
        raise _error(key, "NO_REQUEST_ID", "refused")
    if not REQUEST_ID.match(text) or not text.strip("0"):
        raise _error("dealer.query.malformed", "BAD_REQUEST_ID")
    return text


def pesos_to_centavos(text: str) -> int:
    """``"1,234.50"`` -> ``123450``, exactly (Decimal, never a float). ValueError for what
    is not an amount or not whole centavos (``"0.005"``); trailing zeros are fine
    (``"10.5000"``, as SQL money writes it)."""
    found = _PESOS.match(text.strip())
    if not found or (found.group(1) and found.group(2)):
        raise ValueError("not an amount")
    minus = bool(found.group(1) or found.group(2))
    try:
        value = Decimal(found.group(3).replace(",", "") + "." + (found.group(4) or "0"))
    except InvalidOperation:
        raise ValueError("not an amount") from None
    centavos = value * 100
    if centavos != centavos.to_integral_value():
        raise ValueError("not whole centavos")
    return -int(centavos) if minus else int(centavos)


def _inner(body: bytes, operation: str,
           bare_amount: bool = False) -> tuple[soap.Element, str | None]:
    """The document inside ``<{operation}Result>``, and the result's own text. The service
    sends it escaped in a string; one written as elements is taken as it is."""
    result = _result(body, operation)
    children = list(result)
    if len(children) == 1:
        for element in children[0].iter():  # they inherit the service's namespace
            element.tag = str(element.tag).rpartition("}")[2]
        return children[0], None
    if children:
        raise _error("dealer.query.malformed", "NOT_A_DOCUMENT")
    text = result.text or ""
    if not text.strip():
        raise _error("dealer.query.server_error", "EMPTY_RESULT", "refused",
                     dealer_message=f"{operation} sin datos: usuario o contraseña no "
                                    "aceptados, o servicio en mantenimiento")
    if bare_amount and _PESOS.match(text.strip()):
        return Element("amount"), text
    try:
        return soap.parse_inner(text), text
    except soap.XmlRefused as refused:
        raise _error("dealer.query.malformed", f"INNER_{refused.reason.upper()}") from None


def parse_balance(body: bytes) -> int:
    """The shop's balance in centavos. The one public client of GetBalance reads it as
    ``<balance>`` under the root of the inner document; a bare amount is taken too."""
    root, text = _inner(body, "GetBalance", bare_amount=True)
    if root.tag == "amount" and text is not None:
        return pesos_to_centavos(text)
    found = [root] if root.tag == "balance" else root.findall("balance")
    if len(found) != 1 or len(found[0]):
        raise _error("dealer.query.malformed", "NO_BALANCE")
    try:
        return pesos_to_centavos(safe(found[0].text or ""))
    except ValueError:
        raise _error("dealer.query.malformed", "BAD_BALANCE") from None


class Product(msgspec.Struct, frozen=True):
    """One ``<product>`` of ``GetSkuList``.

    ``amount`` is ``monto`` in centavos, None when the product takes any amount (a bill:
    ``monto`` 0 or negative). ``regex`` is the pattern the account must match, as the dealer
    wrote it (compile it with care: it comes from outside). ``check_sku`` "-1" means the
    dealer wants the account checked first (``CheckSku``, not used by the app).
    """

    name: str
    sku: str
    amount: int | None
    info: str = ""
    regex: str = ""
    cost: int | None = None
    service_type: int | None = None
    operator_id: int | None = None
    check_sku: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


class SkuList(msgspec.Struct, frozen=True):
    products: tuple[Product, ...]
    dropped: int = 0  # entries left out: no sku, a bad amount, a repeated sku


_KNOWN = {"name", "sku", "monto", "info", "regex", "costo", "stype", "opid", "checksku"}


def _field(product: soap.Element, name: str) -> str | None:
    found = product.findall(name)
    if len(found) != 1 or len(found[0]):
        return None
    return safe(found[0].text or "")[:MAX_FIELD]


def _small_int(text: str | None) -> int | None:
    if text is None or not re.fullmatch(r"-?\d{1,9}", text.strip()):
        return None
    return int(text)


def _product(element: soap.Element) -> Product | None:
    sku = _field(element, "sku")
    monto = _field(element, "monto")
    if sku is None or not _SKU.match(sku) or monto is None:
        return None
    try:
        amount: int | None = pesos_to_centavos(monto)
    except ValueError:
        return None
    if amount is not None and amount <= 0:
        amount = None  # any amount: a bill
    costo = _field(element, "costo")
    try:
        cost = None if costo is None else pesos_to_centavos(costo)
    except ValueError:
        cost = None
    extra = tuple((child.tag, safe(child.text or "")[:MAX_FIELD]) for child in element
                  if isinstance(child.tag, str) and child.tag not in _KNOWN and not len(child))
    return Product(name=_field(element, "name") or "", sku=sku, amount=amount,
                   info=_field(element, "info") or "", regex=_field(element, "regex") or "",
                   cost=cost, service_type=_small_int(_field(element, "stype")),
                   operator_id=_small_int(_field(element, "opid")),
                   check_sku=_field(element, "checksku"), extra=extra[:20])


def parse_sku_list(body: bytes) -> SkuList:
    """The catalog: every ``<product>`` of the inner document, wherever it sits (integrators
    search them by tag name). Products that cannot be sold safely are left out and counted."""
    root, _ = _inner(body, "GetSkuList")
    products: list[Product] = []
    seen: set[str] = set()
    dropped = 0
    for element in root.iter("product"):
        if len(products) + dropped >= MAX_PRODUCTS:
            dropped += 1
            continue
        product = _product(element)
        if product is None or product.sku in seen:
            dropped += 1
            continue
        seen.add(product.sku)
        products.append(product)
    return SkuList(tuple(products), dropped)
