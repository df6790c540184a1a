"""The counter service: every step journaled before the action it announces."""

from collections import deque
from datetime import datetime, timedelta, timezone

import pytest

from recarga_tui.config import Settings
from recarga_tui.dealer.outcomes import Confirmed, Pending, Rejected, Unknown
from recarga_tui.dealer.v1.client import V1_CAPABILITIES
from recarga_tui.domain.faults import Certainty, Fault, Origin
from recarga_tui.domain.money import MoneyError
from recarga_tui.domain.sale import IllegalTransition, State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Counter, CounterError, Product

TZ = timezone(timedelta(hours=-6))
START = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
TELCEL_50 = Product("TEL-50", "telcel", 5000)


class ScriptedDealer:
    """Answers each send with the next outcome; remembers what the journal held meanwhile."""

    logged_in = True  # a session is open unless a test closes it
    capabilities = V1_CAPABILITIES

    def __init__(self, journal, *outcomes):
        self.journal = journal
        self.outcomes = list(outcomes)
        self.sent = []
        self.latencies = deque()

    async def send_topup(self, sent, *, dealer_id=None, note_id=None):
        stored = self.journal.get(sent.ref)
        self.sent.append((sent.ref, stored.state if stored else None, stored.attempts))
        return self.outcomes.pop(0)


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "journal", tz=TZ) as j:
        yield j


def make(journal, *outcomes):
    clock = FakeClock(START)
    dealer = ScriptedDealer(journal, *outcomes)
    return Counter(journal, dealer, Settings(), clock), dealer, clock


def confirmed():
    return Confirmed("CF-1", "DF-1", START, 100_000, False)


def paid_sale(counter):
    sale = counter.start("2727215380", TELCEL_50)
    sale = counter.accept(sale)
    return counter.pay(sale, 10_000)


async def test_r05_sending_is_written_ahead_and_only_after_payment(journal):
    counter, dealer, _ = make(journal, confirmed())
    sale = counter.start("2727215380", TELCEL_50)
    with pytest.raises(IllegalTransition):
        await counter.send(sale)
    sale = counter.accept(sale)
    with pytest.raises(IllegalTransition):
        await counter.send(sale)
    assert dealer.sent == []
    sale = await counter.send(counter.pay(sale, 5000))
    # When the request left, the journal already held "sending", attempt 1.
    assert dealer.sent == [(sale.ref, State.SENDING, 1)]
    assert journal.get(sale.ref).state is State.CONFIRMED
    assert journal.get(sale.ref).last(State.CONFIRMED).data["carrier_folio"] == "CF-1"


def test_r04_acceptance_is_journaled_with_its_time(journal):
    counter, _, clock = make(journal)
    sale = counter.start("2727215380", TELCEL_50)
    clock.advance(20)
    counter.accept(sale)
    stored = journal.get(sale.ref)
    assert stored.last(State.ACCEPTED).at == START + timedelta(seconds=20)


def test_r07_less_than_due_is_refused_and_nothing_is_recorded(journal):
    counter, _, _ = make(journal)
    sale = counter.accept(counter.start("2727215380", TELCEL_50))
    with pytest.raises(MoneyError):
        counter.pay(sale, 2000)
    assert journal.get(sale.ref).state is State.ACCEPTED


def test_r06_payment_records_what_was_handed_and_the_change(journal):
    counter, _, _ = make(journal)
    sale = paid_sale(counter)
    stored = journal.get(sale.ref)
    assert (stored.handed, stored.change) == (10_000, 5_000)


async def test_r16_unknown_outcome_cannot_be_resent_or_refunded(journal):
    fault = Fault(Origin.NETWORK, "dealer.unknown.timeout", {}, Certainty.UNKNOWN)
    counter, dealer, _ = make(journal, Unknown("timeout", Origin.NETWORK, fault))
    sale = await counter.send(paid_sale(counter))
    assert sale.state is State.UNKNOWN
    with pytest.raises(IllegalTransition):
        await counter.send(sale)
    with pytest.raises(IllegalTransition):
        counter.refund(sale, reason="customer asked")
    assert len(dealer.sent) == 1


