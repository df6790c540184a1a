"""The sale as one flow under one router (ui/router.py): its steps replace each other over the
home screen, so going home takes one screen off and uncovers none on the way; a sale opened
from the pending list goes back to it; a screen opened over another closes back to it."""

from __future__ import annotations

from ui_helpers import capture, login, wait_for

from recarga_tui.ui.screens.account import AccountScreen
from recarga_tui.ui.screens.deposit import DepositScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.waiting import WaitingScreen

SIZE = (80, 24)
INSTANT = "5555550000"  # the simulator's instant success


def above_home(app) -> list[type]:
    stack = list(app.screen_stack)
    home = next(i for i, s in enumerate(stack) if isinstance(s, HomeScreen))
    return [type(s) for s in stack[home + 1:]]


async def test_r04_r05_a_sales_steps_replace_each_other_and_home_uncovers_none(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        seen: list[list[type]] = []
        await capture(pilot, INSTANT)
        seen.append(above_home(app))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        seen.append(above_home(app))
        await pilot.press("f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        seen.append(above_home(app))
        # One screen over home at every step: home takes it off, uncovering no other.
        assert seen == [[ReadbackScreen], [PaymentScreen], [ReceiptScreen]]
        home = app.screen_stack[-2]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.screen is home and above_home(app) == []


async def test_r04_correcting_from_the_payment_goes_back_to_the_capture_in_its_place(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "CaptureScreen")
        assert len(above_home(app)) == 1
        assert app.screen.query_one("#first").value == INSTANT  # every entry kept


async def test_r17_a_sale_opened_from_the_pending_list_goes_back_to_it(shop):
    from ui_helpers import defer_at_peak

    app = shop(hour=20, minute=15, frozen_dealer=True)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await defer_at_peak(pilot, INSTANT)
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and app.screen.sales)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))
        assert above_home(app) == [WaitingScreen]          # in place of the list
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen))
        assert above_home(app) == [PendingScreen]
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_r14_a_screen_opened_over_another_closes_back_to_it(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen))
        account = app.screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, DepositScreen))
        assert above_home(app) == [AccountScreen, DepositScreen]
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.screen is account)  # the same, as it was left
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_r03_keys_typed_while_a_move_is_made_go_where_it_leads_in_order(shop):
    """F2 and the category in one burst: the category is typed on home, before the router has
    put the capture there. It waits, and the capture takes it (a key typed on the screen being
    left would be lost, or act on it a second time)."""
    from textual import events

    from recarga_tui.services.flow import Stage
    from recarga_tui.ui.screens.capture import CaptureScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        home = app.screen
        for name in ("f2", "1"):                               # no pause between them
            app.post_message(events.Key(name, name if len(name) == 1 else None))
        await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen)
                       and app.screen.flow.stage is not Stage.CATEGORY)
        assert app.screen.flow.category is not None
        assert home._kept_keys == [] and not home._moving   # nothing left behind


async def test_r04_a_screen_moves_by_a_message_the_router_makes(shop):
    """A screen asks; the router moves: the move arrives at the App as a Message, and the
    screen that asked is told once it is made."""
    from recarga_tui.ui.moves import ReadBack

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        taken: list[object] = []
        real = app.router.take
        app.router.take = lambda step: (taken.append(step), real(step))[1]
        await capture(pilot, INSTANT)
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        assert [type(step) for step in taken][-1] is ReadBack
        assert app.screen.flow is taken[-1].flow             # the capture's own flow
