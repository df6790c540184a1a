"""The app pointed at a server that speaks Reloadly's published shapes (``[dealer] kind =
"reloadly"`` and its ``url``): the simulator's Reloadly face served over real HTTP on
localhost, as ``recarga-tui sim --dealer reloadly`` serves it. The token service and the
airtime API at that one address, a sale confirmed, a sale whose answer was lost found by its
reference in the transactions report (R19), one delivery each in the ledger."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import replace

import pytest
from live_sim import LiveSim

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.domain.sale import State
from recarga_tui.services.counter import Product
from recarga_tui.sim.reloadly import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from recarga_tui.wiring import build

MOVISTAR_50 = Product("RLD-9103-5000", "movistar-mexico", 5000)


@pytest.fixture(scope="module")
def reloadly_sim() -> Iterator[LiveSim]:
    with LiveSim(face="reloadly") as sim:
        yield sim


@pytest.fixture
def services(reloadly_sim, tmp_path):
    settings = replace(Settings(), dealer=DealerSettings(
        kind="reloadly", url=reloadly_sim.url, send_timeout=10.0, read_timeout=10.0))
    settings = replace(settings, app=replace(settings.app, journal_dir=str(tmp_path)))
    services = build(settings, clock=reloadly_sim.world.clock)
    yield services
    services.close_journal()


def ledger(sim: LiveSim) -> list[dict]:
    return json.loads(urllib.request.urlopen(f"{sim.url}/sim/ledger", timeout=5).read())


async def sell(services, number: str):
    sale = services.counter.start(number, MOVISTAR_50)
    sale = services.counter.pay(services.counter.accept(sale), 5000)
    return await services.counter.send(sale)


async def test_r19_over_http_a_sale_and_a_lost_answer_found_by_its_reference(services,
                                                                            reloadly_sim):
    await services.access.login(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    catalog = await services.dealer.catalog()
    assert "Movistar Mexico" in {c.name for c in catalog.carriers}
    done = await sell(services, "5555550000")
    assert done.state is State.CONFIRMED
    lost = await sell(services, "5555550005")  # delivered, the connection cut
    assert lost.state is State.UNKNOWN
    found = await services.checker.resolve(lost, poll=0.02)
    assert found.state is State.CONFIRMED
    delivered = [entry["client_ref"] for entry in ledger(reloadly_sim)]
    assert delivered.count(done.ref) == 1 and delivered.count(lost.ref) == 1
    await services.aclose()
