"""The app against the in-process simulated dealer, with a clock and references that tests
control, driven by key presses as a cashier would."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer import registry
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim import faces
from recarga_tui.sim.app import make_app
from recarga_tui.sim.clock import SimClock
from recarga_tui.ui.app import RecargaApp
from recarga_tui.wiring import build, demo_settings

TZ = timezone(timedelta(hours=-6))
SCALE = 100.0  # the simulator's seconds per real second: its 8-hour session lasts 288 s of a test


def make_shop(tmp_path: Path, *, hour: int = 12, minute: int = 0, scenario: str = "normal",
              send_timeout: float = 2.0, frozen_dealer: bool = False,
              **procedure) -> RecargaApp:
    """The app against the simulator. ``frozen_dealer``: the simulator's clock moves only
    when the test advances it, so what the dealer does when (an answer, a line in the report)
    never depends on how fast the machine is."""
    settings = demo_settings(Settings(), tmp_path / "journal")
    settings = replace(
        settings,
        dealer=replace(settings.dealer, send_timeout=send_timeout),
        procedure=replace(settings.procedure, **procedure),
    )
    clock = FakeClock(datetime(2026, 11, 25, hour, minute, tzinfo=TZ))
    # The simulator starts on the shop clock's day, so the sales report of a journal day holds
    # that day's top-ups whatever the date the tests run on.
    sim_start = datetime(2026, 11, 25, hour, minute, tzinfo=TZ)
    sim_clock = SimClock(sim_start, scale=SCALE)
    if frozen_dealer:
        sim_clock = SimClock(sim_start, monotonic=lambda: 0.0)
    sim = make_app(seed=7, scenario=scenario, clock=sim_clock)
    folder = settings.journal_path()
    folder.mkdir(parents=True, exist_ok=True)
    counter = itertools.count(1)
    services = build(settings, demo=True, clock=clock, sim_app=sim,
                     journal=Journal.open(folder, tz=TZ),
                     ref_token=lambda: f"{next(counter):08x}")
    return RecargaApp(services)


@pytest.fixture
def shop(tmp_path):
    apps: list[RecargaApp] = []

    def factory(**kwargs) -> RecargaApp:
        app = make_shop(tmp_path, **kwargs)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.services.close_journal()


@pytest.fixture
def dealer_shop(tmp_path, monkeypatch):
    for kind in registry.every():  # no secret of this machine's environment wins
        for secret in kind.secrets:
            monkeypatch.delenv(secret.env, raising=False)
    apps: list[RecargaApp] = []

    def factory(kind: str, section: object | None = None) -> RecargaApp:
        """The app against ``kind``'s simulator face, its demo settings (with ``section`` as
        the kind's own settings, when given)."""
        settings = demo_settings(Settings(dealer=DealerSettings(kind=kind)),
                                 tmp_path / kind / "journal")
        if section is not None:
            settings = replace(settings,
                               dealer=registry.with_section(settings.dealer, section))
        start = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
        sim = faces.make(kind, seed=7, clock=SimClock(start, scale=SCALE))
        folder = settings.journal_path()
        folder.mkdir(parents=True, exist_ok=True)
        services = build(settings, demo=True, clock=FakeClock(start), sim_app=sim,
                         journal=Journal.open(folder, tz=TZ))
        app = RecargaApp(services)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.services.close_journal()
