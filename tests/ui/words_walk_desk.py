"""The words walk's stop at the desk (``words_walk.py``): a shop that sets cashiers up at the
end of its day. Every state of the desk's screens is looked at whole at 80x24: opening a shift
(a wrong PIN, a locked cashier), the counter locked (Ctrl+L), counting the drawer at a
hand-over and at a shift's end (a miscount), the owner's list of cashiers and the owner's day.
"""

from __future__ import annotations

from typing import Any

from words_walk import PASSWORD, Walk

from recarga_tui.services.cashiers import Cost

ANA_PIN, BETO_PIN = "1357", "24680"
FAST_PINS = Cost(n=2**8, r=8, p=1)  # what is walked is the screens, not the hash's cost


def pin_checked(walk: Walk) -> Any:
    return walk.idle("pin")


async def at_the_desk(walk: Walk) -> None:
    from recarga_tui.ui.screens.counter_lock import CounterLockScreen
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.password import ReloginScreen
    from recarga_tui.ui.screens.receipt import ReceiptScreen
    from recarga_tui.ui.screens.shift_end import ShiftEndScreen
    from recarga_tui.ui.screens.shift_start import ShiftStartScreen

    app = walk.app
    app.services.cashiers.cost = FAST_PINS
    await set_up_by_the_owner(walk)
    await walk.press("f2")                              # nobody on duty: a shift first
    await walk.on(ShiftStartScreen)
    await walk.look("shift: who are you")
    await walk.type("1", *"9999", "enter")
    await walk.until("the wrong PIN", lambda: pin_checked(walk)()
                     and walk.message_is("-error")())
    await walk.look("shift: a wrong PIN")
    await walk.type(*ANA_PIN, "enter")
    await walk.on(HomeScreen)
    await walk.look("home: a cashier on duty")
    await pools_run_low(walk)
    walk.app.push_screen(ReloginScreen())               # the session lapsed mid-day
    await walk.on(ReloginScreen)
    await walk.look("the session lapsed: only the owner types it")
    await walk.press("f9")
    await walk.on(HomeScreen)
    await walk.sell("5555550000", then=ReceiptScreen)
    await walk.home()
    await walk.press("ctrl+l")
    await walk.on(CounterLockScreen)
    await walk.look("the counter locked")
    await walk.type(*"0000", "enter")
    await walk.until("the wrong PIN", lambda: pin_checked(walk)()
                     and walk.message_is("-error")())
    await walk.look("the counter locked: a wrong PIN")
    await walk.press("f2")
    await walk.on(ShiftEndScreen)
    await walk.look("hand-over: the count")
    await walk.type(*"12.50", "enter")
    await walk.look("hand-over: the count against the drawer")
    await walk.type(*ANA_PIN, "enter")
    await walk.look("hand-over: who takes the drawer")
    await walk.type("enter")
    await walk.look("hand-over: the next cashier's PIN")
    await walk.type(*BETO_PIN, "enter")
    await walk.until("the drawer handed over", lambda: pin_checked(walk)()
                     and app.services.shifts.on_duty is not None
                     and app.services.shifts.on_duty.cashier.name == "Beto")
    await walk.look("hand-over: done, the difference")
    if app.services.printing.enabled:
        await walk.press("p")
        await walk.until("the shift's slip printed", walk.idle("print"))
        await walk.look("hand-over: the shift's slip printed")
    await walk.press("enter")
    await walk.on(HomeScreen)
    await walk.press("ctrl+l")
    await walk.on(CounterLockScreen)
    await walk.press("f3")
    await walk.on(ShiftEndScreen)
    await walk.type(*"0", "enter", *BETO_PIN, "enter")
    await walk.until("the shift closed", lambda: pin_checked(walk)()
                     and app.services.shifts.on_duty is None)
    await walk.look("shift closed: the difference")
    await walk.press("enter")
    await walk.on(ShiftStartScreen)
    for _ in range(app.services.settings.cashiers.pin_attempts):
        await walk.type("2", *"0000", "enter")
        await walk.until("a wrong PIN", lambda: pin_checked(walk)()
                         and walk.message_is("-error")())
        await walk.press("escape")
    await walk.look("shift: a cashier locked")
    await walk.type("1", *ANA_PIN, "enter")
    await walk.on(HomeScreen)
    await the_owners_day(walk)


