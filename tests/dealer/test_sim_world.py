"""The simulator itself: clock, scenarios, peak window, reproducibility, test controls."""

from __future__ import annotations

import argparse
import random
from datetime import datetime

import httpx
import pytest

from recarga_tui.config import DealerSettings
from recarga_tui.dealer import DealerClient, Unknown
from recarga_tui.dealer.match import Sent
from recarga_tui.sim import SimClock, World, make_app, numbers
from recarga_tui.sim.clock import MEXICO
from recarga_tui.sim.server import build_server, main


def test_time_scale_divides_simulated_delays():
    clock = SimClock(scale=1000)
    assert clock.real_seconds(40) == pytest.approx(0.04)
    with pytest.raises(ValueError):
        SimClock(scale=0)


def test_clock_advances_only_forward():
    clock = SimClock(datetime(2025, 3, 14, 10, tzinfo=MEXICO), monotonic=lambda: 5.0)
    clock.advance(600)
    assert clock.now() == datetime(2025, 3, 14, 10, 10, tzinfo=MEXICO)
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_test_numbers_pick_their_row_by_the_last_digit():
    assert numbers.row_of("5555550005") == 5
    assert numbers.row_of("5555559993") == 3
    assert numbers.row_of("2727215380") is None
    assert numbers.fixed_plan("5555550009") is None  # row 9 follows the scenario
    assert numbers.fixed_plan("5555550004").answer == numbers.HANG


def _trouble(scenario: str, peak: bool, n: int = 400) -> tuple[int, float]:
    rng = random.Random(5)
    plans = [numbers.scenario_plan(rng, scenario, peak) for _ in range(n)]
    lost = sum(1 for p in plans if p.answer != numbers.ANSWER)
    mean_wait = sum(p.settle_after for p in plans) / n
    return lost, mean_wait


def test_r15_the_peak_window_raises_latency_and_lost_answers():
    quiet_lost, quiet_wait = _trouble("normal", peak=False)
    peak_lost, peak_wait = _trouble("normal", peak=True)
    assert quiet_lost == 0
    assert peak_lost > 40
    assert peak_wait > 3 * quiet_wait


def test_r15_the_peak_window_follows_the_sim_clock():
    world = World(clock=SimClock.frozen_at(19, 29))
    assert not world.is_peak()
    world.clock.advance(120)
    assert world.is_peak() and world.notices()["system_status"]["level"] == "slow"
    world.clock.advance(2 * 3600)
    assert not world.is_peak()
    assert World(scenario="peak", clock=SimClock.at(10)).is_peak()


def test_chaos_is_reproducible_with_the_seed():
    def outcomes(seed: int) -> list[tuple[str, str | None, str]]:
        world = World(seed=seed, scenario="chaos", clock=SimClock.at(10))
        sent = [world.submit("DEMO-01", f"C-{i}", "TEL-100", "2721234567", 10_000)[0]
                for i in range(60)]
        return [(t.plan.final, t.plan.error, t.plan.answer) for t in sent]

    first = outcomes(42)
    assert first == outcomes(42)
    assert first != outcomes(43)
    kinds = {(final, answer) for final, _, answer in first}
    assert {("success", numbers.DROP), ("success", numbers.HANG),
            ("failed", numbers.ANSWER)} <= kinds


async def test_the_hanging_row_in_process_is_cut_by_the_clients_own_timeout():
    app = make_app(seed=1, clock=SimClock.at(10, scale=1000))
    settings = DealerSettings(connect_timeout=0.1, send_timeout=0.2)
    async with DealerClient.in_process(app, settings) as dealer:
        await dealer.login("demo", "demo")
        outcome = await dealer.send_topup(Sent("HANG-1", "5555550004", "TEL-020", 2000))
    assert isinstance(outcome, Unknown) and outcome.reason == "timeout"
    app.state.world.tick()
    assert [e["client_ref"] for e in app.state.world.ledger] == ["HANG-1"]


async def test_sim_controls_refuse_nonsense_with_a_protocol_error():
    app = make_app(clock=SimClock.at(10))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://dealer.sim") as http:
        bad = await http.post("/sim/scenario", json={"scenario": "apocalypse"})
        assert bad.status_code == 400 and bad.json()["error"]["class"] == "invalid"
        bad = await http.post("/sim/clock", json={"advance_seconds": -5})
        assert bad.status_code == 400
        missing = await http.get("/v1/nothing-here")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "NOT_FOUND"
        clock = (await http.get("/sim/clock")).json()
        assert clock["scenario"] == "normal" and clock["time_scale"] == 1.0
        served = await http.get("/v1/openapi.json")
        assert served.json()["info"]["title"].startswith("Dealer protocol v1")


def test_the_sim_command_builds_a_server_and_refuses_a_bad_scale(capsys):
    server = build_server(port=0, scenario="chaos", seed=3, time_scale=60)
    assert server.config.app.state.world.scenario == "chaos"
    assert server.config.app.state.world.clock.scale == 60
    args = argparse.Namespace(host="127.0.0.1", port=0, seed=0, scenario="normal",
                              time_scale=0.0)
    assert main(args) == 2


def test_r01_the_sim_command_without_its_server_says_how_to_install_it(capsys, monkeypatch):
    """uvicorn is the ``sim`` extra: where it is missing (a shop PC), the command says which
    extra to install and that the demo needs none, and serves nothing."""
    import importlib.util

    from recarga_tui.sim import server

    real = importlib.util.find_spec
    monkeypatch.setattr(server.importlib.util, "find_spec",
                        lambda name, *a: None if name == "uvicorn" else real(name, *a))
    monkeypatch.setattr(server, "build_server", lambda *a, **k: pytest.fail("served"))
    args = argparse.Namespace(host="127.0.0.1", port=0, seed=0, scenario="normal",
                              time_scale=1.0, dealer="v1")
    assert main(args) == 2
    said = capsys.readouterr().err
    assert "pip install 'recarga-tui[sim]'" in said and "--demo" in said


def test_r19_every_top_up_shows_within_the_ten_minutes_of_its_request():
    # A sale that showed after the app's window would be given back although delivered.
    from recarga_tui.sim import SimClock
    from recarga_tui.sim.world import World

    for scenario in ("normal", "peak", "chaos"):
        world = World(seed=3, scenario=scenario, clock=SimClock.at(20, scale=1.0))
        for n in range(300):
            topup = world._create("DEMO-01", f"ref-{n}", {"sku": "TEL-050", "amount": 5000,
                                                         "carrier_id": "telcel"},
                                  f"22{n:08d}")
            late = (topup.visible_at - topup.created_at).total_seconds()
            assert topup.settle_at <= topup.reflected_at and late < 600, (scenario, late)
