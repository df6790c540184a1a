"""The app pointed at a server that speaks Taecel's published shapes (``[dealer] kind =
"taecel"`` and its ``url``): the simulator's Taecel face served over real HTTP on localhost.
It logs in with the key and nip, shows the pools, sells, and finds a sale whose answer was
lost in getSales (R19), with one sale each in the simulator's ledger."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import replace

import pytest
from live_sim import LiveSim

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer.taecel.adapter import TaecelDealer
from recarga_tui.dealer.taecel.kind import NIP_ENV, TaecelSettings
from recarga_tui.domain.sale import State
from recarga_tui.services.counter import Product
from recarga_tui.wiring import build


@pytest.fixture(scope="module")
def taecel_sim() -> Iterator[LiveSim]:
    with LiveSim(face="taecel") as sim:
        yield sim


def ledger(sim: LiveSim) -> list[dict]:
    return json.loads(urllib.request.urlopen(f"{sim.url}/sim/ledger", timeout=5).read())


@pytest.fixture
def services(taecel_sim, tmp_path, monkeypatch):
    monkeypatch.setenv(NIP_ENV, "1234")
    settings = replace(Settings(), dealer=DealerSettings(
        kind="taecel", url=taecel_sim.url, send_timeout=10.0, read_timeout=10.0,
        sections=(TaecelSettings(key="demo"),)))
    settings = replace(settings, app=replace(settings.app, journal_dir=str(tmp_path)))
    services = build(settings, clock=taecel_sim.world.clock)
    yield services
    services.close_journal()


async def sell(services, number: str, sku: str = "TEL050", centavos: int = 5000):
    sale = services.counter.start(number, Product(sku, "1", centavos))
    sale = services.counter.pay(services.counter.accept(sale), centavos)
    return await services.counter.send(sale)


async def test_r14_the_app_logs_in_shows_the_pools_and_sells_over_http(services, taecel_sim):
    assert isinstance(services.dealer, TaecelDealer) and services.capabilities.name == "Taecel"
    await services.access.login("cajera", "")  # the key and the nip of the config
    await services.health.refresh()
    assert [p.name for p in services.health.balance.pools] == ["Tiempo Aire",
                                                               "Pago de Servicios"]
    assert services.health.catalog.product("TEL050").amount == 5000
    before = len(ledger(taecel_sim))
    after = await sell(services, "2721234567")
    assert after.state is State.CONFIRMED and after.dealer_id
    entries = ledger(taecel_sim)[before:]
    assert [(e["client_ref"], e["msisdn"], e["sku"]) for e in entries] == [
        (after.dealer_id, "2721234567", "TEL050")]
    await services.aclose()


async def test_r19_an_answer_lost_after_the_charge_is_found_in_getsales(services, taecel_sim):
    await services.access.login("", "")
    before = len(ledger(taecel_sim))
    after = await sell(services, "5555550005")  # delivered, then the connection drops
    assert after.state is State.UNKNOWN and after.dealer_id is None
    services.checker.interval = 0.05
    done = await services.checker.resolve(after, poll=0.05)
    assert done.state is State.CONFIRMED
    step = done.last(State.CONFIRMED)
    assert step.data["found_in"] == "report" and step.data["matched"] == "number_amount_time"
    (entry,) = ledger(taecel_sim)[before:]
    assert entry["client_ref"] == step.data["topup_id"] and entry["msisdn"] == "5555550005"
    await services.aclose()
