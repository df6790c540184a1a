"""Reloadly behind the dealer port: the shop's account at Reloadly's airtime service.

Reloadly knows a sale by the shop's own reference (``SaleKey.SHOP_REFERENCE``): every top-up
carries the sale's reference as ``customIdentifier``, which Reloadly takes once only, so a
sale sent again after "not found" goes under the same one and can never be a second top-up
(a reference already used is answered CUSTOM_IDENTIFIER_ALREADY_USED: looked up, R16). A sale
goes so:

1. the counter has journaled ``sending`` before :meth:`ReloadlyDealer.send_topup` is called;
2. the top-up is posted once, in pesos (``useLocalAmount``), with a token asked with the
   account's client id and secret and renewed before it expires; a 401 (the token lapsed
   between the two) asks a new token and posts the same top-up again, once;
3. the asynchronous top-up answers its ``transactionId``; its status is asked until final or
   the send time has passed; short of final the outcome is Unknown, with the id (R16).

A sale whose answer was lost is found in the transactions report by its
``customIdentifier`` (R19); the answers are held against the sale (``judge.py``). Reloadly
detects the operator of a number (:meth:`ReloadlyDealer.detect_carrier`: advice the cashier
may overrule). What it offers no API for (notices, statement, deposits, clarifications, fault
reports) is answered by the base (``dealer/base.py``): words that say so and where to ask
instead (R09, R11, R14). Its HTTP is the exchange every dealer shares (``dealer/http.py``,
through ``wire.py``). The client secret and the token live in memory only, in no repr, log,
journal or export (R12). See docs/dealers/reloadly.md.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from msgspec import Struct, structs

from ...domain.faults import Certainty, Fault, Origin
from .. import match
from .. import records as app
from ..base import BaseDealer, no_session_outcome, not_logged_in
from ..http import IN_PROCESS_URL, Answer, Failure, in_process, query_failure, send_failure
from ..outcomes import (
    BadCredentials,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    Pending,
    SendOutcome,
    SessionExpired,
    Unknown,
)
from ..port import Capabilities, LoginAsks, Lookup, NoteId, SaleKey
from ..reading import refused_here, unknown_outcome
from ..text import safe
from . import answers, codes, judge
from .answers import Unreadable
from .catalog import brand_of, catalog_of, parse_sku, sku_of, sold
from .settings import ReloadlySettings, from_app
from .shapes import Transaction
from .wire import Wire

if TYPE_CHECKING:
    import httpx

    from ...config import ContactSettings, Settings
    from ..registry import Reach

log = logging.getLogger(__name__)

T = TypeVar("T")

CAPABILITIES = Capabilities(
    name="Reloadly", sale_key=SaleKey.SHOP_REFERENCE, notices=False, sales_report=True,
    lookup=True, statement=False, deposits=False, clarifications=False, fault_reports=False,
    pools=False, same_key_again=True, detects_carrier=True)
# The login asks what the config does not hold: nothing when it holds the id and the secret
# (the lock then asks the configured secret, services/access.py), the secret as the password
# when it holds the id, both when it holds neither.
CONFIGURED = LoginAsks(user=False, password=False, hint="login.reloadly.configured")
SECRET_AS_PASSWORD = LoginAsks(user=False, password=True,
                               hint="login.reloadly.secret_as_password")
ID_AS_USER = LoginAsks(user=True, password=False, hint="login.reloadly.id_as_user")
BOTH_TYPED = LoginAsks(user=True, password=True, hint="login.reloadly.both_typed")

POLL_PAUSE = 2.0       # real seconds between two looks at a top-up's status
TOKEN_MARGIN = 300.0   # a token is renewed this long before it expires (a tenth of short ones)
REPORT_PAGE = 200      # lines a page of the transactions report (Reloadly's default)
MAX_PAGES = 25         # a period of more is refused rather than read for minutes
LOOKUP_SPAN = timedelta(days=2)  # the report is asked this far around a sale looked up
# Reloadly has no session the cashier opens: the app's "session" is the id and secret held
# since the login, a token asked with them whenever one is needed.
SESSION_TOKEN = "reloadly-client-credentials"  # a placeholder, never the token
SESSION_YEARS = 10
GRANT = "client_credentials"
JSON = "application/json"
_BEST = {codes.DELIVERED: 0, "PROCESSING": 1, "PENDING": 1}


@dataclass(frozen=True)
class Credentials:
    """The account's client id and secret: sent to the token service only, shown nowhere."""

    client_id: str = field(repr=False)
    client_secret: str = field(repr=False)

    def __bool__(self) -> bool:
        return bool(self.client_id and self.client_secret)


