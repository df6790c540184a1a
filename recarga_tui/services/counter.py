"""One sale at the counter: capture -> accept -> pay -> send, writing ahead to the journal.

Every step is read back from the journal first (a screen may hold an old copy of the sale),
checked by the domain's state machine, recorded durably, and only then acted on. The dealer is
called only after "sending" is on disk, always under the sale's one client reference.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from typing import Any

from ..config import Settings
from ..dealer import match
from ..dealer.outcomes import (
    Confirmed,
    DealerError,
    Pending,
    Rejected,
    SendOutcome,
    SessionExpired,
)
from ..dealer.port import Dealer, SaleKey
from ..dealer.records import Balances
from ..domain import earnings, money
from ..domain.catalog import Category, Product, pool_covers, sold_as
from ..domain.close import net_paid
from ..domain.faults import Certainty, Fault, Origin
from ..domain.low_balance import Held, Low, goes_low
from ..domain.sale import IllegalTransition, Sale, SaleError, State, new_ref
from ..journal.errors import JournalError
from ..journal.journal import Journal
from .clock import Clock, SystemClock
from .desk import Desk, NoCashiers, named
from .health import low_thresholds
from .notebook import Notebook, Unrecordable

log = logging.getLogger(__name__)

__all__ = ["Counter", "CounterError", "Desk", "NoCashiers", "NotSent", "Product",
           "SessionNeeded"]

# Asks for the password again when the dealer's session lapsed; True once a new session is
# open. The app gives it (a modal); without one a lapsed session leaves the sale unsent.
Renew = Callable[[], Awaitable[bool]]
# Seconds a detection of a number's company may take: advice that comes later than this
# comes after the cashier has chosen.
DETECT_TIMEOUT = 5.0


class CounterError(SaleError):
    """The counter refused a step; ``code`` is a catalog key."""


class SessionNeeded(CounterError):
    """Not sent: the dealer's session lapsed and no new one was opened. The sale is where it
    was before the send (paid, deferred or not found): nothing reached the dealer."""


class NotSent(CounterError):
    """Not sent: the dealer gave no id to send the sale under (``SaleKey.DEALER_ID_FIRST``).
    The sale is where it was; ``fault`` says why, with its origin (R01)."""

    def __init__(self, fault: Fault, **params: Any) -> None:
        super().__init__(fault.code, **params)
        self.fault = fault


class SessionLapsedBeforeSend(Exception):
    """The dealer's session lapsed when the id to send under was asked: the password again,
    then the sale goes (as for a top-up turned away unseen)."""

    def __init__(self, fault: Fault) -> None:
        super().__init__(fault.code)
        self.fault = fault


def earning_rates(settings: Settings) -> dict[Category, int]:
    """The shop's rate per category, in basis points (``[earnings]``)."""
    rates = settings.earnings
    return {Category.AIRTIME: earnings.basis_points(rates.airtime_percent),
            Category.BUNDLE: earnings.basis_points(rates.bundle_percent),
            Category.BILL: earnings.basis_points(rates.bill_percent)}


class _Noted:
    """The ``note_id`` a dealer that names its id in its answer calls (``SaleKey.NONE``): the
    id is journaled at once, so a lost answer can still be looked up by it."""

    def __init__(self, counter: Counter, sending: Sale) -> None:
        self.counter = counter
        self.sale = sending

    def __call__(self, dealer_id: str) -> None:
        if not dealer_id or dealer_id == self.sale.dealer_id:
            return
        nxt = self.counter._current(self.sale).note_dealer_id(self.counter.clock.now(),
                                                               dealer_id)
        try:
            self.counter.journal.record_outcome(nxt)
        except Unrecordable:
            log.error("sale %s: the dealer's id could not be written", self.sale.ref)
            return
        self.sale = nxt



