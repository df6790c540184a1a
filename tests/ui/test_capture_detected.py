"""The company of a number offered by a dealer that detects it (Reloadly), by keys as a
cashier would: the number first, typed twice (R03); then the companies, the one the dealer
detected first and marked so; the cashier picks it or any other, nothing waits for the
dealer's answer, and the read-back names the company chosen (R04)."""

from __future__ import annotations

import asyncio

from ui_helpers import screen_text, wait_for

from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.readback import ReadbackScreen

SIZE = (80, 24)
UNEFON = "5512340007"  # the simulator's Reloadly face places it with Unefon (seed 7)


async def number_typed(pilot, number: str) -> None:
    """Logged in (the demo's account is in the config: Enter), F2, airtime, the number twice."""
    app = pilot.app
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and app.services.health.catalog is not None)
    await pilot.press("f2", "1")
    await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen)
                   and app.screen.stage == "first")
    assert "Primero el número" in screen_text(app)
    await pilot.press(*number, "enter", *number, "enter")
    await wait_for(pilot, lambda: app.screen.stage == "carrier")


def choices(app) -> list[str]:
    return str(app.screen.query_one("#choices").render()).splitlines()


async def test_r04_the_detected_company_comes_first_and_the_read_back_names_it(dealer_shop):
    app = dealer_shop("reloadly")
    async with app.run_test(size=SIZE) as pilot:
        await number_typed(pilot, UNEFON)
        await wait_for(pilot, lambda: "detectada" in screen_text(app))
        listed = choices(app)
        assert listed[0] == "1  Unefon Mexico  (detectada)"
        assert sum("detectada" in line for line in listed) == 1
        assert any(line.endswith("Telcel Mexico") for line in listed[1:])
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen.stage == "product")  # the number is kept
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        shown = screen_text(app)
        assert "Unefon Mexico" in shown and "551 234 0007" in shown


async def test_r04_the_cashier_may_choose_another_company_than_the_detected_one(dealer_shop):
    app = dealer_shop("reloadly")
    async with app.run_test(size=SIZE) as pilot:
        await number_typed(pilot, UNEFON)
        await wait_for(pilot, lambda: "detectada" in screen_text(app))
        telcel = next(line for line in choices(app) if line.endswith("Telcel Mexico"))
        await pilot.press(telcel[0])                           # the customer says Telcel
        await wait_for(pilot, lambda: app.screen.stage == "product")
        assert "1 $10.00-$500.00" in choices(app)              # its limits, never "$0.00"
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen.stage == "amount")  # Telcel's open amount
        asked = "\n".join(choices(app))
        assert "el monto que pide el cliente" in asked and "recibo" not in asked  # no bill
        await pilot.press(*"50", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        shown = screen_text(app)
        assert "Telcel Mexico" in shown and "Unefon" not in shown


async def test_r04_a_detection_that_never_answers_holds_nothing_up(dealer_shop):
    app = dealer_shop("reloadly")
    asked: list[str] = []

    async def never(msisdn, timeout=5.0):
        asked.append(msisdn)
        await asyncio.Event().wait()

    app.services.counter.detect_carrier = never
    async with app.run_test(size=SIZE) as pilot:
        await number_typed(pilot, UNEFON)
        await wait_for(pilot, lambda: asked == [UNEFON])     # asked in a worker
        assert "detectada" not in screen_text(app)
        assert choices(app)[0].startswith("1  ")            # the list as it always is
        await pilot.press("1")
        await wait_for(pilot, lambda: app.screen.stage in ("product", "amount"))
