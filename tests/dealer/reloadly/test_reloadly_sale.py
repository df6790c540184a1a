"""Sales through the Reloadly adapter and the in-process Reloadly simulator, with the
counter, the check and the recovery the screens use: the sale's reference is Reloadly's
customIdentifier, so a lost answer is found in the transactions report by it (R19) and a
sale sent again after "not found" can never be a second top-up (R16); a token that lapses in
the middle of a sale is renewed and the sale goes on (R12); one delivery each in the
simulator's ledger (R03)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer.outcomes import BadCredentials
from recarga_tui.dealer.registry import make
from recarga_tui.dealer.reloadly.kind import CLIENT_ID_ENV, CLIENT_SECRET_ENV
from recarga_tui.domain.catalog import Category
from recarga_tui.domain.sale import State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.checker import Checker
from recarga_tui.services.counter import Counter, Product
from recarga_tui.services.recovery import recover
from recarga_tui.sim import faces
from recarga_tui.sim.clock import MEXICO, SimClock
from recarga_tui.sim.reloadly import ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

INSTANT, INVALID, HANGS, DROPPED, PENDING = ("5555550000", "5555550001", "5555550004",
                                             "5555550005", "5555550008")
MOVISTAR_50 = Product("RLD-9103-5000", "movistar-mexico", 5000)


class Crash(BaseException):
    """The power cut: nothing after it runs (not an Exception, so nothing catches it)."""


class Shop:
    def __init__(self, tmp_path: Path, *, reflection_minutes: int = 10,
                 send_timeout: float = 0.3) -> None:
        self.folder = tmp_path / "journal"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.clock = SimClock.at(12, 0, scale=1000.0)
        self.sim = faces.make("reloadly", seed=3, clock=self.clock)
        self.world = self.sim.state.world
        base = Settings()
        self.settings = replace(
            base, dealer=DealerSettings(kind="reloadly", terminal_id="DEMO-01",
                                        send_timeout=send_timeout, connect_timeout=0.1),
            procedure=replace(base.procedure, reflection_minutes=reflection_minutes))
        self.tokens = itertools.count(1)

    async def open(self) -> None:
        self.dealer = make(self.settings, sim_app=self.sim, now=self.clock.now, scale=1000.0)
        await self.dealer.login(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
        self.journal = Journal.open(self.folder, tz=MEXICO)
        self.counter = Counter(self.journal, self.dealer, self.settings, self.clock,
                               lambda: f"{next(self.tokens):08x}")
        self.checker = Checker(self.counter, self.dealer, self.settings, self.clock,
                               interval=0.02)

    async def close(self) -> None:
        await self.dealer.aclose()
        self.journal.close()

    def paid(self, msisdn: str, product: Product = MOVISTAR_50) -> Any:
        sale = self.counter.start(msisdn, product)
        return self.counter.pay(self.counter.accept(sale), product.amount)

    def delivered(self, ref: str) -> int:
        return sum(1 for entry in self.world.ledger if entry["client_ref"] == ref)

    async def control(self, path: str) -> None:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.sim),
                                     base_url="http://reloadly.sim") as http:
            (await http.post(path, json={"count": 1})).raise_for_status()


@pytest.fixture
async def shop(tmp_path):
    shop = Shop(tmp_path)
    await shop.open()
    yield shop
    await shop.close()


async def test_r03_a_sale_is_confirmed_with_reloadlys_ids_as_its_proof(shop):
    after = await shop.counter.send(shop.paid(INSTANT))
    assert after.state is State.CONFIRMED
    proof = after.last(State.CONFIRMED).data
    assert proof["dealer_folio"] == proof["topup_id"] and proof["carrier_folio"]
    assert shop.delivered(after.ref) == 1
    assert shop.world.topups[(ACCOUNT, after.ref)].amount == 5000


async def test_r03_an_open_amount_is_sold_as_typed(shop):
    catalog = await shop.dealer.catalog()
    telcel = catalog.products_of("telcel-mexico", Category.AIRTIME)[0]
    assert telcel.open_amount and telcel.min_amount == 1000
    product = Product(telcel.sku, telcel.carrier_id, 12345)
    after = await shop.counter.send(shop.paid(INSTANT, product))
    assert after.state is State.CONFIRMED and shop.delivered(after.ref) == 1


async def test_r16_r19_a_dropped_answer_is_found_by_its_reference_in_the_report(shop):
    after = await shop.counter.send(shop.paid(DROPPED))
    assert after.state is State.UNKNOWN and after.last(State.UNKNOWN).data["reason"] == "dropped"
    ended = await shop.checker.resolve(after, poll=0.02)
    assert ended.state is State.CONFIRMED
    assert ended.last(State.CONFIRMED).data["found_in"] in ("lookup", "report")
    assert shop.delivered(ended.ref) == 1


async def test_r16_a_top_up_still_in_progress_is_checked_by_its_id_until_delivered(tmp_path):
    shop = Shop(tmp_path, send_timeout=0.02)  # 20 s of the dealer's: the carrier takes 90
    await shop.open()
    try:
        after = await shop.counter.send(shop.paid(PENDING))
        assert after.state is State.UNKNOWN
        assert after.last(State.UNKNOWN).data["status"] == "PROCESSING"
        assert after.dealer_id is not None  # Reloadly's transactionId, journaled
        ended = await shop.checker.resolve(after, poll=0.02)
        assert ended.state is State.CONFIRMED and shop.delivered(ended.ref) == 1
    finally:
        await shop.close()


async def test_r02_r01_a_refused_top_up_is_definite_and_its_money_may_go_back(shop):
    after = await shop.counter.send(shop.paid(INVALID))
    assert after.state is State.REJECTED
    assert after.last(State.REJECTED).data["origin"] == "consumer"
    refunded = shop.counter.refund(after, reason="rejected")
    assert refunded.state is State.REFUNDED and shop.delivered(after.ref) == 0


async def test_r12_a_token_that_lapses_in_the_middle_of_a_sale_does_not_end_it(shop):
    await shop.control("/sim/sessions/expire")  # Reloadly says the token lapsed; we do not
    after = await shop.counter.send(shop.paid(INSTANT))
    assert after.state is State.CONFIRMED and after.attempts == 1
    assert shop.delivered(after.ref) == 1 and len(shop.sim.state.reloadly.tokens) == 2


async def test_r16_r19_a_request_lost_before_reloadly_heard_it_goes_again_same_reference(shop):
    await shop.control("/sim/lose")
    sale = shop.paid(INSTANT)
    after = await shop.counter.send(sale)
    assert after.state is State.UNKNOWN and shop.world.topups == {}
    ended = await shop.checker.resolve(after, poll=0.02)
    assert ended.state is State.NOT_FOUND  # absent from the report after the window
    again = await shop.counter.send(ended)
    assert again.state is State.CONFIRMED and again.ref == sale.ref and again.attempts == 2
    assert shop.delivered(sale.ref) == 1


async def test_r16_a_sale_sent_again_that_reloadly_already_had_is_never_a_second_top_up(
        tmp_path):
    """Reloadly took the sale but its report showed it after the (short) window: "not
    found", sent again under the same customIdentifier, which Reloadly takes once only: the
    second attempt is unknown, the check finds the first, one delivery."""
    shop = Shop(tmp_path, reflection_minutes=1)
    await shop.open()
    try:
        after = await shop.counter.send(shop.paid(DROPPED))
        topup = shop.world.topups[(ACCOUNT, after.ref)]
        topup.visible_at = shop.clock.now() + timedelta(hours=2)  # a report very late
        ended = await shop.checker.resolve(after, poll=0.02)
        assert ended.state is State.NOT_FOUND
        again = await shop.counter.send(ended)
        assert again.state is State.UNKNOWN
        assert again.last(State.UNKNOWN).data["dealer_code"] == "CUSTOM_IDENTIFIER_ALREADY_USED"
        # The report shows it from now on (its own delay, drawn from the reference and so
        # from the day, could outlast the check's one-minute window).
        topup.visible_at = shop.clock.now()
        final = await shop.checker.resolve(again, poll=0.02)
        assert final.state is State.CONFIRMED and final.attempts == 2
        assert shop.delivered(final.ref) == 1 and len(shop.world.topups) == 1
    finally:
        await shop.close()


async def test_r16_r19_killed_while_sending_the_recovery_checks_and_one_top_up_comes(shop):
    async def power_cut(sent, *, dealer_id=None, note_id=None):
        raise Crash()

    sale = shop.paid(INSTANT)
    send = shop.dealer.send_topup
    shop.dealer.send_topup = power_cut
    with pytest.raises(Crash):
        await shop.counter.send(sale)
    shop.dealer.send_topup = send
    await shop.close()

    await shop.open()  # the app starts again: the recovery finds the sale "sending"
    recover(shop.counter)
    sale = shop.journal.get(sale.ref)
    assert sale.state is State.UNKNOWN
    ended = await shop.checker.resolve(sale, poll=0.02)
    assert ended.state is State.NOT_FOUND  # Reloadly never heard of it
    again = await shop.counter.send(ended)
    assert again.state is State.CONFIRMED and shop.delivered(sale.ref) == 1


async def test_r19_a_hung_top_up_is_found_once_the_report_shows_it(shop):
    after = await shop.counter.send(shop.paid(HANGS))
    assert after.state is State.UNKNOWN and after.last(State.UNKNOWN).data["reason"] == "timeout"
    ended = await shop.checker.resolve(after, poll=0.02)
    assert ended.state is State.CONFIRMED and shop.delivered(ended.ref) == 1


async def test_r14_the_demo_sells_through_reloadly(tmp_path, monkeypatch):
    """``--demo --dealer reloadly``: the services built over the simulator's Reloadly face,
    with its demo account in the config: the login reads no field, and the lock asks the
    configured client secret, compared in the app (R12)."""
    from recarga_tui.wiring import build, demo_settings

    for name in (CLIENT_ID_ENV, CLIENT_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RECARGA_DEMO_TIME_SCALE", "1000")
    monkeypatch.setenv("RECARGA_DEMO_START", "10:00")
    settings = demo_settings(replace(Settings(), dealer=DealerSettings(kind="reloadly")),
                             tmp_path / "journal")
    services = build(settings, demo=True)
    try:
        asks = services.capabilities.login
        assert not (asks.user or asks.password) and services.access.again_asks_secret
        await services.access.login(services.capabilities.name, "")
        assert services.capabilities.name == "Reloadly (demo)"
        with pytest.raises(BadCredentials):
            await services.access.again("Reloadly (demo)", "demo")
        await services.access.again("Reloadly (demo)", DEMO_CLIENT_SECRET)
        balances = await services.dealer.balances()
        assert balances.currency == "USD"
        sale = services.counter.start(INSTANT, MOVISTAR_50)
        sale = services.counter.pay(services.counter.accept(sale), 5000)
        assert (await services.counter.send(sale)).state is State.CONFIRMED
    finally:
        await services.aclose()
        services.close_journal()
