"""The records of dealer protocol v1 and the checks on what the dealer answers.

The dealer is outside the shop's control: every answer is checked here before the app
believes it. A record that does not fit raises :class:`ProtocolViolation`, which the client
turns into an "unknown" outcome or a dealer fault; nothing half-parsed reaches the app.

Amounts are integer centavos; times are ISO 8601 with an offset (naive times are refused).
The full description is ``docs/dealer-api.md`` and the OpenAPI document next to this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.faults import Origin
from .text import safe

VERSION = "v1"
OPENAPI_PATH = Path(__file__).with_name("openapi.json")

ERROR_CLASSES = ("invalid", "refused", "transient", "unknown")
TOPUP_STATUSES = ("pending", "success", "failed")
CARRIER_STATUSES = ("up", "degraded", "down")
NOTICE_LEVELS = ("normal", "slow", "down")
MOVEMENT_KINDS = ("deposit", "credit", "charge", "topup", "commission")
DEPOSIT_STATES = ("received", "accepted", "rejected")
CLARIFICATION_TOPICS = ("topup", "deposit", "credit", "charge", "statement", "other")
CLARIFICATION_STATUSES = ("open", "answered")

# Every code the dealer may send: (HTTP status, class, origin). The client classifies on the
# code and class of the body, never on the HTTP status alone; the status is for the server.
ERROR_CODES: dict[str, tuple[int, str, str]] = {
    "BAD_REQUEST": (400, "invalid", "shop"),
    "BAD_CREDENTIALS": (401, "refused", "shop"),
    "NO_SESSION": (401, "refused", "shop"),
    "SESSION_EXPIRED": (401, "refused", "shop"),
    "NOT_FOUND": (404, "invalid", "shop"),
    "TOPUP_NOT_VISIBLE": (404, "unknown", "dealer"),
    "REF_MISMATCH": (409, "invalid", "shop"),
    "UNKNOWN_SKU": (422, "invalid", "shop"),
    "AMOUNT_MISMATCH": (422, "invalid", "shop"),
    "INVALID_NUMBER": (200, "invalid", "consumer"),
    "CARRIER_DOWN": (200, "transient", "carrier"),
    "RECENT_TOPUP": (200, "refused", "carrier"),
    "CARRIER_REJECTED": (200, "refused", "carrier"),
    "INSUFFICIENT_BALANCE": (200, "refused", "shop"),
    "DEALER_BUSY": (503, "transient", "dealer"),
    "SYSTEM_DOWN": (503, "transient", "network"),
    "INTERNAL": (500, "unknown", "dealer"),
}

# Codes after which the cashier must type the password again.
LOGIN_AGAIN_CODES = frozenset({"SESSION_EXPIRED", "NO_SESSION"})


class ProtocolViolation(ValueError):
    """The dealer answered something that does not fit protocol v1."""


# --- field readers ---------------------------------------------------------------------------


def _obj(data: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ProtocolViolation(f"{what}: expected an object")
    return data


def _str(d: Mapping[str, Any], key: str, *, max_len: int = 2000) -> str:
    """A text of at most ``max_len`` characters, made safe to show and journal (``text.py``)."""
    v = d.get(key)
    if not isinstance(v, str) or len(v) > max_len:
        raise ProtocolViolation(f"{key}: expected a text")
    return safe(v)


def _opt_str(d: Mapping[str, Any], key: str) -> str | None:
    return None if d.get(key) is None else _str(d, key)


def _int(d: Mapping[str, Any], key: str) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool):
        raise ProtocolViolation(f"{key}: expected whole centavos")
    return v


def _opt_int(d: Mapping[str, Any], key: str) -> int | None:
    return None if d.get(key) is None else _int(d, key)


def _choice(d: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    v = d.get(key)
    if v not in allowed:
        raise ProtocolViolation(f"{key}: expected one of {', '.join(allowed)}")
    return str(v)


def parse_time(text: Any, key: str = "time") -> datetime:
    """An ISO 8601 time with its offset; a naive time is a violation (R03 needs real times)."""
    if not isinstance(text, str) or len(text) > 40:
        raise ProtocolViolation(f"{key}: expected an ISO 8601 time")
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ProtocolViolation(f"{key}: {exc}") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ProtocolViolation(f"{key}: the time has no offset")
    return value


def _time(d: Mapping[str, Any], key: str) -> datetime:
    return parse_time(d.get(key), key)


def _opt_time(d: Mapping[str, Any], key: str) -> datetime | None:
    return None if d.get(key) is None else _time(d, key)


def _list(d: Mapping[str, Any], key: str) -> list[Any]:
    v = d.get(key)
    if not isinstance(v, list):
        raise ProtocolViolation(f"{key}: expected a list")
    return v


def format_time(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive time")
    return value.isoformat()


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorBody:
    """``{"error": {...}}``: what went wrong, its class and its origin (R01)."""

    code: str
    error_class: str
    origin: Origin
    message: str
    retry_after: int | None = None

    @classmethod
    def from_json(cls, data: Any) -> ErrorBody:
        e = _obj(_obj(data, "error body").get("error"), "error")
        return cls.from_inner(e)

    @classmethod
    def from_inner(cls, e: Mapping[str, Any]) -> ErrorBody:
        e = _obj(e, "error")
        code = _str(e, "code", max_len=64)
        origin = Origin(_choice(e, "origin", tuple(o.value for o in Origin)))
        retry = e.get("retry_after")
        if retry is not None and (not isinstance(retry, int) or isinstance(retry, bool)
                                  or retry < 0):
            raise ProtocolViolation("retry_after: expected whole seconds")
        return cls(code, _choice(e, "class", ERROR_CLASSES), origin, _str(e, "message"), retry)


@dataclass(frozen=True)
class Shop:
    id: str
    name: str

    @classmethod
    def from_json(cls, data: Any) -> Shop:
        d = _obj(data, "shop")
        return cls(_str(d, "id"), _str(d, "name"))


@dataclass(frozen=True)
class Session:
    token: str = field(repr=False)  # R12: never in a repr, a log or the journal
    expires_at: datetime
    shop: Shop

    @classmethod
    def from_json(cls, data: Any) -> Session:
        d = _obj(data, "session")
        token = _str(d, "token", max_len=512)
        if not token or any(c.isspace() for c in token):
            raise ProtocolViolation("token: expected a non-empty token")
        return cls(token, _time(d, "expires_at"), Shop.from_json(d.get("shop")))


@dataclass(frozen=True)
class SystemStatus:
    """The blue box of the portal (R10)."""

    level: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class GeneralMessage:
    """The yellow box of the portal (R10)."""

    text: str
    updated_at: datetime


@dataclass(frozen=True)
class Notices:
    system_status: SystemStatus
    general_message: GeneralMessage

    @classmethod
    def from_json(cls, data: Any) -> Notices:
        d = _obj(data, "notices")
        s = _obj(d.get("system_status"), "system_status")
        g = _obj(d.get("general_message"), "general_message")
        return cls(
            SystemStatus(_choice(s, "level", NOTICE_LEVELS), _str(s, "text"),
                         _time(s, "updated_at")),
            GeneralMessage(_str(g, "text"), _time(g, "updated_at")),
        )


@dataclass(frozen=True)
class Carrier:
    id: str
    name: str
    status: str


@dataclass(frozen=True)
class Product:
    sku: str
    carrier_id: str
    amount: int
    description: str


@dataclass(frozen=True)
class Catalog:
    carriers: tuple[Carrier, ...]
    products: tuple[Product, ...]
    etag: str | None = None

    @classmethod
    def from_json(cls, data: Any, etag: str | None = None) -> Catalog:
        d = _obj(data, "catalog")
        carriers = tuple(
            Carrier(_str(c, "id"), _str(c, "name"), _choice(c, "status", CARRIER_STATUSES))
            for c in (_obj(x, "carrier") for x in _list(d, "carriers"))
        )
        products = tuple(
            Product(_str(p, "sku"), _str(p, "carrier_id"), _int(p, "amount"),
                    _str(p, "description"))
            for p in (_obj(x, "product") for x in _list(d, "products"))
        )
        known = {c.id for c in carriers}
        for p in products:
            if p.carrier_id not in known or p.amount <= 0:
                raise ProtocolViolation(f"product {p.sku}: unknown carrier or bad amount")
        return cls(carriers, products, etag)

    def carrier(self, carrier_id: str) -> Carrier | None:
        return next((c for c in self.carriers if c.id == carrier_id), None)

    def product(self, sku: str) -> Product | None:
        return next((p for p in self.products if p.sku == sku), None)


@dataclass(frozen=True)
class Balance:
    available: int
    currency: str
    updated_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> Balance:
        d = _obj(data, "balance")
        return cls(_int(d, "available"), _str(d, "currency"), _time(d, "updated_at"))


@dataclass(frozen=True)
class TopupRecord:
    """The dealer's record of one top-up, found by the shop's ``client_ref``."""

    topup_id: str
    client_ref: str
    status: str
    carrier_folio: str | None
    dealer_folio: str | None
    amount: int
    balance_after: int | None
    created_at: datetime
    updated_at: datetime
    replayed: bool
    error: ErrorBody | None = None
    sku: str | None = None
    msisdn: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> TopupRecord:
        d = _obj(data, "top-up")
        replayed = d.get("replayed", False)
        if not isinstance(replayed, bool):
            raise ProtocolViolation("replayed: expected true or false")
        error = None if d.get("error") is None else ErrorBody.from_inner(d["error"])
        rec = cls(
            topup_id=_str(d, "topup_id"), client_ref=_str(d, "client_ref"),
            status=_choice(d, "status", TOPUP_STATUSES),
            carrier_folio=_opt_str(d, "carrier_folio"), dealer_folio=_opt_str(d, "dealer_folio"),
            amount=_int(d, "amount"), balance_after=_opt_int(d, "balance_after"),
            created_at=_time(d, "created_at"), updated_at=_time(d, "updated_at"),
            replayed=replayed, error=error, sku=_opt_str(d, "sku"), msisdn=_opt_str(d, "msisdn"),
        )
        rec._check()
        return rec

    def _check(self) -> None:
        if self.status == "success" and not self.carrier_folio:
            raise ProtocolViolation("a successful top-up without the carrier's folio")
        if self.status == "failed" and self.error is None:
            raise ProtocolViolation("a failed top-up without its error")


@dataclass(frozen=True)
class SaleLine:
    """One line of the sales report: the proof R19 asks to mark in the notebook."""

    client_ref: str
    topup_id: str
    msisdn: str
    carrier_id: str
    sku: str
    amount: int
    carrier_folio: str
    dealer_folio: str
    created_at: datetime
    reflected_at: datetime


@dataclass(frozen=True)
class SalesReport:
    start: datetime
    end: datetime
    lines: tuple[SaleLine, ...]
    total: int

    @classmethod
    def from_json(cls, data: Any) -> SalesReport:
        d = _obj(data, "sales report")
        lines = tuple(
            SaleLine(
                _str(x, "client_ref"), _str(x, "topup_id"), _str(x, "msisdn"),
                _str(x, "carrier_id"), _str(x, "sku"), _int(x, "amount"),
                _str(x, "carrier_folio"), _str(x, "dealer_folio"), _time(x, "created_at"),
                _time(x, "reflected_at"),
            )
            for x in (_obj(i, "sale") for i in _list(d, "lines"))
        )
        return cls(_time(d, "from"), _time(d, "to"), lines, _int(d, "total"))

    def find(self, client_ref: str) -> SaleLine | None:
        return next((line for line in self.lines if line.client_ref == client_ref), None)


@dataclass(frozen=True)
class Movement:
    id: str
    kind: str
    amount: int  # signed: what entered (+) or left (-) the account
    balance: int  # the running balance after this movement
    at: datetime
    description: str
    reference: str | None


@dataclass(frozen=True)
class Statement:
    start: datetime
    end: datetime
    opening_balance: int
    closing_balance: int
    movements: tuple[Movement, ...]

    @classmethod
    def from_json(cls, data: Any) -> Statement:
        d = _obj(data, "statement")
        moves = tuple(
            Movement(_str(m, "id"), _choice(m, "kind", MOVEMENT_KINDS), _int(m, "amount"),
                     _int(m, "balance"), _time(m, "at"), _str(m, "description"),
                     _opt_str(m, "reference"))
            for m in (_obj(i, "movement") for i in _list(d, "movements"))
        )
        return cls(_time(d, "from"), _time(d, "to"), _int(d, "opening_balance"),
                   _int(d, "closing_balance"), moves)


@dataclass(frozen=True)
class Deposit:
    """A deposit notice: the shop says it paid money into the dealer's bank account."""

    id: str
    bank: str
    amount: int
    reference: str
    deposited_at: datetime
    state: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> Deposit:
        d = _obj(data, "deposit")
        return cls(_str(d, "id"), _str(d, "bank"), _int(d, "amount"), _str(d, "reference"),
                   _time(d, "deposited_at"), _choice(d, "state", DEPOSIT_STATES),
                   _time(d, "created_at"), _time(d, "updated_at"))


