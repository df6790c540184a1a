"""A balance is shown in the currency the dealer keeps it in: an account in dollars never
reads as pesos, on the status line, at home, on the account screen, nor after a sale reports
the balance left (R14, R18). The counter sells in pesos whatever the account's currency."""

from __future__ import annotations

from msgspec.structs import replace
from ui_helpers import capture, login, screen_text, wait_for, world

from recarga_tui.ui.screens.account import AccountScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen

SIZE = (80, 24)
INSTANT = "5555550000"


def in_dollars(app, *, single: bool = False) -> None:
    """The dealer keeps the shop's account in dollars (the figures and the two pools, airtime
    and bill payments, are the simulator's); ``single``: in one balance."""
    dealer = app.services.dealer
    read = dealer.balances

    async def balances():
        found = await read()
        if single:
            found = replace(found, pools=found.pools[:1])
        return replace(found, currency="USD")

    dealer.balances = balances


def status(app) -> str:
    return str(app.screen.query_one("#status-line").render())


async def test_r18_the_status_line_names_a_balance_in_dollars_and_keeps_it_after_a_sale(shop):
    app = shop()
    in_dollars(app)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await wait_for(pilot, lambda: "Saldo 100,000.00 USD" in status(app))
        assert "$100,000.00" not in status(app)
        # A sale reports the balance left: in the account's currency too.
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        left = world(app).balance
        await wait_for(pilot, lambda: app.balance == left)
        assert f"Saldo {left // 100:,}.{left % 100:02d} USD" in status(app)


async def test_r18_the_status_line_shows_pesos_with_their_sign(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await wait_for(pilot, lambda: "Saldo $100,000.00" in status(app))
        assert "MXN" not in status(app)


async def test_r14_r18_home_names_the_currency_of_every_pool(shop):
    app = shop()
    in_dollars(app)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await wait_for(pilot, lambda: "Saldos:" in screen_text(app))
        line = str(app.screen.query_one("#pools-line").render())
        assert line == "Saldos: Tiempo Aire 100,000.00 USD · Pago de Servicios 50,000.00 USD"


async def test_r14_r18_the_account_screen_names_the_currency_of_the_balance(shop):
    app = shop()
    in_dollars(app, single=True)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f6")
        assert isinstance(app.screen, AccountScreen)
        await wait_for(pilot, lambda: "Saldo disponible" in screen_text(app))
        line = str(app.screen.query_one("#account-balance").render())
        assert line.startswith("Saldo disponible: 100,000.00 USD (a las")
        assert app.pools.currency == "USD"  # the figures read here, told to the status line
