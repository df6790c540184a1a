"""The screens of lost answers at 80x24, as SVG snapshots (pytest-textual-snapshot): the check
in the sales report counting down and after the window, the pending list, and a sale paid and
not sent or deferred with its promise passed, opened from that list.

Update them after a deliberate change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import pytest
from ui_helpers import capture, give_up_soon, login, screen_text, wait_for

SIZE = (80, 24)


async def lost_sale(pilot, *, slow: bool = False) -> None:
    """A sale whose request never reaches the dealer: on the check screen, first look done."""
    from recarga_tui.ui.screens.check import CheckScreen

    app = pilot.app
    app.services.checker.interval = 0.05
    give_up_soon(app)
    await login(pilot)
    app.services.sim_app.state.world.lose_requests = 1
    await capture(pilot, "5555550000")
    await pilot.press("a", "f3", "enter")
    if slow:  # the slow-system screen comes first: send now
        await pilot.pause()
        await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen)
                   and "Revisado" in screen_text(app))


async def at_check_counting_down(pilot):
    await lost_sale(pilot)


async def at_check_not_found(pilot):
    await lost_sale(pilot)
    pilot.app.services.clock.advance(10 * 60)
    await wait_for(pilot, lambda: "nunca la recibió" in screen_text(pilot.app))


async def at_pending(pilot):
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.pending import PendingScreen

    await lost_sale(pilot, slow=True)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await capture(pilot, "2727215380")
    await pilot.press("a", "f3", "enter")
    await pilot.pause()
    await pilot.press("d")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PendingScreen)
                   and "Para después" in screen_text(pilot.app))


async def waiting_from_pending(pilot, *, defer: bool) -> None:
    """One sale paid and not sent (deferred: kept for later) opened from the pending list."""
    from counter_more_helpers import frozen, sku

    from recarga_tui.services.counter import Product
    from recarga_tui.ui.screens.waiting import WaitingScreen

    app = pilot.app
    frozen(app)  # at 20:00 the dealer stays slow: the deferred sale is held (R17)
    await login(pilot)
    counter = app.services.counter
    sale = counter.pay(counter.accept(counter.start(
        "2727215380", Product(sku(app, 5000), "telcel", 5000))), 10000)
    if defer:
        counter.defer(sale)
        app.services.clock.advance(65 * 60)  # the promised time has passed
    app.refresh_pending()
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("1")
    await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))


async def at_waiting_paid(pilot):
    await waiting_from_pending(pilot, defer=False)


async def at_waiting_overdue(pilot):
    await waiting_from_pending(pilot, defer=True)


CASES = {
    "check_counting_down": (at_check_counting_down, {"send_timeout": 0.2}),
    "check_not_found": (at_check_not_found, {"send_timeout": 0.2}),
    "pending": (at_pending, {"send_timeout": 0.2, "hour": 20}),
    "waiting_paid": (at_waiting_paid, {"hour": 20}),
    "waiting_overdue": (at_waiting_overdue, {"hour": 20}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_lost_answer_screen_at_80x24(name, shop, snap_compare):
    steps, options = CASES[name]
    assert snap_compare(shop(**options), terminal_size=SIZE, run_before=steps)
