"""Deferred sales sent when the system is normal (R17) and the recovery at start (R02, R16),
without screens."""

from __future__ import annotations

from datetime import timedelta

from lost_helpers import START, TELCEL_50, scripted

from recarga_tui.dealer.outcomes import Confirmed, Rejected, Unknown
from recarga_tui.domain.faults import Certainty, Fault, Origin
from recarga_tui.domain.sale import State
from recarga_tui.domain.slowness import Slowness, SlowReason
from recarga_tui.services.deferred import DeferredQueue, promised_at
from recarga_tui.services.events import Kind
from recarga_tui.services.recovery import recover

OK = Confirmed("CF-7", "DF-7", START, 100, False)
LOST = Unknown("dropped", Origin.NETWORK, Fault(Origin.NETWORK, "dealer.unknown.dropped"))


class Health:
    def __init__(self, *reasons):
        self.reasons = tuple(reasons)
        self.refreshed = 0

    async def refresh(self):
        self.refreshed += 1

    def slowness(self, carrier_id=None):
        return Slowness(self.reasons)


def deferred(counter, clock, number="2727215380"):
    sale = counter.pay(counter.accept(counter.start(number, TELCEL_50)), 5000)
    clock.advance(1)
    return counter.defer(sale)


async def test_r17_deferred_sales_wait_while_slow_then_go_oldest_first_one_at_a_time(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        first = deferred(counter, clock, "2727215380")
        second = deferred(counter, clock, "2727215381")
        health = Health(SlowReason.NOTICE_SLOW)
        queue = DeferredQueue(counter, health, clock, checker=checker, interval=0)
        events = []
        queue.events.add(events.append)
        assert await queue.step() is None and dealer.calls == []
        health.reasons = ()
        dealer.outcomes += [OK, OK]
        sent = await queue.step()
        assert sent.ref == first.ref and sent.state is State.CONFIRMED
        assert dealer.calls == [f"send {first.ref}"]          # one per round
        assert [e.kind for e in events] == [Kind.DEFERRED_SENT, Kind.CONFIRMED]
        assert events[-1].sale.last(State.CONFIRMED).data["carrier_folio"] == "CF-7"
        assert (await queue.step()).ref == second.ref
        assert queue.queue() == []


async def test_r17_the_peak_window_alone_does_not_hold_a_deferred_sale(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        deferred(counter, clock)
        queue = DeferredQueue(counter, Health(SlowReason.PEAK_HOURS), clock, interval=0)
        dealer.outcomes.append(OK)
        assert (await queue.step()).state is State.CONFIRMED
        down = DeferredQueue(counter, Health(SlowReason.PEAK_HOURS, SlowReason.CARRIER_DOWN),
                             clock, interval=0)
        deferred(counter, clock)
        assert await down.step() is None


async def test_r17_a_passed_promise_is_told_once_and_the_money_may_go_back(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = deferred(counter, clock)
        assert promised_at(sale) == START + timedelta(seconds=1, minutes=60)
        queue = DeferredQueue(counter, Health(SlowReason.NOTICE_DOWN), clock, interval=0)
        events = []
        queue.events.add(events.append)
        await queue.step()
        assert events == [] and queue.overdue() == []
        clock.advance(61 * 60)
        await queue.step()
        await queue.step()
        assert [(e.kind, e.sale.ref) for e in events] == [(Kind.PROMISE_PASSED, sale.ref)]
        assert [s.ref for s in queue.overdue()] == [sale.ref]
        assert counter.refund(sale, reason="promise_passed").state is State.REFUNDED
        assert await queue.step() is None and dealer.calls == []


async def test_r17_an_unknown_outcome_of_a_deferred_sale_goes_to_the_checker(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = deferred(counter, clock)
        queue = DeferredQueue(counter, Health(), clock, checker=checker, interval=0)
        dealer.outcomes.append(LOST)
        after = await queue.step()
        assert after.state is State.UNKNOWN
        assert after.history[-1].data.get("check") == "report"   # checked at once
        assert dealer.calls == [f"send {sale.ref}", f"lookup {sale.ref}", "report"]


async def test_r16_a_sale_left_sending_by_a_crash_becomes_unknown_and_is_checked(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000)
        sending = counter.advance(sale, State.SENDING, attempt=1)   # the app died here
        done = recover(counter)
        assert [s.ref for s in done.interrupted] == [sending.ref]
        after = journal.get(sale.ref)
        assert after.state is State.UNKNOWN
        assert after.history[-1].data["reason"] == "interrupted"
        assert ("recovery.interrupted_sales", {"count": 1}) in done.notes()
        clock.advance(600)
        assert (await checker.check(after)).state is State.NOT_FOUND


async def test_r02_recovery_closes_unpaid_sales_and_lists_paid_ones(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        captured = counter.start("2727215380", TELCEL_50)
        accepted = counter.accept(counter.start("2727215381", TELCEL_50))
        paid = counter.pay(counter.accept(counter.start("2727215382", TELCEL_50)), 5000)
        done = recover(counter)
        assert {s.ref for s in done.abandoned} == {captured.ref, accepted.ref}
        assert journal.get(captured.ref).state is State.ABANDONED
        assert [s.ref for s in done.waiting] == [paid.ref]
        assert journal.get(paid.ref).state is State.PAID
        assert [s.ref for s in journal.open_sales()] == [paid.ref]


async def test_r02_a_carry_cut_in_the_middle_is_finished_at_start(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        rejected = Rejected(Fault(Origin.CARRIER, "dealer.code.carrier_rejected",
                                  certainty=Certainty.DEFINITE), "refused", "CARRIER_REJECTED")
        dealer.outcomes.append(rejected)
        source = await counter.send(
            counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000))
        assert source.state is State.REJECTED
        new = counter.accept(counter.start("2727215388", TELCEL_50))
        # The new sale paid with the carried money, then the crash before the source step.
        counter.advance(new, State.PAID, handed=0, change=0, carried_from=source.ref,
                        credit=5000)
        done = recover(counter)
        assert [s.ref for s in done.carried] == [source.ref]
        assert journal.get(source.ref).state is State.CARRIED
        assert journal.get(source.ref).history[-1].data["to_ref"] == new.ref
        assert recover(counter).carried == []
