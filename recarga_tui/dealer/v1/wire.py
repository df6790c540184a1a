"""Protocol v1 on the wire, declared once: every request and answer as a msgspec struct.

The client decodes and checks every answer with these (:func:`read`), the simulator reads
its requests and writes its answers with them, and ``openapi_gen.py`` writes the OpenAPI
document from them: the three cannot say different things.

Strict where the protocol is: amounts are JSON integers (no floats, no booleans), times carry
their offset, every text has a bound, enums are closed, and the cross-field rules (a success
names the carrier's folio, a failure its error, a product a carrier of the catalog) hold in
``__post_init__``. Unknown fields are ignored: the protocol lets either side add fields.

Each answer turns into the app's record (``dealer/records.py``) through ``record()``, and every
text on the way passes :func:`~recarga_tui.dealer.text.safe`, so whatever the dealer says can
be shown, journaled and exported.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Protocol, TypeVar

import msgspec
from msgspec import Meta, Struct, field

from ...domain.catalog import BASIS, Category, Earns
from ...domain.catalog import Field as Field_
from ...domain.catalog import FieldKind as FieldKind_
from ...domain.faults import Origin
from .. import records as r
from ..protocol import (
    ERROR_CODES,
    CarrierStatus,
    ClarificationStatus,
    ClarificationTopic,
    DepositState,
    ErrorClass,
    MovementKind,
    NoticeLevel,
    ProtocolViolation,
    TopupStatus,
)
from ..text import mend_surrogates, safe

ProductCategory = Literal["airtime", "bundle", "bill"]
FieldKind = Literal["phone", "reference", "text"]

REF_PATTERN = "^[A-Za-z0-9_-]{1,64}$"
MSISDN_PATTERN = "^[0-9]{10}$"
# v1.1: a top-up's msisdn is a 10-digit number, or a bill's service reference.
MAX_REFERENCE = 30
ACCOUNT_PATTERN = "^[0-9A-Za-z]{6,30}$"
# Times the shop sends: older or later ones are typing mistakes, refused with BAD_REQUEST.
FIRST_YEAR, LAST_YEAR = 2000, 2099

Time = Annotated[datetime, Meta(
    tz=True, description="ISO 8601 with offset, e.g. 2025-03-14T19:45:02.120-06:00")]
Centavos = Annotated[int, Meta(description="centavos (MXN)")]
Text = Annotated[str, Meta(max_length=2000)]
Code = Annotated[str, Meta(max_length=64)]
# Sent back in the Authorization header: visible ASCII, no spaces (RFC 6750).
Token = Annotated[str, Meta(min_length=1, max_length=512, pattern="^[\\x21-\\x7e]+$")]
Ref = Annotated[str, Meta(min_length=1, max_length=64, pattern=REF_PATTERN,
                          description="the shop's reference of the sale; the idempotency key")]
Msisdn = Annotated[str, Meta(pattern=MSISDN_PATTERN, description="10-digit Mexican number")]
Account = Annotated[str, Meta(pattern=ACCOUNT_PATTERN, description=(
    "10-digit Mexican number; v1.1: or the service reference of a bill product, as its "
    "field asks (the simulator checks the product's field)"))]
# Texts the shop sends: never empty, bounded.
Words32 = Annotated[str, Meta(min_length=1, max_length=32)]
Words60 = Annotated[str, Meta(min_length=1, max_length=60)]
Words64 = Annotated[str, Meta(min_length=1, max_length=64)]
Words2000 = Annotated[str, Meta(min_length=1, max_length=2000)]


def _opt(text: str | None) -> str | None:
    return None if text is None else safe(text)


# --- answers ---------------------------------------------------------------------------------


class ErrorInner(Struct, frozen=True, omit_defaults=True):  # no "retry_after": null
    code: Annotated[Code, Meta(description="machine code: " + ", ".join(ERROR_CODES))]
    error_class: ErrorClass = field(name="class")
    origin: Origin
    message: Annotated[Text, Meta(description="Spanish, for people")]
    retry_after: Annotated[int, Meta(ge=0, description="seconds")] | None = None

    def record(self) -> r.ErrorBody:
        return r.ErrorBody(safe(self.code), self.error_class, self.origin, safe(self.message),
                           self.retry_after)


class Error(Struct, frozen=True):
    """Every error answer: clients classify on code and class, never on the HTTP status."""

    error: ErrorInner

    def record(self) -> r.ErrorBody:
        return self.error.record()


class Shop(Struct, frozen=True):
    id: Text
    name: Text

    def record(self) -> r.Shop:
        return r.Shop(safe(self.id), safe(self.name))


class Session(Struct, frozen=True):
    """A session: send the token as ``Authorization: Bearer``."""

    token: Token
    expires_at: Time
    shop: Shop

    def record(self) -> r.Session:
        return r.Session(self.token, self.expires_at, self.shop.record())


class SystemStatus(Struct, frozen=True):
    """The blue box of the portal (R10)."""

    level: NoticeLevel
    text: Text
    updated_at: Time


class GeneralMessage(Struct, frozen=True):
    """The yellow box of the portal (R10)."""

    text: Text
    updated_at: Time


class Notices(Struct, frozen=True):
    system_status: SystemStatus
    general_message: GeneralMessage

    def record(self) -> r.Notices:
        s, g = self.system_status, self.general_message
        return r.Notices(r.SystemStatus(s.level, safe(s.text), s.updated_at),
                         r.GeneralMessage(safe(g.text), g.updated_at))


class Carrier(Struct, frozen=True):
    id: Text
    name: Text
    status: CarrierStatus


class Field(Struct, frozen=True, omit_defaults=True):
    """v1.1: what the cashier types for a product, sent as the top-up's ``msisdn`` (the
    first field: the phone, or a bill's service reference)."""

    name: Annotated[Words32, Meta(description="the field's key, e.g. referencia")]
    label: Annotated[Words60, Meta(description="as the cashier reads it")]
    kind: FieldKind = "phone"
    min_length: Annotated[int, Meta(ge=1, le=MAX_REFERENCE)] = 10
    max_length: Annotated[int, Meta(ge=1, le=MAX_REFERENCE)] = 10
    required: bool = True
    confirm: Annotated[bool, Meta(description="typed twice, compared position by position "
                                              "(R03, R04)")] = True

    def __post_init__(self) -> None:
        if self.min_length > self.max_length:
            raise ProtocolViolation(f"field {self.name}: min_length above max_length")

    def record(self) -> Field_:
        return Field_(safe(self.name), safe(self.label), FieldKind_(self.kind), self.min_length,
                      self.max_length, self.required, self.confirm)


