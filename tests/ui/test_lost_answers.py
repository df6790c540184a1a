"""Lost answers at the counter, by keys: the check in the sales report (R16, R19), the pending
list and deferred sales (R17), the recovery at start (R02). Each test asserts on the screen
and on the journal."""

from __future__ import annotations

from ui_helpers import (
    capture,
    defer_at_peak,
    fast,
    login,
    lost_request,
    only_sale,
    screen_text,
    system_normal_again,
    told,
    wait_for,
    world,
)

from recarga_tui.domain.sale import State
from recarga_tui.services.counter import Product
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.money_back import MoneyBackScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.waiting import WaitingScreen

SIZE = (80, 24)
INSTANT = "5555550000"
DROPPED = "5555550005"     # simulator row 5: delivered, then the connection drops
TELCEL_50 = Product("TEL-050", "telcel", 5000)


async def test_r19_a_delivered_but_dropped_sale_ends_confirmed_from_the_report(shop):
    # The dealer's clock moves only when told: the answer drops, and the sale shows in the
    # lookup and the report, exactly when the test says, however busy the machine is.
    app = fast(shop(send_timeout=5.0, frozen_dealer=True))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, DROPPED)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: world(app).topups)
        world(app).clock.advance(1)                 # delivered, and the answer drops
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen)
                       and "Revisado" in screen_text(app))
        assert only_sale(app).state is State.UNKNOWN
        world(app).clock.advance(11 * 60)          # past the report's delay, both clocks
        app.services.clock.advance(11 * 60)
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sale = only_sale(app)
        proof = sale.last(State.CONFIRMED).data
        assert sale.state is State.CONFIRMED and proof["found_in"] == "report"
        assert sale.first(State.UNKNOWN).data["reason"] == "dropped"
        assert "el reporte de ventas" in screen_text(app)
        assert proof["carrier_folio"] in screen_text(app)
        assert [e["client_ref"] for e in world(app).ledger] == [sale.ref]


async def test_r16_r19_never_received_is_refused_until_not_found_then_sent_again_same_ref(shop):
    app = fast(shop(send_timeout=0.2))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await lost_request(pilot, INSTANT)
        assert "faltan 10:00" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert "Todavía no: puede aparecer hasta las 12:10" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        sale = only_sale(app)
        assert sale.state is State.UNKNOWN and sale.attempts == 1
        app.services.clock.advance(10 * 60)
        await wait_for(pilot, lambda: only_sale(app).state is State.NOT_FOUND)
        await wait_for(pilot, lambda: "nunca la recibió" in screen_text(app))
        await pilot.press("e")                          # send again, same reference
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        again = only_sale(app)
        assert again.ref == sale.ref and again.attempts == 2
        assert again.state is State.CONFIRMED
        assert [e["client_ref"] for e in world(app).ledger] == [sale.ref]


async def test_r17_a_deferred_sale_is_sent_when_normal_and_the_cashier_is_told(shop):
    # The dealer's clock moves only when told: the evening peak lasts as long as the test.
    app = fast(shop(hour=20, minute=15, frozen_dealer=True))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await defer_at_peak(pilot, INSTANT)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and "Para después" in screen_text(app))
        assert "prometida 21:15" in screen_text(app)
        assert world(app).ledger == []
        system_normal_again(app)
        app.refresh_dealer()
        await wait_for(pilot, lambda: world(app).topups)   # the deferred sale went out
        world(app).clock.advance(1)                        # and the carrier answers
        await wait_for(pilot, lambda: only_sale(app).state is State.CONFIRMED)
        sale = only_sale(app)
        folio = sale.last(State.CONFIRMED).data["carrier_folio"]
        await wait_for(pilot, lambda: folio in told(app))
        assert "Se envió la recarga pendiente" in told(app)
        assert [e["client_ref"] for e in world(app).ledger] == [sale.ref]


async def test_r17_a_passed_promise_offers_the_money_back_from_the_pending_list(shop):
    app = fast(shop(hour=20, minute=15, frozen_dealer=True))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await defer_at_peak(pilot, INSTANT)
        app.services.clock.advance(61 * 60)              # still slow an hour later
        await wait_for(pilot, lambda: "Pasó la hora prometida (21:15)" in told(app))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and "¡pasó 21:15!" in screen_text(app))
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))
        assert "Ofrezca devolver el dinero" in screen_text(app)
        await pilot.press("r")
        await wait_for(pilot, lambda: "¿Devolver $50.00" in screen_text(app))
        await pilot.press("enter")                          # yes: the amount, big
        await wait_for(pilot, lambda: isinstance(app.screen, MoneyBackScreen))
        await pilot.press("enter")                          # handed over
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert only_sale(app).state is State.REFUNDED
        assert world(app).ledger == []


async def test_r02_r16_recovery_at_start_checks_an_interrupted_send_and_lists_a_paid_one(shop):
    app = fast(shop())
    counter = app.services.counter
    sending = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 5000)
    counter.advance(sending, State.SENDING, attempt=1)     # the app died here
    paid = counter.pay(counter.accept(counter.start("2727215381", TELCEL_50)), 5000)
    unpaid = counter.accept(counter.start("2727215382", TELCEL_50))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        journal = app.services.notebook
        assert journal.get(sending.ref).state is State.UNKNOWN
        assert journal.get(sending.ref).first(State.UNKNOWN).data["reason"] == "interrupted"
        assert journal.get(unpaid.ref).state is State.ABANDONED
        assert journal.get(paid.ref).state is State.PAID
        assert "se estaba enviando cuando la app se cerró" in told(app)
        assert "1 venta cobrada sin enviar" in told(app)
        assert app.pending_count == 2
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and "Sin respuesta" in screen_text(app)
                       and "Cobrada" in screen_text(app))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))
        await pilot.press("e")
        await wait_for(pilot, lambda: journal.get(paid.ref).state is State.CONFIRMED)
