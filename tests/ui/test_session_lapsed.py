"""A lapsed session with the dealer, met anywhere: the background refresh, a sale being sent,
the check of a lost answer, a deferred sale. Each asks for the password in one modal over what
is on screen, keeps that screen as it was, and goes on once it is typed (R12). A sale is never
rejected, nor sent twice, because the shop's session lapsed. Driven by keys as a cashier would;
assertions on the screen, the journal and the simulator's world."""

from __future__ import annotations

from ui_helpers import (
    capture,
    defer_at_peak,
    fast,
    ledger_refs,
    login,
    lost_request,
    only_sale,
    rounds_pass,
    screen_text,
    system_normal_again,
    told,
    wait_for,
    world,
)

from recarga_tui.domain.sale import State
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.relogin import ReloginScreen
from recarga_tui.ui.screens.waiting import WaitingScreen

SIZE = (80, 24)
INSTANT = "5555550000"


def modals(app) -> int:
    return sum(isinstance(screen, ReloginScreen) for screen in app.screen_stack)


def gate_asks(app) -> list[int]:
    """How many times work asks the app's one password gate from now on (a box of one)."""
    asked = [0]
    gate = app.session_gate
    renew = gate.renew

    async def renew_counted(*args, **kwargs):
        asked[0] += 1
        return await renew(*args, **kwargs)

    gate.renew = renew_counted
    return asked


async def sell_with_a_lapsed_session(pilot) -> None:
    """From home, the dealer's session lapsed: a whole sale up to the password modal."""
    app = pilot.app
    world(app).expire_sessions()
    await capture(pilot, INSTANT)
    await pilot.press("a", "f4", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))


async def test_r12_a_background_refresh_meeting_a_lapsed_session_asks_once_then_refreshes(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        home, stack = app.screen, list(app.screen_stack)
        world(app).expire_sessions()
        world(app).balance += 12_345
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        asked = gate_asks(app)
        for n in range(1, 4):                   # the next refreshes while the modal is up
            app.refresh_dealer()
            await wait_for(pilot, lambda n=n: asked[0] >= n)   # it met the gate
        assert modals(app) == 1
        assert "No se sabe aún" not in told(app)        # not a sale's words
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: app.screen is home)
        assert app.screen_stack == stack                 # the home screen as it was
        await wait_for(pilot, lambda: app.balance == world(app).balance)  # refreshed again
        assert modals(app) == 0


async def test_r01_a_failed_refresh_speaks_of_the_refresh_with_its_origin(shop, monkeypatch):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)

        def broken():
            raise RuntimeError("the dealer's balance service is down")

        monkeypatch.setattr(world(app), "balance_view", broken)     # answers 500
        app.refresh_dealer()
        await wait_for(pilot, lambda: "No se pudieron actualizar" in told(app))
        assert "el distribuidor" in told(app) and "lo último que se supo" in told(app)
        assert "No se sabe aún" not in told(app)        # nothing was sent: no sale's words
        assert modals(app) == 0


async def test_r12_a_sale_sent_after_the_session_lapsed_asks_the_password_then_is_confirmed(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell_with_a_lapsed_session(pilot)
        # The dealer turned the request away unseen: back to paid, on disk before asking.
        sale = only_sale(app)
        assert sale.state is State.PAID
        assert sale.history[-1].data["not_sent"] == "session_lapsed"
        assert ledger_refs(app) == [] and modals(app) == 1
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sale = only_sale(app)
        states = [step.state for step in sale.history]
        assert sale.state is State.CONFIRMED and State.REJECTED not in states
        assert states[-4:] == [State.SENDING, State.PAID, State.SENDING, State.CONFIRMED]
        assert sale.attempts == 1
        assert ledger_refs(app) == [sale.ref]


async def test_r12_leaving_the_password_modal_keeps_the_sale_paid_and_pending(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell_with_a_lapsed_session(pilot)
        await pilot.press("f9")                          # not now
        await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))
        sale = only_sale(app)
        assert sale.state is State.PAID and ledger_refs(app) == []
        assert "No se envió la recarga" in told(app)
        assert "Cobrada y sin enviar" in screen_text(app)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.pending_count == 1
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and "enviar, después o devolver" in screen_text(app))
        # Sent from the pending list: no session at all now, so the password comes first,
        # before anything is written or sent.
        await pilot.press("enter", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        assert only_sale(app).state is State.PAID and only_sale(app).attempts == 0
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        assert ledger_refs(app) == [sale.ref]


async def test_r12_r19_the_check_meeting_a_lapsed_session_asks_the_password_and_goes_on(shop):
    app = fast(shop(send_timeout=0.2))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await lost_request(pilot, INSTANT)
        check = app.screen
        world(app).expire_sessions()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        await rounds_pass(pilot)                         # the background goes on meanwhile
        assert modals(app) == 1 and only_sale(app).state is State.UNKNOWN
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: app.screen is check)
        # The checks go on with the new session: absent after the window, never received.
        app.services.clock.advance(10 * 60)
        await wait_for(pilot, lambda: only_sale(app).state is State.NOT_FOUND)
        await wait_for(pilot, lambda: "nunca la recibió" in screen_text(app))
        assert app.screen is check and modals(app) == 0
        assert ledger_refs(app) == []


async def test_r12_r17_a_deferred_sale_meeting_a_lapsed_session_is_sent_after_the_password(shop):
    app = fast(shop(hour=20, minute=15))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await defer_at_peak(pilot, INSTANT)
        world(app).expire_sessions()
        system_normal_again(app)
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        await rounds_pass(pilot)                         # the background goes on meanwhile
        assert modals(app) == 1 and only_sale(app).state is State.DEFERRED
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: only_sale(app).state is State.CONFIRMED)
        sale = only_sale(app)
        assert ledger_refs(app) == [sale.ref]
        assert modals(app) == 0
