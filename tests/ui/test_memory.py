"""What a sale leaves in memory once it ends: nothing of its screens. The shop PC sells all
day, and whatever stays of each sale makes every full garbage collection of Python longer (a
pause the cashier feels as a key not taken; docs/performance.md)."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from textual._context import visible_screen_stack
from textual._styles_cache import StylesCache
from textual.pilot import Pilot
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


@pytest.fixture
def pilot_holds_no_screen(monkeypatch):
    """The test's own hand off what it measures. Pilot paints the screen from the test's task
    (``pause`` ends in the screen's update), which leaves Textual's ``visible_screen_stack``
    naming the screens of that moment in the test's context; the next key's wait then
    schedules its 30 s timeout with a copy of that context. Cancelled when the wait ends, the
    timeout stays in asyncio's queue until it is due, holding those screens: an artefact of
    the test, not of the app (whose own timers and workers stay measured). Each wait of the
    Pilot starts from an empty stack."""
    wait = Pilot._wait_for_screen

    async def waiting_with_no_screen(self, timeout: float = 30.0) -> bool:
        visible_screen_stack.set([])
        return await wait(self, timeout)

    monkeypatch.setattr(Pilot, "_wait_for_screen", waiting_with_no_screen)


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


async def test_a_sales_screens_widgets_and_drawn_lines_are_let_go_when_it_ends(
        shop, pilot_holds_no_screen):
    app = shop(send_timeout=30.0)  # as long as a dealer's: its timers outlast the sale
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        for n in range(3):
            await sell(pilot, f"555555{n:03d}0")  # the simulator's instant successes
        # Each sale's screens go once Textual has pruned them, in the next few turns of the
        # loop: their dealer calls' timeouts hold none of them (its worker's context), nor
        # the app's watchers (their status line and notices). Waited for as it happens; a
        # screen held by anything stays, and the wait ends in its bound (seconds, not the
        # 30 s of the dealer's timeout that once held them).
        await wait_for(pilot, lambda: alive(SALE_SCREENS) == [], timeout=5.0)
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
        self.first_frames = 0

    def first_frame(self) -> None:
        self.first_frames += 1

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
        assert counting.first_frames == 1  # the start's hold let go once, at the first frame


def test_the_start_collects_nothing_until_the_first_frame(monkeypatch, tmp_path):
    """From the command's start until the app's first frame Python collects nothing (all
    that is allocated lives on); it collects again once the app has ended, however it ended."""
    from recarga_tui import cli, wiring
    from recarga_tui.ui import collector

    seen: list[bool] = []

    def run(settings: Any, **_: Any) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(wiring, "run", run)
    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert gc.isenabled()
    assert cli.main(["--journal", str(tmp_path / "journal")]) == 0
    assert seen == [False] and gc.isenabled()
    collector.hold()
    collector.Collector().first_frame()
    assert gc.isenabled()


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
        gc.collect()
        gc.freeze()  # what lives frozen again, as tests/conftest.py leaves the run


async def test_todays_count_is_read_at_the_login_before_the_http_client_loads(shop, monkeypatch):
    """The day's sales are read once, while the login screen waits for the cashier and before
    the dealer's first call: the memory the read lets go is what the HTTP client's start
    reuses (a day of 300 sales was 1.4 MiB more of peak memory read after it), and the home
    screen shows the count without reading the day again."""
    app = shop()
    notebook = app.services.notebook
    reads: list[tuple[str, bool]] = []
    read_day = notebook.sales_of_day
    refresh = app.refresh_dealer

    def sales_of_day(day):
        reads.append(("day", bool(calls)))
        return read_day(day)

    calls: list[int] = []

    def refresh_dealer(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return refresh(*args, **kwargs)

    monkeypatch.setattr(notebook, "sales_of_day", sales_of_day)
    monkeypatch.setattr(app, "refresh_dealer", refresh_dealer)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(calls))
        assert reads == [("day", False)]  # before the dealer's first call
        await login(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Hoy: 0 ventas" in str(app.screen.query_one("#today-line").render())
        assert reads == [("day", False)]  # the home screen read nothing again
