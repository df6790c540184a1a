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

import asyncio
import logging
import sys
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from ..config import DealerSettings
from ..domain.faults import Certainty, Fault, Origin
from . import match
from . import protocol as p
from . import records as r
from .detached import detached
from .outcomes import (
    BadCredentials,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    SendOutcome,
    SessionExpired,
    Unknown,
)
from .port import Capabilities, Lookup, NoteId, SaleKey
from .reading import (
    fault_for,
    mismatched,
    outcome_of,
    refused_here,
    rejected,
    unknown_outcome,
)
from .records import Balances
from .v1 import wire

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    # httpx (with h11, httpcore, TLS set-up) is a tenth of a second of start-up on an old shop
    # PC: it is imported when the first request is made, not when the app starts.
    import ssl

    import httpx

MAX_ANSWER_BYTES = 1_000_000  # no answer of protocol v1 comes near this; more is garbage
LATENCY_WINDOW = 20
IN_PROCESS_URL = "http://dealer.sim"
CATALOG_V11 = {"version": "1.1"}  # the catalog with bills (protocol v1.1)

T = TypeVar("T")


class _TooLarge(Exception):
    pass


class _Failure(Exception):
    """The exchange did not produce an answer; ``reason`` says how."""

    # not_sent | untrusted | timeout | dropped | too_large
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: httpx.Headers
    body: bytes


def _httpx() -> Any:
    """httpx, without its own command line: ``httpx._main`` pulls in click and pygments (3 MB
    of the shop PC's memory, measured with benchmarks/startup.py, for nothing the app uses); a
    None in sys.modules makes that import fail, and httpx then does without it."""
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    import httpx

    return httpx


def _tls(ca_bundle: str) -> ssl.SSLContext | bool:
    import ssl

    return ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True


# Protocol v1 offers everything the page speaks of, and knows a sale by the shop's reference.
V1_CAPABILITIES = Capabilities(name="v1", sale_key=SaleKey.SHOP_REFERENCE)


