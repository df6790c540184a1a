"""Snapshots at 80x24, and on the Linux console, of the screens that came with the notebook
without the dealer and the counter's questions: the offline home, the read-only copy's home,
leaving the app, and money back (update with ``pytest --snapshot-update``)."""

from __future__ import annotations

import pytest
from test_notebook_offline import notebook_with_sales, offline_app
from ui_helpers import capture, login, wait_for

SIZE = (80, 24)


async def at_offline_home(pilot):
    from recarga_tui.ui.screens.home import HomeScreen

    await pilot.pause()
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


async def at_read_only_home(pilot):
    from recarga_tui.ui.screens.home import HomeScreen

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


async def at_quit(pilot):
    from recarga_tui.ui.screens.quit import QuitModal

    await login(pilot)
    await pilot.press("f10")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, QuitModal))


async def at_money_back(pilot):
    from recarga_tui.ui.screens.money_back import MoneyBackScreen
    from recarga_tui.ui.screens.rejected import RejectedScreen

    await login(pilot)
    await capture(pilot, "5555550007")
    await pilot.press("a", "f4", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RejectedScreen))
    await pilot.press("r", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MoneyBackScreen))


@pytest.fixture(params=["xterm-256color", "linux"])
def term(request, monkeypatch):
    for name in ("NO_COLOR", "RECARGA_TUI_GLYPHS", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", request.param)
    return request.param


def test_offline_home(term, tmp_path, snap_compare):
    notebook_with_sales(tmp_path)
    app, _ = offline_app(tmp_path)
    try:
        assert snap_compare(app, terminal_size=SIZE, run_before=at_offline_home)
    finally:
        app.services.close_journal()


def test_read_only_home(term, tmp_path, snap_compare):
    notebook_with_sales(tmp_path)
    app, _ = offline_app(tmp_path, read_only=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=at_read_only_home)


@pytest.mark.parametrize("name", ["quit", "money_back"])
def test_counter_question(name, term, shop, snap_compare):
    steps = {"quit": at_quit, "money_back": at_money_back}[name]
    assert snap_compare(shop(), terminal_size=SIZE, run_before=steps)
