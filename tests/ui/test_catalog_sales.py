"""Bundles and bill payments from the dealer's catalog, end to end by keys on each dealer's
simulator (protocol v1, Taecel, the transact family): the category, the company or service,
the product, the number or reference typed twice (R03), the read-back of what is bought
(R04), the money collected before sending (R05), the journal knowing the product."""

from __future__ import annotations

import pytest
from ui_helpers import screen_text, wait_for

from recarga_tui.domain.catalog import Category
from recarga_tui.domain.sale import State
from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen

SIZE = (80, 24)
INSTANT = "5555550000"  # the simulators' row 0: an instant success
# A test reference per dealer's first service (CFE): 12 digits where the catalog allows
# them, the 30 of the receipt's code where the transact family's pattern asks for 30.
REFERENCE = {"v1": "555555000000", "taecel": "555555000000", "transact": "555555" + "0" * 24}
PASSWORD = {"v1": "demo", "taecel": "1234", "transact": "demo"}
DEALERS = tuple(REFERENCE)


async def log_in(pilot, kind: str) -> None:
    await pilot.press(*"demo", "enter", *PASSWORD[kind], "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.services.health.catalog is not None
                   and pilot.app.services.health.balance is not None)


def sales(app):
    return app.services.notebook.sales_of_day(app.services.clock.now().date())


async def pay_and_send(pilot, bill_key: str) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PaymentScreen))
    await pilot.press(bill_key, "enter")
    try:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReceiptScreen), timeout=20)
    except AssertionError:
        raise AssertionError(screen_text(pilot.app) + "\n".join(pilot.app.told)) from None


@pytest.mark.parametrize("kind", DEALERS)
async def test_r03_r04_r05_a_bundle_is_sold_end_to_end(dealer_shop, kind):
    app = dealer_shop(kind)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, kind)
        await pilot.press("f2")
        await pilot.pause()
        assert "Paquetes" in screen_text(app) and "Pago de servicios" in screen_text(app)
        await pilot.press("2", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        assert app.screen.stage == "product"
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        (sale,) = sales(app)
        shown = screen_text(app)
        assert sale.sold.name in shown and "paquete" in shown  # the no-claims for a bundle
        if sale.sold.validity:
            assert sale.sold.validity in shown
        await pilot.press("a")
        await pay_and_send(pilot, "f4")                        # a $100 bill
        (sale,) = sales(app)
        assert (sale.state, sale.category, sale.msisdn) == (
            State.CONFIRMED, Category.BUNDLE, INSTANT)


@pytest.mark.parametrize("kind", DEALERS)
async def test_r03_r04_r05_a_bill_is_paid_end_to_end_with_its_typed_amount(dealer_shop, kind):
    app = dealer_shop(kind)
    reference = REFERENCE[kind]
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, kind)
        await pilot.press("f2", "3", "1", *reference, "enter", *reference, "enter")
        await pilot.pause()
        assert app.screen.stage == "amount"
        assert "importe del recibo" in screen_text(app)        # a bill's words, not airtime's
        await pilot.press(*"450.50", "enter")                 # the bill's amount, typed
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        shown = screen_text(app)
        assert "$450.50" in shown and "referencia" in shown
        assert "5555 5500 0000" in shown                       # grouped in fours, read aloud
        await pilot.press("a")
        await pay_and_send(pilot, "f6")                        # a $500 bill
        (sale,) = sales(app)
        assert (sale.state, sale.category, sale.msisdn, sale.amount) == (
            State.CONFIRMED, Category.BILL, reference, 45_050)
        assert list(sale.sold.fields.values()) == [reference]   # journaled at capture
        assert sale.change == 4_950


async def test_r03_a_reference_typed_differently_shows_the_positions_and_goes_no_further(
        dealer_shop):
    app = dealer_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "v1")
        await pilot.press("f2", "3", "1", *"555555000000", "enter", *"555555000900", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen) and app.screen.stage == "second"
        shown = screen_text(app)
        assert "5555 5500 0000\n5555 5500 0900\n           ^" in shown
        assert "1 posición(es) distinta(s)" in shown
        assert sales(app) == []                                # nothing captured


async def test_r04_an_amount_outside_the_catalogs_limits_is_refused_at_capture(dealer_shop):
    app = dealer_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "v1")
        await pilot.press("f2", "3", "1", *"555555000000", "enter", *"555555000000", "enter")
        await pilot.press(*"20000", "enter")                  # CFE takes up to $10,000.00
        await pilot.pause()
        assert app.screen.stage == "amount" and "de $1.00 a $10,000.00" in screen_text(app)
        assert sales(app) == []


async def test_r01_r14_a_bill_its_pool_cannot_cover_is_refused_before_any_money(dealer_shop):
    app = dealer_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        app.services.sim_app.state.world.pools["servicios"] = 10_000   # $100.00
        await log_in(pilot, "v1")
        assert [p.name for p in app.services.health.balance.pools] == [
            "Tiempo Aire", "Pago de Servicios"]
        await pilot.press("f2", "3", "1", *"555555000000", "enter", *"555555000000", "enter")
        await pilot.press(*"450", "enter")
        await pilot.pause()
        shown = screen_text(app)
        assert isinstance(app.screen, CaptureScreen)
        assert "Origen de la falla: esta tienda" in shown and "no alcanza" in shown
        assert "Pago de Servicios" in shown and "Deposite" in shown
        assert sales(app) == []                                # nothing captured, nothing owed
