"""The shop's side of dealer protocol v1, on ``httpx.AsyncClient``.

Two promises the rest of the app builds on:

* :meth:`DealerClient.send_topup` never raises for anything the dealer or the network does:
  it returns a typed outcome, and anything short of a definite answer is :class:`Unknown`
  (R16). It never re-sends by itself; the caller may send again, always with the same
  ``client_ref``, so the dealer can recognise the repeat and never top up twice.
* Queries raise :class:`DealerError` carrying a :class:`Fault` with its origin and catalog key
  (R01); the cashier never sees an HTTP code.

The token lives in memory only and never appears in a log or a repr (R12).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from msgspec.structs import replace

from ...config import ContactSettings, DealerSettings
from ...domain.faults import Certainty, Fault, Origin
from .. import match
from .. import protocol as p
from .. import records as r
from ..base import BaseDealer, no_session_outcome, not_logged_in
from ..http import (
    IN_PROCESS_URL,
    MAX_ANSWER_BYTES,
    Answer,
    Failure,
    Http,
    in_process,
    query_failure,
    send_failure,
)
from ..outcomes import (
    BadCredentials,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    SendOutcome,
    SessionExpired,
    Unknown,
)
from ..port import Capabilities, Lookup, NoteId, SaleKey
from ..reading import (
    fault_for,
    mismatched,
    outcome_of,
    rejected,
    unknown_outcome,
)
from ..records import Balances
from . import wire

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import httpx

# The catalog with bills (protocol v1.1) and what the shop earns on each product (v1.2);
# a dealer that refuses "1.2" as a bad request is asked for v1.1's (and that is remembered).
CATALOG_VERSION = {"version": "1.2"}
CATALOG_V11 = {"version": "1.1"}

T = TypeVar("T")

# Protocol v1 offers everything the page speaks of, and knows a sale by the shop's reference.
V1_CAPABILITIES = Capabilities(name="v1", sale_key=SaleKey.SHOP_REFERENCE)


class DealerClient(BaseDealer):
    """One terminal's conversation with a dealer that speaks protocol v1: the first adapter of
    the dealer port (``port.Dealer``)."""

    capabilities = V1_CAPABILITIES

    def __init__(
        self,
        base_url: str,
        *,
        terminal_id: str,
        connect_timeout: float = 5.0,
        read_timeout: float = 15.0,
        send_timeout: float = 30.0,
        ca_bundle: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
        contacts: ContactSettings | None = None,
    ) -> None:
        super().__init__(Http(base_url=base_url, connect_timeout=connect_timeout,
                              ca_bundle=ca_bundle, transport=transport,
                              max_answer_bytes=max_answer_bytes,
                              headers={"Accept": "application/json"}), contacts=contacts)
        self.base_url = base_url.rstrip("/")
        self.terminal_id = terminal_id
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.send_timeout = send_timeout
        self.max_answer_bytes = max_answer_bytes
        self._session: r.Session | None = None
        self._catalog: r.Catalog | None = None
        self._catalog_version = CATALOG_VERSION

    @classmethod
    def from_settings(cls, settings: DealerSettings,
                      transport: httpx.AsyncBaseTransport | None = None,
                      base_url: str | None = None,
                      contacts: ContactSettings | None = None) -> DealerClient:
        return cls(base_url or settings.url, terminal_id=settings.terminal_id,
                   connect_timeout=settings.connect_timeout, read_timeout=settings.read_timeout,
                   send_timeout=settings.send_timeout, ca_bundle=settings.ca_bundle,
                   transport=transport, contacts=contacts)

    @classmethod
    def in_process(cls, app: Any, settings: DealerSettings | None = None,
                   contacts: ContactSettings | None = None) -> DealerClient:
        """A client talking to an ASGI app (the simulator) without a socket: the demo."""
        s = settings or DealerSettings(terminal_id="DEMO-01")
        return cls.from_settings(s, transport=in_process(app), base_url=IN_PROCESS_URL,
                                 contacts=contacts)

    def __repr__(self) -> str:
        return (f"DealerClient(url={self.base_url!r}, terminal={self.terminal_id!r}, "
                f"logged_in={self.logged_in})")

    async def __aenter__(self) -> DealerClient:
        return self

    # --- session -------------------------------------------------------------------------------

    @property
    def logged_in(self) -> bool:
        return self._session is not None

    @property
    def session(self) -> r.Session | None:
        return self._session

    async def login(self, user: str, password: str) -> r.Session:
        """Open a session; the password is sent once and kept nowhere (R12)."""
        body = {"terminal_id": self.terminal_id, "user": user, "password": password}
        session = await self._query("POST", "/v1/sessions", wire.Session, json_body=body,
                                    auth=False)
        self._session = session
        log.info("session opened for terminal %s until %s", self.terminal_id,
                 session.expires_at.isoformat())
        return session

    def forget_session(self) -> None:
        self._session = None

    # --- queries -------------------------------------------------------------------------------

    async def notices(self) -> r.Notices:
        """The blue and yellow boxes (R10); readable without a session."""
        return await self._query("GET", "/v1/notices", wire.Notices, auth=False)

    async def catalog(self) -> r.Catalog:
        """Carriers and products; unchanged catalogs cost a 304 thanks to the ETag."""
        headers = {}
        if self._catalog is not None and self._catalog.etag:
            headers["If-None-Match"] = self._catalog.etag
        # v1.1: the open-amount products (bills) too; v1.2: what each earns the shop. A v1
        # dealer ignores the parameter; a v1.1 one that refuses "1.2" is asked for v1.1's
        # (earnings unsaid: the shop's own rates are used).
        answer = await self._call("GET", "/v1/catalog", headers=headers,
                                  params=self._catalog_version)
        if answer.status == 400 and self._catalog_version is CATALOG_VERSION:
            body = self._error_body(answer)
            if body is not None and body.code == "BAD_REQUEST":
                log.info("the dealer knows no catalog v1.2: asking for v1.1's")
                self._catalog_version = CATALOG_V11
                answer = await self._call("GET", "/v1/catalog", headers=headers,
                                          params=self._catalog_version)
        if answer.status == 304 and self._catalog is not None:
            return self._catalog
        etag = answer.headers.get("etag")
        self._catalog = replace(self._parse(answer, wire.Catalog), etag=etag)
        return self._catalog

    async def balance(self) -> r.Balance:
        return await self._query("GET", "/v1/balance", wire.Balance)

    async def balances(self) -> Balances:
        """Protocol v1 keeps one balance; v1.1 names every pool beside it."""
        return Balances.single(await self.balance())

    async def lookup(self, key: Lookup) -> LookupResult:
        """The dealer's record of the sale, by the shop's reference (see R19)."""
        return await self.lookup_ref(key.sent.ref)

    async def lookup_ref(self, client_ref: str) -> LookupResult:
        """The dealer's record of ``client_ref``, or :class:`NotVisible` (see R19)."""
        answer = await self._call("GET", f"/v1/topups/{quote(client_ref, safe='')}")
        if answer.status == 404:
            body = self._error_body(answer)
            if body is not None and body.code == "TOPUP_NOT_VISIBLE":
                return NotVisible(client_ref)
        # Whether the record is about the sale looked for is the caller's to judge (match.py).
        return Found(self._parse(answer, wire.Topup))

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> r.SalesReport:
        params = {"from": p.format_time(start), "to": p.format_time(end)}
        if msisdn:
            params["msisdn"] = msisdn
        return await self._query("GET", "/v1/sales", wire.SalesReport, params=params)

    async def statement(self, start: datetime, end: datetime) -> r.Statement:
        params = {"from": p.format_time(start), "to": p.format_time(end)}
        return await self._query("GET", "/v1/statement", wire.Statement, params=params)

    async def deposits(self) -> tuple[r.Deposit, ...]:
        return await self._query("GET", "/v1/deposits", wire.Deposits)

    async def notify_deposit(self, bank: str, amount: int, reference: str,
                             deposited_at: datetime) -> r.Deposit:
        body = {"bank": bank, "amount": amount, "reference": reference,
                "deposited_at": p.format_time(deposited_at)}
        return await self._query("POST", "/v1/deposits", wire.Deposit, json_body=body)

    async def clarifications(self) -> tuple[r.Clarification, ...]:
        return await self._query("GET", "/v1/clarifications", wire.Clarifications)

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> r.Clarification:
        body: dict[str, Any] = {"topic": topic, "text": text}
        if client_ref:
            body["client_ref"] = client_ref
        return await self._query("POST", "/v1/clarifications", wire.Clarification,
                                 json_body=body)

    async def fault_report(self, origin: Origin, text: str,
                           client_refs: Iterable[str] = ()) -> r.FaultReportReceipt:
        body = {"origin": Origin(origin).value, "text": text, "client_refs": list(client_refs)}
        return await self._query("POST", "/v1/fault-reports", wire.FaultReportReceipt,
                                 json_body=body)

    # --- the top-up ----------------------------------------------------------------------------

    async def send_topup(self, sent: match.Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        """Send one top-up, once, under the shop's reference. Returns an outcome; never raises
        for the dealer's doings. ``dealer_id`` and ``note_id`` are for dealers that know a
        sale otherwise (the port): protocol v1 needs neither."""
        if not sent.ref or sent.amount <= 0:
            raise ValueError("a top-up needs its client reference and a positive amount")
        if self._session is None:
            return no_session_outcome()
        body = {"client_ref": sent.ref, "sku": sent.sku, "msisdn": sent.msisdn,
                "amount": sent.amount}
        try:
            answer = await self._exchange("POST", "/v1/topups", json_body=body,
                                          read_timeout=self.send_timeout,
                                          auth=True)
        except Failure as failure:
            return send_failure(failure.reason)
        outcome = self._send_outcome(answer, sent)
        log.info("top-up %s: %s", sent.ref, type(outcome).__name__)
        return outcome

    def _send_outcome(self, answer: Answer, sent: match.Sent) -> SendOutcome:
        if answer.status in (200, 201, 202):
            try:
                record = wire.read(answer.body, wire.Topup)
            except p.ProtocolViolation:
                return unknown_outcome("malformed", Origin.DEALER)
            mismatch = mismatched(sent, record)
            if mismatch is not None:
                return mismatch
            return outcome_of(record)
        body = self._error_body(answer)
        if body is None:
            return unknown_outcome("server_error" if answer.status >= 500 else "malformed",
                            Origin.DEALER)
        if body.code in p.LOGIN_AGAIN_CODES:
            self._session = None
        if body.error_class == "unknown":
            return Unknown("dealer_unknown", body.origin, fault_for(body))
        return rejected(body)

    # --- plumbing ------------------------------------------------------------------------------

    async def _query(self, method: str, path: str, kind: type[wire.Answer[T]], *,
                     json_body: Any = None, params: dict[str, str] | None = None,
                     auth: bool = True) -> T:
        answer = await self._call(method, path, json_body=json_body, params=params, auth=auth)
        return self._parse(answer, kind)

    async def _call(self, method: str, path: str, *, json_body: Any = None,
                    params: dict[str, str] | None = None, headers: dict[str, str] | None = None,
                    auth: bool = True) -> Answer:
        """One query exchange; transport failures become :class:`DealerError`."""
        if auth and self._session is None:
            raise not_logged_in()
        try:
            return await self._exchange(method, path, json_body=json_body, params=params,
                                        headers=headers, read_timeout=self.read_timeout,
                                        auth=auth)
        except Failure as failure:
            raise query_failure(failure.reason) from None

    def _parse(self, answer: Answer, kind: type[wire.Answer[T]]) -> T:
        if 200 <= answer.status < 300:
            try:
                return wire.read(answer.body, kind)
            except p.ProtocolViolation as exc:
                log.warning("dealer answered something unreadable: %s", exc)
                raise DealerError(Fault(Origin.DEALER, "dealer.query.malformed",
                                        certainty=Certainty.NONE)) from None
        raise self._query_error(answer)

    def _query_error(self, answer: Answer) -> DealerError:
        body = self._error_body(answer)
        if body is None:
            key = "dealer.query.server_error" if answer.status >= 500 else "dealer.query.malformed"
            log.warning("dealer answered %s without a readable error", answer.status)
            return DealerError(Fault(Origin.DEALER, key, certainty=Certainty.NONE))
        kind: type[DealerError] = DealerError
        if body.code in p.LOGIN_AGAIN_CODES:
            self._session = None
            kind = SessionExpired
        elif body.code == "BAD_CREDENTIALS":
            kind = BadCredentials
        log.warning("dealer refused a query: %s %s (origin %s)", body.error_class, body.code,
                    body.origin.value)
        # A query is about no top-up: its words never speak of one (Certainty.NONE).
        return kind(fault_for(body, Certainty.NONE), error_class=body.error_class,
                    dealer_code=body.code, retry_after=body.retry_after)

    @staticmethod
    def _error_body(answer: Answer) -> r.ErrorBody | None:
        try:
            return wire.read(answer.body, wire.Error)
        except p.ProtocolViolation:
            return None

    async def _exchange(self, method: str, path: str, *, read_timeout: float,
                        json_body: Any = None, params: dict[str, str] | None = None,
                        headers: dict[str, str] | None = None, auth: bool) -> Answer:
        """One request, its answer read within the deadline and the cap (``dealer/http.py``);
        the session's token goes in its header, and nowhere else (R12)."""
        all_headers = dict(headers or {})
        if auth and self._session is not None:
            all_headers["Authorization"] = f"Bearer {self._session.token}"
        return await self.http.exchange(method, path, read_timeout=read_timeout,
                                        json=json_body, params=params, headers=all_headers)
