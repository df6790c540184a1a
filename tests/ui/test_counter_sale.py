"""Whole sales driven by keys, as a cashier would, against the in-process simulated dealer.
Each test asserts on what the screen shows and on what the journal holds."""

from __future__ import annotations

from datetime import datetime

from ui_helpers import capture, give_money_back, give_up_soon, login, screen_text, wait_for

from recarga_tui.domain.sale import State
from recarga_tui.ui.keys import label
from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.slow import SlowScreen

SIZE = (80, 24)
INSTANT = "5555550000"     # simulator row 0: instant success
REJECTED = "5555550007"    # row 7: carrier rejection (definite)
HANGS = "5555550004"       # row 4: the answer never comes while the client waits


def only_sale(app):
    sales = app.services.notebook.sales_of_day(app.services.clock.now().date())
    assert len(sales) == 1, sales
    return sales[0]


def ledger(app):
    return app.services.sim_app.state.world.ledger


async def test_r04_r05_a_whole_sale_ends_confirmed_with_its_folio(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        assert isinstance(app.screen, ReadbackScreen)
        text = screen_text(app)
        assert "555 555 0000" in text                         # big grouped digits (R04)
        assert "cinco cinco cinco, cinco cinco cinco, cero cero cero cero" in text
        assert "no se aceptan reclamaciones" in text
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PaymentScreen)
        await pilot.press("f4", "enter")                      # a $100 bill for $50
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sale = only_sale(app)
        assert sale.state is State.CONFIRMED
        folio = sale.last(State.CONFIRMED).data["carrier_folio"]
        assert folio and folio in screen_text(app)
        assert (sale.handed, sale.change) == (10_000, 5_000)
        assert sale.first(State.ACCEPTED).at < sale.first(State.PAID).at or \
            sale.first(State.ACCEPTED).at == sale.first(State.PAID).at
        assert [e["client_ref"] for e in ledger(app)] == [sale.ref]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "1 venta realizada" in screen_text(app)


