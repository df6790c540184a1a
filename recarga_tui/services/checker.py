"""The check of a sale whose outcome is unknown (R16, R19).

The distributor's page: "after any error, look for the top-up in your sales report; not
there, try again; there, mark it in your notebook as proof; it can take up to 10 minutes to
show". The app does it itself, for every sale in ``unknown``, until it is found or the
reflection window has passed since its **last** attempt. First the lookup by reference,
which alone tells a pending or a failed top-up (the report lists only delivered ones); then
the sales report, by the client reference or, for a dealer that lost the reference, by
number, amount and time (a line there is the proof to keep, and wins over the lookup):

* found delivered: ``confirmed``, with the report's (or the record's) folios as the proof;
* found failed: ``rejected``, definite, with the origin the dealer gives (R01);
* pending, or the dealer unreachable: keep checking;
* absent from both after the window: ``not_found`` — only then may the cashier send it
  again (same reference) or give the money back (R02).

A look that meets a lapsed session asks for the password through ``renew_session`` (the app's
modal) and is made again; without it the look is noted as ``login`` and tried next round.

A check is journaled as an ``unknown -> unknown`` step with what was tried, but only when
its result changed or once every ``record_every`` seconds of the shop's clock: the notebook
says what happened without a line per poll. No Textual here: the app runs :meth:`run` as a
task on its loop, the chaos run from a plain asyncio program.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from msgspec import Struct

from ..config import Settings
from ..dealer import match
from ..dealer.outcomes import (
    Confirmed,
    DealerError,
    Found,
    Pending,
    Rejected,
    SessionExpired,
)
from ..dealer.port import Capabilities, Dealer, Lookup, SaleKey
from ..dealer.reading import named_by, outcome_of
from ..dealer.records import SaleLine
from ..domain.sale import Sale, State, Transition
from .clock import Clock
from .counter import Counter, Renew, fault_data
from .events import Kind, Listeners
from .loop import every

log = logging.getLogger(__name__)

# The report is asked for a wide span around the attempts: filtered by the number it stays
# short, and a line is still found by its reference if the dealer's clock is off. A line
# matched by number and amount instead (the reference lost) must be close to an attempt.
REPORT_MARGIN = timedelta(hours=6)
MATCH_SLACK = timedelta(minutes=2)

# Results of one look, as journaled in a check step's data.
NOT_VISIBLE = "not_visible"      # lookup: the dealer shows no record (yet)
PENDING = "pending"              # lookup: the dealer has it, the carrier has not answered
DEALER_UNKNOWN = "dealer_unknown"
ABSENT = "absent"                # report: no line for it
FOUND = "found"
FAILED = "failed"
MISMATCH = "mismatch"            # the dealer showed a record about another sale (match.py)
UNREACHABLE = "unreachable"      # the dealer could not be asked: no answer came
UNREADABLE = "unreadable"        # an answer came that could not be read
DEALER_ERROR = "dealer_error"    # the dealer answered with an error
LOGIN = "login"                  # the session lapsed: the password is needed again
NO_KEY = "no_key"                # lookup: nothing to look the sale up by (its answer lost)
AMBIGUOUS = "ambiguous"          # report: two records could be this sale; none is guessed


class Tried(Struct, frozen=True):
    """One look at the dealer for a sale, for the check screen (what was tried, when)."""

    check: str   # "report" | "lookup"
    result: str
    at: datetime


class _Look(Struct, frozen=True):
    lookup: str
    report: str | None
    at: datetime
    candidates: tuple[SaleLine, ...] = ()


class Checker:
    def __init__(self, counter: Counter, dealer: Dealer, settings: Settings, clock: Clock, *,
                 interval: float = 20.0, record_every: float = 60.0,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.counter = counter
        self.journal = counter.journal
        self.dealer = dealer
        self.settings = settings
        self.clock = clock
        self.interval = interval          # real seconds between two sweeps
        self.record_every = record_every  # shop-clock seconds between two unchanged records
        self.events = Listeners()
        self._sleep = sleep
        self._locks: dict[str, asyncio.Lock] = {}
        self._looks: dict[str, _Look] = {}
        self._counts: dict[str, int] = {}
        # Asks for the password when a look meets a lapsed session (the app's modal); None:
        # the check is noted and tried again next round.
        self.renew_session: Renew | None = None

    # --- the reflection window ---

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.settings.procedure.reflection_minutes)

    def window_ends(self, sale: Sale) -> datetime | None:
        """When the sale may be called "never received": the window after its last attempt."""
        sending = sale.last_sent
        return sending.at + self.window if sending is not None else None

    def remaining(self, sale: Sale) -> timedelta:
        ends = self.window_ends(sale)
        if ends is None:
            return timedelta(0)
        return max(timedelta(0), ends - self.clock.now())

    # --- what was tried ---

    def tried(self, sale: Sale) -> list[Tried]:
        """The latest lookup and report of this attempt: seen by this copy, or journaled."""
        ended = sale.last(State.NOT_FOUND)
        if sale.state is State.NOT_FOUND and ended is not None:
            caps = self.capabilities  # only the looks this dealer allows were made
            return ([Tried("report", ABSENT, ended.at)] if caps.sales_report else []) + (
                [Tried("lookup", NOT_VISIBLE, ended.at)] if caps.lookup else [])
        look = self._looks.get(sale.ref)
        step = _last_check(sale)
        if look is None and step is not None:
            look = _Look(str(step.data.get("lookup", "")), step.data.get("report"), step.at)
        if look is None:
            return []
        found = [Tried("report", look.report, look.at)] if look.report is not None else []
        if look.lookup:
            found.append(Tried("lookup", look.lookup, look.at))
        return found

    def candidates(self, sale: Sale) -> list[datetime]:
        """The times of the report's records that could each be this sale (none is taken)."""
        look = self._looks.get(sale.ref)
        if look is not None:
            return [line.created_at for line in look.candidates]
        step = _last_check(sale)
        found = step.data.get("candidates", []) if step is not None else []
        return [datetime.fromisoformat(c["at"]) for c in found
                if isinstance(c, dict) and isinstance(c.get("at"), str)]

    def checks(self, sale: Sale) -> int:
        """How many looks this copy made at the sale's current attempt."""
        return self._counts.get(sale.ref, 0)

    def unknown_sales(self) -> list[Sale]:
        return [s for s in self.journal.unfinished_sales() if s.state is State.UNKNOWN]

    # --- the loop ---

    async def run(self) -> None:
        """Check every unknown sale, again and again, ``interval`` real seconds apart."""
        await every(lambda: self.interval, self.sweep, "the check of unknown sales",
                    self._sleep)

    async def sweep(self) -> list[Sale]:
        """One check of each unknown sale, oldest first; the sales that left ``unknown``.

        First, what the disk refused before is written, now that it may take it."""
        for sale in self.journal.write_unwritten():
            self.events.emit(Kind.WRITTEN, sale)
        changed = []
        for sale in self.unknown_sales():
            after = await self.check(sale)
            if after.state is not State.UNKNOWN:
                changed.append(after)
        return changed

    async def resolve(self, sale: Sale, poll: float | None = None) -> Sale:
        """Check one sale until it leaves ``unknown`` (the chaos run, tests)."""
        while True:
            after = await self.check(sale)
            if after.state is not State.UNKNOWN:
                return after
            await self._sleep(self.interval if poll is None else poll)

    # --- one check ---

    async def check(self, sale: Sale) -> Sale:
        """Look the sale up once; the sale as the journal has it afterwards."""
        lock = self._locks.setdefault(sale.ref, asyncio.Lock())
        async with lock:
            current = self.journal.get(sale.ref) or sale
            if current.state is not State.UNKNOWN:
                return current
            after = await self._check(current)
            if self._lapsed(after) and await self._renewed():
                after = await self._check(after)  # the same look, with the new session
            return after

    def _lapsed(self, sale: Sale) -> bool:
        """Whether the last look at an unknown sale met a lapsed session."""
        look = self._looks.get(sale.ref)
        return (sale.state is State.UNKNOWN and look is not None
                and LOGIN in (look.lookup, look.report))

    async def _renewed(self) -> bool:
        return self.renew_session is not None and await self.renew_session()

    @property
    def capabilities(self) -> Capabilities:
        return self.dealer.capabilities

    async def _check(self, sale: Sale) -> Sale:
        # The lookup first: it alone can tell a pending or a failed top-up. Then the report,
        # whose line is the proof the page asks to keep (R19) and wins: asked last, it holds a
        # top-up that showed in both at once even if it showed while the lookup was being
        # asked, however long the two questions took. What the dealer lacks is not asked.
        lookup, data = await self._lookup(sale)
        now = self.clock.now()
        report, proof, candidates = await self._report(sale, now)
        if proof is not None:
            return self._end(sale, State.CONFIRMED, proof)
        if data is not None:
            return self._end(sale, *data)
        ends = self.window_ends(sale)
        if _never_received(lookup, report) and ends is not None and now >= ends:
            return self._end(sale, State.NOT_FOUND, {
                "checks": self._counts.get(sale.ref, 0) + 1,
                "window_minutes": self.settings.procedure.reflection_minutes,
                "last_attempt_at": (ends - self.window).isoformat()})
        return self._note(sale, _Look(lookup, report, now, candidates))

    def _lookup_key(self, sale: Sale) -> Lookup | None:
        """What the sale is looked up by, as the dealer knows it; None when it cannot be."""
        caps = self.capabilities
        sent_at = sale.last_sent.at if sale.last_sent is not None else sale.updated_at
        if not caps.lookup:
            return None
        if caps.sale_key is not SaleKey.SHOP_REFERENCE and not sale.dealer_id:
            return None  # the answer naming the dealer's id was lost: the report decides
        return Lookup(match.Sent.of(sale), sale.dealer_id, sent_at)

    async def _lookup(self, sale: Sale) -> tuple[str, tuple[State, dict[str, Any]] | None]:
        key = self._lookup_key(sale)
        if key is None:
            return NO_KEY, None
        try:
            found = await self.dealer.lookup(key)
        except SessionExpired:
            return LOGIN, None
        except DealerError as exc:
            return failed_look(exc), None
        if not isinstance(found, Found):
            return NOT_VISIBLE, None
        fields = match.differences(key.sent, named_by(found.record))
        if fields:
            log.warning("sale %s: the lookup showed another sale (%s)", sale.ref,
                        ", ".join(fields))
            return MISMATCH, None
        outcome = outcome_of(found.record)
        if isinstance(outcome, Confirmed):
            return FOUND, (State.CONFIRMED, {
                "carrier_folio": outcome.carrier_folio, "dealer_folio": outcome.dealer_folio,
                "found_in": "lookup", "topup_id": found.record.topup_id,
                "balance_after": outcome.balance_after, "dealer_at": outcome.at.isoformat()}
                | ({"ticket": list(outcome.ticket)} if outcome.ticket else {})
                | ({"earning": outcome.earning} if outcome.earning is not None else {}))
        if isinstance(outcome, Rejected):
            return FAILED, (State.REJECTED, fault_data(outcome.fault) | {
                "error_class": outcome.error_class, "dealer_code": outcome.dealer_code,
                "found_in": "lookup"})
        return (PENDING if isinstance(outcome, Pending) else DEALER_UNKNOWN), None

    async def _report(self, sale: Sale, now: datetime
                      ) -> tuple[str | None, dict[str, Any] | None, tuple[SaleLine, ...]]:
        """The sales report's word on the sale: None when the dealer keeps no report."""
        if not self.capabilities.sales_report:
            return None, None, ()
        first = sale.first(State.SENDING)
        last = sale.last(State.SENDING)
        if first is None or last is None:
            return ABSENT, None, ()
        try:
            report = await self.dealer.sales_report(first.at - REPORT_MARGIN, now + REPORT_MARGIN,
                                                    msisdn=sale.msisdn)
        except SessionExpired:
            return LOGIN, None, ()
        except DealerError as exc:
            return failed_look(exc), None, ()
        line = report.find(sale.ref)
        matched = "reference"
        if line is not None and not _about(sale, line):
            log.warning("sale %s: the report's line under its reference is another sale",
                        sale.ref)
            return MISMATCH, None, ()
        if line is None:
            candidates = self._by_number(sale, report.lines, first.at, max(now, last.at))
            if len(candidates) > 1:
                log.warning("sale %s: %d records of the report could be it; none is taken",
                            sale.ref, len(candidates))
                return AMBIGUOUS, None, candidates
            line = candidates[0] if candidates else None
            matched = "dealer_id" if line and line.topup_id == sale.dealer_id else (
                "number_amount_time")
        if line is None:
            return ABSENT, None, ()
        return FOUND, {"carrier_folio": line.carrier_folio, "dealer_folio": line.dealer_folio,
                       "found_in": "report", "topup_id": line.topup_id,
                       "report_ref": line.client_ref, "matched": matched,
                       "dealer_at": line.created_at.isoformat(),
                       "reflected_at": line.reflected_at.isoformat()}, ()

    def _by_number(self, sale: Sale, lines: tuple[SaleLine, ...], start: datetime,
                   end: datetime) -> tuple[SaleLine, ...]:
        """The lines that can be this sale without its reference: the dealer lost ours, or
        keeps none (``SaleKey.NONE``). The same number, product and amount, at the time of an
        attempt, and a record no other sale of the journal holds (its reference, or its id
        claimed by another sale): two sales to one number never take the same record. A line
        under the dealer's id for this very sale is it, whatever else fits."""
        claimed = self._claimed_by_others(sale, start)
        fits = tuple(
            line for line in lines
            if line.msisdn == sale.msisdn and line.amount == sale.amount
            and line.sku == sale.sku
            and start - MATCH_SLACK <= line.created_at <= end + MATCH_SLACK
            and line.client_ref != sale.ref
            and (not line.client_ref or self.journal.get(line.client_ref) is None)
            and line.topup_id not in claimed)
        own = tuple(line for line in fits if sale.dealer_id and line.topup_id == sale.dealer_id)
        return own or fits

    def _claimed_by_others(self, sale: Sale, since: datetime) -> frozenset[str]:
        """The dealer's ids other sales to the same number already hold."""
        others = self.journal.search(sale.msisdn, since=(since - REPORT_MARGIN).date())
        return frozenset().union(*(s.dealer_ids for s in others if s.ref != sale.ref))

    # --- journaling what was found ---

    def _end(self, sale: Sale, target: State, data: dict[str, Any]) -> Sale:
        after = self.counter.found(sale, target, **data)
        self._looks.pop(sale.ref, None)
        self._counts.pop(sale.ref, None)
        self._locks.pop(sale.ref, None)
        kind = {State.CONFIRMED: Kind.CONFIRMED, State.REJECTED: Kind.REJECTED,
                State.NOT_FOUND: Kind.NOT_FOUND}[target]
        self.events.emit(kind, after)
        return after

    def _note(self, sale: Sale, look: _Look) -> Sale:
        """Remember the look; journal it when its result changed or a while has passed."""
        self._looks[sale.ref] = look
        self.events.emit(Kind.LOOKED, sale)
        self._counts[sale.ref] = self._counts.get(sale.ref, 0) + 1
        step = _last_check(sale)
        same = step is not None and (step.data.get("lookup"), step.data.get("report")) == (
            look.lookup, look.report)
        if step is not None and same and (
                look.at - step.at).total_seconds() < self.record_every:
            return sale
        check = "report" if look.report is not None else "lookup"
        result = look.report if look.report is not None else look.lookup
        extra = {"candidates": [_candidate(line) for line in look.candidates]} if (
            look.candidates) else {}
        return self.counter.found(sale, State.UNKNOWN, check=check, result=result,
                                    lookup=look.lookup, report=look.report,
                                    checks=self._counts[sale.ref], **extra)