class DealerClient:
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
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.terminal_id = terminal_id
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.send_timeout = send_timeout
        self.max_answer_bytes = max_answer_bytes
        self.latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._session: r.Session | None = None
        self._catalog: r.Catalog | None = None
        self._transport = transport
        self._ca_bundle = ca_bundle
        self._client: httpx.AsyncClient | None = None

    @property
    def _http(self) -> httpx.AsyncClient:
        """The HTTP client, made at the first request (see the import of httpx above)."""
        if self._client is None:
            httpx = _httpx()
            # No retries and no redirects: a re-sent POST must only ever be the caller's decision.
            self._client = httpx.AsyncClient(
                base_url=self.base_url,
                transport=self._transport,
                verify=_tls(self._ca_bundle) if self._transport is None else True,
                follow_redirects=False,
                headers={"Accept": "application/json", "User-Agent": "recarga-tui"},
            )
        return self._client

    @classmethod
    def from_settings(cls, settings: DealerSettings,
                      transport: httpx.AsyncBaseTransport | None = None,
                      base_url: str | None = None) -> DealerClient:
        return cls(base_url or settings.url, terminal_id=settings.terminal_id,
                   connect_timeout=settings.connect_timeout, read_timeout=settings.read_timeout,
                   send_timeout=settings.send_timeout, ca_bundle=settings.ca_bundle,
                   transport=transport)

    @classmethod
    def in_process(cls, app: Any, settings: DealerSettings | None = None) -> DealerClient:
        """A client talking to an ASGI app (the simulator) without a socket: the demo."""
        httpx = _httpx()
        s = settings or DealerSettings(terminal_id="DEMO-01")
        return cls.from_settings(s, transport=httpx.ASGITransport(app=app),
                                 base_url=IN_PROCESS_URL)

    def __repr__(self) -> str:
        return (f"DealerClient(url={self.base_url!r}, terminal={self.terminal_id!r}, "
                f"logged_in={self.logged_in})")

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def __aenter__(self) -> DealerClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

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
        # v1.1: the open-amount products (bills) too; a v1 dealer ignores the parameter.
        answer = await self._call("GET", "/v1/catalog", headers=headers, params=CATALOG_V11)
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

    async def request_id(self, sent: match.Sent) -> str:
        """Protocol v1 hands out no id first: the shop's reference is the key."""
        raise NotImplementedError("protocol v1 knows a sale by the shop's reference")

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
            return refused_here(Origin.SHOP, "dealer.code.no_session", "refused", "NO_SESSION")
        body = {"client_ref": sent.ref, "sku": sent.sku, "msisdn": sent.msisdn,
                "amount": sent.amount}
        timeout = self._timeout(self.send_timeout)
        try:
            answer = await self._exchange("POST", "/v1/topups", json_body=body, timeout=timeout,
                                          auth=True)
        except _Failure as failure:
            return self._send_failure(failure)
        outcome = self._send_outcome(answer, sent)
        log.info("top-up %s: %s", sent.ref, type(outcome).__name__)
        return outcome

    def _send_failure(self, failure: _Failure) -> SendOutcome:
        if failure.reason == "not_sent":
            # The connection was never made, so not a byte of the top-up left the shop; why
            # (the shop's internet, the network, the dealer down) the words help to find out.
            return refused_here(Origin.NETWORK, "dealer.send.not_sent", "transient")
        if failure.reason == "untrusted":
            # The TLS handshake failed before the request: nothing left the shop either.
            return refused_here(Origin.NETWORK, "dealer.send.untrusted", "refused")
        origin = Origin.DEALER if failure.reason == "too_large" else Origin.NETWORK
        return unknown_outcome(failure.reason, origin)

    def _send_outcome(self, answer: _Answer, sent: match.Sent) -> SendOutcome:
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

    def _timeout(self, read: float) -> httpx.Timeout:
        timeout: httpx.Timeout = _httpx().Timeout(connect=self.connect_timeout, read=read,
                                                  write=read, pool=self.connect_timeout)
        return timeout

    async def _query(self, method: str, path: str, kind: type[wire.Answer[T]], *,
                     json_body: Any = None, params: dict[str, str] | None = None,
                     auth: bool = True) -> T:
        answer = await self._call(method, path, json_body=json_body, params=params, auth=auth)
        return self._parse(answer, kind)

    async def _call(self, method: str, path: str, *, json_body: Any = None,
                    params: dict[str, str] | None = None, headers: dict[str, str] | None = None,
                    auth: bool = True) -> _Answer:
        """One query exchange; transport failures become :class:`DealerError`."""
        if auth and self._session is None:
            raise SessionExpired(Fault(Origin.SHOP, "dealer.query.not_logged_in",
                                       certainty=Certainty.NONE),
                                 error_class="refused", dealer_code="NO_SESSION")
        try:
            return await self._exchange(method, path, json_body=json_body, params=params,
                                        headers=headers, timeout=self._timeout(self.read_timeout),
                                        auth=auth)
        except _Failure as failure:
            raise _query_failure(failure.reason) from None

    def _parse(self, answer: _Answer, kind: type[wire.Answer[T]]) -> T:
        if 200 <= answer.status < 300:
            try:
                return wire.read(answer.body, kind)
            except p.ProtocolViolation as exc:
                log.warning("dealer answered something unreadable: %s", exc)
                raise DealerError(Fault(Origin.DEALER, "dealer.query.malformed",
                                        certainty=Certainty.NONE)) from None
        raise self._query_error(answer)

    def _query_error(self, answer: _Answer) -> DealerError:
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
    def _error_body(answer: _Answer) -> r.ErrorBody | None:
        try:
            return wire.read(answer.body, wire.Error)
        except p.ProtocolViolation:
            return None

    async def _exchange(self, method: str, path: str, *, timeout: httpx.Timeout,
                        json_body: Any = None, params: dict[str, str] | None = None,
                        headers: dict[str, str] | None = None, auth: bool) -> _Answer:
        """Send one request and read at most ``max_answer_bytes`` of its answer.

        The overall deadline also covers transports that ignore httpx's timeouts (the
        in-process ASGI transport of the demo) and answers that trickle in byte by byte.
        """
        httpx = _httpx()
        all_headers = dict(headers or {})
        if auth and self._session is not None:
            all_headers["Authorization"] = f"Bearer {self._session.token}"
        deadline = (timeout.connect or 0) + (timeout.read or 0)
        started = time.monotonic()
        try:
            request = self._http.build_request(method, path, json=json_body, params=params,
                                               headers=all_headers, timeout=timeout)
            response, body = await detached(read_within(self._http, request, deadline,
                                                        self.max_answer_bytes))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise _Failure("untrusted" if _certificate_refused(exc) else "not_sent") from None
        except (TimeoutError, httpx.TimeoutException):
            raise _Failure("timeout") from None
        except _TooLarge:
            log.warning("%s %s: the answer was larger than %d bytes; not read", method, path,
                        self.max_answer_bytes)
            raise _Failure("too_large") from None
        except Exception as exc:  # a broken transport may raise anything; it is a lost answer
            log.warning("%s %s: connection lost (%s)", method, path, type(exc).__name__)
            raise _Failure("dropped") from None
        finally:
            self.latencies.append(time.monotonic() - started)
        log.debug("%s %s -> %s in %.3f s", method, path, response.status_code,
                  self.latencies[-1])
        return _Answer(response.status_code, response.headers, body)


async def read_within(http: httpx.AsyncClient, request: httpx.Request, deadline: float,
                      cap: int) -> tuple[httpx.Response, bytes]:
    """The answer to ``request`` and its body (closed): at most ``cap`` bytes
    (:class:`_TooLarge` past them), all read within ``deadline`` seconds."""
    async with asyncio.timeout(deadline):
        response = await http.send(request, stream=True)
        try:
            return response, await _read_capped(response, cap)
        finally:
            await response.aclose()


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _TooLarge()
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _certificate_refused(exc: BaseException) -> bool:
    """Whether a failed connection was the dealer's certificate failing verification."""
    import ssl

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _query_failure(reason: str) -> DealerError:
    # No connection at all may be the shop's internet, the network or the dealer being down:
    # the words say what to check first (the shop's internet) and whom to call.
    origin, key = {
        "not_sent": (Origin.NETWORK, "dealer.query.unreachable"),
        "untrusted": (Origin.NETWORK, "dealer.query.untrusted"),
        "timeout": (Origin.NETWORK, "dealer.query.timeout"),
        "dropped": (Origin.NETWORK, "dealer.query.dropped"),
        "too_large": (Origin.DEALER, "dealer.query.too_large"),
    }[reason]
    return DealerError(Fault(origin, key, certainty=Certainty.NONE), error_class="transient")
