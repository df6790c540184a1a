"""The three ways a dealer knows a sale (the port's ``SaleKey``) and what the counter and the
check do with each: the shop's reference (protocol v1), an id the dealer hands out first
(transact), or nothing the shop holds beforehand (Taecel), where a lost answer is found in
the sales report by number, product, amount and time (R16, R19)."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from typing import Any

import pytest
from lost_helpers import START, TELCEL_50, TZ, settings
from msgspec.structs import replace

from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.outcomes import DealerError, Found, NotVisible, Unknown
from recarga_tui.dealer.port import Capabilities, Lookup, SaleKey
from recarga_tui.dealer.records import SaleLine, SalesReport, TopupRecord
from recarga_tui.domain.faults import Fault, Origin
from recarga_tui.domain.sale import IllegalTransition, State
from recarga_tui.journal.journal import Journal
from recarga_tui.journal.rules import history_problem
from recarga_tui.services.checker import AMBIGUOUS, NO_KEY, Checker
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Counter, NotSent

NONE = Capabilities(name="no reference", sale_key=SaleKey.NONE, notices=False, pools=True)
FIRST = Capabilities(name="id first", sale_key=SaleKey.DEALER_ID_FIRST, sales_report=False)
MSISDN = "2727215380"


def _lost() -> Unknown:
    return Unknown("dropped", Origin.NETWORK, Fault(Origin.NETWORK, "dealer.unknown.dropped"))


class KeyedDealer:
    """A dealer that knows sales by its own id: lookups by that id, report lines without the
    shop's reference, answers from a list; it remembers what the journal held as it sent."""

    logged_in = True

    def __init__(self, journal: Journal, capabilities: Capabilities) -> None:
        self.journal = journal
        self.capabilities = capabilities
        self.latencies: deque[float] = deque()
        self.outcomes: list[Any] = []
        self.names: list[str] = []        # the id named to note_id, per send
        self.records: dict[str, TopupRecord] = {}
        self.lines: list[SaleLine] = []
        self.calls: list[str] = []
        self.ids = iter(f"RQ{n}" for n in range(1, 100))
        self.id_fails = False
        self.seen_at_send: list[Any] = []

    async def request_id(self, sent: Sent) -> str:
        self.calls.append("request_id")
        if self.id_fails:
            raise DealerError(Fault(Origin.NETWORK, "dealer.query.no_connection"))
        return next(self.ids)

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: Any = None) -> Any:
        self.calls.append(f"send {dealer_id}")
        self.seen_at_send.append(self.journal.get(sent.ref))
        if note_id is not None and self.names:
            note_id(self.names.pop(0))
        return self.outcomes.pop(0)

    async def lookup(self, key: Lookup) -> Any:
        self.calls.append(f"lookup {key.dealer_id}")
        record = self.records.get(key.dealer_id or "")
        return Found(record) if record else NotVisible(key.sent.ref)

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> SalesReport:
        self.calls.append("report")
        lines = tuple(x for x in self.lines if start <= x.created_at <= end)
        return SalesReport(start, end, lines, sum(x.amount for x in lines))


def _line(topup_id: str, at: datetime, amount: int = 5000) -> SaleLine:
    return SaleLine("", topup_id, MSISDN, "telcel", "TEL-050", amount, f"CF{topup_id}",
                    topup_id, at, at)


@pytest.fixture
def shop(tmp_path):
    def make(capabilities: Capabilities):
        journal = Journal.open(tmp_path / "journal", tz=TZ)
        clock = FakeClock(START)
        dealer = KeyedDealer(journal, capabilities)
        counter = Counter(journal, dealer, settings(), clock)
        checker = Checker(counter, dealer, counter.settings, clock, interval=0.0)
        return journal, counter, checker, dealer, clock
    return make


def _paid(counter: Counter) -> Any:
    return counter.pay(counter.accept(counter.start(MSISDN, TELCEL_50)), 5000)