async def test_r04_enter_held_down_cannot_accept_the_read_back(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press(*["enter"] * 8)
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        assert only_sale(app).state is State.CAPTURED
        assert ledger(app) == []


async def test_r04_correct_goes_back_with_the_entries_kept(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.query_one("#first").value == INSTANT
        assert app.screen.flow.product is not None
        await pilot.press("f4", *"5555550001", "enter", *"5555550001", "enter", "4")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)
        sale = only_sale(app)                                  # the same sale, corrected
        assert sale.msisdn == "5555550001" and sale.state is State.CAPTURED


async def test_r03_a_mismatch_on_the_second_entry_shows_the_digits_and_asks_again(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, "2727215380", second="2727215830")
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.stage == "second"
        text = screen_text(app)
        assert "272 721 5830" in text and "^^" in text
        assert "no coinciden en 2 dígitos" in text
        assert app.screen.query_one("#second").value == ""
        await pilot.press(*"2727215380", "enter")
        await pilot.pause()
        assert app.screen.stage == "product"


async def test_r05_nothing_is_sent_before_the_payment_is_recorded(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", "enter")                        # Enter with nothing handed
        await pilot.pause()
        assert isinstance(app.screen, PaymentScreen)
        assert only_sale(app).state is State.ACCEPTED
        assert ledger(app) == []
        await pilot.press("f9")                                # correct: nothing owed
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("f9")                                # leave: closed as abandoned
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert only_sale(app).state is State.ABANDONED


async def test_r06_a_large_bill_for_a_small_top_up_is_warned_and_the_change_shown(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)                          # product 4: $50
        await pilot.press("a", "f6")                           # a $500 bill
        await pilot.pause()
        assert app.screen.query_one("#change").value == "$450.00"
        text = screen_text(app)
        assert "Billete de $500.00 para una recarga de $50.00" in text
        assert "revise que el billete no sea falso" in text


async def test_r07_less_than_due_is_refused_there_is_no_credit(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", *"20", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PaymentScreen)
        assert "No se fía" in screen_text(app) or "no se fía" in screen_text(app).lower()
        assert only_sale(app).state is State.ACCEPTED
        assert ledger(app) == []
        keys = " ".join(label(active.binding.description).lower()
                        for active in app.screen.active_bindings.values())
        assert "cobrado" in keys
        for word in ("fiar", "fiado", "a cuenta", "después", "deber", "crédito"):
            assert word not in keys


async def sell_to_a_rejection(pilot) -> None:
    """Log in and sell to the simulator's carrier-rejection number, paid with exact money."""
    await login(pilot)
    await capture(pilot, REJECTED)
    await pilot.press("a", "f3", "enter")                      # exact money, $50
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RejectedScreen))


async def test_r01_a_definite_rejection_names_its_origin_and_the_money_goes_back(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell_to_a_rejection(pilot)
        text = screen_text(app)
        assert "compañía" in text.lower()                      # the carrier is the origin
        assert only_sale(app).state is State.REJECTED
        await give_money_back(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert only_sale(app).state is State.REFUNDED
        assert ledger(app) == []


async def test_r02_a_rejection_can_wait_in_the_pending_list_and_be_decided_later(shop):
    from recarga_tui.ui.screens.pending import PendingScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell_to_a_rejection(pilot)
        assert "F9" in screen_text(app)                        # the way out is in the footer
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert only_sale(app).state is State.REJECTED         # nothing decided, nothing lost
        assert app.pending_count == 1
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        await give_money_back(pilot)
        assert only_sale(app).state is State.REFUNDED
        assert ledger(app) == []


async def test_r02_a_rejected_sale_carries_its_money_to_the_corrected_one(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell_to_a_rejection(pilot)
        await pilot.press("c")
        await pilot.pause()
        await capture_from_screen(pilot, INSTANT)
        await pilot.press("a")
        await pilot.pause()
        assert "ya pagó $50.00" in screen_text(app)
        await pilot.press("enter")                             # nothing more to collect
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sales = {s.msisdn: s for s in app.services.notebook.sales_of_day(
            app.services.clock.now().date())}
        assert sales[REJECTED].state is State.CARRIED
        assert sales[INSTANT].state is State.CONFIRMED
        assert sales[INSTANT].handed == 0


async def capture_from_screen(pilot, number):
    await pilot.press("1", "1", *number, "enter", *number, "enter", "4")
    await pilot.pause()


async def test_r15_r17_the_slow_system_is_said_before_sending_and_a_sale_can_wait(shop):
    app = shop(hour=20, minute=15)                             # inside the peak window
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SlowScreen)
        text = screen_text(app)
        assert "19:30 a 21:30" in text
        assert "se la envío en aproximadamente 60 minutos" in text
        assert ledger(app) == []                               # said before, not after
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        sale = only_sale(app)
        assert sale.state is State.DEFERRED
        promised = datetime.fromisoformat(sale.last(State.DEFERRED).data["promised_at"])
        assert promised.strftime("%H:%M") == "21:15"
        assert app.pending_count == 1


async def test_r17_the_slow_system_offers_the_money_back(shop):
    app = shop(hour=20, minute=15)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await pilot.pause()
        await give_money_back(pilot)
        assert only_sale(app).state is State.REFUNDED
        assert ledger(app) == []


async def test_r18_an_unknown_outcome_is_told_plainly_and_nothing_is_retried(shop):
    app = shop(send_timeout=0.5)
    give_up_soon(app)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        app.services.sim_app.state.world.lose_requests = 1   # never reaches the dealer
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen))
        text = screen_text(app)
        assert "NO la envíe otra vez" in text and "NO devuelva el dinero" in text
        assert "Puede que ya le haya llegado" in text
        sale = only_sale(app)
        assert sale.state is State.UNKNOWN and sale.attempts == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.pending_count == 1


async def test_r10_both_notices_are_shown_with_their_age_and_refreshed_by_the_app(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        text = screen_text(app)
        assert "Situación del sistema: [NORMAL]" in text
        assert "Mensaje general:" in text and "hace" in text
        world = app.services.sim_app.state.world
        world.set_notice("system_status", "Falla en Movistar", level="slow")
        world.set_notice("general_message", "Nuevo horario de la mesa de control")
        app.refresh_dealer()
        await wait_for(pilot, lambda: "Falla en Movistar" in screen_text(app))
        text = screen_text(app)
        assert "[LENTO]" in text and "Nuevo horario de la mesa de control" in text
        assert app.screen.query_one("#system-status").has_class("-slow")


async def test_r10_the_notices_refresh_on_their_own_at_the_configured_interval(shop):
    from dataclasses import replace

    app = shop()
    settings = app.services.settings
    app.services.settings = replace(settings,
                                    dealer=replace(settings.dealer, notices_refresh_seconds=1))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        world = app.services.sim_app.state.world
        world.set_notice("general_message", "Hoy se cierra a las 22:00")  # nobody asks for it
        await wait_for(pilot, lambda: "Hoy se cierra a las 22:00" in screen_text(app),
                       timeout=5)


async def test_a_repeated_sale_to_the_same_number_is_pointed_out(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("enter")
        await pilot.pause()
        await capture(pilot, INSTANT)
        assert isinstance(app.screen, CaptureScreen)
        assert "ya se vendió una recarga de $50.00" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadbackScreen)


async def test_a_carrier_that_is_down_cannot_be_picked(shop):
    app = shop(scenario="outage")
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f2", "1", "1")                      # Telcel is down in an outage
        await pilot.pause()
        assert app.screen.stage == "carrier"
        assert "no está recibiendo recargas" in screen_text(app)
