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
clarifications or fault reports: the base (``dealer/base.py``) answers those with words that
say so and name the control desk's channels of the config (R09, R11, R14).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ...domain.faults import Certainty, Fault, Origin
from .. import records as p
from .. import registry
from ..base import BaseDealer, no_session_outcome, not_logged_in
from ..http import IN_PROCESS_URL, Failure, in_process, query_failure, send_failure
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
)
from ..port import Capabilities, Lookup, NoteId, SaleKey
from ..reading import refused_here
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
from .kind import DEFAULT_NAME, TransactSettings
from .lookup import record_of
from .wire import Reply, Wire, endpoint

if TYPE_CHECKING:
    import httpx

    from ...config import ContactSettings, DealerSettings

log = logging.getLogger(__name__)

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


class TransactDealer(BaseDealer):
    """One terminal's conversation with a transact.asmx distributor (port ``Dealer``)."""

    def __init__(self, url: str, *, licence: str = "", name: str = DEFAULT_NAME,
                 contacts: ContactSettings | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 15.0, send_timeout: float = 30.0,
                 ca_bundle: str = "", transport: httpx.AsyncBaseTransport | None = None,
                 poll_seconds: float = POLL_SECONDS, poll_every: float = POLL_EVERY,
                 now: Callable[[], datetime] | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._wire = Wire(endpoint(url), connect_timeout=connect_timeout,
                          ca_bundle=ca_bundle, transport=transport)
        super().__init__(self._wire, contacts=contacts)
        self._licence = licence
        self.read_timeout = read_timeout
        self.send_timeout = send_timeout
        self.poll_seconds = poll_seconds
        self.poll_every = poll_every
        self._now = now or _now
        self._sleep = sleep
        self._credentials: Credentials | None = None
        self.capabilities = Capabilities(
            name=name or DEFAULT_NAME, sale_key=SaleKey.DEALER_ID_FIRST, notices=False,
            sales_report=False, lookup=True, statement=False, deposits=False,
            clarifications=False, fault_reports=False)

    @classmethod
    def from_settings(cls, settings: DealerSettings, contacts: ContactSettings | None = None,
                      transport: httpx.AsyncBaseTransport | None = None,
                      **options: Any) -> TransactDealer:
        """The adapter of ``[dealer]`` and ``[dealer.transact]``: the licence of the
        environment (``RECARGA_DEALER_LICENCE``) when set, else the file's (R12)."""
        own: TransactSettings = registry.resolved(settings, "transact")
        options.setdefault("licence", own.licence)
        return cls(settings.url, name=own.name,
                   contacts=contacts, connect_timeout=settings.connect_timeout,
                   read_timeout=settings.read_timeout, send_timeout=settings.send_timeout,
                   ca_bundle=settings.ca_bundle, transport=transport, **options)

    @classmethod
    def in_process(cls, app: Any, settings: DealerSettings,
                   contacts: ContactSettings | None = None, **options: Any) -> TransactDealer:
        """A dealer talking to an ASGI app (the simulator) without a socket: the demo, with
        the licence of its settings (the simulator's account), never the environment's."""
        own: TransactSettings = registry.section_of(settings, "transact")
        options.setdefault("licence", own.licence)
        return cls.from_settings(replace(settings, url=IN_PROCESS_URL), contacts,
                                 transport=in_process(app), **options)

    def __repr__(self) -> str:
        return f"TransactDealer(url={self._wire.url!r}, logged_in={self.logged_in})"

    # --- what it is ----------------------------------------------------------------------------

    @property
    def logged_in(self) -> bool:
        return self._credentials is not None

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
        log.info("credentials accepted by %s", self.capabilities.name)
        return p.Session("", self._now() + HELD_FOR, p.Shop(user, self.capabilities.name))

    def forget_session(self) -> None:
        self._credentials = None

    def _held(self) -> Credentials:
        if self._credentials is None:
            raise not_logged_in()
        return self._credentials

    # --- queries -------------------------------------------------------------------------------

    async def _query(self, request: build.Request, max_bytes: int | None = None) -> Reply:
        try:
            return await self._wire.call(request, self.read_timeout, max_bytes)
        except Failure as failure:
            raise query_failure(failure.reason) from None

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
        request_id = queries.parse_request_id(reply.body, licence_sent=bool(self._licence))
        log.info("top-up %s: request id %s", sent.ref, request_id)
        return request_id

    # --- the sale ------------------------------------------------------------------------------

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        """DoT under ``dealer_id``, then CheckTransaction while it is in progress. Never
        raises for what the dealer or the network does."""
        if self._credentials is None:
            return no_session_outcome()
        try:
            request = build.do_t(dealer_id or "", self._credentials.user, sent.sku,
                                 sent.msisdn, sent.amount)
        except ValueError:  # no id (or not one), or an amount no sale has: nothing was sent
            return refused_here(Origin.SHOP, "transact.send.not_sendable", "invalid",
                                "NOT_SENDABLE")
        assert dealer_id is not None
        try:
            reply = await self._wire.call(request, self.send_timeout)
        except Failure as failure:
            return send_failure(failure.reason)
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


def _query_key(reason: str) -> str:
    return {"server_error": "dealer.query.server_error",
            "too_large": "dealer.query.too_large"}.get(reason, "dealer.query.malformed")
