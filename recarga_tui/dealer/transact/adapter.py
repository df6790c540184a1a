"""The transact.asmx distributors (Pagaqui and its siblings) behind the dealer port.

The dealer hands out the sale's id first (``SaleKey.DEALER_ID_FIRST``): :meth:`request_id`
asks ``GetTRequestID`` once per sale, the counter journals the id in the ``sending`` step, and
only then :meth:`send_topup` sends ``DoT`` under it; every later attempt and every lookup
(``CheckTransaction``) uses that same id. While the dealer answers "in progress" (rcode 1, 2)
``send_topup`` asks ``CheckTransaction`` every few seconds, as integrators do, for about a
minute; what is still not final then is unknown, never failed (R16), and the checker goes on.

The service has no session: the user name and password typed at login are kept in memory
only, with the licence of the config (R12), and go in GetTRequestID, GetBalance and
GetSkuList. It publishes no notices, no sales report, no statement, no deposits, and takes no
clarifications or fault reports: those raise :class:`DealerError` whose words say so and
name the control desk's channels of the config (R09, R11, R14).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ...domain.faults import Certainty, Fault, Origin
from .. import records as p
from ..client import _query_failure
from ..match import Sent
from ..outcomes import (
    BadCredentials,
    Confirmed,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    Pending,
    Rejected,
    SendOutcome,
    SessionExpired,
    Unknown,
)
from ..port import Capabilities, Lookup, NoteId, SaleKey
from ..records import Balance, Balances
from . import build, queries, rcodes
from .answers import (
    POLL_SECONDS,
    AnswerError,
    after_polling,
    parse_check,
    parse_dot,
    read_tresponse,
)
from .catalog import catalog_of
from .lookup import record_of
from .wire import Failure, Reply, Wire, endpoint

if TYPE_CHECKING:
    import httpx

    from ...config import ContactSettings, DealerSettings

log = logging.getLogger(__name__)

DEFAULT_NAME = "Pagaqui"
POLL_EVERY = 2.0          # real seconds between two CheckTransaction while in progress
CATALOG_BYTES = 2_000_000  # GetSkuList is the one large answer (soap.MAX_ANSWER_BYTES)
# No session lapses at this service: the credentials are held until the app forgets them.
HELD_FOR = timedelta(days=1)


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = ""  # never in a repr, a log or the journal (R12)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r})"


def _now() -> datetime:
    return datetime.now(UTC)


def _refused_here(origin: Origin, key: str, error_class: str, code: str) -> Rejected:
    """A DoT that never left the shop: as definite as a refusal."""
    return Rejected(Fault(origin, key, certainty=Certainty.DEFINITE), error_class, code)


def _unknown(reason: str, origin: Origin) -> Unknown:
    return Unknown(reason, origin, Fault(origin, f"dealer.unknown.{reason}"))


class TransactDealer:
    """One terminal's conversation with a transact.asmx distributor (port ``Dealer``)."""

    def __init__(self, url: str, *, licence: str = "", name: str = DEFAULT_NAME,
                 contacts: ContactSettings | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 15.0, send_timeout: float = 30.0,
                 ca_bundle: str = "", transport: httpx.AsyncBaseTransport | None = None,
                 poll_seconds: float = POLL_SECONDS, poll_every: float = POLL_EVERY,
                 now: Callable[[], datetime] = _now,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._wire = Wire(endpoint(url), connect_timeout=connect_timeout,
                          ca_bundle=ca_bundle, transport=transport)
        self._licence = licence
        self._contacts = contacts
        self.read_timeout = read_timeout
        self.send_timeout = send_timeout
        self.poll_seconds = poll_seconds
        self.poll_every = poll_every
        self._now = now
        self._sleep = sleep
        self._credentials: Credentials | None = None
        self._capabilities = Capabilities(
            name=name or DEFAULT_NAME, sale_key=SaleKey.DEALER_ID_FIRST, notices=False,
            sales_report=False, lookup=True, statement=False, deposits=False,
            clarifications=False, fault_reports=False)

    @classmethod
    def from_settings(cls, settings: DealerSettings, contacts: ContactSettings | None = None,
                      transport: httpx.AsyncBaseTransport | None = None,
                      **options: Any) -> TransactDealer:
        from ...config import dealer_licence

        options.setdefault("licence", dealer_licence(settings))
        return cls(settings.url, name=settings.name,
                   contacts=contacts, connect_timeout=settings.connect_timeout,
                   read_timeout=settings.read_timeout, send_timeout=settings.send_timeout,
                   ca_bundle=settings.ca_bundle, transport=transport, **options)

    @classmethod
    def in_process(cls, app: Any, settings: DealerSettings,
                   contacts: ContactSettings | None = None, **options: Any) -> TransactDealer:
        """A dealer talking to an ASGI app (the simulator) without a socket: the demo."""
        from dataclasses import replace

        from ..client import IN_PROCESS_URL, _httpx

        return cls.from_settings(replace(settings, url=IN_PROCESS_URL), contacts,
                                 transport=_httpx().ASGITransport(app=app), **options)

    def __repr__(self) -> str:
        return f"TransactDealer(url={self._wire.url!r}, logged_in={self.logged_in})"

    # --- what it is ----------------------------------------------------------------------------

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    @property
    def logged_in(self) -> bool:
        return self._credentials is not None

    @property
    def latencies(self) -> deque[float]:
        return self._wire.latencies

    async def aclose(self) -> None:
        await self._wire.aclose()

    # --- credentials ---------------------------------------------------------------------------

    async def login(self, user: str, password: str) -> p.Session:
        """The service has no session: the user and password are checked with GetBalance
        (it takes both and sells nothing) and then held in memory only (R12)."""
        try:
            await self._balance_of(Credentials(user, password))
        except DealerError as error:
            if error.dealer_code != "EMPTY_RESULT":
                raise
            # The service answers an empty result to credentials it does not take.
            raise BadCredentials(Fault(Origin.SHOP, "dealer.code.bad_credentials",
                                       certainty=Certainty.NONE), error_class="refused",
                                 dealer_code="BAD_CREDENTIALS") from None
        self._credentials = Credentials(user, password)
        log.info("credentials accepted by %s", self._capabilities.name)
        return p.Session("", self._now() + HELD_FOR, p.Shop(user, self._capabilities.name))

    def forget_session(self) -> None:
        self._credentials = None

    def _held(self) -> Credentials:
        if self._credentials is None:
            raise SessionExpired(Fault(Origin.SHOP, "dealer.query.not_logged_in",
                                       certainty=Certainty.NONE),
                                 error_class="refused", dealer_code="NO_SESSION")
        return self._credentials

    # --- queries -------------------------------------------------------------------------------

    async def _query(self, request: build.Request, max_bytes: int | None = None) -> Reply:
        try:
            return await self._wire.call(request, self.read_timeout, max_bytes)
        except Failure as failure:
            raise _query_failure(failure.reason) from None

    async def _balance_of(self, held: Credentials) -> int:
        reply = await self._query(build.get_balance(held.user, held.password))
        return queries.parse_balance(reply.body)

    async def balances(self) -> Balances:
        return Balances.single(await self.balance())

    async def balance(self) -> Balance:
        """The one balance the service keeps (GetBalance), in centavos."""
        return Balance(await self._balance_of(self._held()), "MXN", self._now())

    async def catalog(self) -> p.Catalog:
        held = self._held()
        reply = await self._query(build.get_sku_list(held.user, held.password), CATALOG_BYTES)
        return catalog_of(queries.parse_sku_list(reply.body))

    async def request_id(self, sent: Sent) -> str:
        """GetTRequestID: the id this sale will be sent and looked up under. DealerError when
        none comes (nothing was sent)."""
        held = self._held()
        reply = await self._query(build.get_request_id(held.user, held.password,
                                                       self._licence))
        request_id = queries.parse_request_id(reply.body)
        log.info("top-up %s: request id %s", sent.ref, request_id)
        return request_id

    # --- the sale ------------------------------------------------------------------------------

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        """DoT under ``dealer_id``, then CheckTransaction while it is in progress. Never
        raises for what the dealer or the network does."""
        if self._credentials is None:
            return _refused_here(Origin.SHOP, "dealer.code.no_session", "refused", "NO_SESSION")
        try:
            request = build.do_t(dealer_id or "", self._credentials.user, sent.sku,
                                 sent.msisdn, sent.amount)
        except ValueError:  # no id (or not one), or an amount no sale has: nothing was sent
            return _refused_here(Origin.SHOP, "transact.send.not_sendable", "invalid",
                                 "NOT_SENDABLE")
        assert dealer_id is not None
        try:
            reply = await self._wire.call(request, self.send_timeout)
        except Failure as failure:
            return _send_failure(failure)
        outcome = parse_dot(reply.body, sent, request_id=dealer_id, at=self._now())
        if isinstance(outcome, Pending):
            outcome = await self._poll(sent, dealer_id, outcome)
        log.info("top-up %s: %s", sent.ref, type(outcome).__name__)
        return outcome

    async def _poll(self, sent: Sent, request_id: str, last: SendOutcome) -> SendOutcome:
        """CheckTransaction every ``poll_every`` s for ``poll_seconds``, until final."""
        deadline = time.monotonic() + self.poll_seconds
        seen: SendOutcome | NotVisible = last
        while time.monotonic() < deadline:
            await self._sleep(self.poll_every)
            looked = await self._check(sent, request_id)
            if isinstance(looked, (Confirmed, Rejected)):
                return looked
            if looked is not None:
                seen = looked
        return after_polling(seen)

    async def _check(self, sent: Sent, request_id: str) -> SendOutcome | NotVisible | None:
        """One CheckTransaction while sending; None when no answer came."""
        assert self._credentials is not None
        request = build.check_transaction(request_id, self._credentials.user)
        try:
            reply = await self._wire.call(request, self.read_timeout)
        except Failure:
            return None
        return parse_check(reply.body, sent, request_id=request_id, at=self._now())

    async def lookup(self, key: Lookup) -> LookupResult:
        """CheckTransaction under the sale's id, as the dealer's record of it (R19). A sale
        without an id was never sent: the id is journaled before DoT."""
        if key.dealer_id is None:
            return NotVisible(key.sent.ref)
        request = build.check_transaction(key.dealer_id, self._held().user)
        reply = await self._query(request)
        try:
            answer = read_tresponse(reply.body, "CheckTransaction")
        except AnswerError as error:
            raise DealerError(Fault(Origin.DEALER, _query_key(error.reason),
                                    certainty=Certainty.NONE)) from None
        if rcodes.meaning(answer.rcode).kind is rcodes.Kind.NOT_FOUND:
            return NotVisible(key.sent.ref)
        # Whether the record is about the sale looked for is the checker's to judge.
        return Found(record_of(answer, key.sent, key.dealer_id, self._now()))

    # --- what the service does not offer -------------------------------------------------------

    def _lacks(self, what: str) -> DealerError:
        contacts = self._contacts
        params = {"dealer": self._capabilities.name,
                  "email": contacts.email if contacts else "",
                  "phone": contacts.phone if contacts else ""}
        return DealerError(Fault(Origin.DEALER, f"dealer.lacks.{what}", params,
                                 Certainty.NONE), error_class="refused",
                           dealer_code="NOT_OFFERED")

    async def notices(self) -> p.Notices:
        raise self._lacks("notices")

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> p.SalesReport:
        raise self._lacks("sales_report")

    async def statement(self, start: datetime, end: datetime) -> p.Statement:
        raise self._lacks("statement")

    async def deposits(self) -> tuple[p.Deposit, ...]:
        raise self._lacks("deposits")

    async def notify_deposit(self, bank: str, amount: int, reference: str,
                             deposited_at: datetime) -> p.Deposit:
        raise self._lacks("deposits")

    async def clarifications(self) -> tuple[p.Clarification, ...]:
        raise self._lacks("clarifications")

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> p.Clarification:
        raise self._lacks("clarifications")

    async def fault_report(self, origin: Origin, text: str,
                           client_refs: tuple[str, ...] = ()) -> p.FaultReportReceipt:
        raise self._lacks("fault_reports")


def _send_failure(failure: Failure) -> SendOutcome:
    if failure.reason == "not_sent":
        # The connection was never made: not a byte of the DoT left the shop.
        return _refused_here(Origin.NETWORK, "dealer.send.not_sent", "transient", "")
    if failure.reason == "untrusted":
        return _refused_here(Origin.NETWORK, "dealer.send.untrusted", "refused", "")
    origin = Origin.DEALER if failure.reason == "too_large" else Origin.NETWORK
    return _unknown(failure.reason, origin)


def _query_key(reason: str) -> str:
    return {"server_error": "dealer.query.server_error",
            "too_large": "dealer.query.too_large"}.get(reason, "dealer.query.malformed")
