"""The main sale screens at 80x24 as other terminals show them: 16 colours (the Linux console,
xterm-16color), 256 colours, NO_COLOR (Textual's monochrome), TERM=linux (square borders, big
digits in the console font's lines), and a window below 80x24 (the message instead of the screen).

The default look (true colour, full glyphs) is in test_snapshots.py. Update these after a
deliberate change with ``pytest --snapshot-update``."""

from __future__ import annotations

import pytest
from terminal_filters import in_256_colours, in_sixteen_colours
from test_snapshots import at_home, at_login, at_payment, at_readback, at_receipt

SIZE = (80, 24)
SALE_SCREENS = {
    "home": at_home,
    "readback": at_readback,
    "payment": at_payment,
    "receipt": at_receipt,
}
# The receipt shows the dealer's time of the top-up: its clock moves only when told.
OPTIONS = {"receipt": {"frozen_dealer": True}}


@pytest.fixture
def plain_env(monkeypatch):
    for name in ("NO_COLOR", "RECARGA_TUI_GLYPHS", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


@pytest.mark.parametrize("name", list(SALE_SCREENS))
def test_r10_sale_screen_in_16_colours(name, shop, snap_compare, plain_env):
    app = in_sixteen_colours(shop(**OPTIONS.get(name, {})))
    assert snap_compare(app, terminal_size=SIZE, run_before=SALE_SCREENS[name])


@pytest.mark.parametrize("name", ["home", "readback"])
def test_r10_sale_screen_in_256_colours(name, shop, snap_compare, plain_env):
    app = in_256_colours(shop(**OPTIONS.get(name, {})))
    assert snap_compare(app, terminal_size=SIZE, run_before=SALE_SCREENS[name])


@pytest.mark.parametrize("name", list(SALE_SCREENS))
def test_r10_sale_screen_with_no_color(name, shop, snap_compare, plain_env):
    # The notices keep their labels where the blue and yellow boxes lose their colour (R10).
    plain_env.setenv("NO_COLOR", "1")
    assert snap_compare(shop(**OPTIONS.get(name, {})), terminal_size=SIZE,
                        run_before=SALE_SCREENS[name])


@pytest.mark.parametrize("name", ["readback", "payment", "receipt"])
def test_r04_sale_screen_on_the_linux_console(name, shop, snap_compare, plain_env):
    plain_env.setenv("TERM", "linux")
    app = in_sixteen_colours(shop(**OPTIONS.get(name, {})))
    assert snap_compare(app, terminal_size=SIZE, run_before=SALE_SCREENS[name])


def test_window_below_80x24_shows_the_message(shop, snap_compare, plain_env):
    assert snap_compare(shop(), terminal_size=(60, 18), run_before=at_login)
