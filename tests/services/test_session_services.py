"""A lapsed session at the dealer, met by the services (R12): the counter's send, the check of
an unknown sale, a deferred sale. Against the simulator, which turns a request away for a lapsed
session before it records anything. A sale is never rejected nor sent twice for it."""

from __future__ import annotations

import pytest
from lost_helpers import sim_shop

from recarga_tui.domain.sale import State
from recarga_tui.services.checker import LOGIN, NOT_VISIBLE
from recarga_tui.services.counter import SessionNeeded
from recarga_tui.services.deferred import promised_at


class Password:
    """The cashier at the modal: types the password (logs in again) or says not now."""

    def __init__(self, shop, ref: str = "", typed: bool = True) -> None:
        self.shop = shop
        self.ref = ref
        self.typed = typed
        self.asked: list[State | None] = []  # the sale's state in the journal when asked

    async def __call__(self) -> bool:
        stored = self.shop.journal.get(self.ref) if self.ref else None
        self.asked.append(stored.state if stored else None)
        if self.typed:
            await self.shop.dealer.login("demo", "demo")
        return self.typed


@pytest.fixture
async def shop(tmp_path):
    shop = await sim_shop(tmp_path)
    yield shop
    await shop.dealer.aclose()
    shop.journal.close()


def states(sale) -> list[State]:
    return [step.state for step in sale.history]


async def test_r12_a_send_turned_away_for_the_session_goes_once_after_the_password(shop):
    paid = await shop.paid("5555550000")
    shop.world.expire_sessions()
    password = Password(shop, paid.ref)
    sale = await shop.counter.send(paid, renew=password)
    assert sale.state is State.CONFIRMED and State.REJECTED not in states(sale)
    # Turned away unseen: back to paid on disk before the password was asked.
    assert password.asked == [State.PAID]
    assert states(sale)[-4:] == [State.SENDING, State.PAID, State.SENDING, State.CONFIRMED]
    assert sale.history[-3].data["not_sent"] == "session_lapsed"
    assert sale.attempts == 1
    assert [e["client_ref"] for e in shop.world.ledger] == [sale.ref]


async def test_r12_without_the_password_the_sale_stays_paid_and_the_dealer_has_nothing(shop):
    paid = await shop.paid("5555550000")
    shop.world.expire_sessions()
    with pytest.raises(SessionNeeded):
        await shop.counter.send(paid, renew=Password(shop, typed=False))
    stored = shop.journal.get(paid.ref)
    assert stored.state is State.PAID and stored.can_refund and stored.attempts == 0
    assert shop.world.ledger == [] and shop.world.topups == {}
    assert shop.counter.in_flight == frozenset()


async def test_r12_with_no_session_the_password_comes_before_anything_is_written(shop):
    paid = await shop.paid("5555550000")
    shop.dealer.forget_session()
    password = Password(shop, paid.ref)
    sale = await shop.counter.send(paid, renew=password)
    assert password.asked == [State.PAID]
    assert sale.state is State.CONFIRMED
    assert states(sale).count(State.SENDING) == 1


async def test_r12_without_a_way_to_ask_a_send_with_no_session_is_refused_unsent(shop):
    paid = await shop.paid("5555550000")
    shop.dealer.forget_session()
    with pytest.raises(SessionNeeded) as caught:
        await shop.counter.send(paid)
    assert caught.value.code == "counter.session_needed"
    assert shop.journal.get(paid.ref).history == paid.history


async def test_r12_r17_a_deferred_sale_turned_away_keeps_its_promise(shop):
    deferred = shop.counter.defer(await shop.paid("5555550000"))
    shop.world.expire_sessions()
    with pytest.raises(SessionNeeded):
        await shop.counter.send(deferred)
    stored = shop.journal.get(deferred.ref)
    assert stored.state is State.DEFERRED
    assert promised_at(stored) == promised_at(deferred)


async def test_r12_r19_a_check_meeting_a_lapsed_session_asks_then_looks_again(shop):
    shop.world.lose_requests = 1
    sale = await shop.counter.send(await shop.paid("5555550000"))
    assert sale.state is State.UNKNOWN
    shop.world.expire_sessions()
    await shop.checker.check(sale)                      # nobody to ask: noted, tried later
    assert [t.result for t in shop.checker.tried(sale)] == [LOGIN, LOGIN]
    password = Password(shop)
    shop.checker.renew_session = password
    shop.world.expire_sessions()
    await shop.checker.check(sale)
    assert len(password.asked) == 1
    assert [t.result for t in shop.checker.tried(sale)][-1] == NOT_VISIBLE


async def test_r19_a_resend_turned_away_leaves_the_window_where_it_was(shop):
    shop.world.lose_requests = 1
    sale = await shop.counter.send(await shop.paid("5555550000"))
    absent = await shop.checker.resolve(sale, poll=0.02)
    assert absent.state is State.NOT_FOUND
    ends = shop.checker.window_ends(absent)
    shop.world.expire_sessions()
    with pytest.raises(SessionNeeded):
        await shop.counter.send(absent)
    back = shop.journal.get(sale.ref)
    assert back.state is State.NOT_FOUND and back.attempts == 1
    assert shop.checker.window_ends(back) == ends
