"""Taecel behind the dealer port: the shop's conversation with Taecel's web service.

Taecel gives the shop no reference of its own (``SaleKey.NONE``). A sale goes so:

1. the counter has journaled ``sending`` (number, product, amount, time) before
   :meth:`TaecelDealer.send_topup` is called;
2. RequestTXN takes the sale and names its ``transID``: ``note_id`` is called with it at
   once, so the notebook holds it even if what follows is lost;
3. StatusTXN is asked until the sale is final or the send time has passed; short of final,
   the outcome is ``Unknown`` with ``details["dealer_id"]`` (R16).

A sale whose RequestTXN answer was lost has no transID: :meth:`lookup` says at once that
nothing is visible, and the checker finds the sale in :meth:`sales_report` (getSales) by
number, product, amount and time (R19). Error 3128 after a lost answer ("number topped up
less than 10 minutes ago") is a strong sign that the first attempt went through: it is
``Unknown``, checked like any other, never a rejection.

What Taecel does not offer through its API (notices, statement, deposits, clarifications,
fault reports) is answered by the base (``dealer/base.py``): words that say so and where to
ask instead (the contacts of the config, R09, R11, R14). The key and the nip are secrets
(R12): in memory only, never in a repr, a log, the journal or an export. See
docs/dealers/taecel.md.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from msgspec.structs import replace

from ...config import ContactSettings, DealerSettings, Settings
from ...domain.faults import Certainty, Fault, Origin
from .. import match, registry
from .. import records as app
from ..base import BaseDealer, no_session_outcome, not_logged_in
from ..http import (
    IN_PROCESS_URL,
    MAX_ANSWER_BYTES,
    Failure,
    in_process,
    query_failure,
    send_failure,
)
from ..outcomes import (
    BadCredentials,
    Confirmed,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    Pending,
    SendOutcome,
    Unknown,
)
from ..port import Capabilities, LoginAsks, Lookup, NoteId, SaleKey
from ..reading import unknown_outcome
from . import api, convert, matching
from .answers import classify_request, classify_status, read_balance, read_products, read_sales
from .kind import TaecelSettings
from .records import Accepted, Catalog, RecentTopup, StatusAnswer
from .times import MEXICO_CITY
from .wire import Wire

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

T = TypeVar("T")

CAPABILITIES = Capabilities(
    name="Taecel", sale_key=SaleKey.NONE, notices=False, sales_report=True, lookup=True,
    statement=False, deposits=False, clarifications=False, fault_reports=False, pools=True,
    # A RequestTXN sent again is a new sale: Taecel takes no key from the shop.
    same_key_again=False)

# The login: with the key in the config, only the nip is typed (as the password).
KEY_CONFIGURED = LoginAsks(user=False, hint="login.taecel.key_configured")
KEY_AS_USER = LoginAsks(user=True, hint="login.taecel.key_as_user")
# Seconds between two StatusTXN of a sale in progress (StatusTXN itself holds its answer
# until the carrier has answered, so this pause is short).
POLL_PAUSE = 1.0
# getSales is asked day by day and pool by pool: a period longer than this is refused.
MAX_REPORT_DAYS = 62
# Taecel has no session: the app's "session" is the key and nip held since the login.
SESSION_TOKEN = "taecel-key-and-nip"  # a placeholder, never the nip
SESSION_YEARS = 10
# StatusTXN is a question, safe to ask again when its connection failed before an answer.
ASK_AGAIN = ("dropped", "not_sent")


@dataclass(frozen=True)
class Credentials:
    """The account's key and nip: sent in every form, shown nowhere (R12)."""

    key: str = field(repr=False)
    nip: str = field(repr=False)

    def __bool__(self) -> bool:
        return bool(self.key and self.nip)


def configured_credentials(settings: DealerSettings,
                           environ: Mapping[str, str] | None = None) -> Credentials:
    """The key and nip of ``[dealer.taecel]``, the environment winning (so neither needs to
    be written in a file others may read)."""
    own: TaecelSettings = registry.resolved(settings, "taecel", environ)
    return Credentials(own.key, own.nip)


def base_url_of(settings: DealerSettings) -> str:
    """The configured ``[dealer] url``, or Taecel's own when the config names none."""
    return settings.url if settings.url != DealerSettings().url else api.BASE_URL


def _with_id(outcome: Unknown, trans_id: str) -> Unknown:
    return replace(outcome, details={**outcome.details, "dealer_id": trans_id})


