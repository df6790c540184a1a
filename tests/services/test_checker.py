"""The check of unknown outcomes in the sales report (R16, R19), without screens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from lost_helpers import START, TELCEL_50, line, record, scripted, sim_shop

from recarga_tui.dealer.outcomes import Unknown
from recarga_tui.dealer.records import ErrorBody
from recarga_tui.domain.faults import Fault, Origin
from recarga_tui.domain.sale import IllegalTransition, State
from recarga_tui.services.events import Kind

LOST = Unknown("timeout", Origin.NETWORK, Fault(Origin.NETWORK, "dealer.unknown.timeout"))


def unknown_sale(counter, dealer):
    dealer.outcomes.append(LOST)
    sale = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000)
    return sale


async def test_r19_a_delivered_but_dropped_sale_is_confirmed_from_the_report(tmp_path):
    shop = await sim_shop(tmp_path)
    try:
        sale = await shop.counter.send(await shop.paid("5555550005"))
        assert sale.state is State.UNKNOWN
        shop.world.clock.advance(600)          # past the simulator's reflection delay
        done = await shop.checker.resolve(sale, poll=0.01)
        assert done.state is State.CONFIRMED
        proof = done.last(State.CONFIRMED).data
        assert proof["found_in"] == "report" and proof["carrier_folio"]
        assert [e["client_ref"] for e in shop.world.ledger] == [sale.ref]
        assert proof["carrier_folio"] == shop.world.ledger[0]["carrier_folio"]
    finally:
        await shop.dealer.aclose()
        shop.journal.close()


async def test_r19_a_request_never_received_ends_not_found_and_goes_again_same_ref(tmp_path):
    shop = await sim_shop(tmp_path)
    try:
        shop.world.lose_requests = 1
        sale = await shop.counter.send(await shop.paid("5555550000"))
        assert sale.state is State.UNKNOWN
        with pytest.raises(IllegalTransition):   # R16: not before it was checked
            shop.counter.refund(sale, reason="not_found")
        done = await shop.checker.resolve(sale, poll=0.02)
        assert done.state is State.NOT_FOUND
        ends = shop.checker.window_ends(done)
        assert done.last(State.NOT_FOUND).at >= ends
        again = await shop.counter.send(done)
        assert again.state is State.CONFIRMED and again.ref == sale.ref
        assert again.attempts == 2
        assert [e["client_ref"] for e in shop.world.ledger] == [sale.ref]
    finally:
        await shop.dealer.aclose()
        shop.journal.close()


async def test_r16_before_the_window_a_check_keeps_the_sale_unknown(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        clock.advance(9 * 60)
        after = await checker.check(sale)
        assert after.state is State.UNKNOWN
        assert checker.remaining(after) == timedelta(minutes=1)
        step = after.history[-1]
        assert step.data["check"] == "report" and step.data["lookup"] == "not_visible"
        assert step.data["report"] == "absent"
        with pytest.raises(IllegalTransition):
            await counter.send(after)
        clock.advance(60)
        assert (await checker.check(after)).state is State.NOT_FOUND


async def test_r19_the_window_counts_from_the_last_attempt(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        clock.advance(600)
        sale = await checker.check(sale)
        assert sale.state is State.NOT_FOUND
        dealer.outcomes.append(LOST)
        clock.advance(60)
        sale = await counter.send(sale)              # attempt 2, 11 minutes after attempt 1
        clock.advance(5 * 60)
        assert (await checker.check(sale)).state is State.UNKNOWN
        clock.advance(5 * 60)
        assert (await checker.check(sale)).state is State.NOT_FOUND


async def test_r19_checks_are_journaled_lightly(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        for _ in range(20):                         # 20 looks in 100 s: same result
            clock.advance(5)
            await checker.check(sale)
        checks = [s for s in journal.get(sale.ref).history if "check" in s.data]
        assert 1 <= len(checks) <= 3
        assert checker.checks(sale) == 20
        dealer.down = True                          # a new result is journaled at once
        clock.advance(1)
        await checker.check(sale)
        last = journal.get(sale.ref).history[-1]
        assert last.data["lookup"] == "unreachable"


async def test_r19_an_unreachable_dealer_never_makes_a_sale_not_found(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        dealer.down = True
        clock.advance(3600)
        assert (await checker.check(sale)).state is State.UNKNOWN
        assert [t.result for t in checker.tried(journal.get(sale.ref))] == [
            "unreachable", "unreachable"]


async def test_r19_a_line_under_another_reference_is_matched_by_number_amount_and_time(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        dealer.lines.append(line("LOST-REF", START + timedelta(seconds=30), amount=2000))
        dealer.lines.append(line("LOST-REF", START + timedelta(hours=2)))
        clock.advance(60)
        assert (await checker.check(sale)).state is State.UNKNOWN  # wrong amount, wrong time
        dealer.lines.append(line("LOST-REF", START + timedelta(seconds=30)))
        done = await checker.check(sale)
        assert done.state is State.CONFIRMED
        data = done.last(State.CONFIRMED).data
        assert (data["found_in"], data["matched"], data["report_ref"]) == (
            "report", "number_amount_time", "LOST-REF")


async def test_r19_a_line_of_another_sale_of_ours_is_never_taken(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        first = await counter.send(unknown_sale(counter, dealer))
        other = counter.start("2727215380", TELCEL_50)   # the same number and amount
        dealer.lines.append(line(other.ref, START))
        clock.advance(60)
        assert (await checker.check(first)).state is State.UNKNOWN


async def test_r01_found_failed_is_a_definite_rejection_with_its_origin(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        error = ErrorBody("CARRIER_REJECTED", "refused", Origin.CARRIER, "no")
        dealer.records[sale.ref] = record(sale.ref, "failed", START, error)
        events = []
        checker.events.add(events.append)
        done = await checker.check(sale)
        assert done.state is State.REJECTED
        data = done.last(State.REJECTED).data
        assert data["origin"] == "carrier" and data["found_in"] == "lookup"
        assert [e.kind for e in events] == [Kind.REJECTED]
        assert counter.refund(done, reason="rejected").state is State.REFUNDED


async def test_r19_pending_keeps_checking_even_after_the_window(tmp_path):
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        dealer.records[sale.ref] = record(sale.ref, "pending", START)
        clock.advance(3600)
        assert (await checker.check(sale)).state is State.UNKNOWN
        dealer.records[sale.ref] = record(sale.ref, "success", START)
        done = await checker.sweep()
        assert [s.state for s in done] == [State.CONFIRMED]
        assert done[0].last(State.CONFIRMED).data["found_in"] == "lookup"


@pytest.mark.parametrize("origin, code, result", [
    (Origin.NETWORK, "dealer.query.timeout", "unreachable"),
    (Origin.NETWORK, "dealer.query.no_connection", "unreachable"),
    (Origin.DEALER, "dealer.query.server_error", "dealer_error"),   # an HTTP 500
    (Origin.DEALER, "dealer.query.too_large", "unreadable"),        # a 20 MB body
    (Origin.DEALER, "dealer.unknown.malformed", "unreadable"),
    (Origin.DEALER, "dealer.taecel.query_refused", "dealer_error"),
])
async def test_r16_a_look_that_failed_says_whether_an_answer_came(tmp_path, origin, code,
                                                                   result):
    """No answer, an answer that could not be read, and an error the dealer answered with
    are three different things on the check screen, never all "no connection"."""
    journal, counter, checker, dealer, clock = scripted(tmp_path)
    with journal:
        sale = await counter.send(unknown_sale(counter, dealer))
        dealer.down, dealer.failure = True, Fault(origin, code, {"dealer_message": "x"})
        after = await checker.check(sale)
        step = after.history[-1]
        assert (step.data["lookup"], step.data["report"]) == (result, result)
        assert [x.result for x in checker.tried(after)] == [result, result]
