"""Reloadly's answers read: pure functions of the body, no HTTP.

Each function decodes one kind of answer with its struct (``shapes.py``), takes both shapes
where Reloadly's documents and SDKs disagree, and raises :class:`Unreadable` for anything
else: nothing half-read reaches the app. Money becomes integer minor units exactly (a sale's
amount that is not a whole number of centavos is no amount the shop sold); times without an
offset are read as UTC (docs/dealers/reloadly.md says why); every text passes
``dealer.text.safe``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import TypeVar

import msgspec

from ..text import mend_surrogates, safe
from . import shapes

T = TypeVar("T")
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # "2021-12-06 08:13:39": the documents' and the SDKs'
CENT = Decimal("0.01")


class Unreadable(ValueError):
    """An answer that is not what Reloadly documents."""


def decode(body: bytes, kind: type[T]) -> T:
    try:
        return msgspec.json.decode(mend_surrogates(body), type=kind)
    except (msgspec.DecodeError, RecursionError) as exc:  # ValidationError is a DecodeError
        raise Unreadable(str(exc)[:200]) from None


# --- money, times, phones -----------------------------------------------------------------


def exact_centavos(value: Decimal | None) -> int | None:
    """A sale's amount in centavos, only when it is a whole number of them and not negative."""
    if value is None or not value.is_finite() or value < 0:
        return None
    cents = value * 100
    return int(cents) if cents == cents.to_integral_value() else None


def minor_units(value: Decimal | None) -> int | None:
    """A balance in hundredths of its currency, never more than it holds (Reloadly gives
    balances with five decimals: ``5109.53732``)."""
    if value is None or not value.is_finite():
        return None
    try:
        return int(value.quantize(CENT, rounding=ROUND_DOWN) * 100)
    except InvalidOperation:  # too many digits for the context
        return None


def amount_text(centavos: int) -> str:
    """An amount as Reloadly's OpenAPI writes it in a request: ``"5.00"``."""
    return f"{centavos // 100}.{centavos % 100:02d}"


def parse_time(text: str | None) -> datetime | None:
    """``2021-12-06 08:13:39`` as UTC; ISO 8601 with an offset or ``Z`` as it says."""
    if not text:
        return None
    try:
        if "T" not in text:
            return datetime.strptime(text.strip(), TIME_FORMAT).replace(tzinfo=UTC)
        found = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)


def query_time(at: datetime) -> str:
    """A time for the report's ``startDate`` and ``endDate``, in UTC."""
    return at.astimezone(UTC).strftime(TIME_FORMAT)


def local_number(value: int | str | None, dial_code: str) -> str | None:
    """The 10 digits of a Mexican number as Reloadly writes it: ``525512345678``,
    ``+525512345678`` or a JSON number; None when it is not one of the country's."""
    if value is None or isinstance(value, bool):
        return None
    digits = str(value).strip().removeprefix("+")
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) == 10 + len(dial_code) and digits.startswith(dial_code):
        return digits[len(dial_code):]
    return digits if len(digits) == 10 else None


def text_of(value: int | str | None) -> str:
    return "" if value is None or isinstance(value, bool) else safe(str(value))


# --- the answers --------------------------------------------------------------------------


def token_of(body: bytes) -> tuple[str, int]:
    """The access token and its life in seconds (``expires_in``, a number or a text)."""
    token = decode(body, shapes.Token)
    life = token.expires_in
    if isinstance(life, str) and life.strip().isdigit():
        life = int(life.strip())
    if not token.access_token or not isinstance(life, int) or isinstance(life, bool) \
            or life <= 0:
        raise Unreadable("no access token, or no life in seconds")
    return token.access_token, life


def error_of(body: bytes) -> shapes.Error | None:
    """The error body, or None when the body is not one (it names no message or code)."""
    try:
        error = decode(body, shapes.Error)
    except Unreadable:
        return None
    if error.errorCode is None and error.message is None:
        return None
    return error


def code_of(error: shapes.Error | None) -> str:
    return safe(error.errorCode).upper() if error is not None and error.errorCode else ""


def message_of(error: shapes.Error | None) -> str:
    return safe(error.message or "")[:200] if error is not None else ""


def transaction_of(body: bytes) -> shapes.Transaction:
    """The transaction of /topups (or a report's by id): it names its id at least."""
    txn = decode(body, shapes.Transaction)
    if txn.transactionId is None:
        raise Unreadable("no transactionId")
    return txn


class StatusAnswer(msgspec.Struct, frozen=True):
    status: str          # upper case, "" when none is given
    code: str            # an error code beside a failed status
    message: str
    transaction: shapes.Transaction | None


def status_of(body: bytes) -> StatusAnswer:
    """GET /topups/{id}/status in either documented shape: the Java SDK's (``status``, ``code``,
    ``message`` and the ``transaction`` inside) or the OpenAPI's (the transaction itself)."""
    answer = decode(body, shapes.Status)
    txn = answer.transaction
    if txn is None and answer.transactionId is not None:
        txn = decode(body, shapes.Transaction)  # the flat shape
    status = safe(answer.status or (txn.status if txn else None) or "").upper()
    if not status:
        raise Unreadable("no status")
    return StatusAnswer(status, safe(answer.code or "").upper(), safe(answer.message or ""),
                        txn)


def taken_id(body: bytes) -> str:
    """POST /topups-async: the transaction id Reloadly gave the top-up."""
    found = decode(body, shapes.Taken).transactionId
    text = text_of(found)
    if not text or not text.isascii() or not text.isdigit():
        raise Unreadable("no transactionId")
    return text


def balance_of(body: bytes) -> shapes.Balance:
    found = decode(body, shapes.Balance)
    if minor_units(found.balance) is None or not found.currencyCode:
        raise Unreadable("no balance or currency")
    return found


def operators_of(body: bytes) -> list[shapes.Operator]:
    """The operators of a country: a list (the SDK's fixtures), a page (``/operators``) or a
    single operator (the OpenAPI's example of /operators/countries/{iso})."""
    try:
        found: list[shapes.Operator] = decode(body, list[shapes.Operator])
    except Unreadable:
        page = decode(body, shapes.OperatorPage)
        found = page.content if page.content is not None else [operator_of(body)]
    return [op for op in found if op.key is not None]


def operator_of(body: bytes) -> shapes.Operator:
    found = decode(body, shapes.Operator)
    if found.key is None:
        raise Unreadable("no operator id")
    return found


def page_of(body: bytes) -> tuple[list[shapes.Transaction], bool]:
    """A page of the transactions report and whether it is the last; a bare list is one page.
    A line without its id makes the whole page unreadable: a report half read could hide the
    sale looked for."""
    try:
        lines: list[shapes.Transaction] = decode(body, list[shapes.Transaction])
        last = True
    except Unreadable:
        page = decode(body, shapes.Page)
        if page.content is None:
            raise Unreadable("no content") from None
        lines, last = page.content, page.last is not False
    if any(line.transactionId is None for line in lines):
        raise Unreadable("a line without its transactionId")
    return lines, last
