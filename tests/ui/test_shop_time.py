"""The shop's clock (R03, R19): on a PC whose clock is set to UTC, every time the cashier reads,
the notebook keeps and the app compares is Mexico's (``[app] timezone``)."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from ui_helpers import screen_text

from recarga_tui.config import Settings
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import SystemClock
from recarga_tui.services.counter import Product
from recarga_tui.sim.app import make_app
from recarga_tui.ui.app import RecargaApp
from recarga_tui.wiring import build, demo_settings

MEXICO = ZoneInfo("America/Mexico_City")


@pytest.fixture
def pc_on_utc():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_r03_the_clock_reads_the_shops_zone_on_a_pc_set_to_utc(pc_on_utc):
    assert datetime.now().astimezone().utcoffset() == timedelta(0)   # the PC says UTC
    now = SystemClock(Settings().app.zone()).now()
    assert now.utcoffset() == datetime.now(MEXICO).utcoffset()
    assert abs((now - datetime.now(MEXICO)).total_seconds()) < 5


async def test_r03_the_screen_and_the_notebook_show_mexico_time_on_a_utc_pc(pc_on_utc, tmp_path):
    settings = demo_settings(Settings(), tmp_path / "journal")
    folder = settings.journal_path()
    folder.mkdir(parents=True)
    journal = Journal.open(folder, tz=settings.app.zone())
    services = build(settings, demo=True, sim_app=make_app(seed=7), journal=journal)
    app = RecargaApp(services)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = [(datetime.now(MEXICO) + timedelta(minutes=m)).strftime("%H:%M")
                     for m in (-1, 0, 1)]
            utc = datetime.now(ZoneInfo("UTC")).strftime("%H:%M")
            text = screen_text(app)
            status = text.splitlines()[0]
            assert any(status.startswith(hhmm) for hhmm in shown), status
            assert not status.startswith(utc)
            sale = services.counter.start("2727215380", Product("TEL-050", "telcel", 5000))
            assert sale.created_at.utcoffset() == datetime.now(MEXICO).utcoffset()
            assert journal.day_of(sale) == datetime.now(MEXICO).date()
            assert sale.ref.split("-")[2] == datetime.now(MEXICO).strftime("%y%m%d")
    finally:
        services.close_journal()


def test_r01_a_timezone_that_does_not_exist_is_one_clear_line(tmp_path):
    from recarga_tui.config import ConfigError, load

    bad = tmp_path / "config.toml"
    bad.write_text('[app]\ntimezone = "America/Ciudad_Gotica"\n')
    with pytest.raises(ConfigError) as caught:
        load(bad, required=True)
    assert "app.timezone" in str(caught.value) and "\n" not in str(caught.value)