async def test_r19_the_dealer_id_named_while_sending_is_journaled_and_no_second_attempt(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.names, dealer.outcomes = ["TX1"], [_lost()]
    sale = await counter.send(_paid(counter))
    stored = journal.get(sale.ref)
    assert stored.state is State.UNKNOWN and stored.dealer_id == "TX1"
    assert stored.attempts == 1
    assert [s.state for s in stored.history[-3:]] == [State.SENDING, State.SENDING,
                                                       State.UNKNOWN]
    assert stored.history[-2].data == {"dealer_id": "TX1", "noted": True}


async def test_r19_a_sale_known_by_no_reference_is_looked_up_by_the_id_the_dealer_named(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.names, dealer.outcomes = ["TX7"], [_lost()]
    sale = await counter.send(_paid(counter))
    dealer.lines = [_line("TX6", clock.now()), _line("TX7", clock.now())]
    after = await checker.check(sale)
    assert "lookup TX7" in dealer.calls
    assert after.state is State.CONFIRMED
    found = after.history[-1].data
    assert found["topup_id"] == "TX7" and found["matched"] == "dealer_id"


async def test_r19_an_answer_lost_before_the_id_is_found_by_number_product_amount_time(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.outcomes = [_lost()]
    sale = await counter.send(_paid(counter))
    dealer.lines = [_line("TX9", clock.now()), _line("TX8", clock.now(), amount=10000)]
    after = await checker.check(sale)
    assert not any(c.startswith("lookup") for c in dealer.calls)  # nothing to look up by
    assert after.state is State.CONFIRMED
    assert after.history[-1].data["topup_id"] == "TX9"
    assert after.history[-1].data["matched"] == "number_amount_time"


async def test_r19_a_record_claimed_by_one_sale_is_never_claimed_by_another(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.outcomes = [_lost(), _lost()]
    first = await counter.send(_paid(counter))
    clock.advance(60)
    second = await counter.send(_paid(counter))
    dealer.lines = [_line("TX1", first.updated_at)]
    assert (await checker.check(first)).state is State.CONFIRMED
    after = await checker.check(second)
    assert after.state is State.UNKNOWN  # TX1 is the first sale's
    dealer.lines.append(_line("TX2", second.updated_at))
    after = await checker.check(second)
    assert after.state is State.CONFIRMED and after.history[-1].data["topup_id"] == "TX2"


async def test_r19_two_unclaimed_candidates_are_shown_not_guessed(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.outcomes = [_lost()]
    sale = await counter.send(_paid(counter))
    at = clock.now()
    dealer.lines = [_line("TX1", at), _line("TX2", at + timedelta(seconds=30))]
    clock.advance(30 * 60)  # long past the window: still not "not found", still not guessed
    after = await checker.check(sale)
    assert after.state is State.UNKNOWN
    assert after.history[-1].data["report"] == AMBIGUOUS
    assert after.history[-1].data["lookup"] == NO_KEY
    assert [c["topup_id"] for c in after.history[-1].data["candidates"]] == ["TX1", "TX2"]
    assert checker.candidates(after) == [at, at + timedelta(seconds=30)]


async def test_r19_no_id_and_no_line_after_the_window_is_not_found(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    dealer.outcomes = [_lost()]
    sale = await counter.send(_paid(counter))
    assert (await checker.check(sale)).state is State.UNKNOWN
    clock.advance(11 * 60)
    assert (await checker.check(sale)).state is State.NOT_FOUND


async def test_r19_the_id_handed_out_first_is_on_disk_before_the_send_and_kept(shop):
    journal, counter, checker, dealer, clock = shop(FIRST)
    dealer.outcomes = [_lost(), _lost()]
    sale = await counter.send(_paid(counter))
    seen = dealer.seen_at_send[0]
    assert seen.state is State.SENDING and seen.history[-1].data["dealer_id"] == "RQ1"
    assert dealer.calls == ["request_id", "send RQ1"]
    clock.advance(11 * 60)
    after = await checker.check(sale)
    assert after.state is State.NOT_FOUND  # no sales report: the lookup alone decides
    assert "lookup RQ1" in dealer.calls and "report" not in dealer.calls
    again = await counter.send(after)
    assert dealer.calls.count("request_id") == 1 and dealer.calls[-1] == "send RQ1"
    assert again.attempts == 2


async def test_r01_no_id_handed_out_means_nothing_was_sent(shop):
    journal, counter, checker, dealer, clock = shop(FIRST)
    dealer.id_fails = True
    paid = _paid(counter)
    with pytest.raises(NotSent) as raised:
        await counter.send(paid)
    assert raised.value.fault.origin is Origin.NETWORK
    assert journal.get(paid.ref).state is State.PAID
    assert not any(c.startswith("send") for c in dealer.calls)


def test_sending_after_sending_is_only_a_noted_id(shop):
    journal, counter, checker, dealer, clock = shop(NONE)
    paid = _paid(counter)
    sending = paid.advance(State.SENDING, clock.now(), attempt=1)
    with pytest.raises(IllegalTransition):
        sending.advance(State.SENDING, clock.now(), attempt=2)
    noted = sending.note_dealer_id(clock.now(), "TX1")
    assert noted.attempts == 1 and noted.dealer_id == "TX1" and noted.can(State.UNKNOWN)
    history = [step.to_dict() for step in noted.history]
    assert history_problem(history) is None
    plain = replace(noted.history[-1], data={"attempt": 2})
    assert history_problem(history[:-1] + [plain.to_dict()]) is not None