class Counter:
    def __init__(self, journal: Journal | Notebook, dealer: Dealer, settings: Settings,
                 clock: Clock | None = None,
                 ref_token: Callable[[], str] | None = None,
                 desk: Desk | None = None) -> None:
        # Reads and writes go through the notebook: it keeps the dealer's answers the disk
        # refused until the disk takes them (services/notebook.py).
        self.journal = journal if isinstance(journal, Notebook) else Notebook(journal)
        self.dealer = dealer
        self.settings = settings
        self.clock = clock or SystemClock(settings.app.zone())
        self._ref_token = ref_token  # the random part of new references (None: secrets)
        self._in_flight: set[str] = set()
        # Who works the counter; a shop without cashiers by default.
        self.desk: Desk = desk or NoCashiers()
        self.rates = earning_rates(settings)

    # --- helpers ---

    def _current(self, sale: Sale) -> Sale:
        """The sale as the journal has it now (another step may have happened since)."""
        stored = self.journal.get(sale.ref)
        return stored if stored is not None else sale

    def _step(self, sale: Sale, target: State, **data: Any) -> Sale:
        """A step that announces what follows it: on disk first, or JournalError."""
        if self.journal.unwritten:
            self.journal.write_unwritten()  # older steps first, now that the disk may take them
        current = self._current(sale)
        nxt = current.advance(target, self.clock.now(), **data)
        try:
            self.journal.record(nxt)
        except JournalError as err:  # said with the step that could not be written
            raise JournalError(err.code, **{**err.params, "step": target.value}) from err
        return nxt

    def _told(self, sale: Sale, target: State, **data: Any) -> Sale:
        """A step that records what the dealer said. It is so whatever the disk does: kept in
        memory when the disk refuses it (the notebook writes it later), never lost from view.
        A step whose data cannot be written at all becomes an unknown outcome, checked in the
        sales report like any other (R16, R19). A confirmation journals what the sale
        earned, by the terms it was sold on (``domain/earnings.py``)."""
        if self.journal.unwritten:
            self.journal.write_unwritten()
        current = self._current(sale)
        if target is State.CONFIRMED:
            data = {**data, **earnings.confirmed_data(
                current, data.get(earnings.EARNING_KEY), self.rates)}
        nxt = current.advance(target, self.clock.now(), **data)
        try:
            self.journal.record_outcome(nxt)
        except Unrecordable:
            log.error("sale %s: the dealer's %s could not be written; checked instead",
                      sale.ref, target.value)
            nxt = current.advance(State.UNKNOWN, self.clock.now(), reason="unrecordable",
                                  origin="dealer", code="dealer.unknown.unrecordable",
                                  params={}, answered=target.value)
            self.journal.record_outcome(nxt)
        return nxt

    def advance(self, sale: Sale, target: State, **data: Any) -> Sale:
        """One step of the procedure that is not a counter action: the recovery at start.
        Read back, advanced, recorded durably."""
        return self._step(sale, target, **data)

    def found(self, sale: Sale, target: State, **data: Any) -> Sale:
        """What a check found at the dealer (R19): kept like any of the dealer's answers."""
        return self._told(sale, target, **data)

    def _cashier(self, *, check: bool = True) -> dict[str, Any]:
        """The data that names the cashier on duty (nothing in a shop without cashiers),
        after the desk's word that the counter may sell (``check``)."""
        if check:
            self.desk.may_sell()
        return named(self.desk)

    def _terms(self, product: Product) -> dict[str, Any]:
        """How the sale's earning is reckoned, fixed at capture (``domain/earnings.py``)."""
        return {earnings.TERMS_KEY: earnings.terms_for(product, self.rates).journal()}

    @property
    def in_flight(self) -> frozenset[str]:
        """The references being sent right now by this copy of the app."""
        return frozenset(self._in_flight)

    # --- advice before the sale ---

    async def detect_carrier(self, msisdn: str, timeout: float = DETECT_TIMEOUT) -> str | None:
        """The company the dealer says ``msisdn`` belongs to, for a dealer that detects it
        (``Capabilities.detects_carrier``); None when it does not, cannot tell, fails or takes
        longer than ``timeout`` seconds. Advice only: nothing is journaled, and no failure of
        it ever stops a sale (the cashier chooses the company, R04)."""
        if not self.dealer.capabilities.detects_carrier:
            return None
        try:
            async with asyncio.timeout(timeout):
                found = await self.dealer.detect_carrier(msisdn)
        except (DealerError, TimeoutError) as exc:
            log.info("no company detected for a number: %s", type(exc).__name__)
            return None
        return found or None

    # --- the steps of a sale ---

    def start(self, msisdn: str, product: Product, *, fields: Mapping[str, str] | None = None,
              carrier: str = "", **data: Any) -> Sale:
        """Capture: the sale is born with its client reference, and journaled with what it
        is sold as (the category, the product's words, the company's name, the pool, the
        fields typed), so everything after the sale knows the product, even a copy of the
        app that has no catalog (the read-only copy)."""
        who = self._cashier()
        now = self.clock.now()
        token = self._ref_token() if self._ref_token else None
        ref = new_ref(self.settings.dealer.terminal_id, now, token)
        sale = Sale.capture(ref, msisdn, product.carrier_id, product.sku, product.amount, now,
                            **sold_as(product, msisdn, fields, carrier).journal(),
                            **self._terms(product), **who, **data)
        self.journal.record(sale)
        return sale

    def correct(self, sale: Sale, msisdn: str, product: Product,
                fields: Mapping[str, str] | None = None, carrier: str = "") -> Sale:
        """The entries corrected before payment; the reference stays."""
        return self._step(sale, State.CAPTURED, msisdn=msisdn, carrier_id=product.carrier_id,
                          sku=product.sku, amount=product.amount,
                          **sold_as(product, msisdn, fields, carrier).journal(),
                          **self._terms(product), **self._cashier())

    def pool_short(self, product: Product, balances: Balances | None) -> Fault | None:
        """Before sending: the fault when the pool that pays for ``product`` cannot cover it,
        origin the shop (R01): the shop tops that pool up at its dealer (R14). Judged on the
        balances last read; None when they cover it or say nothing of its pool. A balance
        kept in another currency than the sale's pesos (an account in dollars) is not held
        against the sale: no rate is known here, so the dealer judges, and refuses what it
        cannot cover (origin the shop, R01)."""
        if balances is None or not money.is_pesos(balances.currency):
            return None
        held = {p.id: p.available for p in balances.pools}
        if len(balances.pools) == 1:  # one balance pays for everything the dealer sells
            held = {product.pool: balances.pools[0].available}
        if pool_covers(held, product):
            return None
        pool = balances.pool(product.pool) or balances.main
        return Fault(Origin.SHOP, "counter.pool_short",
                     {"pool": pool.name or "", "available": money.pesos(pool.available),
                      "amount": money.pesos(product.amount)}, Certainty.NONE)

    def pool_low_after(self, product: Product, balances: Balances | None) -> Low | None:
        """Before collecting: the pool that pays for ``product`` as the sale would leave it,
        when that is under the shop's threshold (``[cash]``). A warning, never a refusal:
        the sale goes if the pool covers it (:meth:`pool_short` says when it does not). A
        balance kept in another currency than pesos is not held against a threshold in pesos."""
        if balances is None or not balances.pools or not money.is_pesos(balances.currency):
            return None
        pool = balances.main if len(balances.pools) == 1 else balances.pool(product.pool)
        if pool is None:
            return None
        return goes_low(Held(pool.id, pool.name, pool.available), product.amount,
                        low_thresholds(self.settings))

    def accept(self, sale: Sale) -> Sale:
        """The customer accepted the number read back (R04): journaled with its time."""
        return self._step(sale, State.ACCEPTED, **self._cashier())

    def reopen(self, sale: Sale) -> Sale:
        """Back from payment to capture before any money: the read-back must be accepted
        again once the entries are corrected (R04)."""
        current = self._current(sale)
        terms = earnings.captured_terms(current)
        return self._step(current, State.CAPTURED, msisdn=current.msisdn,
                          carrier_id=current.carrier_id, sku=current.sku, amount=current.amount,
                          **current.sold.journal(),
                          **({earnings.TERMS_KEY: terms.journal()} if terms else {}),
                          **self._cashier())

    def abandon(self, sale: Sale, reason: str = "left", *, by_app: bool = False) -> Sale:
        """The customer left before paying: nothing is owed either way. Never refused (it
        moves no money); ``by_app``: the app's own (the recovery at start), naming nobody."""
        who = {} if by_app else self._cashier(check=False)
        return self._step(sale, State.ABANDONED, reason=reason, **who)

    def pay(self, sale: Sale, handed: int) -> Sale:
        """Cash recorded with its change (R05, R06); less than due is refused (R07)."""
        who = self._cashier()
        change = money.change(sale.amount, handed)
        return self._step(sale, State.PAID, handed=handed, change=change, **who)

    def defer(self, sale: Sale) -> Sale:
        """Kept paid, to be sent when the system is normal again (R17)."""
        who = self._cashier()
        promised = self.clock.now() + timedelta(minutes=self.settings.procedure.deferral_minutes)
        return self._step(sale, State.DEFERRED, promised_at=promised.isoformat(), **who)

    def refund(self, sale: Sale, reason: str) -> Sale:
        """Money given back. The state machine allows it only where nothing reached the
        carrier (R02): paid, deferred, rejected, or not found after the window (R19)."""
        who = self._cashier()
        current = self._current(sale)
        return self._step(current, State.REFUNDED, reason=reason, returned=net_paid(current),
                          **who)

    def pay_carried(self, sale: Sale, rejected: Sale, handed: int) -> Sale:
        """Pay a corrected sale with the money of a rejected one, plus ``handed`` in cash when
        it costs more (or the difference back as change when it costs less).

        The new sale is journaled paid first, naming the sale it was carried from; recovery
        at start finishes a carry interrupted before the rejected sale was marked carried.
        """
        who = self._cashier()
        current = self._current(rejected)
        if current.state is not State.REJECTED:
            raise CounterError("counter.carry_needs_rejected", ref=current.ref)
        credit = current.amount
        due = max(0, sale.amount - credit)
        change = money.change(due, handed) + max(0, credit - sale.amount)
        paid = self._step(sale, State.PAID, handed=handed, change=change,
                          carried_from=current.ref, credit=credit, **who)
        self._step(current, State.CARRIED, to_ref=paid.ref, **who)
        return paid

    async def send(self, sale: Sale, renew: Renew | None = None, *,
                   by_cashier: bool = True) -> Sale:
        """Write "sending" ahead, then ask the dealer once, under the sale's reference.

        A lapsed session never ends a sale (R12): with no session, or when the dealer turns
        the request away for one without looking at it, ``renew`` asks for the password and
        the sale goes then, same reference; with no new session it stays as it was
        (:class:`SessionNeeded`). ``by_cashier`` False: the app sends it by itself (a
        deferred sale, R17), naming no cashier and refused for none.
        """
        who = self._cashier() if by_cashier else {}
        if sale.ref in self._in_flight:
            raise CounterError("counter.already_sending", ref=sale.ref)
        self._in_flight.add(sale.ref)
        try:
            return await self._send(self._current(sale), renew, who)
        finally:
            self._in_flight.discard(sale.ref)

    async def _send(self, sale: Sale, renew: Renew | None, who: dict[str, Any]) -> Sale:
        if not sale.can(State.SENDING):
            raise IllegalTransition(sale.ref, sale.state, State.SENDING)
        if not self.dealer.logged_in:
            await _session_again(sale, renew)
        after = await self._attempt_seen(sale, who)
        if after.state is sale.state:  # turned away unseen: the password, then once more
            await _session_again(sale, renew)
            after = await self._attempt_seen(after, who)
        if after.state is sale.state:
            raise SessionNeeded("counter.session_needed", ref=sale.ref)
        return after

    async def _attempt_seen(self, sale: Sale, who: dict[str, Any]) -> Sale:
        """An attempt; the sale unchanged when the session lapsed before anything was sent."""
        try:
            return await self._attempt(sale, who)
        except SessionLapsedBeforeSend:
            return self._current(sale)

    async def _attempt(self, sale: Sale, who: dict[str, Any]) -> Sale:
        """One request, "sending" on disk first. Turned away for the session, the sale goes
        back to the state it was sent from; otherwise it takes the dealer's outcome.

        The sending step holds what the lookup will need, whatever the dealer knows a sale by
        (the port's ``SaleKey``): the reference, number, product and amount always; the
        dealer's id asked for first when the dealer hands one out (the same id for every
        attempt); and a dealer that names its id in its answer has it journaled the moment it
        is named, before the rest of the answer is awaited."""
        sent = match.Sent.of(sale)
        dealer_id = await self._dealer_id_first(sale, sent)
        extra = {"dealer_id": dealer_id} if dealer_id else {}
        sending = self._step(sale, State.SENDING, attempt=sale.attempts + 1, **extra, **who)
        noted = _Noted(self, sending)
        outcome = await self.dealer.send_topup(
            sent, dealer_id=dealer_id,
            note_id=noted if self._sale_key() is SaleKey.NONE else None)
        sending = noted.sale
        if isinstance(outcome, Rejected) and outcome.needs_login:
            return self._told(sending, sale.state, **turned_away_data(sale, outcome), **who)
        target, data = outcome_to_step(outcome)
        return self._told(sending, target, **data, **who)

    def _sale_key(self) -> SaleKey:
        return self.dealer.capabilities.sale_key

    async def _dealer_id_first(self, sale: Sale, sent: match.Sent) -> str | None:
        """The dealer's id for the sale when it hands one out before the sale: asked once,
        then the same for every attempt. Not given, nothing was sent (:class:`NotSent`)."""
        if self._sale_key() is not SaleKey.DEALER_ID_FIRST:
            return None
        if sale.dealer_id:
            return sale.dealer_id
        try:
            return await self.dealer.request_id(sent)
        except SessionExpired as exc:
            raise SessionLapsedBeforeSend(exc.fault) from exc
        except DealerError as exc:
            raise NotSent(exc.fault, ref=sale.ref) from exc

    # --- what the journal says ---

    def recent_same(self, msisdn: str, amount: int, sku: str | None = None) -> list[Sale]:
        """Sales to the same number (or service reference) and amount in the last minutes,
        of the same product when ``sku`` is given (pointed out at capture)."""
        now = self.clock.now()
        since = now - timedelta(minutes=self.settings.app.duplicate_warning_minutes)
        return [s for s in self.journal.search(msisdn, since=since.date())
                if s.amount == amount and s.created_at >= since
                and (sku is None or s.sku == sku)
                and s.state not in (State.ABANDONED,)]


