"""A dealer that lacks what the procedure asks of one, said on screen instead of failing:
Taecel publishes no notices (the bar says so and shows the app's own measure, R10, R15), no
statement, deposits, clarifications or fault reports (each screen says where to ask, R09,
R11, R14); the account shows every pool."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ui_helpers import screen_text, wait_for

from conftest import TZ
from recarga_tui.config import Settings
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim import SimClock, faces
from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.wiring import build, demo_settings

SIZE = (100, 30)


def taecel_shop(tmp_path) -> RecargaApp:
    settings = demo_settings(Settings(), tmp_path / "journal")
    settings = replace(settings, dealer=replace(settings.dealer, kind="taecel"))
    start = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
    sim = faces.make("taecel", seed=7, clock=SimClock(start, scale=100.0))
    folder = settings.journal_path()
    folder.mkdir(parents=True, exist_ok=True)
    services = build(settings, demo=True, clock=FakeClock(start), sim_app=sim,
                     journal=Journal.open(folder, tz=TZ))
    return RecargaApp(services)


async def test_r10_r14_taecel_says_what_it_lacks_and_where_to_ask(tmp_path):
    app = taecel_shop(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            text = screen_text(app)
            assert "Taecel no publica avisos" in text and "hora pico 19:30-21:30" in text
            assert "no se pudieron consultar" not in text
            await pilot.press(*"demo", "enter", *"1234", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                           and app.services.health.catalog is not None)
            await pilot.press("f6")
            await wait_for(pilot, lambda: "Tiempo Aire" in screen_text(app))
            text = screen_text(app)
            assert "Pago de Servicios" in text
            assert "Taecel no da el estado de cuenta" in text and "(272) 721 5380" in text
            await pilot.press("f2")
            await wait_for(pilot, lambda: "no recibe avisos de depósito" in screen_text(app))
            await pilot.press("escape")
            await pilot.press("f7")
            await wait_for(pilot, lambda: "no recibe aclaraciones" in screen_text(app))
            assert "no recibe reportes de falla" in screen_text(app)
            await pilot.press("f2")
            await pilot.pause()
            assert "no recibe reportes de falla" in screen_text(app)
            assert type(app.screen).__name__ == "SupportScreen"
    finally:
        app.services.close_journal()