class Product(Struct, frozen=True, omit_defaults=True):
    """A product. Everything after ``description`` is v1.1 and optional: a product that says
    none of it is airtime of a fixed amount to a 10-digit number, as in v1. ``amount`` 0 is
    an open amount (a bill) within ``min_amount``..``max_amount``; it is listed only to a
    client that asks for ``version=1.1``, so a v1 client never sees one. v1.2 adds what the
    shop earns on it (``earning`` or ``earning_rate``, never both), listed to a client that
    asks for ``version=1.2``."""

    sku: Text
    carrier_id: Text
    amount: Annotated[Centavos, Meta(ge=0)]
    description: Text
    category: ProductCategory = "airtime"
    name: Text = ""
    validity: Annotated[Text, Meta(description="e.g. 7 días")] = ""
    pool: Annotated[Text, Meta(description="the balance pool that pays for it; "
                                            "\"\" the main one")] = ""
    fields: Annotated[list[Field], Meta(max_length=4)] = []
    min_amount: Annotated[Centavos, Meta(ge=0)] = 0
    max_amount: Annotated[Centavos, Meta(ge=0, le=100_000_000)] = 0
    # v1.2: what the shop earns on one sale of it, listed to a client asking version=1.2.
    earning: Annotated[Centavos, Meta(ge=0, le=100_000_000, description=(
        "v1.2: centavos the shop earns on one sale of the product (its price less what it "
        "costs the shop); at most the amount of a fixed-amount product"))] | None = None
    earning_rate: Annotated[int, Meta(ge=0, le=BASIS, description=(
        "v1.2: what the shop earns as a share of the amount, in basis points (650 is 6.5 %), "
        "rounded down to the centavo; for an open amount above all"))] | None = None

    def __post_init__(self) -> None:
        if self.amount == 0 and not 0 < max(1, self.min_amount) <= self.max_amount:
            raise ProtocolViolation(f"product {self.sku}: an open amount without its limits")
        if self.earning is not None and self.earning_rate is not None:
            raise ProtocolViolation(f"product {self.sku}: an earning and an earning rate")
        if self.earning is not None and self.amount and self.earning > self.amount:
            raise ProtocolViolation(f"product {self.sku}: an earning above its amount")

    def earns(self) -> Earns | None:
        """What the shop earns on it, as the dealer says (v1.2); None where it does not."""
        if self.earning is not None:
            return Earns(centavos=self.earning)
        if self.earning_rate is not None:
            return Earns(bp=self.earning_rate)
        return None

    def record(self) -> r.Product:
        return r.Product(safe(self.sku), safe(self.carrier_id), self.amount,
                         safe(self.description), Category(self.category), safe(self.name),
                         safe(self.validity), safe(self.pool),
                         tuple(f.record() for f in self.fields),
                         # limits only mean something for an open amount
                         self.min_amount if not self.amount else 0,
                         self.max_amount if not self.amount else 0, self.earns())


