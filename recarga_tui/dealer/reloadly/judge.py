"""Reloadly's transactions and refusals judged against the sale sent: the app's records and
outcomes (``dealer/records.py``, ``dealer/outcomes.py``).

A transaction is about the sale when its ``customIdentifier`` is the sale's reference, its
``recipientPhone`` the number, its ``operatorId`` and amount the product, and that amount the
pesos sold: ``deliveredAmount`` in MXN (the top-up was sent with ``useLocalAmount``), or
``requestedAmount`` when that is the one in MXN. Anything it does not name counts as
different (``match.py``): such an answer is Unknown, never a delivery or a refusal (R16).
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_DOWN

from ...domain.faults import Fault, Origin
from .. import match
from .. import records as app
from ..outcomes import SendOutcome, Unknown
from ..reading import mismatched, outcome_of, rejected, unknown_outcome
from ..text import safe
from . import codes
from .answers import (
    code_of,
    exact_centavos,
    local_number,
    message_of,
    minor_units,
    parse_time,
    text_of,
)
from .catalog import PESOS, named_sku, parse_sku
from .shapes import Error, Transaction


def pesos_of(txn: Transaction) -> int | None:
    """The pesos a transaction names: delivered in MXN, else requested in MXN."""
    for amount, currency in ((txn.deliveredAmount, txn.deliveredAmountCurrencyCode),
                             (txn.requestedAmount, txn.requestedAmountCurrencyCode)):
        if (currency or "").upper() == PESOS:
            return exact_centavos(amount)
    return None


def earning_of(txn: Transaction) -> int | None:
    """What the shop earned on the top-up, in centavos: Reloadly's ``discount`` (what the
    account was not charged of the price). In pesos as it is, for an account in pesos; in the
    account's currency, at the top-up's own rate (the pesos delivered for the amount
    requested in that currency), rounded down to the centavo. None when the answer names no
    discount, or names it in a currency it gives no rate for."""
    discount = txn.discount
    if discount is None or not discount.is_finite() or discount < 0:
        return None
    currency = (txn.discountCurrencyCode or "").upper()
    if currency == PESOS:
        return minor_units(discount)
    pesos, requested = pesos_of(txn), txn.requestedAmount
    if (not currency or pesos is None or requested is None or not requested.is_finite()
            or requested <= 0 or (txn.requestedAmountCurrencyCode or "").upper() != currency):
        return None
    return int((discount * pesos / requested).to_integral_value(rounding=ROUND_DOWN))


def said_status(txn: Transaction) -> str:
    """A transaction's status; one that names none (the Java SDK's /topups answer and its
    report's lines, from before Reloadly's statuses) is a top-up made: delivered."""
    return safe(txn.status or codes.DELIVERED).upper()


def named(txn: Transaction, sent: match.Sent, dial_code: str) -> match.Named:
    parts = parse_sku(sent.sku)
    amount = pesos_of(txn)
    operator = text_of(txn.operatorId) or None
    return match.Named(safe(txn.customIdentifier) if txn.customIdentifier else None,
                       local_number(txn.recipientPhone, dial_code),
                       named_sku(operator, amount, parts) if parts else None, amount)


def record_of(txn: Transaction, sent: match.Sent, dial_code: str, at: datetime, *,
              status: str | None = None, code: str = "", message: str = "") -> app.TopupRecord:
    """The transaction as the app's record; ``status`` (upper case) as the answer gives it
    beside the transaction, else the transaction's own. A failed one carries its refusal;
    a status nobody documents decides nothing (an error of class ``unknown``)."""
    said = (status or safe(txn.status or "")).upper()
    name = named(txn, sent, dial_code)
    when = parse_time(txn.transactionDate) or at
    error = None
    if said in codes.IN_PROGRESS:
        app_status = "pending"
    elif said == codes.DELIVERED:
        app_status = "success"
    else:
        app_status = "failed"
        error = _error(said, code, message)
    info = txn.balanceInfo
    after = minor_units(info.newBalance) if info and (info.currencyCode or "") == PESOS else None
    return app.TopupRecord(
        topup_id=text_of(txn.transactionId), client_ref=name.ref or "", status=app_status,
        carrier_folio=text_of(txn.operatorTransactionId) or None,
        dealer_folio=text_of(txn.transactionId) or None, amount=name.amount or 0,
        balance_after=after, created_at=when, updated_at=when, replayed=False, error=error,
        sku=name.sku, msisdn=name.msisdn,
        earning=earning_of(txn) if app_status == "success" else None)


def _error(status: str, code: str, message: str) -> app.ErrorBody:
    if status not in codes.NOT_DELIVERED:
        return app.ErrorBody(status or "UNKNOWN", "unknown", Origin.DEALER, message)
    code = code if code in codes.REFUSALS else codes.FAILED_CODE
    meaning = codes.REFUSALS[code]
    return app.ErrorBody(code, meaning.error_class, meaning.origin, message)


def outcome(txn: Transaction, sent: match.Sent, dial_code: str, at: datetime, *,
            status: str | None = None, code: str = "", message: str = "") -> SendOutcome:
    """What the transaction says of the sale: Unknown when it is about another."""
    record = record_of(txn, sent, dial_code, at, status=status, code=code, message=message)
    return mismatched(sent, record) or outcome_of(record)


def refusal(http_status: int, error: Error | None) -> SendOutcome:
    """An error answer to the top-up: a refusal only where Reloadly documents its code as
    one; a code that leaves the sale open, or one nobody documents, is Unknown (R16)."""
    code = code_of(error)
    message = message_of(error)
    meaning = codes.REFUSALS.get(code)
    if meaning is not None:
        return rejected(app.ErrorBody(code, meaning.error_class, meaning.origin, message))
    params = {"dealer_code": code, "dealer_message": message}
    if code in codes.UNDECIDED:
        origin = Origin.CARRIER if code == "PHONE_RECENTLY_RECHARGED" else Origin.DEALER
        return Unknown("dealer_unknown", origin,
                       Fault(origin, f"dealer.reloadly.{code.lower()}", params), params)
    if error is None or not code:
        return unknown_outcome("server_error" if http_status >= 500 else "malformed",
                               Origin.DEALER)
    return Unknown("dealer_unknown", Origin.DEALER,
                   Fault(Origin.DEALER, "dealer.reloadly.unknown_code", params), params)
