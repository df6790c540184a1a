"""What a cashier stumbled on at the counter, each driven by keys as they would: leaving while a
top-up is being sent, giving money back, corner messages, a rejection's words, the receipt's
times, the slow system before the money is taken, the claims proof, keys that would be
refused, and the smaller things (R01, R02, R04, R06, R12, R14, R15, R16, R18, R19)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets._toast import Toast
from ui_helpers import (
    bar_keys,
    capture,
    fast,
    login,
    lost_request,
    only_sale,
    refreshed,
    screen_text,
    settled,
    told,
    wait_for,
    world,
)

from recarga_tui.domain.sale import State
from recarga_tui.ui.console_glyphs import DRAWABLE
from recarga_tui.ui.moves import Home
from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.help import HelpScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.money_back import ConfirmRefund, MoneyBackScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.quit import QuitModal
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.relogin import ReloginScreen
from recarga_tui.ui.screens.send import SendScreen
from recarga_tui.ui.screens.slow import SlowScreen
from recarga_tui.ui.widgets.big_digits import BigDigits
from recarga_tui.ui.widgets.entry import Entry
from recarga_tui.ui.widgets.keybar import KeyBar

SIZE = (80, 24)
INSTANT = "5555550000"
HANGS = "5555550004"
REJECTED = "5555550007"


def footer_keys(app) -> str:
    return bar_keys(app)


def cells(app) -> str:
    """The characters on the terminal, as the cashier sees them."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(),
                      force_terminal=True, color_system=None, record=True)
    console.print(app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens))
    return console.export_text()


async def sell(pilot, number: str, bill: str = "f4") -> None:
    await capture(pilot, number)
    await pilot.press("a", bill, "enter")


async def test_r16_f10_asks_first_and_says_what_happens_to_the_sale_being_sent(shop):
    app = shop(send_timeout=30.0)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, HANGS)
        await wait_for(pilot, lambda: isinstance(app.screen, SendScreen))
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitModal))
        text = screen_text(app)
        assert "Se está enviando la recarga de $50.00 al 555 555 0004" in text
        assert "se la preguntará al distribuidor" in text
        await pilot.press("n")                              # stay
        await wait_for(pilot, lambda: isinstance(app.screen, SendScreen))
        assert app.return_code is None
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitModal))
        await pilot.press("f10")                            # F10 again: leave
        await wait_for(pilot, lambda: app.return_code is not None)


async def test_r02_money_back_is_confirmed_then_shown_big_until_handed_over(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, REJECTED, bill="f4")              # $50 paid with $100
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRefund))
        assert "¿Devolver $50.00 al cliente del 555 555 0007?" in screen_text(app)
        await pilot.press("n")                              # no: nothing happened
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        assert only_sale(app).state is State.REJECTED
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRefund))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MoneyBackScreen))
        assert only_sale(app).state is State.REFUNDED
        assert app.screen.query_one(BigDigits).value == "$50.00"   # net of the $50 change
        app.refresh_dealer()                                # what goes on in the background
        await refreshed(pilot)
        assert isinstance(app.screen, MoneyBackScreen)     # stays until acknowledged
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_corner_messages_clear_with_a_new_sale_stack_two_and_spare_the_key_line(shop):
    app = shop()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await login(pilot)
        for n in range(5):
            app.notify(f"aviso {n}", timeout=30)
        # Textual's Pilot draws no corner messages unless asked (notifications=True).
        await wait_for(pilot, lambda: app.screen.query(Toast))  # the corner shows them
        await settled(pilot)
        toasts = list(app.screen.query(Toast))
        assert 1 <= len(toasts) <= 2
        assert "aviso 4" in told(app) and "aviso 0" in told(app)   # kept in the record
        footer = app.screen.query_one(KeyBar).region
        for toast in toasts:
            assert toast.region.bottom <= footer.y, (toast.region, footer)
        await pilot.press("f2")                             # a new customer
        await wait_for(pilot, lambda: isinstance(app.screen, CaptureScreen))
        await settled(pilot)
        assert list(app.screen.query(Toast)) == []