class Catalog(Struct, frozen=True):
    """Carriers and products; every product names a carrier of the list."""

    carriers: list[Carrier]
    products: list[Product]

    def __post_init__(self) -> None:
        known = {c.id for c in self.carriers}
        for p in self.products:
            if p.carrier_id not in known:
                raise ProtocolViolation(f"product {p.sku}: unknown carrier")

    def record(self) -> r.Catalog:
        return r.Catalog(
            tuple(r.Carrier(safe(c.id), safe(c.name), c.status) for c in self.carriers),
            tuple(p.record() for p in self.products))


class CatalogQuery(Struct, frozen=True):
    """``version=1.1`` lists the open-amount products too (bills); ``version=1.2`` also what
    the shop earns on each (``earning``, ``earning_rate``); without it the catalog is v1's,
    every product of a fixed amount."""

    version: Literal["1.1", "1.2"] | None = None


class PoolBalance(Struct, frozen=True):
    """v1.1: one balance pool of the shop (airtime, bill payments)."""

    id: Text
    name: Text
    available: Centavos


class Balance(Struct, frozen=True, omit_defaults=True):
    """``available`` is the main pool; v1.1 adds every pool, the main one first."""

    available: Centavos
    currency: Annotated[Text, Meta(description="MXN")]
    updated_at: Time
    pools: list[PoolBalance] = []

    def record(self) -> r.Balance:
        return r.Balance(self.available, safe(self.currency), self.updated_at,
                         tuple(r.Pool(safe(p.id), safe(p.name), p.available)
                               for p in self.pools))


class Topup(Struct, frozen=True):
    """The dealer's record of one top-up: ``pending`` (the carrier has not answered),
    ``success`` (with the carrier's folio) or ``failed`` (with its error)."""

    topup_id: Text
    client_ref: Text
    status: TopupStatus
    carrier_folio: Text | None
    dealer_folio: Text | None
    amount: Centavos
    balance_after: Centavos | None
    created_at: Time
    updated_at: Time
    replayed: bool = False
    error: ErrorInner | None = None
    sku: Text | None = None
    msisdn: Text | None = None

    def __post_init__(self) -> None:
        if self.status == "success" and not safe(self.carrier_folio or ""):
            raise ProtocolViolation("a successful top-up without the carrier's folio")
        if self.status == "failed" and self.error is None:
            raise ProtocolViolation("a failed top-up without its error")

    def record(self) -> r.TopupRecord:
        return r.TopupRecord(
            topup_id=safe(self.topup_id), client_ref=safe(self.client_ref), status=self.status,
            carrier_folio=_opt(self.carrier_folio), dealer_folio=_opt(self.dealer_folio),
            amount=self.amount, balance_after=self.balance_after, created_at=self.created_at,
            updated_at=self.updated_at, replayed=self.replayed,
            error=None if self.error is None else self.error.record(),
            sku=_opt(self.sku), msisdn=_opt(self.msisdn))


class SaleLine(Struct, frozen=True):
    client_ref: Text
    topup_id: Text
    msisdn: Text
    carrier_id: Text
    sku: Text
    amount: Centavos
    carrier_folio: Text
    dealer_folio: Text
    created_at: Time
    reflected_at: Time

    def record(self) -> r.SaleLine:
        return r.SaleLine(safe(self.client_ref), safe(self.topup_id), safe(self.msisdn),
                          safe(self.carrier_id), safe(self.sku), self.amount,
                          safe(self.carrier_folio), safe(self.dealer_folio), self.created_at,
                          self.reflected_at)


class SalesReport(Struct, frozen=True):
    """Successful top-ups, each shown once its reflection delay has passed (R19)."""

    start: Time = field(name="from")
    end: Time = field(name="to")
    lines: list[SaleLine]
    total: Centavos

    def record(self) -> r.SalesReport:
        return r.SalesReport(self.start, self.end, tuple(x.record() for x in self.lines),
                             self.total)


class Movement(Struct, frozen=True):
    id: Text
    kind: MovementKind
    amount: Annotated[int, Meta(description="signed centavos: + entered, - left")]
    balance: Annotated[int, Meta(description="running balance after the movement")]
    at: Time
    description: Text
    reference: Text | None

    def record(self) -> r.Movement:
        return r.Movement(safe(self.id), self.kind, self.amount, self.balance, self.at,
                          safe(self.description), _opt(self.reference))


