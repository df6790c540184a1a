"""Corner messages never hide what a screen says, and leave once they are no longer true
(ui/corner.py): they stand only over a body's blank rows, none over a full screen (they
wait for one with room), none over the lock; one about a sale leaves when the sale moves on,
and is not shown while the sale's own screen is on top."""

from __future__ import annotations

from counter_more_helpers import frozen, sku
from ui_helpers import fast, login, lost_request, screen_text, wait_for, world
from whole import covered

from recarga_tui.domain.sale import State
from recarga_tui.services.counter import Product
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.password import LockScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen

SIZE = (80, 24)
NEWS = "La recarga de $20.00 al 272 721 5381 ya llegó (folio 4820017731)."


def on_screen(app) -> list[str]:
    """The corner messages the cashier can see now."""
    from textual.widgets._toast import Toast

    screen = app.screen
    return [str(toast.render()) for toast in screen.query(Toast)
            if screen.find_widget(toast).visible_region.area]


async def test_r01_a_corner_message_stands_only_over_blank_rows_and_waits_for_room(shop):
    app = shop()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        frozen(app)
        await login(pilot)
        counter = app.services.counter
        for n in range(6):                         # a close long enough to fill the screen
            sale = counter.start(f"272721538{n}", Product(sku(app, 2000), "telcel", 2000))
            counter.defer(counter.pay(counter.accept(sale), 5000))
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen)
                       and app.screen.used is not None)
        app.notify(NEWS, timeout=60)
        await pilot.pause()
        await pilot.pause()
        assert on_screen(app) == []                # the close's words fill every row
        assert covered(app.screen) == []
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: on_screen(app) == [NEWS])   # home has the room
        assert covered(app.screen) == []
        footer = app.screen.query_one("KeyBar").region
        message = app.screen.query_one("#message").region
        (toast,) = [t for t in app.screen.query("Toast")]
        assert toast.region.bottom <= min(footer.y, message.y)


async def test_r12_no_corner_message_over_the_lock(shop):
    app = shop()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await login(pilot)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, LockScreen))
        app.notify(NEWS, timeout=60)
        await pilot.pause()
        await pilot.pause()
        assert on_screen(app) == []                # nothing to read while locked
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: on_screen(app) == [NEWS])


async def test_r19_what_was_told_of_a_sale_leaves_once_the_sale_moves_on(shop):
    """"Never arrived: send it again" is not shown on the sale's own check screen (which
    says it), and leaves once the sale was sent again and arrived: never over its receipt."""
    app = fast(shop(send_timeout=0.2))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await login(pilot)
        await lost_request(pilot, "2727215381")
        app.services.clock.advance(10 * 60)
        await wait_for(pilot, lambda: "nunca la recibió" in screen_text(app))
        told = [m for m in app.told if "nunca llegó" in m]
        assert told and on_screen(app) == []       # its own screen says it: not told twice
        await pilot.press("enter")                 # home: now it is news there
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        await pilot.press("f3", "1")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen))
        assert on_screen(app) == []
        await pilot.press("e")                     # sent again, and it arrives
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        assert not [m for m in on_screen(app) if "nunca llegó" in m]
        (sale,) = [s for s in app.services.notebook.sales_of_day(
            app.services.clock.now().date())]
        assert sale.state is State.CONFIRMED
        assert [e["client_ref"] for e in world(app).ledger] == [sale.ref]


async def test_a_message_leaves_with_its_sales_next_step_not_another_sales(shop):
    app = shop()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await login(pilot)
        counter = app.services.counter
        product = Product(sku(app, 2000), "telcel", 2000)
        one = counter.start("2727215381", product)
        other = counter.start("2727215382", product)
        app.notify(NEWS, timeout=60, about=one)
        await wait_for(pilot, lambda: on_screen(app) == [NEWS])
        counter.accept(other)                      # another sale moves on: still true
        await pilot.pause()
        await pilot.pause()
        assert on_screen(app) == [NEWS]
        counter.accept(one)                        # this one moves on: no longer news
        await wait_for(pilot, lambda: on_screen(app) == [])
        assert NEWS in app.told                    # kept in the record
