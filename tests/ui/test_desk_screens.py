"""The desk at the counter, by keys as cashiers would: two cashiers open their shifts with
their PIN alone, sell, give money back and hand the drawer over in one day; a miscount shows
its difference; a locked cashier cannot sell and the screen says until when; Ctrl+L locks the
counter until the PIN; the owner sets cashiers up with the dealer's password; a shop with no
cashiers sells as before (R01, R03, R05, R12)."""

from __future__ import annotations

from counter_more_helpers import text_of
from ui_helpers import capture, give_money_back, wait_for

from recarga_tui.domain.sale import State
from recarga_tui.services.cashiers import Cost
from recarga_tui.ui.screens.counter_lock import CounterLockScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.shift_end import ShiftEndScreen
from recarga_tui.ui.screens.shift_start import ShiftStartScreen

SIZE = (80, 24)
ANA_PIN, BETO_PIN = "1357", "24680"
REJECTED = "5555550007"  # the simulator's row 7: the carrier rejects it
FAST_PINS = Cost(n=2**8, r=8, p=1)  # where a PIN goes is tested, not how slow its hash is


async def staff(app) -> None:
    """Ana and Beto set up by the owner through the service (their screen: below)."""
    cashiers = app.services.cashiers
    cashiers.cost = FAST_PINS
    owner = await cashiers.owner("demo", "demo")
    cashiers.add(owner, "Ana", ANA_PIN)
    cashiers.add(owner, "Beto", BETO_PIN)


def said_error(app) -> bool:
    """The screen's message line says a refusal (a wrong PIN, a lock, a wrong password)."""
    return app.screen.query_one("#message").has_class("-error")


def checking(app) -> bool:
    """A PIN is being checked (scrypt, in a thread worker)."""
    return any(worker.group == "pin" and not worker.is_finished for worker in app.workers)


async def log_in(pilot) -> None:
    """The dealer's login; a shop with cashiers then asks who is on duty."""
    app = pilot.app
    await pilot.press(*"demo", "enter", *"demo", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ShiftStartScreen)
                   and app.services.health.catalog is not None)


async def sell(pilot, number: str) -> None:
    """A sale by keys, a minute after what came before and a minute before what follows."""
    app = pilot.app
    app.services.clock.advance(60)
    await capture(pilot, number)
    await pilot.press("a", "f4", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    app.services.clock.advance(60)


async def test_r12_a_cashier_opens_the_shift_with_the_pin_alone_and_ctrl_l_locks_the_counter(
        shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        await log_in(pilot)
        assert "Ana" in text_of(app) and "Beto" in text_of(app)
        await pilot.press("1", *"9999", "enter")
        await wait_for(pilot, lambda: "Quedan 4 intentos" in text_of(app))
        assert "9999" not in text_of(app)
        await pilot.press(*ANA_PIN, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Turno de Ana" in text_of(app)
        await sell(pilot, "5555550010")
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, CounterLockScreen))
        await pilot.press(*ANA_PIN)
        assert ANA_PIN not in text_of(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def count_the_drawer(pilot, counted: str, pin: str) -> None:
    app = pilot.app
    await pilot.press(*counted, "enter")
    await wait_for(pilot, lambda: "Debe haber" in text_of(app))
    await pilot.press(*pin, "enter")


async def test_r03_two_cashiers_sell_give_money_back_and_hand_over_and_a_miscount_shows(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        await log_in(pilot)
        await pilot.press("1", *ANA_PIN, "enter")                 # Ana opens at $0.00
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await sell(pilot, "5555550010")                          # $100 taken (row 4: $100)
        shifts = app.services.shifts
        expected = shifts.figures_now().expected
        assert expected > 0
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, CounterLockScreen))
        await pilot.press("f2")                                  # hand the drawer over
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftEndScreen))
        await count_the_drawer(pilot, f"{expected // 100}", ANA_PIN)
        await wait_for(pilot, lambda: "Beto" in text_of(app) and "recibe" in text_of(app))
        await pilot.press("enter", *BETO_PIN, "enter")
        await wait_for(pilot, lambda: "entregó la caja a Beto" in text_of(app))
        assert "La caja cuadra al centavo." in text_of(app)
        assert ANA_PIN not in text_of(app) and BETO_PIN not in text_of(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert shifts.on_duty.cashier.name == "Beto"
        assert "Turno de Beto" in text_of(app)
        await sell(pilot, "5555550020")                          # Beto sells
        app.services.clock.advance(60)
        await capture(pilot, REJECTED)                           # the carrier rejects it
        await pilot.press("a", "f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        await give_money_back(pilot)                             # Beto gives the money back
        sales = app.services.notebook.sales_of_day(app.services.clock.now().date())
        assert {sale.cashier.name for sale in sales} == {"Ana", "Beto"}
        refunded = next(sale for sale in sales if sale.state is State.REFUNDED)
        assert refunded.cashier_of(State.REFUNDED).name == "Beto"
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, CounterLockScreen))
        await pilot.press("f3")                                  # Beto closes, $1 short
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftEndScreen))
        short = shifts.figures_now().expected - 100
        await count_the_drawer(pilot, f"{short // 100}.{short % 100:02d}", BETO_PIN)
        await wait_for(pilot, lambda: "Faltan $1.00 en la caja." in text_of(app))
        assert "-$1.00" in text_of(app)
        assert shifts.latest().figure("difference") == -100
        await pilot.press("enter")                               # nobody on duty: who next?
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftStartScreen))
        await pilot.press("escape", "f5", *"0010", "enter")     # claims name who sold it
        await wait_for(pilot, lambda: "Vendió: Ana" in text_of(app))
        app.router.home()
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f5", *"0007", "enter")               # and who gave its money back
        await wait_for(pilot, lambda: "Devolvió el dinero: Beto" in text_of(app))
        app.router.home()
        await pilot.press("f4")                                  # the report: who, and earned
        await wait_for(pilot, lambda: "Ganancia:" in text_of(app))
        assert "Ana $" in text_of(app) and "Beto $" in text_of(app)