class Statement(Struct, frozen=True):
    start: Time = field(name="from")
    end: Time = field(name="to")
    opening_balance: Centavos
    closing_balance: Centavos
    movements: list[Movement]

    def record(self) -> r.Statement:
        return r.Statement(self.start, self.end, self.opening_balance, self.closing_balance,
                           tuple(m.record() for m in self.movements))


class Deposit(Struct, frozen=True):
    """A deposit notice and its state (R14)."""

    id: Text
    bank: Text
    amount: Centavos
    reference: Text
    deposited_at: Time
    state: DepositState
    created_at: Time
    updated_at: Time

    def record(self) -> r.Deposit:
        return r.Deposit(safe(self.id), safe(self.bank), self.amount, safe(self.reference),
                         self.deposited_at, self.state, self.created_at, self.updated_at)


class Deposits(Struct, frozen=True):
    deposits: list[Deposit]

    def record(self) -> tuple[r.Deposit, ...]:
        return tuple(d.record() for d in self.deposits)


class Clarification(Struct, frozen=True):
    """An account clarification, answered in writing within 24 hours (R11)."""

    id: Text
    topic: ClarificationTopic
    client_ref: Text | None
    text: Text
    created_at: Time
    due_at: Annotated[Time, Meta(description="created_at + 24 h (R11)")]
    status: ClarificationStatus
    answer: Text | None
    answered_at: Time | None

    def record(self) -> r.Clarification:
        return r.Clarification(safe(self.id), self.topic, _opt(self.client_ref), safe(self.text),
                               self.created_at, self.due_at, self.status, _opt(self.answer),
                               self.answered_at)


class Clarifications(Struct, frozen=True):
    clarifications: list[Clarification]

    def record(self) -> tuple[r.Clarification, ...]:
        return tuple(c.record() for c in self.clarifications)


class FaultReportReceipt(Struct, frozen=True):
    """Received; the only answer is the system working again (R11)."""

    id: Text
    origin: Origin
    received_at: Time

    def record(self) -> r.FaultReportReceipt:
        return r.FaultReportReceipt(safe(self.id), self.origin, self.received_at)


# --- requests (what the shop sends; the simulator reads them with these) ---------------------


def _this_century(value: datetime, name: str) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"«{name}»: fecha fuera de {FIRST_YEAR}-{LAST_YEAR}")


class SessionRequest(Struct, frozen=True):
    terminal_id: Words32
    user: Words64
    password: Annotated[str, Meta(min_length=1, max_length=128,
                                  extra_json_schema={"format": "password"})]


class TopupRequest(Struct, frozen=True):
    client_ref: Ref
    sku: Words32
    msisdn: Account
    amount: Annotated[Centavos, Meta(ge=1, le=100_000_000)]


class DepositRequest(Struct, frozen=True):
    """``deposited_at`` between the years 2000 and 2099, or 400 BAD_REQUEST."""

    bank: Words60
    amount: Annotated[Centavos, Meta(ge=1, le=1_000_000_000)]
    reference: Words60
    deposited_at: Time

    def __post_init__(self) -> None:
        _this_century(self.deposited_at, "deposited_at")


class ClarificationRequest(Struct, frozen=True):
    topic: ClarificationTopic
    text: Words2000
    client_ref: Ref | None = None


class FaultReportRequest(Struct, frozen=True):
    origin: Origin
    text: Words2000
    client_refs: Annotated[list[Ref], Meta(max_length=50)] = field(default_factory=list)


class Period(Struct, frozen=True):
    """The query of a report: ``from`` no later than ``to``, both between the years 2000 and
    2099, or 400 BAD_REQUEST."""

    start: Time = field(name="from")
    end: Time = field(name="to")

    def __post_init__(self) -> None:
        _this_century(self.start, "from")
        _this_century(self.end, "to")
        if self.end < self.start:
            raise ValueError("«to» es anterior a «from»")


class SalesQuery(Period, frozen=True):
    msisdn: Msisdn | None = None


# --- reading ---------------------------------------------------------------------------------

R = TypeVar("R", covariant=True)


class Answer(Protocol[R]):
    """An answer of v1: it knows the app's record it stands for."""

    def record(self) -> R: ...


def read(body: bytes, kind: type[Answer[R]]) -> R:
    """The app's record in ``body``, an answer of shape ``kind``; anything else (not JSON,
    a wrong type, a naive time, a broken rule, nesting too deep) is a violation."""
    try:
        answer = msgspec.json.decode(mend_surrogates(body), type=kind)
    except (msgspec.DecodeError, RecursionError) as exc:  # ValidationError is a DecodeError
        raise ProtocolViolation(str(exc)) from None
    return answer.record()