async def test_r01_r18_a_carrier_rejection_is_worded_for_a_paid_sale(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, REJECTED, bill="f3")
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        text = screen_text(app)
        assert "Origen de la falla: la compañía celular" in text
        assert "Usted ya cobró $50.00 al cliente" in text
        assert "no se cobró nada" not in text.lower()
        assert "si ya cobró" not in text.lower()
        assert "cuando el sistema se normalice" not in text     # a refusal is not a delay
        assert "no la envíe otra vez igual" in text


async def test_r19_a_receipt_proven_by_the_check_shows_the_dealers_time_and_the_check_apart(
        shop):
    app = fast(shop(send_timeout=5.0, frozen_dealer=True))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, "5555550005")                     # delivered, the answer drops
        await wait_for(pilot, lambda: world(app).topups)
        world(app).clock.advance(1)
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen))
        world(app).clock.advance(11 * 60)
        app.services.clock.advance(11 * 60)
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        text = screen_text(app)
        assert "Hora de la recarga 2026-11-25 12:00:00" in text   # when the dealer made it
        checked = next(line for line in text.splitlines() if line.startswith("Comprobada a las"))
        assert checked.split()[-2:] == ["2026-11-25", "12:11:00"]   # when the check proved it


async def test_r15_the_slow_system_is_said_before_the_money_is_taken(shop):
    app = shop(hour=20, minute=15)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        assert "El sistema está lento: antes de cobrar" in screen_text(app)
        await pilot.press("f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SlowScreen))
        text = screen_text(app)
        assert "Ya tengo su pago" in text and "le cobro" not in text


async def test_r03_r06_the_claims_proof_shows_what_was_handed_and_the_change(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT, bill="f5")               # $50 paid with $200
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f5", *INSTANT, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                       and "entregó $200.00, cambio $150.00" in screen_text(app))
        assert "F8 Borrar" in footer_keys(app)
        await pilot.press("f8")                             # a new search
        await pilot.pause()
        assert app.screen.query_one("#claims-query", Entry).value == ""
        assert "entregó" not in screen_text(app)


async def test_r16_send_again_and_money_back_show_only_once_they_act(shop):
    app = fast(shop(send_timeout=0.2))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await lost_request(pilot, INSTANT)
        keys = footer_keys(app)
        assert "Enviar otra vez" not in keys and "Devolver dinero" not in keys
        await pilot.press("r")                              # known by heart: told why not
        await pilot.pause()
        assert "Todavía no" in screen_text(app)
        app.services.clock.advance(10 * 60)
        await wait_for(pilot, lambda: only_sale(app).state is State.NOT_FOUND
                       and "Devolver dinero" in footer_keys(app))
        assert "Enviar otra vez" in footer_keys(app)


async def test_r04_each_amount_stays_with_its_key_in_the_menu(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any("7 $200.00" in line for line in lines)
        assert not any(line.rstrip().endswith(" 7") for line in lines)


async def test_r14_the_cash_close_puts_each_heading_over_its_numbers(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT, bill="f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen))
        lines = app.screen.text.splitlines()
        heading = next(line for line in lines if "Cantidad" in line)
        telcel = next(line for line in lines if line.strip().startswith("Telcel"))
        assert heading.index("Cantidad") + len("Cantidad") == telcel.index("1") + 1
        assert heading.index("Total") + len("Total") == len(telcel)
        assert "Sin confirmar: ninguna." in app.screen.text
        assert not any(line.rstrip().endswith(":") and i == len(lines) - 1
                       for i, line in enumerate(lines))
        assert not [line for line in lines if line.rstrip().endswith(":")
                    and "por compañía" not in line]


async def test_r12_a_wrong_password_in_the_session_box_speaks_of_no_top_up(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        world(app).expire_sessions()
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        await pilot.press(*"wrong", "enter")
        await wait_for(pilot, lambda: "Origen de la falla" in screen_text(app))
        text = screen_text(app)
        assert "No se sabe aún si la recarga llegó" not in text
        assert "recarga" not in app.screen.query_one("#password-message").render().plain


async def test_r14_the_balance_never_goes_back_to_an_older_figure(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        assert app.balance == 10_000_000
        await sell(pilot, INSTANT)
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        assert app.balance == 9_995_000
        world(app).expire_sessions()
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        await pilot.press("f9")                             # not now
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await refreshed(pilot)                              # the refresh that met it ended
        assert app.balance == 9_995_000


async def test_the_pending_lists_highlight_survives_its_refresh(shop):
    app = shop(hour=20, minute=15, frozen_dealer=True)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        counter = app.services.counter
        for number in ("2727215380", "2727215381", "2727215382"):
            sale = counter.start(number, _product())
            counter.pay(counter.accept(sale), 5000)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and len(app.screen.sales) == 3)
        await pilot.press("down")
        await pilot.pause()
        await app.screen._load()                            # what the 5-second refresh does
        await pilot.pause()
        rows = list(app.screen.query(".pending-row"))
        assert [r.has_class("-selected") for r in rows] == [False, True, False]


def _product():
    from recarga_tui.services.counter import Product

    return Product("TEL-050", "telcel", 5000)


async def test_r04_a_number_field_stops_taking_digits_at_its_longest_form(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f2", "1", "1", *"1272721538012345678901")
        await pilot.pause()
        value = app.screen.query_one("#first", Entry).value
        assert sum(c.isdigit() for c in value) == 13


async def test_r10_on_the_linux_console_only_drawable_characters_reach_the_screen(shop,
                                                                                  monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    monkeypatch.delenv("RECARGA_TUI_GLYPHS", raising=False)
    app = shop()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await login(pilot)
        app.notify("Enviando… — espere ✓ 🙂", timeout=30)
        world(app).set_notice("general_message", "Aviso del distribuidor… «ojo» 📢")
        app.refresh_dealer()
        await refreshed(pilot)
        await wait_for(pilot, lambda: "ojo" in cells(app) and "Enviando" in cells(app))
        shown = cells(app)
        assert set(shown) - set("\n") <= DRAWABLE, set(shown) - DRAWABLE - set("\n")
        await pilot.press("f1")                             # the help scrolls
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settled(pilot)
        shown = cells(app)
        assert set(shown) - set("\n") <= DRAWABLE, set(shown) - DRAWABLE - set("\n")


async def test_r12_the_lapsed_session_box_leaves_the_screen_in_sight(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        world(app).expire_sessions()
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        # the screen under it shows
        await wait_for(pilot, lambda: "Situación del sistema" in cells(app))


async def test_r05_keys_typed_ahead_into_a_screen_not_yet_drawn_are_taken_in_order(shop):
    """A fast cashier, or a burst over SSH: A (accept), F4 ($100), Enter (paid) arrive before
    the payment screen is on; each is taken once it is, in the order typed."""
    from textual import events

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        for key in ("a", "f4", "enter"):                    # no pause between them
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sale = only_sale(app)
        assert (sale.handed, sale.change) == (10_000, 5_000)
        assert sale.first(State.ACCEPTED).at <= sale.first(State.PAID).at


async def test_r05_f10_typed_right_after_enter_on_the_receipt_keeps_its_question(shop):
    # Enter (home) and F10 (the question) in one burst over SSH: F10, a priority key, can be
    # taken before the receipt goes home. The question stays on screen, not swept away on the
    # way home; answered "stay", home comes.
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, "5555550000")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitModal))
        app.screen_stack[-2].move(Home())                     # the receipt's Enter, taken late
        await pilot.pause(0.3)
        assert isinstance(app.screen, QuitModal)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.is_running