async def owner_in(walk: Walk) -> None:
    from recarga_tui.ui.screens.cashiers import CashiersScreen

    await walk.press("c")
    await walk.on(CashiersScreen)
    await walk.type(*PASSWORD[walk.kind], "enter")
    await walk.until("the owner's list", lambda: walk.app.screen.stage == "list")


async def set_up_by_the_owner(walk: Walk) -> None:
    from recarga_tui.ui.screens.cashiers import CashiersScreen
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.shift_day import ShiftDayScreen

    await walk.press("c")
    await walk.on(CashiersScreen)
    await walk.look("owner: the dealer's password")
    await walk.type(*"nope", "enter")
    await walk.until("the wrong password", lambda: walk.idle("owner")()
                     and walk.message_is("-error")())
    await walk.look("owner: a wrong password")
    await walk.type(*PASSWORD[walk.kind], "enter")
    await walk.until("the owner's list", lambda: walk.app.screen.stage == "list")
    await walk.look("owner: no cashiers yet")
    await walk.type("a", *"Ana María de la Luz", "enter")
    await walk.look("owner: a new cashier's PIN")
    await walk.type(*ANA_PIN, "enter", *"9999", "enter")
    await walk.look("owner: the two PINs differ")
    await walk.type(*ANA_PIN, "enter", *ANA_PIN, "enter")
    await walk.until("a cashier added", lambda: pin_checked(walk)()
                     and walk.app.screen.stage == "list")
    await walk.look("owner: a cashier added")
    await walk.type("a", *"Beto", "enter", *BETO_PIN, "enter", *BETO_PIN, "enter")
    await walk.until("another cashier added", lambda: pin_checked(walk)()
                     and len(walk.app.services.cashiers.listed()) == 2)
    await walk.press("n")
    await walk.look("owner: whose PIN")
    await walk.type("2", *BETO_PIN, "enter", *BETO_PIN, "enter")
    await walk.until("a new PIN", lambda: pin_checked(walk)()
                     and walk.app.screen.stage == "list")
    await walk.look("owner: a new PIN")
    await walk.press("t")
    await walk.on(ShiftDayScreen)
    await walk.look("owner's day: no shift yet")
    await walk.press("escape")
    await walk.on(CashiersScreen)
    await walk.press("escape")
    await walk.on(HomeScreen)


async def the_owners_day(walk: Walk) -> None:
    from recarga_tui.ui.screens.cashiers import CashiersScreen
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.shift_day import ShiftDayScreen
    from recarga_tui.ui.screens.shift_end import ShiftEndScreen
    from recarga_tui.ui.screens.shift_start import ShiftStartScreen

    await owner_in(walk)
    await walk.look("owner: a cashier locked, another on duty")
    await walk.press("t")
    await walk.on(ShiftDayScreen)
    await walk.look("owner's day: the shifts, a lock, the earnings")
    await walk.press("escape")
    await walk.on(CashiersScreen)
    await walk.type("b", "2")
    await walk.look("owner: remove a cashier?")
    await walk.press("enter")
    await walk.look("owner: a cashier removed")
    await walk.press("e")                               # Ana left without closing
    await walk.on(ShiftEndScreen)
    await walk.type(*"10", "enter")
    await walk.look("owner closes a shift: the count against the drawer")
    await walk.press("enter")
    await walk.until("the shift closed by the owner", lambda: pin_checked(walk)()
                     and walk.app.services.shifts.on_duty is None)
    await walk.look("owner closes a shift: the difference")
    await walk.press("enter")
    await walk.on(ShiftStartScreen)
    await walk.press("escape")
    await walk.on(HomeScreen)


async def pools_run_low(walk: Walk) -> None:
    """The shop's threshold above every pool: home warns, D is the deposit's key, and the
    payment says the sale leaves its pool low before the money is taken (R14)."""
    from dataclasses import replace

    from words_walk import INSTANT

    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.payment import PaymentScreen

    services = walk.app.services
    plain = services.settings
    low = replace(plain, cash=replace(plain.cash, low_balance_pesos=10_000_000))
    services.health.settings = services.counter.settings = low
    walk.app.pools = services.health.balance             # home shows the pools again
    await walk.look("home: a pool running low")
    await walk.capture_airtime(INSTANT)
    await walk.until("the read-back", lambda: type(walk.app.screen).__name__
                     == "ReadbackScreen")
    await walk.press("a")
    await walk.on(PaymentScreen)
    await walk.look("payment: the sale leaves a pool low")
    services.health.settings = services.counter.settings = plain
    await walk.home()
    walk.app.pools = services.health.balance
    await walk.on(HomeScreen)