async def test_pending_is_recorded_as_unknown_to_be_checked(journal):
    counter, _, _ = make(journal, Pending("T1", "x", START))
    sale = await counter.send(paid_sale(counter))
    assert sale.state is State.UNKNOWN
    assert sale.last(State.UNKNOWN).data["reason"] == "pending"


async def test_r02_rejected_money_goes_back_or_carries_to_a_corrected_sale(journal):
    fault = Fault(Origin.CONSUMER, "dealer.code.INVALID_NUMBER", {}, Certainty.DEFINITE)
    counter, _, _ = make(journal, Rejected(fault, "invalid", "INVALID_NUMBER"), confirmed())
    rejected = await counter.send(paid_sale(counter))
    assert rejected.state is State.REJECTED and rejected.can_refund
    corrected = counter.accept(counter.start("2727215381", TELCEL_50,
                                             carried_from=rejected.ref))
    paid = counter.pay_carried(corrected, rejected, handed=0)
    assert paid.state is State.PAID and paid.change == 0
    assert journal.get(rejected.ref).state is State.CARRIED
    with pytest.raises(IllegalTransition):
        counter.refund(rejected, reason="twice")  # its money already went to the new sale


async def test_a_sale_is_never_sent_twice_at_once(journal):
    counter, dealer, _ = make(journal, confirmed(), confirmed())
    sale = paid_sale(counter)
    counter._in_flight.add(sale.ref)
    with pytest.raises(CounterError):
        await counter.send(sale)
    assert dealer.sent == []


async def test_r17_deferral_promises_a_time(journal):
    counter, _, _ = make(journal)
    sale = counter.defer(paid_sale(counter))
    promised = datetime.fromisoformat(sale.last(State.DEFERRED).data["promised_at"])
    assert promised == START + timedelta(minutes=60)
    assert counter.refund(sale, reason="promise passed").state is State.REFUNDED


def test_recent_sales_of_the_same_number_and_amount_are_found(journal):
    counter, _, clock = make(journal)
    first = paid_sale(counter)
    clock.advance(120)
    assert [s.ref for s in counter.recent_same("2727215380", 5000)] == [first.ref]
    assert counter.recent_same("2727215380", 10_000) == []
    clock.advance(3600)
    assert counter.recent_same("2727215380", 5000) == []


def test_correct_at_payment_goes_back_to_capture(journal):
    counter, _, _ = make(journal)
    sale = counter.accept(counter.start("2727215380", TELCEL_50))
    sale = counter.reopen(sale)
    assert sale.state is State.CAPTURED
    fixed = counter.correct(sale, "2727215381", TELCEL_50)
    assert fixed.msisdn == "2727215381" and fixed.ref == sale.ref


def test_r02_money_back_records_what_was_paid_not_the_bill_handed_over(journal):
    counter, _, _ = make(journal)
    sale = paid_sale(counter)  # a 100-peso bill for a 50-peso top-up: 50 in change
    refunded = counter.refund(sale, "customer_left")
    step = journal.get(refunded.ref).first(State.REFUNDED)
    assert step.data["returned"] == 5000


async def test_r03_a_sending_step_the_disk_refuses_sends_nothing(journal, monkeypatch):
    from recarga_tui.journal import JournalError

    counter, dealer, _ = make(journal, confirmed())
    sale = paid_sale(counter)
    record = journal.record

    def disk_full_on_sending(step):
        if step.state is State.SENDING:
            raise JournalError("journal.disk_full", ref=step.ref)
        record(step)

    monkeypatch.setattr(journal, "record", disk_full_on_sending)
    with pytest.raises(JournalError):
        await counter.send(sale)
    assert dealer.sent == []                            # the request never left
    assert journal.get(sale.ref).state is State.PAID    # the money is still the customer's
    assert sale.ref not in counter.in_flight            # and it can be tried again