@dataclass(frozen=True)
class _Token:
    value: str = field(repr=False)
    renew_at: datetime


class Detected(Struct, frozen=True):
    """The operator Reloadly detects for a number, and the company of the catalog it is."""

    carrier_id: str
    carrier_name: str
    operator_id: str
    operator_name: str
    sold: bool  # whether its top-ups are sold in pesos here


def login_asks(settings: ReloadlySettings) -> LoginAsks:
    """What the login reads, by what the config holds (the environment's or the file's)."""
    return {(True, True): CONFIGURED, (True, False): SECRET_AS_PASSWORD,
            (False, True): ID_AS_USER, (False, False): BOTH_TYPED}[
        (bool(settings.client_id), bool(settings.client_secret))]


def _query_fault(key: str, origin: Origin = Origin.DEALER, **params: Any) -> DealerError:
    return DealerError(Fault(origin, key, dict(params), Certainty.NONE))


def _token_refused() -> DealerError:
    """A query turned away for its token even with a new one: Reloadly's, and passing."""
    return DealerError(Fault(Origin.DEALER, "dealer.reloadly.token_refused",
                             certainty=Certainty.NONE), error_class="transient",
                       dealer_code="TOKEN_REFUSED")


class ReloadlyDealer(BaseDealer):
    """One shop's Reloadly account, behind the dealer port (``port.Dealer``)."""

    def __init__(self, settings: ReloadlySettings, *, contacts: ContactSettings | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 now: Callable[[], datetime] | None = None, poll_pause: float = POLL_PAUSE,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._wire = Wire(connect_timeout=settings.connect_timeout,
                          ca_bundle=settings.ca_bundle, transport=transport)
        super().__init__(self._wire, contacts=contacts)
        self.settings = settings
        self.poll_pause = poll_pause
        self._now = now or (lambda: datetime.now(UTC))
        self._sleep = sleep
        self._credentials: Credentials | None = None
        self._token: _Token | None = None
        self._token_lock = asyncio.Lock()
        self._catalog: app.Catalog | None = None
        self.capabilities = structs.replace(CAPABILITIES, name=settings.name or CAPABILITIES.name,
                                            login=login_asks(settings))

    @classmethod
    def from_settings(cls, settings: Settings, *, transport: httpx.AsyncBaseTransport | None
                      = None, now: Callable[[], datetime] | None = None,
                      environ: Mapping[str, str] | None = None,
                      reach: Reach | None = None) -> ReloadlyDealer:
        """The account of the app's settings; ``reach``: a dealer whose clock may run faster
        (a simulator), so its status is asked that much more often."""
        pause = reach.seconds(POLL_PAUSE) if reach is not None else POLL_PAUSE
        return cls(from_app(settings, environ), contacts=settings.contacts,
                   transport=transport, now=now, poll_pause=pause)

    @classmethod
    def in_process(cls, sim_app: object, settings: Settings, *,
                   now: Callable[[], datetime] | None = None,
                   reach: Reach | None = None) -> ReloadlyDealer:
        """The account at the simulator's Reloadly face, without a socket: the demo."""
        dealer = cls.from_settings(settings, transport=in_process(sim_app), now=now,
                                   reach=reach)
        dealer.settings = replace(dealer.settings, auth_url=IN_PROCESS_URL,
                                  topups_url=IN_PROCESS_URL)
        return dealer

    def __repr__(self) -> str:
        return (f"ReloadlyDealer(url={self.settings.topups_url!r}, "
                f"logged_in={self.logged_in})")

    @property
    def logged_in(self) -> bool:
        return self._credentials is not None

    # --- the account and its token ---------------------------------------------------------

    async def login(self, user: str, password: str) -> app.Session:
        """The client id and secret of the config, each where the config holds it, else typed
        (the id as ``user``, the secret as ``password``): what the config holds is never
        replaced by what was typed, so a login that reads no field uses the config's alone.
        Checked by asking a token, then held in memory for the tokens that follow. The
        session's token is a placeholder (R12)."""
        s = self.settings
        creds = Credentials(s.client_id or user.strip(), s.client_secret or password)
        if not creds:
            raise BadCredentials(Fault(Origin.SHOP, "dealer.reloadly.no_credentials",
                                       certainty=Certainty.NONE), error_class="refused")
        token = await self._ask_token(creds)
        self._credentials, self._token = creds, token
        log.info("Reloadly: client id and secret accepted")
        until = self._now() + timedelta(days=365 * SESSION_YEARS)
        return app.Session(SESSION_TOKEN, until, app.Shop("reloadly", self.capabilities.name))

    def forget_session(self) -> None:
        self._credentials = None
        self._token = None

    async def _ask_token(self, creds: Credentials) -> _Token:
        """POST /oauth/token with the client credentials; the token and when to renew it."""
        s = self.settings
        body = {"client_id": creds.client_id, "client_secret": creds.client_secret,
                "grant_type": GRANT, "audience": s.audience}
        asked_at = self._now()
        try:
            answer = await self._wire.call("POST", f"{s.auth_url}/oauth/token", s.read_timeout,
                                           json_body=body, accept=JSON)
        except Failure as failure:
            raise query_failure(failure.reason) from None
        if 200 <= answer.status < 300:
            try:
                value, life = answers.token_of(answer.body)
            except Unreadable:
                raise _query_fault("dealer.query.malformed") from None
            margin = min(TOKEN_MARGIN, life / 10)
            return _Token(value, asked_at + timedelta(seconds=life - margin))
        error = answers.error_of(answer.body)
        code = answers.code_of(error)
        params = {"dealer_code": code, "dealer_message": answers.message_of(error)}
        if code == codes.BAD_AUDIENCE:
            raise DealerError(Fault(Origin.SHOP, "dealer.reloadly.bad_audience", params,
                                    Certainty.NONE), error_class="refused", dealer_code=code)
        if answer.status in (401, 403) or (error is not None and code in codes.BAD_CREDENTIALS):
            raise BadCredentials(Fault(Origin.SHOP, "dealer.reloadly.bad_credentials", params,
                                       Certainty.NONE), error_class="refused",
                                 dealer_code=code or "BAD_CREDENTIALS")
        raise _query_fault("dealer.query.server_error" if answer.status >= 500
                           else "dealer.query.malformed")

    async def _token_value(self) -> str:
        """A token good for a while yet: the one held, or a new one asked before it lapses."""
        token = self._token
        if token is not None and self._now() < token.renew_at:
            return token.value
        return await self._renew(token.value if token else None)

    async def _renew(self, stale: str | None) -> str:
        """A new token in place of ``stale``; one renewal however many callers ask at once.
        Credentials no longer accepted end the session (:class:`SessionExpired`)."""
        async with self._token_lock:
            held = self._token
            if held is not None and held.value != stale and self._now() < held.renew_at:
                return held.value  # another caller renewed it meanwhile
            creds = self._credentials
            if creds is None:
                raise not_logged_in()
            try:
                self._token = await self._ask_token(creds)
            except BadCredentials:
                self.forget_session()
                raise not_logged_in() from None
            log.info("Reloadly: token renewed")
            return self._token.value

    # --- queries ---------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.settings.topups_url}{path}"

    async def _get(self, path: str, params: dict[str, str] | None = None) -> Answer:
        """One query with a good token; a 401 asks a new token and the query again, once."""
        if self._credentials is None:
            raise not_logged_in()
        token = await self._token_value()
        try:
            answer = await self._wire.call("GET", self._url(path), self.settings.read_timeout,
                                           token=token, params=params)
            if answer.status == 401:
                token = await self._renew(token)
                answer = await self._wire.call("GET", self._url(path),
                                               self.settings.read_timeout, token=token,
                                               params=params)
        except Failure as failure:
            raise query_failure(failure.reason) from None
        if answer.status == 401:
            raise _token_refused()
        return answer

    async def _query(self, path: str, read: Callable[[bytes], T],
                     params: dict[str, str] | None = None) -> T:
        return self._read(await self._get(path, params), read)

    @staticmethod
    def _read(answer: Answer, read: Callable[[bytes], T]) -> T:
        if 200 <= answer.status < 300:
            try:
                return read(answer.body)
            except Unreadable as exc:
                log.warning("Reloadly answered something unreadable: %s", exc)
                raise _query_fault("dealer.query.malformed") from None
        error = answers.error_of(answer.body)
        code = answers.code_of(error)
        meaning = codes.REFUSALS.get(code)
        if meaning is None:
            raise _query_fault("dealer.query.server_error" if answer.status >= 500
                               else "dealer.query.malformed")
        fault = Fault(meaning.origin, codes.word_key(code),
                      {"dealer_code": code, "dealer_message": answers.message_of(error)},
                      Certainty.NONE)
        raise DealerError(fault, error_class=meaning.error_class, dealer_code=code)

    async def catalog(self) -> app.Catalog:
        """The country's operators sold in pesos, each brand one company (``catalog.py``)."""
        params = {"includeBundles": "true", "includeData": "true", "includePin": "false",
                  "suggestedAmounts": "false", "suggestedAmountsMap": "false"}
        operators = await self._query(f"/operators/countries/{self.settings.country}",
                                      answers.operators_of, params)
        self._catalog = catalog_of(operators)
        return self._catalog

    async def _known_catalog(self) -> app.Catalog | None:
        """The catalog to name a report line's product by (open or fixed); None when it
        cannot be had: then no line names a product (R16)."""
        if self._catalog is None:
            try:
                await self.catalog()
            except DealerError as exc:
                log.warning("Reloadly: no catalog to read the report by (%r)", exc)
        return self._catalog

    async def balances(self) -> app.Balances:
        """The account's one balance, in the account's currency (often USD, not pesos): its
        ``currency`` says which."""
        found = await self._query("/accounts/balance", answers.balance_of)
        currency = safe(found.currencyCode or "").upper()
        units = answers.minor_units(found.balance) or 0
        at = answers.parse_time(found.updatedAt) or self._now()
        return app.Balances((app.Pool("", f"{self.capabilities.name} ({currency})", units),),
                            currency, at)

    async def detect_carrier(self, msisdn: str) -> str | None:
        """The company of the catalog Reloadly detects for the number, offered first to the
        cashier; None when Reloadly cannot tell, or names an operator not sold here. The
        cashier may still choose another company: the read-back names the one chosen."""
        found = await self.detect(msisdn)
        return found.carrier_id if found is not None and found.sold else None

    async def detect(self, msisdn: str) -> Detected | None:
        """The operator Reloadly detects for the number (its auto-detection) and the company
        of the catalog it is; None when Reloadly cannot tell."""
        s = self.settings
        path = f"/operators/auto-detect/phone/{s.dial_code}{msisdn}/countries/{s.country}"
        answer = await self._get(path, {"suggestedAmountsMap": "false",
                                        "suggestedAmounts": "false"})
        if answer.status == 404 or answers.code_of(answers.error_of(answer.body)) \
                == codes.NOT_DETECTED:
            return None  # Reloadly cannot tell whose number it is
        op = self._read(answer, answers.operator_of)
        carrier_id, carrier_name = brand_of(op.name or "")
        return Detected(carrier_id, carrier_name, op.key or "", safe(op.name or ""), sold(op))

    # --- the report and the lookup ---------------------------------------------------------

    async def _transactions(self, start: datetime, end: datetime,
                            custom: str | None = None) -> list[Transaction]:
        """Every line of the transactions report of the period, page by page."""
        params = {"startDate": answers.query_time(start), "endDate": answers.query_time(end),
                  "size": str(REPORT_PAGE)}
        if custom:
            params["customIdentifier"] = custom
        lines: list[Transaction] = []
        for page in range(1, MAX_PAGES + 1):
            found, last = await self._query("/topups/reports/transactions", answers.page_of,
                                            {**params, "page": str(page)})
            lines += found
            if last or not found:
                return lines
        raise DealerError(Fault(Origin.SHOP, "dealer.reloadly.period_too_long",
                                {"lines": REPORT_PAGE * MAX_PAGES}, Certainty.NONE),
                          error_class="invalid")

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> app.SalesReport:
        """The delivered top-ups of the period, each under the reference it was sent with:
        the proof R19 asks for."""
        catalog = await self._known_catalog()
        lines = []
        for txn in await self._transactions(start, end):
            line = self._line(txn, catalog)
            if line is not None and (msisdn is None or line.msisdn == msisdn):
                lines.append(line)
        return app.SalesReport(start, end, tuple(lines), sum(x.amount for x in lines))

    def _line(self, txn: Transaction, catalog: app.Catalog | None) -> app.SaleLine | None:
        if judge.said_status(txn) != codes.DELIVERED:
            return None  # only a delivered top-up is proof; the lookup reads the others
        amount = judge.pesos_of(txn)
        msisdn = answers.local_number(txn.recipientPhone, self.settings.dial_code)
        operator = answers.text_of(txn.operatorId)
        if amount is None or msisdn is None or not operator:
            log.warning("Reloadly: report line %s names no number or pesos; left out",
                        answers.text_of(txn.transactionId))
            return None
        sku = next((s for s in (sku_of(operator, amount), sku_of(operator, None))
                    if catalog is not None and catalog.product(s) is not None), "")
        at = answers.parse_time(txn.transactionDate) or self._now()
        folio = answers.text_of(txn.transactionId)
        return app.SaleLine(client_ref=safe(txn.customIdentifier or ""), topup_id=folio,
                            msisdn=msisdn, carrier_id=brand_of(txn.operatorName or "")[0],
                            sku=sku, amount=amount,
                            carrier_folio=answers.text_of(txn.operatorTransactionId),
                            dealer_folio=folio, created_at=at, reflected_at=at)

    async def lookup(self, key: Lookup) -> LookupResult:
        """The sale's transaction, by its reference in the transactions report (filtered by
        ``customIdentifier``), else by the id Reloadly gave it while it was sent. Whether the
        record is about the sale is the checker's to judge (``match.py``)."""
        ref = key.sent.ref
        now = self._now()
        found = [txn for txn in await self._transactions(key.sent_at - LOOKUP_SPAN,
                                                         max(now, key.sent_at) + LOOKUP_SPAN,
                                                         custom=ref)
                 if safe(txn.customIdentifier or "") == ref]
        if found:
            best = min(found, key=lambda t: _BEST.get(judge.said_status(t), 2))
            return Found(judge.record_of(best, key.sent, self.settings.dial_code, now,
                                         status=judge.said_status(best)))
        if key.dealer_id and key.dealer_id.isdigit():
            answer = await self._get(f"/topups/{key.dealer_id}/status")
            if answer.status == 404:
                return NotVisible(ref)
            status = self._read(answer, answers.status_of)
            if status.transaction is not None:
                return Found(judge.record_of(status.transaction, key.sent,
                                             self.settings.dial_code, now,
                                             status=status.status, code=status.code,
                                             message=status.message))
        return NotVisible(ref)

    # --- the top-up ------------------------------------------------------------------------

    async def send_topup(self, sent: match.Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        """The top-up posted once under the sale's reference (again once, same reference,
        when its token had lapsed), then its status until final or the send time has
        passed. Never raises for what Reloadly or the network does."""
        if not sent.ref or sent.amount <= 0:
            raise ValueError("a top-up needs its reference and a positive amount")
        parts = parse_sku(sent.sku)
        if parts is None or parts.centavos not in (None, sent.amount):
            return refused_here(Origin.SHOP, "dealer.reloadly.not_sendable", "invalid",
                                "NOT_SENDABLE")
        if self._credentials is None:
            return no_session_outcome()
        s = self.settings
        deadline = time.monotonic() + s.send_timeout
        body = {"operatorId": parts.operator_id, "amount": answers.amount_text(sent.amount),
                "useLocalAmount": True, "customIdentifier": sent.ref,
                "recipientPhone": {"countryCode": s.country, "number": s.dial_code + sent.msisdn}}
        path = "/topups-async" if s.asynchronous else "/topups"
        answer = await self._post_topup(path, body, deadline)
        if not isinstance(answer, Answer):
            return answer
        outcome = await self._taken(answer, sent, deadline)
        log.info("top-up %s: %s", sent.ref, type(outcome).__name__)
        return outcome

    async def _post_topup(self, path: str, body: dict[str, Any],
                          deadline: float) -> Answer | SendOutcome:
        """The answer to the top-up's POST, sent again once (same reference) when Reloadly
        turned it away for a lapsed token; an outcome when none came or none can be had."""
        token: str | None = None
        for _ in range(2):
            try:
                token = await (self._token_value() if token is None else self._renew(token))
            except SessionExpired:
                return refused_here(Origin.SHOP, "dealer.code.session_expired", "refused",
                                    "SESSION_EXPIRED")
            except DealerError as exc:  # no token, so nothing was sent
                return refused_here(exc.fault.origin, "dealer.reloadly.no_token", "transient",
                                    "NO_TOKEN")
            remaining = max(0.1, deadline - time.monotonic())
            try:
                answer = await self._wire.call("POST", self._url(path), remaining,
                                               token=token, json_body=body)
            except Failure as failure:
                return send_failure(failure.reason)
            if answer.status != 401:
                return answer
            log.info("Reloadly turned the top-up away for its token; asking a new one")
        # A token just handed out and turned away too: Reloadly's doing, and as a 401 turns a
        # request away before anything is made, nothing was (the id and secret still open a
        # token: the password is not what is missing).
        return refused_here(Origin.DEALER, "dealer.reloadly.token_refused", "transient",
                            "TOKEN_REFUSED")

    async def _taken(self, answer: Answer, sent: match.Sent, deadline: float) -> SendOutcome:
        """What the answer to the POST says: an error, a transaction (synchronous) or the
        transaction's id (asynchronous), followed through its status while in progress."""
        if not 200 <= answer.status < 300:
            return judge.refusal(answer.status, answers.error_of(answer.body))
        dial = self.settings.dial_code
        try:
            if self.settings.asynchronous:
                return await self._follow(sent, answers.taken_id(answer.body), deadline)
            txn = answers.transaction_of(answer.body)
        except Unreadable:
            return unknown_outcome("malformed", Origin.DEALER)
        outcome = judge.outcome(txn, sent, dial, self._now(), status=judge.said_status(txn))
        if isinstance(outcome, Pending):
            return await self._follow(sent, answers.text_of(txn.transactionId), deadline,
                                      outcome)
        return outcome

    async def _follow(self, sent: match.Sent, txn_id: str, deadline: float,
                      last: SendOutcome | None = None) -> SendOutcome:
        """The top-up's status until final, about another sale, or out of time."""
        while True:
            looked = await self._status(sent, txn_id)
            if looked is not None and not isinstance(looked, Pending):
                return _with_id(looked, txn_id)
            last = looked or last
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            await self._sleep(min(self.poll_pause, remaining))
            if deadline - time.monotonic() <= 0:
                break
        if isinstance(last, Pending):
            return Unknown("timeout", Origin.CARRIER,
                           Fault(Origin.CARRIER, "dealer.reloadly.in_progress"),
                           {"dealer_id": txn_id, "status": "PROCESSING"})
        return _with_id(unknown_outcome("timeout", Origin.NETWORK), txn_id)

    async def _status(self, sent: match.Sent, txn_id: str) -> SendOutcome | None:
        """One look at the status; None when it told nothing (asked again if time allows)."""
        try:
            answer = await self._get(f"/topups/{txn_id}/status")
        except DealerError:
            return None  # the status is a question, safe to ask again
        if not 200 <= answer.status < 300:
            return None
        try:
            status = answers.status_of(answer.body)
        except Unreadable:
            return None
        if status.transaction is None:
            # A status that names no sale confirms nothing and refuses nothing (R16).
            return None if status.status in codes.IN_PROGRESS else Unknown(
                "mismatch", Origin.DEALER, Fault(Origin.DEALER, "dealer.unknown.mismatch"),
                {"status": status.status})
        return judge.outcome(status.transaction, sent, self.settings.dial_code, self._now(),
                             status=status.status, code=status.code, message=status.message)


def _with_id(outcome: SendOutcome, txn_id: str) -> SendOutcome:
    """An unknown outcome carries Reloadly's id of the sale, for the journal and lookups."""
    if isinstance(outcome, Unknown):
        return structs.replace(outcome, details={**outcome.details, "dealer_id": txn_id})
    return outcome
