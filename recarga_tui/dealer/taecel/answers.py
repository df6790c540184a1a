"""Taecel's answers classified into the app's outcomes: pure functions of the body, no HTTP.

Each function takes the body as it came (bytes or text; the HTTP layer has already cut it at
1 MB) and never raises for anything Taecel sends: an empty body, an HTML error page, the
"Error intencional en formato de respuesta" that Taecel's test number 5555555520 answers on
purpose, wrong types, a code nobody has seen, JSON nested a million deep. All of those are
:class:`~recarga_tui.dealer.outcomes.Unknown`, origin dealer, never a rejection (R16).

The HTTP status is not an argument: Taecel answers 200 whatever happened, and the body is
the only word it gives.

A rejection needs a code of ``codes.REFUSALS``; for StatusTXN also the transaction it names
marked ``Fracasada``. Whether an answer is about the sale sent is for the caller to check
with ``matching.py`` (R16): the outcome of a StatusTXN comes with the transaction it names.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import msgspec

from ...domain.faults import Certainty, Fault, Origin
from ..outcomes import Confirmed, Pending, Rejected, Unknown
from ..text import safe
from . import codes, shapes
from .money import MoneyError, parse_money
from .records import (
    Accepted,
    Carrier,
    Catalog,
    Field,
    Pool,
    Product,
    RecentTopup,
    RequestOutcome,
    StatusAnswer,
    Transaction,
    TxnState,
)
from .times import TimeError, parse_fecha

log = logging.getLogger(__name__)

T = TypeVar("T")

# Status texts by what they say, compared without case, accents or extra spaces.
DELIVERED = frozenset({"exitosa"})
FAILED = frozenset({"fracasada"})
IN_PROGRESS = frozenset({"en proceso", "pendiente", "procesando", "en espera"})
BOM = b"\xef\xbb\xbf"  # a PHP file saved with one puts it before the JSON
# No sale, pool or bill of a shop comes near: a bigger amount is garbage, not money.
MAX_CENTAVOS = 10**14
_WHOLE = re.compile(r"-?[0-9]{1,18}")


class _Unreadable(Exception):
    """The body, or a part of it, is not what Taecel sends."""


# --- reading ----------------------------------------------------------------------------------


def _decode(data: bytes | str | msgspec.Raw, kind: type[T]) -> T:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if isinstance(data, bytes) and data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return msgspec.json.decode(data, type=kind)
    except (msgspec.DecodeError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        # msgspec's ValidationError is a DecodeError; RecursionError is JSON nested too deep.
        raise _Unreadable(type(exc).__name__) from None


def _envelope(body: bytes | str) -> shapes.Envelope:
    return _decode(body, shapes.Envelope)


def folded(text: str) -> str:
    """``text`` without case, accents or repeated spaces: "Fracasada " is "fracasada"."""
    plain = unicodedata.normalize("NFKD", safe(text))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def state_of(status: str) -> TxnState:
    word = folded(status)
    if word in DELIVERED:
        return "delivered"
    if word in FAILED:
        return "failed"
    if word in IN_PROGRESS:
        return "in_progress"
    return "unknown"


def _as_int(value: int | str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if not _WHOLE.fullmatch(text):
        raise _Unreadable("not a whole number")
    return int(text)


def _as_id(value: int | str) -> str:
    text = safe(str(value))
    if not text:
        raise _Unreadable("an empty id")
    return text


def _flag(value: int | str) -> bool:
    return _as_int(value) != 0


def _money(text: str) -> int:
    try:
        centavos = parse_money(text)
    except MoneyError:
        raise _Unreadable("money") from None
    if centavos > MAX_CENTAVOS:
        raise _Unreadable("money")
    return centavos


def _product_amount(value: int | float | str) -> int | None:
    """A product's ``Monto`` in centavos; 0 is an open amount (None)."""
    if isinstance(value, bool):
        raise _Unreadable("money")
    if isinstance(value, int):
        centavos = value * 100
    elif isinstance(value, float):
        exact = Decimal(repr(value))  # the shortest text of the float: what the JSON said
        try:
            if not exact.is_finite() or exact != exact.quantize(Decimal("0.01")):
                raise _Unreadable("money")
        except InvalidOperation:
            raise _Unreadable("money") from None
        centavos = int(exact * 100)
    else:
        centavos = _money(value)
    if not 0 <= centavos <= MAX_CENTAVOS:
        raise _Unreadable("money")
    return centavos or None