def _query_error(unknown: Unknown) -> DealerError:
    """A query Taecel refused or garbled: its words, about no top-up (Certainty.NONE)."""
    fault = replace(unknown.fault, certainty=Certainty.NONE)
    return DealerError(fault, error_class="unknown",
                       dealer_code=str(unknown.details.get("dealer_code", "")))


class TaecelDealer(BaseDealer):
    """One shop's account at Taecel, behind the dealer port (``port.Dealer``)."""

    def __init__(self, base_url: str = api.BASE_URL, *, key: str = "", nip: str = "",
                 contacts: ContactSettings | None = None, connect_timeout: float = 5.0,
                 read_timeout: float = 15.0, send_timeout: float = 30.0, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES, poll_pause: float = POLL_PAUSE,
                 now: Callable[[], datetime] | None = None) -> None:
        self._wire = Wire(base_url, connect_timeout=connect_timeout, ca_bundle=ca_bundle,
                          transport=transport, max_answer_bytes=max_answer_bytes)
        super().__init__(self._wire, contacts=contacts)
        self._configured = Credentials(key, nip)
        self._account: Credentials | None = None
        self.capabilities = replace(CAPABILITIES, login=KEY_CONFIGURED if key else KEY_AS_USER)
        self.read_timeout = read_timeout
        self.send_timeout = send_timeout
        self.poll_pause = poll_pause
        self._now = now or (lambda: datetime.now(MEXICO_CITY))
        self._catalog: Catalog | None = None

    @classmethod
    def from_settings(cls, settings: Settings, transport: httpx.AsyncBaseTransport | None = None,
                      base_url: str | None = None, now: Callable[[], datetime] | None = None,
                      environ: Mapping[str, str] | None = None) -> TaecelDealer:
        d = settings.dealer
        creds = configured_credentials(d, environ)
        return cls(base_url or base_url_of(d), key=creds.key, nip=creds.nip,
                   contacts=settings.contacts, connect_timeout=d.connect_timeout,
                   read_timeout=d.read_timeout, send_timeout=d.send_timeout,
                   ca_bundle=d.ca_bundle, transport=transport, now=now)

    @classmethod
    def in_process(cls, sim_app: object, settings: Settings,
                   now: Callable[[], datetime] | None = None) -> TaecelDealer:
        """An adapter talking to the simulator's Taecel face without a socket: the demo."""
        return cls.from_settings(settings, transport=in_process(sim_app),
                                 base_url=IN_PROCESS_URL, now=now)

    def __repr__(self) -> str:
        return f"TaecelDealer(url={self._wire.service_url!r}, logged_in={self.logged_in})"

    async def __aenter__(self) -> TaecelDealer:
        return self

    @property
    def logged_in(self) -> bool:
        return self._account is not None

    # --- the account -----------------------------------------------------------------------

    async def login(self, user: str, password: str) -> app.Session:
        """Taecel has no session: the key (the config's, else ``user``) and the nip
        (``password``, else the config's) are checked with getBalance and then held in memory
        for the calls that follow. The token of the session is a placeholder (R12)."""
        creds = Credentials(self._configured.key or user.strip(),
                            password or self._configured.nip)
        if not creds:
            raise BadCredentials(Fault(Origin.SHOP, "dealer.taecel.no_credentials",
                                       certainty=Certainty.NONE), error_class="refused")
        pools = read_balance(await self._ask("getBalance", api.credentials(creds.key,
                                                                           creds.nip)))
        if isinstance(pools, Unknown):
            raise self._login_refused(pools)
        self._account = creds
        log.info("Taecel: key and nip accepted")
        until = self._now() + timedelta(days=365 * SESSION_YEARS)
        return app.Session(SESSION_TOKEN, until, app.Shop("taecel", CAPABILITIES.name))

    @staticmethod
    def _login_refused(unknown: Unknown) -> DealerError:
        """A getBalance refused is the key or nip not accepted (Taecel publishes no code
        for it); a garbled one says nothing about them."""
        if unknown.reason == "malformed":
            return _query_error(unknown)
        params = {"dealer_message": unknown.details.get("dealer_message", "")}
        return BadCredentials(Fault(Origin.SHOP, "dealer.taecel.bad_credentials", params,
                                    Certainty.NONE), error_class="refused",
                              dealer_code=str(unknown.details.get("dealer_code", "")))

    def forget_session(self) -> None:
        self._account = None

    def _creds(self) -> Credentials:
        if self._account is None:
            raise not_logged_in()
        return self._account

    # --- queries ---------------------------------------------------------------------------

    async def _ask(self, operation: str, form: dict[str, str]) -> bytes:
        try:
            return await self._wire.post(operation, form, self.read_timeout)
        except Failure as failure:
            raise query_failure(failure.reason) from None

    @staticmethod
    def _read(result: T | Unknown) -> T:
        if isinstance(result, Unknown):
            raise _query_error(result)
        return result

    async def _taecel_catalog(self) -> Catalog:
        creds = self._creds()
        body = await self._ask("getProducts", api.credentials(creds.key, creds.nip))
        self._catalog = self._read(read_products(body))
        return self._catalog

    async def _known_catalog(self) -> Catalog | None:
        """The catalog to hold answers against (a product is named by its carrier there);
        fetched when missing, None when it cannot be: then no product matches (R16)."""
        if self._catalog is None:
            try:
                await self._taecel_catalog()
            except DealerError as exc:
                log.warning("Taecel: no catalog to compare answers with (%r)", exc)
        return self._catalog

    async def catalog(self) -> app.Catalog:
        """Airtime and bundles of one amount each, from getProducts."""
        return convert.app_catalog(await self._taecel_catalog())

    async def balances(self) -> app.Balances:
        """Every pool of getBalance, the one airtime is sold from first."""
        creds = self._creds()
        body = await self._ask("getBalance", api.credentials(creds.key, creds.nip))
        pools = self._read(read_balance(body))
        return convert.balances(pools, self._catalog, self._now())

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> app.SalesReport:
        """getSales of every day of the period (Mexico City's days, both around midnight) and
        every pool that pays airtime; only delivered lines, which are the proof (R19)."""
        days = _days(start, end)
        if len(days) > MAX_REPORT_DAYS:
            raise DealerError(Fault(Origin.SHOP, "dealer.taecel.period_too_long",
                                    {"days": MAX_REPORT_DAYS}, Certainty.NONE),
                              error_class="invalid")
        creds = self._creds()
        catalog = await self._known_catalog()
        lines: dict[str, app.SaleLine] = {}
        for day in days:
            for bolsa in convert.airtime_pools(catalog):
                body = await self._ask("getSales", api.get_sales(creds.key, creds.nip, day,
                                                                 bolsa))
                for txn in self._read(read_sales(body)):
                    if txn.delivered and (not msisdn or txn.number == msisdn) \
                            and start <= txn.at <= end:
                        lines[txn.trans_id] = convert.sale_line(txn, catalog)
        found = tuple(sorted(lines.values(), key=lambda line: line.created_at))
        return app.SalesReport(start, end, found, sum(line.amount for line in found))

    async def lookup(self, key: Lookup) -> LookupResult:
        """The sale by its transID (StatusTXN): Found with Taecel's record, or NotVisible.

        Without a transID (RequestTXN's answer lost) there is nothing to ask: NotVisible at
        once, and the sales report decides. A transaction Taecel marks failed under a code
        nobody has explained is not a rejection (R16), and no proof of delivery either: it
        shows as not visible, so the report alone decides, and after the reflection window
        the sale is not found (R19)."""
        if key.dealer_id is None:
            return NotVisible(key.sent.ref)
        creds = self._creds()
        body = await self._ask("StatusTXN", api.status_txn(creds.key, creds.nip, key.dealer_id))
        answer = classify_status(body)
        txn = answer.transaction
        if txn is None:
            if isinstance(answer.outcome, Unknown) and answer.outcome.reason == "malformed":
                raise _query_error(answer.outcome)
            return NotVisible(key.sent.ref)  # Taecel names no transaction under that id
        if isinstance(answer.outcome, Unknown) and txn.state == "failed":
            return NotVisible(key.sent.ref)
        catalog = await self._known_catalog()
        return Found(convert.topup_record(txn, key.sent, key.dealer_id, catalog,
                                          answer.outcome))

    # --- the top-up ------------------------------------------------------------------------

    async def send_topup(self, sent: match.Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        """RequestTXN once, then StatusTXN until final or the send time has passed. Never
        raises for what Taecel or the network does; never sends RequestTXN twice."""
        if sent.amount <= 0:
            raise ValueError("a top-up needs a positive amount")
        if self._account is None:
            return no_session_outcome()
        creds = self._account
        deadline = time.monotonic() + self.send_timeout
        form = api.request_txn(creds.key, creds.nip, sent.sku, sent.msisdn, sent.amount)
        try:
            body = await self._wire.post("RequestTXN", form, self.send_timeout)
        except Failure as failure:
            return send_failure(failure.reason)
        taken = classify_request(body)
        log.info("top-up %s: RequestTXN %s", sent.ref, type(taken).__name__)
        if isinstance(taken, RecentTopup):
            return _recent_topup(taken)
        if not isinstance(taken, Accepted):
            return taken
        _note(note_id, sent, taken.trans_id)
        outcome = await self._follow(sent, taken.trans_id, deadline)
        log.info("top-up %s: %s (transID %s)", sent.ref, type(outcome).__name__,
                 taken.trans_id)
        return outcome

    async def _follow(self, sent: match.Sent, trans_id: str, deadline: float) -> SendOutcome:
        """StatusTXN until the sale is final, an answer is about another sale or Taecel
        cannot tell, or the send time has passed."""
        catalog = await self._known_catalog()
        creds = self._creds()
        last: SendOutcome | None = None
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                body = await self._wire.post(
                    "StatusTXN", api.status_txn(creds.key, creds.nip, trans_id), remaining)
            except Failure as failure:
                last = _with_id(_unknown(failure.reason), trans_id)
                if failure.reason not in ASK_AGAIN:
                    break
            else:
                last, settled = self._judge(sent, trans_id, classify_status(body), catalog)
                if settled:
                    return last
            await asyncio.sleep(min(self.poll_pause, max(0.0, deadline - time.monotonic())))
        return _short_of_final(last, trans_id)

    def _judge(self, sent: match.Sent, trans_id: str, answer: StatusAnswer,
               catalog: Catalog | None) -> tuple[SendOutcome, bool]:
        """StatusTXN's outcome, believed only when its transaction is this sale (match.py),
        and whether asking again would change nothing: it is final, about another sale, or
        a transaction Taecel tells of without saying whether it was delivered. An answer that
        names no transaction (garbled, as Taecel's test number 5555555520 answers on purpose)
        and a sale in progress are asked again."""
        txn, outcome = answer.transaction, answer.outcome
        if txn is None:
            assert isinstance(outcome, Unknown)  # classify_status: no transaction, no outcome
            return _with_id(outcome, trans_id), False
        as_sent = match.Sent(trans_id, sent.msisdn, sent.sku, sent.amount)
        fields = matching.differences(as_sent, txn, catalog)
        if fields:
            log.warning("top-up %s: StatusTXN answered about another sale (%s)", sent.ref,
                        ", ".join(fields))
            form = match.journal_form(as_sent, matching.named(txn, sent.sku, catalog), fields)
            return Unknown("mismatch", Origin.DEALER,
                           Fault(Origin.DEALER, "dealer.unknown.mismatch"),
                           {**form, "dealer_id": trans_id}), True
        if isinstance(outcome, Confirmed):
            return replace(outcome, record=convert.topup_record(txn, sent, trans_id, catalog,
                                                                outcome)), True
        if isinstance(outcome, Unknown):
            return _with_id(outcome, trans_id), True
        return outcome, not isinstance(outcome, Pending)


# --- outcomes of a send ---------------------------------------------------------------------


def _days(start: datetime, end: datetime) -> list[date]:
    first = start.astimezone(MEXICO_CITY).date()
    last = end.astimezone(MEXICO_CITY).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _note(note_id: NoteId | None, sent: match.Sent, trans_id: str) -> None:
    """Hand the transID to the counter, which journals it at once. A notebook that cannot
    take it does not stop the sale: the id also travels in the outcome."""
    if note_id is None:
        return
    try:
        note_id(trans_id)
    except Exception:  # noqa: BLE001 - the outcome still carries the id to the journal
        log.exception("top-up %s: the transID %s could not be noted", sent.ref, trans_id)


def _short_of_final(last: SendOutcome | None, trans_id: str) -> Unknown:
    """The send time passed: unknown, with the transID to look the sale up by (R16)."""
    if isinstance(last, Unknown):
        return last
    # In progress (or not one answer yet): the carrier has not answered.
    return Unknown("timeout", Origin.CARRIER, Fault(Origin.CARRIER, "dealer.taecel.in_progress"),
                   {"operation": "StatusTXN", "dealer_id": trans_id})


def _recent_topup(taken: RecentTopup) -> Unknown:
    """3128: after a lost answer, the first attempt most likely went through. Unknown, to be
    looked up in the sales report; never money back or a new attempt on it (R16, R19)."""
    return Unknown("dealer_unknown", Origin.DEALER, taken.fault,
                   {"operation": "RequestTXN", "dealer_code": taken.dealer_code,
                    "dealer_message": taken.message})


def _unknown(reason: str) -> Unknown:
    return unknown_outcome(reason, Origin.DEALER if reason == "too_large" else Origin.NETWORK)
