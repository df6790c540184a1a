"""Simulated dealers for the dealer tests: in-process, and over a real socket."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from live_sim import LiveSim, quiet_clock

from recarga_tui.config import DealerSettings
from recarga_tui.dealer import DealerClient
from recarga_tui.sim import SimClock, make_app


@pytest.fixture
def sim_app():
    return make_app(seed=7, scenario="normal", clock=quiet_clock())


@pytest.fixture
def world(sim_app):
    return sim_app.state.world


@pytest.fixture
async def control(sim_app) -> httpx.AsyncClient:
    """A plain HTTP client on the same app, for the /sim/ test controls."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sim_app),
                                 base_url="http://dealer.sim") as http:
        yield http


@pytest.fixture
async def client(sim_app) -> DealerClient:
    dealer = DealerClient.in_process(sim_app, DealerSettings(send_timeout=5.0, read_timeout=5.0))
    await dealer.login("demo", "demo")
    yield dealer
    await dealer.aclose()


@pytest.fixture(scope="module")
def live_sim() -> Iterator[LiveSim]:
    with LiveSim() as sim:
        yield sim


@pytest.fixture(scope="module")
def frozen_sim() -> Iterator[LiveSim]:
    """A simulator whose clock moves only when a test advances it (``/sim/clock``): what the
    dealer does when never depends on how fast the machine is."""
    with LiveSim(clock=SimClock.frozen_at(10)) as sim:
        yield sim
