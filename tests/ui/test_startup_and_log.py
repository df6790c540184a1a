"""Start-up notes and the log: a config file others can read is said before the UI and inside
it; the log tells the story of a sale by its reference and never holds a password or token."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from ui_helpers import capture, login, wait_for

from recarga_tui import logs
from recarga_tui.cli import startup_notes
from recarga_tui.config import load

SIZE = (80, 24)


def _config(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text('[dealer]\nterminal_id = "TIENDA-07"\n')
    path.chmod(mode)
    return path


def test_a_config_others_can_read_is_a_start_up_note(tmp_path):
    assert startup_notes(load(_config(tmp_path, 0o644))) != []
    assert startup_notes(load(_config(tmp_path, 0o600))) == []


async def test_start_up_notes_show_as_a_notification(shop):
    app = shop()
    app.services.notes.append("config.toml: otros usuarios pueden leerlo")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("otros usuarios" in message for message in app.told)


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "log")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            root.removeHandler(handler)
            handler.close()


def test_r12_redact_blanks_what_follows_a_secret_word():
    assert logs.redact("login password=hunter2 ok") == "login password=*** ok"
    assert logs.redact("Authorization: Bearer abc.def") == "Authorization: ***"
    assert "t0k3n" not in logs.redact('{"token": "t0k3n"}')


async def test_r12_the_log_tells_a_sale_by_reference_without_secrets(shop, log_file):
    from recarga_tui.ui.screens.receipt import ReceiptScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"wrong-pass-1", "enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+u", "up", "ctrl+u")
        await login(pilot)
        token = app.services.dealer._session.token
        await capture(pilot, "5555550000")
        await pilot.press("a", "f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        ref = app.services.notebook.sales_of_day(app.services.clock.now().date())[0].ref
    text = log_file.read_text()
    assert "BAD_CREDENTIALS" in text                       # the refused login
    assert "session opened" in text                        # the accepted one
    for state in ("captured", "accepted", "paid", "sending", "confirmed"):
        assert f"sale {ref}: {state}" in text
    assert "wrong-pass-1" not in text and token not in text
    assert "5555550000" not in text                        # the customer's number stays out


async def test_r03_what_recovery_did_at_start_is_told_on_screen(tmp_path):
    from recarga_tui.config import Settings
    from recarga_tui.domain.sale import Sale, State, new_ref
    from recarga_tui.journal.journal import Journal
    from recarga_tui.journal.layout import day_file
    from recarga_tui.services.clock import FakeClock
    from recarga_tui.sim.app import make_app
    from recarga_tui.ui.app import RecargaApp
    from recarga_tui.wiring import build, demo_settings

    TZ = timezone(timedelta(hours=-6))
    at = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
    settings = demo_settings(Settings(), tmp_path / "journal")
    folder = settings.journal_path()
    folder.mkdir(parents=True)
    with Journal.open(folder, tz=TZ) as journal:
        sale = Sale.capture(new_ref("DEMO-01", at), "2727215380", "telcel", "TEL20", 2000, at)
        journal.record(sale)
        journal.record(sale.advance(State.ACCEPTED, at))
    day_file(folder, at.date()).write_bytes(b"torn by a power cut")
    services = build(settings, demo=True, clock=FakeClock(at), sim_app=make_app(seed=7))
    try:
        async with RecargaApp(services).run_test(size=SIZE) as pilot:
            await pilot.pause()
            told = list(pilot.app.told)
            assert any("2026-11-25" in m and "dañado" in m for m in told), told
    finally:
        services.close_journal()


def test_a_journal_folder_that_cannot_be_made_stops_with_one_line(tmp_path, capsys):
    from recarga_tui.config import Settings
    from recarga_tui.wiring import demo_settings, run

    (tmp_path / "a-file").write_text("not a folder")
    settings = demo_settings(Settings(), tmp_path / "a-file" / "journal")
    assert run(settings, demo=True) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "journal_dir" in err and str(tmp_path) in err
