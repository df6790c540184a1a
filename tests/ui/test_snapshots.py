"""Every counter screen at 80x24, as SVG snapshots (pytest-textual-snapshot).

Update them after a deliberate change of a screen with ``pytest --snapshot-update``.
The clock, the simulator's seed and the sale references are fixed, so a snapshot changes only
when what the cashier sees changes.
"""

from __future__ import annotations

import pytest
from ui_helpers import capture, login, wait_for

SIZE = (80, 24)


def at_login(pilot):
    return pilot.pause()


async def at_home(pilot):
    await login(pilot)


async def at_capture_categories(pilot):
    await login(pilot)
    await pilot.press("f2")
    await pilot.pause()


async def at_capture_carriers(pilot):
    await login(pilot)
    await pilot.press("f2", "1")
    await pilot.pause()


async def at_capture_bundles(pilot):
    await login(pilot)
    await pilot.press("f2", "2", "1", *"2727215380", "enter", *"2727215380", "enter")


async def at_capture_bill_mismatch(pilot):
    await login(pilot)
    await pilot.press("f2", "3", "1", *"012345678901", "enter", *"012345678991", "enter")


async def at_readback_bill(pilot):
    await login(pilot)
    await pilot.press("f2", "3", "1", *"012345678901", "enter", *"012345678901", "enter",
                      *"450.50", "enter")


async def at_capture_mismatch(pilot):
    await login(pilot)
    await capture(pilot, "2727215380", second="2727215830")


async def at_capture_products(pilot):
    await login(pilot)
    await pilot.press("f2", "1", "1", *"2727215380", "enter", *"2727215380", "enter")


async def at_readback(pilot):
    await login(pilot)
    await capture(pilot, "2727215380")


async def at_payment(pilot):
    await at_readback(pilot)
    await pilot.press("a", "f6")


async def at_receipt(pilot):
    from recarga_tui.ui.screens.receipt import ReceiptScreen

    await login(pilot)
    await capture(pilot, "5555550000")
    await pilot.press("a", "f4", "enter")
    # The dealer's clock stands still until the request is in: the top-up's time on the
    # receipt is then always the same (``frozen_dealer``).
    world = pilot.app.services.sim_app.state.world
    await wait_for(pilot, lambda: world.topups)
    world.clock.advance(1)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReceiptScreen))


async def at_rejected(pilot):
    from recarga_tui.ui.screens.rejected import RejectedScreen

    await login(pilot)
    await capture(pilot, "5555550001")
    await pilot.press("a", "f3", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RejectedScreen))


async def at_sending(pilot):
    from recarga_tui.ui.screens.send import SendScreen

    await login(pilot)
    await capture(pilot, "5555550004")
    await pilot.press("a", "f3", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SendScreen))
    # The seconds count real time: stopped at its first second, the snapshot never depends
    # on how busy the machine is.
    screen = pilot.app.screen
    screen._timer.pause()
    screen.elapsed = 0
    screen._tick()


async def at_slow(pilot):
    await login(pilot)
    await capture(pilot, "2727215380")
    await pilot.press("a", "f3", "enter")
    await pilot.pause()


async def at_help(pilot):
    await at_readback(pilot)
    await pilot.press("f1")
    await pilot.pause()


CASES = {
    "login": (at_login, {}),
    "home": (at_home, {}),
    "capture_categories": (at_capture_categories, {}),
    "capture_carriers": (at_capture_carriers, {}),
    "capture_mismatch": (at_capture_mismatch, {}),
    "capture_products": (at_capture_products, {}),
    "capture_bundles": (at_capture_bundles, {}),
    "capture_bill_mismatch": (at_capture_bill_mismatch, {}),
    "readback": (at_readback, {}),
    "readback_bill": (at_readback_bill, {}),
    "payment": (at_payment, {}),
    "slow": (at_slow, {"hour": 20, "minute": 0}),
    "sending": (at_sending, {"send_timeout": 30.0}),
    "receipt": (at_receipt, {"frozen_dealer": True}),
    "rejected": (at_rejected, {}),
    "help": (at_help, {}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_screen_at_80x24(name, shop, snap_compare):
    steps, options = CASES[name]
    assert snap_compare(shop(**options), terminal_size=SIZE, run_before=steps)