async def test_r13_the_owner_sets_cashiers_up_with_the_dealers_password_and_pins_twice(shop):
    from recarga_tui.ui.screens.cashiers import CashiersScreen

    app = shop()
    app.services.cashiers.cost = FAST_PINS
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.services.health.catalog is not None)
        await pilot.press("c")                                   # a shop with no cashiers
        await wait_for(pilot, lambda: isinstance(app.screen, CashiersScreen))
        screen = app.screen
        await pilot.press("a")                                   # nothing before the password
        assert screen.stage == "password"
        await pilot.press(*"nope", "enter")
        await wait_for(pilot, lambda: said_error(app))
        assert screen.stage == "password" and "nope" not in text_of(app)
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: screen.stage == "list")
        assert "no tiene cajeros" in text_of(app)
        await pilot.press("a", *"Ana", "enter", *ANA_PIN, "enter", *"1358", "enter")
        await wait_for(pilot, lambda: "no son iguales" in text_of(app))
        assert not app.services.cashiers.enabled
        await pilot.press(*ANA_PIN, "enter", *ANA_PIN, "enter")
        await wait_for(pilot, lambda: "Ana quedó dado de alta" in text_of(app))
        await pilot.press("a", *"ana", "enter", *"2468", "enter", *"2468", "enter")
        await wait_for(pilot, lambda: "Ya hay un cajero llamado ana" in text_of(app))
        await pilot.press("escape", "a", *"Beto", "enter", *"12", "enter", *"12", "enter")
        await wait_for(pilot, lambda: "de 4 a 8 dígitos" in text_of(app))
        await pilot.press(*BETO_PIN, "enter", *BETO_PIN, "enter")
        await wait_for(pilot, lambda: "Beto quedó dado de alta" in text_of(app))
        assert [row.cashier.name for row in app.services.cashiers.listed()] == ["Ana", "Beto"]
        await pilot.press("n", "1", *"8642", "enter", *"8642", "enter")
        await wait_for(pilot, lambda: "Ana tiene un NIP nuevo" in text_of(app))
        assert app.services.cashiers.check(app.services.cashiers.listed()[0].cashier.id,
                                           "8642").name == "Ana"
        await pilot.press("b", "2", "enter")
        await wait_for(pilot, lambda: "Beto ya no está en la lista" in text_of(app))
        assert [row.cashier.name for row in app.services.cashiers.listed()] == ["Ana"]
        for pin in (ANA_PIN, BETO_PIN, "8642", "2468"):
            assert pin not in text_of(app)


async def test_r12_a_locked_cashier_cannot_sell_and_the_screen_says_until_when(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        await log_in(pilot)
        attempts = app.services.settings.cashiers.pin_attempts
        for _ in range(attempts):
            await pilot.press("2", *"0000", "enter")
            await wait_for(pilot, lambda: not checking(app)
                           and said_error(app))
            await pilot.press("escape")
        until = app.services.cashiers.locked_until(app.services.cashiers.listed()[1]
                                                   .cashier.id)
        assert until is not None
        assert f"bloqueado hasta las {until:%H:%M}" in text_of(app)
        await pilot.press("2", *BETO_PIN, "enter")               # the right PIN, locked
        await wait_for(pilot, lambda: "Beto está bloqueado hasta las" in text_of(app))
        assert app.services.shifts.on_duty is None
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f2")                                  # nobody on duty: no sale
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftStartScreen))
        assert not app.services.notebook.sales_of_day(app.services.clock.now().date())


async def test_r03_a_shop_without_cashiers_logs_in_to_home_and_ctrl_l_asks_the_password(shop):
    from recarga_tui.ui.screens.lock import LockScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.services.health.catalog is not None)
        assert "Turno" not in text_of(app)
        await sell(pilot, "5555550030")
        assert app.services.notebook.sales_of_day(
            app.services.clock.now().date())[0].cashier is None
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, LockScreen))


async def test_r12_the_session_asked_again_mid_day_says_only_the_owner_types_it(shop):
    from recarga_tui.ui.screens.password import ReloginScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        await log_in(pilot)
        await open_shift_of(pilot, "1", ANA_PIN)
        app.push_screen(ReloginScreen())
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        assert "Solo el dueño la escribe" in text_of(app)