# What a failed query's words say of the answer (the last part of its catalog key, as every
# adapter names them: ``dealer.query.timeout``, ``dealer.unknown.malformed``): none came, or
# it came unreadable; any other failure is an error the dealer answered with.
_NO_ANSWER = ("timeout", "dropped", "unreachable", "no_connection", "untrusted")
_UNREADABLE = ("malformed", "too_large")


def failed_look(error: DealerError) -> str:
    """A look that failed, as the check screen tells it: no answer came (unreachable), an
    answer came that could not be read, or the dealer answered with an error."""
    kind = error.fault.code.rsplit(".", 1)[-1]
    if kind in _NO_ANSWER:
        return UNREACHABLE
    return UNREADABLE if kind in _UNREADABLE else DEALER_ERROR


def _never_received(lookup: str, report: str | None) -> bool:
    """Whether every look the dealer allows says the top-up is not there: the lookup shows no
    record (or there was none to ask: the dealer's id was never named) and the report has no
    line (or the dealer keeps no report); at least one of them actually looked."""
    lookup_absent = lookup in (NOT_VISIBLE, NO_KEY)
    report_absent = report in (ABSENT, None)
    looked = lookup == NOT_VISIBLE or report == ABSENT
    return lookup_absent and report_absent and looked


def _candidate(line: SaleLine) -> dict[str, Any]:
    """A record of the report that could be the sale, as the check screen shows it."""
    return {"topup_id": line.topup_id, "at": line.created_at.isoformat(),
            "carrier_folio": line.carrier_folio}


def _about(sale: Sale, line: SaleLine) -> bool:
    """Whether a report line is about this sale: reference, number, product, amount."""
    return match.is_about(match.Sent.of(sale), match.Named(line.client_ref, line.msisdn,
                                                            line.sku, line.amount))


def _last_check(sale: Sale) -> Transition | None:
    """The latest journaled check of the current attempt (None before the first)."""
    for step in reversed(sale.history):
        if step.state is State.SENDING:
            return None
        if step.state is State.UNKNOWN and "check" in step.data:
            return step
    return None