def transaction_of(data: shapes.TxnData) -> Transaction:
    """The sale a StatusTXN or a getSales line names; raises :class:`_Unreadable`."""
    try:
        at = parse_fecha(data.fecha)
    except TimeError:
        raise _Unreadable("time") from None
    trans_id = safe(data.trans_id)
    if not trans_id:
        raise _Unreadable("no TransID")
    return Transaction(
        trans_id=trans_id, number=safe(data.telefono), carrier=safe(data.carrier),
        product=safe(data.codigo) or None, amount=_money(data.monto), at=at,
        folio=safe(data.folio), status=safe(data.status), state=state_of(data.status),
        note=safe(data.nota), pool=safe(data.bolsa),
        balance_after=_money(data.saldo_final) if data.saldo_final.strip() else None)


# --- outcomes ---------------------------------------------------------------------------------


def _details(operation: str, env: shapes.Envelope | None, **more: Any) -> dict[str, Any]:
    details: dict[str, Any] = {"operation": operation}
    if env is not None:
        # Compared raw (a code with anything around it is no known code: unknown), but kept,
        # journaled, exported and logged made safe like every other string the dealer sends.
        details["dealer_code"] = safe(codes.code_of(env.error))
        details["dealer_message"] = safe(env.message)
    details.update(more)
    return details


def _unknown(reason: str, key: str, details: dict[str, Any],
             certainty: Certainty = Certainty.UNKNOWN) -> Unknown:
    params = {k: v for k, v in details.items() if k in ("dealer_code", "dealer_message")}
    log.warning("Taecel %s: %s (%s)", details.get("operation"), reason,
                details.get("dealer_code", "-"))
    return Unknown(reason, Origin.DEALER, Fault(Origin.DEALER, key, params, certainty),
                   details)


def _unreadable(operation: str, why: str) -> Unknown:
    return _unknown("malformed", "dealer.unknown.malformed",
                    {"operation": operation, "unreadable": why})


def _rejected(code: str, env: shapes.Envelope) -> Rejected:
    refusal = codes.REFUSALS[code]
    params = {"dealer_code": code, "dealer_message": safe(env.message)}
    return Rejected(Fault(refusal.origin, refusal.key, params, Certainty.DEFINITE),
                    refusal.error_class, code)


def classify_request(body: bytes | str) -> RequestOutcome:
    """RequestTXN's answer: :class:`Accepted` (ask StatusTXN), :class:`RecentTopup` (3128:
    look in the sales report), a definite ``Rejected``, or ``Unknown``."""
    op = "RequestTXN"
    try:
        env = _envelope(body)
    except _Unreadable as why:
        return _unreadable(op, str(why))
    code = codes.code_of(env.error)
    if env.success:
        if code != codes.SUCCESS:
            return _unknown("dealer_unknown", "dealer.taecel.unclear", _details(op, env))
        try:
            data = _decode(env.data, shapes.RequestData)
            trans_id = safe(data.trans_id)
            at = parse_fecha(data.fecha) if data.fecha.strip() else None
        except (_Unreadable, TimeError) as why:
            return _unreadable(op, str(why))
        if not trans_id:
            return _unreadable(op, "no transID")
        return Accepted(trans_id, at, safe(env.message))
    if code == codes.RECENT_TOPUP:
        params = {"dealer_code": code, "dealer_message": safe(env.message)}
        return RecentTopup(Fault(Origin.DEALER, "dealer.taecel.recent_topup", params),
                           safe(env.message))
    if code in codes.REFUSALS and not _names_a_transaction(env):
        return _rejected(code, env)
    # An unknown code, or a refusal that names a transaction: Taecel may have taken it.
    return _unknown("dealer_unknown", "dealer.taecel.unknown_code", _details(op, env))


def _names_a_transaction(env: shapes.Envelope) -> bool:
    try:
        data = _decode(env.data, dict[str, Any])
    except _Unreadable:
        return False  # ``[]``, ``null``: nothing named
    return any(data.get(k) for k in ("transID", "TransID"))


def classify_status(body: bytes | str) -> StatusAnswer:
    """StatusTXN's answer: ``Confirmed`` (Exitosa, with folio, Taecel's time and the pool's
    balance after), ``Rejected`` (Fracasada with a known code), ``Pending`` (in progress: ask
    again) or ``Unknown`` (the unreadable, the contradictory, the unknown code)."""
    op = "StatusTXN"
    try:
        env = _envelope(body)
    except _Unreadable as why:
        return StatusAnswer(_unreadable(op, str(why)), None)
    code = codes.code_of(env.error)
    try:
        txn = transaction_of(_decode(env.data, shapes.TxnData))
    except _Unreadable as why:
        if env.success:
            return StatusAnswer(_unreadable(op, str(why)), None)
        # A refusal about no readable transaction (an unknown transID, data ``[]``).
        return StatusAnswer(_unknown("dealer_unknown", "dealer.taecel.unknown_code",
                                     _details(op, env)), None)
    return StatusAnswer(_status_outcome(env, code, txn), txn)


