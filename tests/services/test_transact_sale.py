"""Sales through the transact adapter and the in-process transact simulator, with the counter,
the check and the recovery the screens use: the request id on disk before DoT (a crash between
the two loses nothing), a lost answer confirmed by CheckTransaction under the same id, the
ticket kept with the sale, one sale in the dealer's ledger (R03, R16, R19)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from lost_helpers import TELCEL_50, TZ, settings

from recarga_tui.config import ContactSettings, DealerSettings
from recarga_tui.dealer.transact.adapter import TransactDealer
from recarga_tui.dealer.transact.kind import TransactSettings
from recarga_tui.domain.sale import State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.checker import Checker
from recarga_tui.services.counter import Counter
from recarga_tui.services.recovery import recover
from recarga_tui.sim import faces
from recarga_tui.sim.clock import SimClock

DROPPED = "5555550005"  # delivered, then the connection drops before the answer
INSTANT = "5555550000"


class Crash(BaseException):
    """The power cut: nothing after it runs (not an Exception, so nothing catches it)."""


class Shop:
    def __init__(self, tmp_path: Path, sim: Any, clock: SimClock) -> None:
        self.folder = tmp_path / "journal"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sim, self.clock = sim, clock
        self.world = sim.state.world
        self.tokens = itertools.count(1)

    async def open(self) -> None:
        dealer_settings = DealerSettings(terminal_id="DEMO-01", send_timeout=0.3,
                                         connect_timeout=0.1,
                                         sections=(TransactSettings(licence="DEMO"),))
        self.dealer = TransactDealer.in_process(self.sim, dealer_settings, ContactSettings(),
                                                now=self.clock.now, poll_seconds=0.3,
                                                poll_every=0.01)
        await self.dealer.login("demo", "demo")
        self.journal = Journal.open(self.folder, tz=TZ)
        self.counter = Counter(self.journal, self.dealer, settings(), self.clock,
                               lambda: f"{next(self.tokens):08x}")
        self.checker = Checker(self.counter, self.dealer, self.counter.settings, self.clock,
                               interval=0.02)

    async def close(self) -> None:
        await self.dealer.aclose()
        self.journal.close()

    def paid(self, msisdn: str) -> Any:
        sale = self.counter.start(msisdn, TELCEL_50)
        return self.counter.pay(self.counter.accept(sale), 5000)

    def delivered(self, request_id: str) -> int:
        return sum(1 for entry in self.world.ledger if entry["client_ref"] == request_id)


@pytest.fixture
async def shop(tmp_path):
    clock = SimClock.at(12, 0, scale=1000.0)
    shop = Shop(tmp_path, faces.make("transact", seed=3, clock=clock), clock)
    await shop.open()
    yield shop
    await shop.close()


async def test_r03_the_request_id_is_on_disk_before_dot_leaves(shop, tmp_path):
    seen: list[Any] = []
    send = shop.dealer.send_topup

    async def watched(sent, *, dealer_id=None, note_id=None):
        with Journal.open(shop.folder, tz=TZ, read_only=True) as other:  # what the disk says
            seen.append(other.get(sent.ref).last(State.SENDING).data.get("dealer_id"))
        return await send(sent, dealer_id=dealer_id, note_id=note_id)

    shop.dealer.send_topup = watched
    after = await shop.counter.send(shop.paid(INSTANT))
    assert after.state is State.CONFIRMED
    assert seen == [after.dealer_id] and after.dealer_id
    assert shop.delivered(after.dealer_id) == 1
    confirmed = after.last(State.CONFIRMED).data
    assert "Numero: 5555550000" in confirmed["ticket"]


async def test_r16_r19_killed_between_the_id_and_dot_it_goes_again_under_its_id(shop):
    async def power_cut(sent, *, dealer_id=None, note_id=None):
        raise Crash()

    sale = shop.paid(INSTANT)
    shop.dealer.send_topup = power_cut
    with pytest.raises(Crash):
        await shop.counter.send(sale)
    await shop.close()

    await shop.open()  # the app starts again: the recovery finds the sale "sending"
    recover(shop.counter)
    sale = shop.journal.get(sale.ref)
    assert sale.state is State.UNKNOWN and sale.dealer_id
    request_id = sale.dealer_id
    ended = await shop.checker.resolve(sale, poll=0.02)
    assert ended.state is State.NOT_FOUND  # CheckTransaction never saw it, after the window
    again = await shop.counter.send(ended)
    assert again.state is State.CONFIRMED and again.dealer_id == request_id
    assert shop.delivered(request_id) == 1 and len(shop.world.ledger) == 1


async def test_r16_r19_a_dropped_answer_is_confirmed_by_checktransaction_under_the_same_id(shop):
    after = await shop.counter.send(shop.paid(DROPPED))
    assert after.state is State.UNKNOWN
    ended = await shop.checker.resolve(after, poll=0.02)
    assert ended.state is State.CONFIRMED
    proof = ended.last(State.CONFIRMED).data
    assert proof["found_in"] == "lookup" and proof["carrier_folio"]
    assert proof["ticket"] and proof["topup_id"] == after.dealer_id
    assert ended.attempts == 1 and shop.delivered(after.dealer_id) == 1