async def open_shift_of(pilot, number: str, pin: str) -> None:
    app = pilot.app
    await pilot.press(number, *pin, "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_r12_a_pin_is_never_on_screen_on_disk_or_in_the_log(shop, tmp_path, caplog):
    import logging

    from recarga_tui.ui.screens.cashiers import CashiersScreen

    caplog.set_level(logging.DEBUG)
    first, second, wrong = "73915284", "46028173", "51739264"
    app = shop()
    app.services.cashiers.cost = FAST_PINS
    seen: list[str] = []

    def look() -> None:
        seen.append(text_of(app))
        seen.append(app.export_screenshot())

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.services.health.catalog is not None)
        await pilot.press("c", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CashiersScreen)
                       and app.screen.stage == "list")
        await pilot.press("a", *"Ana", "enter", *first)
        look()
        await pilot.press("enter", *first)
        look()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Ana quedó dado de alta" in text_of(app))
        await pilot.press("a", *"Beto", "enter", *second, "enter", *second, "enter")
        await wait_for(pilot, lambda: "Beto quedó dado de alta" in text_of(app))
        look()
        await pilot.press("escape", "f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftStartScreen))
        await pilot.press("1", *wrong)
        look()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Quedan" in text_of(app))
        look()
        await pilot.press(*first, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await sell(pilot, "5555550040")
        await pilot.press("ctrl+l", *first)
        look()
        await pilot.press("f2", *"100", "enter", *first)
        look()
        await pilot.press("enter", "enter", *second)
        look()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "entregó la caja a Beto" in text_of(app))
        look()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        look()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-cajeros.json") for p in files)  # the roster was written
    places = {
        "screens": "\n".join(seen),
        "files": "\n".join(p.read_bytes().decode("utf-8", "replace") for p in files),
        "logs": caplog.text,
    }
    assert caplog.records
    for name, text in places.items():
        for pin in (first, second, wrong):
            assert pin not in text, f"a PIN is in the {name}"


async def test_r14_a_pool_running_low_is_warned_at_home_before_collecting_and_d_deposits(shop):
    from dataclasses import replace

    from recarga_tui.ui.screens.deposit import DepositScreen
    from recarga_tui.ui.screens.payment import PaymentScreen

    app = shop()
    services = app.services
    threshold = replace(services.settings.cash, low_balance_pesos=100_000)  # $100,000 pesos
    services.health.settings = services.counter.settings = replace(services.settings,
                                                                    cash=threshold)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and services.health.catalog is not None
                       and "Saldo bajo" in text_of(app))
        assert "menos de $100,000.00" in text_of(app)
        await capture(pilot, "5555550050")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        assert "Con esta venta" in text_of(app) and "se vende" in text_of(app)
        await pilot.press("f4", "enter")                         # sold all the same
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DepositScreen))


async def test_r03_the_owner_closes_the_shift_of_a_cashier_who_left_with_the_drawer_counted(
        shop):
    from recarga_tui.ui.screens.cashiers import CashiersScreen
    from recarga_tui.ui.screens.shift_day import ShiftDayScreen

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        await log_in(pilot)
        await open_shift_of(pilot, "2", BETO_PIN)
        await sell(pilot, "5555550060")
        expected = app.services.shifts.figures_now().expected
        await pilot.press("c", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CashiersScreen)
                       and app.screen.stage == "list")
        assert "Beto (de turno)" in text_of(app)
        await pilot.press("e", *f"{expected // 100 + 5}", "enter")
        await wait_for(pilot, lambda: "el dueño cierra el turno de Beto" in text_of(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Sobran $5.00 en la caja." in text_of(app))
        ended = app.services.shifts.latest()
        assert not ended.is_open and ended.figure("difference") == 500
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftStartScreen))
        await pilot.press("escape", "c", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CashiersScreen)
                       and app.screen.stage == "list")
        await pilot.press("t")                                   # the owner's day
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftDayScreen))
        day = text_of(app)
        assert "Beto" in day and "$5.00" in day and "Ganancia" in day


async def test_r03_the_shifts_slip_prints_with_p_once_the_drawer_is_counted(shop):
    from test_printing_ui import PaperPrinter, set_printer

    from recarga_tui.printing.escpos_out import decode

    app = shop()
    paper = PaperPrinter()
    async with app.run_test(size=SIZE) as pilot:
        await staff(app)
        set_printer(app, paper, kind="usb")
        await log_in(pilot)
        await open_shift_of(pilot, "1", ANA_PIN)
        await sell(pilot, "5555550070")
        await pilot.press("ctrl+l", "f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ShiftEndScreen))
        await count_the_drawer(pilot, "0", ANA_PIN)
        await wait_for(pilot, lambda: "Faltan" in text_of(app))
        await pilot.press("p")
        await wait_for(pilot, lambda: paper.jobs)
        slip = decode(paper.jobs[0], app.services.settings.printer)
        assert "CORTE DE TURNO" in slip and "Ana" in slip