def _status_outcome(env: shapes.Envelope, code: str,
                    txn: Transaction) -> Confirmed | Rejected | Pending | Unknown:
    op = "StatusTXN"
    if env.success and code == codes.SUCCESS:
        if txn.state == "delivered":
            return Confirmed(txn.folio, txn.trans_id, txn.at, txn.balance_after, False)
        if txn.state == "in_progress":
            return Pending(txn.trans_id, txn.trans_id, txn.at)
    elif not env.success and txn.state == "failed":
        if code in codes.REFUSALS:
            return _rejected(code, env)
        return _unknown("dealer_unknown", "dealer.taecel.unknown_code",
                        _details(op, env, status=txn.status))
    # Success with a failed status, a failure with a delivered one, a status nobody knows.
    return _unknown("dealer_unknown", "dealer.taecel.unclear",
                    _details(op, env, status=txn.status))


# --- queries ----------------------------------------------------------------------------------


def _query(operation: str, body: bytes | str, kind: type[T]) -> T | Unknown:
    """The ``data`` of a successful query, or Unknown (whose fault names no sale's fate)."""
    try:
        env = _envelope(body)
    except _Unreadable as why:
        return _unknown("malformed", "dealer.query.malformed",
                        {"operation": operation, "unreadable": str(why)})
    if not env.success or codes.code_of(env.error) != codes.SUCCESS:
        return _unknown("dealer_unknown", "dealer.taecel.query_refused",
                        _details(operation, env))
    try:
        return _decode(env.data, kind)
    except _Unreadable as why:
        return _unknown("malformed", "dealer.query.malformed",
                        {"operation": operation, "unreadable": str(why)})


def read_sales(body: bytes | str) -> tuple[Transaction, ...] | Unknown:
    """getSales' lines, each a :class:`Transaction`; only ``delivered`` ones are proof.

    One unreadable line makes the whole report Unknown: a line skipped could be the sale
    looked for, and a report taken as complete without it would let the sale be called
    "not found" and sent again (R19)."""
    lines = _query("getSales", body, list[shapes.TxnData])
    if isinstance(lines, Unknown):
        return lines
    try:
        return tuple(transaction_of(line) for line in lines)
    except _Unreadable as why:
        return _unknown("malformed", "dealer.query.malformed",
                        {"operation": "getSales", "unreadable": str(why)})


def read_balance(body: bytes | str) -> tuple[Pool, ...] | Unknown:
    """getBalance's pools (Tiempo Aire, Pago de Servicios, ...) with their balance."""
    pools = _query("getBalance", body, list[shapes.PoolData])
    if isinstance(pools, Unknown):
        return pools
    try:
        return tuple(Pool(_as_id(p.id), safe(p.bolsa), _money(p.saldo)) for p in pools)
    except _Unreadable as why:
        return _unknown("malformed", "dealer.query.malformed",
                        {"operation": "getBalance", "unreadable": str(why)})


def read_products(body: bytes | str) -> Catalog | Unknown:
    """getProducts: the carriers with the fields the cashier fills, and the products."""
    data = _query("getProducts", body, shapes.CatalogData)
    if isinstance(data, Unknown):
        return data
    try:
        return Catalog(tuple(map(_carrier, data.carriers)), tuple(map(_product, data.productos)))
    except _Unreadable as why:
        return _unknown("malformed", "dealer.query.malformed",
                        {"operation": "getProducts", "unreadable": str(why)})


def _carrier(c: shapes.CarrierData) -> Carrier:
    fields = tuple(
        Field(label=safe(f.nombre), name=safe(f.campo), min=_as_int(f.min), max=_as_int(f.max),
              format=_as_id(f.formato), confirm=_flag(f.confirmar), required=_flag(f.obligatorio),
              leading_zero=None if f.ini_cero is None else _flag(f.ini_cero))
        for f in c.campos or ())
    return Carrier(_as_id(c.id), safe(c.nombre), _as_id(c.bolsa_id), _as_id(c.categoria_id),
                   safe(c.categoria), fields)


def _product(p: shapes.ProductData) -> Product:
    code = safe(p.codigo)
    if not code:
        raise _Unreadable("a product without Codigo")
    return Product(code=code, carrier=safe(p.carrier), carrier_id=_as_id(p.carrier_id),
                   amount=_product_amount(p.monto), category_id=_as_id(p.categoria_id),
                   pool_id=_as_id(p.bolsa_id), name=safe(p.nombre), validity=safe(p.vigencia),
                   description=safe(p.descripcion))