def outcome_to_step(outcome: SendOutcome) -> tuple[State, dict[str, Any]]:
    """The journal step for a typed outcome of the dealer client."""
    if isinstance(outcome, Confirmed):
        return State.CONFIRMED, {
            "carrier_folio": outcome.carrier_folio, "dealer_folio": outcome.dealer_folio,
            "found_in": "answer", "balance_after": outcome.balance_after,
            "dealer_at": outcome.at.isoformat(), "replayed": outcome.replayed,
            **_confirmed_extra(outcome)}
    if isinstance(outcome, Rejected):
        return State.REJECTED, fault_data(outcome.fault) | {
            "error_class": outcome.error_class, "dealer_code": outcome.dealer_code}
    if isinstance(outcome, Pending):
        # Taken by the dealer, waiting for the carrier: not known yet, so it is checked (R19).
        return State.UNKNOWN, {"reason": "pending", "origin": "carrier",
                               "code": "dealer.unknown.pending", "params": {},
                               "topup_id": outcome.topup_id}
    return State.UNKNOWN, fault_data(outcome.fault) | {"reason": outcome.reason,
                                                       **outcome.details}


def _confirmed_extra(outcome: Confirmed) -> dict[str, Any]:
    """The dealer's id of the record, its ticket text and what the shop earned on the sale,
    where it gave them."""
    extra: dict[str, Any] = {}
    if outcome.record is not None and outcome.record.topup_id:
        extra["topup_id"] = outcome.record.topup_id
    if outcome.ticket:
        extra["ticket"] = list(outcome.ticket)
    if outcome.earning is not None:  # the dealer's own figure for this very sale
        extra[earnings.EARNING_KEY] = outcome.earning
    return extra


async def _session_again(sale: Sale, renew: Renew | None) -> None:
    """A live session again, or :class:`SessionNeeded` (the cashier said not now)."""
    if renew is None or not await renew():
        raise SessionNeeded("counter.session_needed", ref=sale.ref)


def turned_away_data(sale: Sale, outcome: Rejected) -> dict[str, Any]:
    """The step back after a request the dealer turned away unseen: why, and a deferred
    sale's promise, which still holds (R17)."""
    data: dict[str, Any] = {"not_sent": "session_lapsed", "origin": "shop",
                            "dealer_code": outcome.dealer_code}
    promise = sale.last(State.DEFERRED) if sale.state is State.DEFERRED else None
    if promise is not None and "promised_at" in promise.data:
        data["promised_at"] = promise.data["promised_at"]
    return data


def fault_data(fault: Fault) -> dict[str, Any]:
    return {"origin": fault.origin.value, "code": fault.code, "params": dict(fault.params)}
