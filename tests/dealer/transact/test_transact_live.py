"""The transact adapter against the simulated transact.asmx over a real socket on localhost
(uvicorn in a thread): the same bytes a Pagaqui deployment would see, timeouts and all."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from datetime import UTC, datetime

import pytest
from live_sim import quiet_clock

from recarga_tui.config import DealerSettings
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.outcomes import BadCredentials, Confirmed, Found, NotVisible, Unknown
from recarga_tui.dealer.port import Lookup
from recarga_tui.dealer.transact.adapter import TransactDealer
from recarga_tui.dealer.transact.kind import TransactSettings
from recarga_tui.sim import faces
from recarga_tui.sim.server import QuietDrops


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served():
    import uvicorn

    app = faces.make("transact", seed=5, clock=quiet_clock())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(QuietDrops(app), host="127.0.0.1", port=port,
                                           log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}", app.state.world
    server.should_exit = True
    thread.join(timeout=10)


def dealer_at(url: str, **options) -> TransactDealer:
    # The configured address names only the host: /transact.asmx is added.
    return TransactDealer.from_settings(
        DealerSettings(url=url, send_timeout=1.0, read_timeout=2.0, connect_timeout=1.0,
                       sections=(TransactSettings(licence="DEMO"),)),
        poll_seconds=2.0, poll_every=0.05, **options)


async def test_a_sale_over_http_from_the_id_to_the_lookup(served):
    url, world = served
    dealer = dealer_at(url)
    with pytest.raises(BadCredentials):
        await dealer.login("demo", "wrong")
    await dealer.login("demo", "demo")
    catalog = await dealer.catalog()
    assert "telcel" in {c.id for c in catalog.carriers}
    before = (await dealer.balances()).main.available
    sent = Sent("DEMO-01-LIVE-1", "5555550000", "TEL-050", 5000)
    request_id = await dealer.request_id(sent)
    outcome = await dealer.send_topup(sent, dealer_id=request_id)
    assert isinstance(outcome, Confirmed) and outcome.carrier_folio and outcome.ticket
    found = await dealer.lookup(Lookup(sent, request_id, datetime.now(UTC)))
    assert isinstance(found, Found) and found.record.status == "success"
    assert found.record.msisdn == sent.msisdn
    assert (await dealer.balances()).main.available == before - 5000
    assert [e["client_ref"] for e in world.ledger].count(request_id) == 1
    await dealer.aclose()


async def test_r16_an_answer_that_never_comes_is_unknown_then_found_under_its_id(served):
    url, world = served
    dealer = dealer_at(url)
    await dealer.login("demo", "demo")
    sent = Sent("DEMO-01-LIVE-2", "5555550004", "TEL-050", 5000)  # hangs, then succeeds
    request_id = await dealer.request_id(sent)
    outcome = await dealer.send_topup(sent, dealer_id=request_id)
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    key = Lookup(sent, request_id, datetime.now(UTC))
    for _ in range(200):  # the reflection delay passes at the simulator's fast clock
        found = await dealer.lookup(key)
        if isinstance(found, Found) and found.record.status == "success":
            break
        assert isinstance(found, (Found, NotVisible))
        await asyncio.sleep(0.02)
    assert isinstance(found, Found) and found.record.status == "success"
    assert [e["client_ref"] for e in world.ledger].count(request_id) == 1
    await dealer.aclose()