@dataclass(frozen=True)
class Clarification:
    """An account clarification: answered in writing within 24 hours (R11)."""

    id: str
    topic: str
    client_ref: str | None
    text: str
    created_at: datetime
    due_at: datetime
    status: str
    answer: str | None
    answered_at: datetime | None

    @classmethod
    def from_json(cls, data: Any) -> Clarification:
        d = _obj(data, "clarification")
        return cls(_str(d, "id"), _choice(d, "topic", CLARIFICATION_TOPICS),
                   _opt_str(d, "client_ref"), _str(d, "text"), _time(d, "created_at"),
                   _time(d, "due_at"), _choice(d, "status", CLARIFICATION_STATUSES),
                   _opt_str(d, "answer"), _opt_time(d, "answered_at"))


@dataclass(frozen=True)
class FaultReportReceipt:
    """A fault report was received; its only answer is the system working again (R11)."""

    id: str
    origin: Origin
    received_at: datetime

    @classmethod
    def from_json(cls, data: Any) -> FaultReportReceipt:
        d = _obj(data, "fault report")
        origin = Origin(_choice(d, "origin", tuple(o.value for o in Origin)))
        return cls(_str(d, "id"), origin, _time(d, "received_at"))


def list_of(data: Any, key: str, parse: Any) -> tuple[Any, ...]:
    """``{key: [...]}`` parsed item by item."""
    return tuple(parse(x) for x in _list(_obj(data, key), key))
