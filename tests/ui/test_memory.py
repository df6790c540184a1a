"""What a sale leaves in memory once it ends: nothing of its screens. The shop PC sells all
day, and whatever stays of each sale makes every full garbage collection of Python longer (a
pause the cashier feels as a key not taken; docs/performance.md)."""

from __future__ import annotations

import gc
from typing import Any

from textual._styles_cache import StylesCache
from textual.widget import Widget
from ui_helpers import capture, login, wait_for

from recarga_tui.domain.sale import State
from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.send import SendScreen
from recarga_tui.ui.widgets.notices import NoticesBar
from recarga_tui.ui.widgets.status import StatusLine

SIZE = (80, 24)
SALE_SCREENS = (CaptureScreen, ReadbackScreen, PaymentScreen, SendScreen, ReceiptScreen)


def alive(kind: type | tuple[type, ...]) -> list[Any]:
    gc.collect()
    return [obj for obj in gc.get_objects() if isinstance(obj, kind)]


async def sell(pilot, number: str) -> None:
    """A whole top-up from home, and back home."""
    app = pilot.app
    await capture(pilot, number)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
    await pilot.press("f4", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_a_sales_screens_widgets_and_drawn_lines_are_let_go_when_it_ends(shop):
    app = shop(send_timeout=30.0)  # as long as a dealer's: its timers outlast the sale
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        for n in range(3):
            await sell(pilot, f"555555{n:03d}0")  # the simulator's instant successes
        for _ in range(5):  # the screens popped are pruned (not a timeout: seconds)
            await pilot.pause()
        # Each sale's screens went: their dealer calls' timeouts held none of them (its
        # worker's context), nor the app's watchers (their status line and notices).
        assert alive(SALE_SCREENS) == []
        on_screen = [widget for screen in app.screen_stack
                     for widget in screen.query("StatusLine, NoticesBar")]
        assert sorted(map(id, alive((StatusLine, NoticesBar)))) == sorted(map(id, on_screen))
        # No widget's drawn lines outlive it (Textual's cache of background styles).
        assert len(alive(StylesCache)) <= len(alive(Widget))


class Counting:
    """The app's collector, counted instead of run (a full collection in the test runner
    would freeze its objects)."""

    def __init__(self) -> None:
        self.when: list[bool] = []

    def between_sales(self) -> None:
        services = self.app.services  # type: ignore[attr-defined]
        sales = services.notebook.sales_of_day(services.clock.now().date())
        self.when.append(len(sales) == len(self.when) + 1
                         and sales[-1].first(State.SENDING) is not None)


async def test_the_garbage_is_collected_while_the_dealer_answers_once_per_sale(shop):
    app = shop()
    counting = Counting()
    counting.app = app  # type: ignore[attr-defined]
    app.collector = counting  # type: ignore[assignment]
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        for n in range(2):
            await sell(pilot, f"555555{n:03d}0")
        # Once a sale, after it went to the dealer: never at a key of capture or payment.
        assert counting.when == [True, True]


def test_the_collector_frees_cycles_and_freezes_what_survives_its_first_collection():
    import weakref

    from recarga_tui.ui.collector import Collector

    class Node:
        pass

    first, second = Node(), Node()
    first.other, second.other = second, first  # type: ignore[attr-defined]
    gone = weakref.ref(first)
    del first, second
    collector = Collector()
    frozen = gc.get_freeze_count()
    try:
        collector.between_sales()
        assert gone() is None and collector.frozen and gc.get_freeze_count() > frozen
        count = gc.get_freeze_count()
        collector.between_sales()
        assert gc.get_freeze_count() == count  # frozen once only
    finally:
        gc.unfreeze()
