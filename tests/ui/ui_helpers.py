"""Key-press helpers for the screen tests, and what they read back: the journal, the simulated
dealer, the notifications."""

from __future__ import annotations

import time

# How often wait_for looks again: the predicate reads memory only, so looking often costs
# little and the test goes on as soon as the app gets there.
LOOK_EVERY = 0.005


async def wait_for(pilot, predicate, timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (the dealer answers in a worker). The
    timeout bounds a test that would hang; it is never what the test waits for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            await pilot.pause()  # let the new screen compose before it is read
            return
        await pilot.pause(LOOK_EVERY)
    raise AssertionError("the app did not get there in time")


async def frames(pilot, count: int) -> None:
    """Let the screen refresh ``count`` times: a layout Textual defers to the next frame (a
    size that changed) has happened by then, whatever the machine's speed."""
    await pilot.pause()
    for _ in range(count):
        await pilot.app.screen.wait_for_refresh()
    await pilot.pause()


def screen_busy(app) -> bool:
    """Whether a worker of the screen on top still runs (its dealer call, its journal read)."""
    return any(worker.node is app.screen and not worker.is_finished for worker in app.workers)


async def settled(pilot, timeout: float = 10.0) -> None:
    """Wait until the screen on top has done what it started: its workers finished and what
    they brought drawn."""
    await pilot.pause()
    await wait_for(pilot, lambda: not screen_busy(pilot.app), timeout)


def app_working(app, group: str) -> bool:
    """Whether the app's worker of ``group`` (``dealer-refresh``...) still runs."""
    return any(worker.group == group and not worker.is_finished for worker in app.workers)


async def refreshed(pilot) -> None:
    """Wait until the app's refresh from the dealer (notices, catalog, balance) has ended."""
    await pilot.pause()
    await wait_for(pilot, lambda: not app_working(pilot.app, "dealer-refresh"))


async def login(pilot) -> None:
    from recarga_tui.ui.screens.home import HomeScreen

    await pilot.press(*"demo", "enter", *"demo", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.services.health.catalog is not None)


async def capture(pilot, number: str, *, carrier: str = "1", product: str = "4",
                  second: str | None = None, category: str = "1") -> None:
    """From home: F2, the category (1 airtime), the company, the number twice, the amount."""
    await pilot.press("f2", category, carrier, *number, "enter", *(second or number), "enter")
    await pilot.pause()
    if second is None or second == number:
        await pilot.press(product)
        await pilot.pause()


def screen_text(app) -> str:
    """Everything the screen shows, as plain text."""
    from textual.widgets import Digits, Static

    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    for digits in app.screen.query(Digits):
        parts.append(digits.value)
    return "\n".join(parts)


def world(app):
    """The simulated dealer's state."""
    return app.services.sim_app.state.world


def ledger_refs(app) -> list[str]:
    """The references the dealer delivered, in order: one sale, one entry (never twice)."""
    return [entry["client_ref"] for entry in world(app).ledger]


def fast(app):
    """Background rounds every few real milliseconds; lost requests given up at once. Each
    loop counts its rounds (``rounds``), so a test can wait for some to pass."""
    for loop in (app.services.checker, app.services.deferred):
        loop.interval = 0.05
        counted(loop)
    give_up_soon(app)
    return app


def give_up_soon(app) -> None:
    """A request the dealer never answers is given up 50 ms after the send time: an exchange
    waits its connect time and its read time (``Http.exchange``), the connect time being the
    exchange's own (``dealer.http``), not the settings' 5 s."""
    app.services.dealer.http.connect_timeout = 0.05


def counted(loop) -> None:
    """Count the rounds of a background loop (the checker, the deferred queue): every round
    ends in the loop's sleep, given to it when it was made."""
    loop.rounds = 0
    sleep = loop._sleep

    async def sleep_counted(seconds: float) -> None:
        loop.rounds += 1
        await sleep(seconds)

    loop._sleep = sleep_counted


async def rounds_pass(pilot, count: int = 3) -> None:
    """Wait until the background loops of an app made ``fast`` have gone round ``count`` more
    times between them (a loop waiting on the password modal does not go round)."""
    services = pilot.app.services
    loops = (services.checker, services.deferred)
    target = sum(loop.rounds for loop in loops) + count
    await wait_for(pilot, lambda: sum(loop.rounds for loop in loops) >= target)


def only_sale(app):
    sales = app.services.notebook.sales_of_day(app.services.clock.now().date())
    assert len(sales) == 1, sales
    return sales[0]


def told(app) -> str:
    """Every corner message shown so far (also those that made way for newer ones)."""
    return "\n".join(app.told)


async def lost_request(pilot, number: str) -> None:
    """From home: a sale whose request the dealer never receives, up to its first check."""
    from recarga_tui.ui.screens.check import CheckScreen

    app = pilot.app
    world(app).lose_requests = 1                  # lost before the dealer records it
    await capture(pilot, number)
    await pilot.press("a", "f3", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen)
                   and "Revisado" in screen_text(app))


async def defer_at_peak(pilot, number: str) -> None:
    """From home, with the system slow: a sale paid and left to be sent later (R17)."""
    from recarga_tui.ui.screens.home import HomeScreen

    await capture(pilot, number)
    await pilot.press("a", "f3", "enter")
    await pilot.pause()
    await pilot.press("d")                          # slow: send it later
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


def system_normal_again(app) -> None:
    """The dealer's blue notice and the company say normal: deferred sales may go."""
    world(app).set_notice("system_status", "Sistema normal", level="normal")
    world(app).carrier_overrides["telcel"] = "up"


async def give_money_back(pilot) -> None:
    """R on a sale's screen, then yes, then "handed over": the way money goes back (R02)."""
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.money_back import ConfirmRefund, MoneyBackScreen

    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmRefund))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MoneyBackScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


def bar_keys(app) -> str:
    """The keys the screen's key bar shows, as the cashier reads them: "F2 Vender | ..."."""
    from recarga_tui.ui.widgets.keybar import KeyBar

    return " | ".join(f"{k.display} {k.words}" for k in app.screen.query_one(KeyBar).shown)
