"""Key-press helpers for the screen tests."""

from __future__ import annotations


async def wait_for(pilot, predicate, timeout: float = 10.0) -> None:
    """Let the app run until ``predicate()`` holds (the dealer answers in a worker)."""
    steps = int(timeout / 0.05)
    for _ in range(steps):
        if predicate():
            await pilot.pause()  # let the new screen compose before it is read
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


async def login(pilot) -> None:
    from recarga_tui.ui.screens.home import HomeScreen

    await pilot.press(*"demo", "enter", *"demo", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.services.health.catalog is not None)


async def capture(pilot, number: str, *, carrier: str = "1", product: str = "4",
                  second: str | None = None) -> None:
    """From home: F2, the company, the number twice, the amount."""
    await pilot.press("f2", carrier, *number, "enter", *(second or number), "enter")
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
