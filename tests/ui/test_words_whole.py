"""The counter's words test: every screen in each of its states, for every dealer kind, in
Spanish and English, at 80x24 with the Linux console's glyphs (TERM=linux, the widest: what
fits there fits with full glyphs, ``test_console_glyphs_are_never_narrower``), judged whole at
each stop: no text clipped (a widget's text taller or wider than its room, a line past column
80, an ellipsis the words did not write) and no corner message over a box's words (R01: the
next step is never hidden; "the screen never says more than the app knows, whole at 80x24").

One app per walk, driven by keys as a cashier would (``words_walk.py``); sales that only need
to be there (a rejection, a lost answer) are made through the counter's service and sent as
the payment screen sends them. Each walk names what it looked at (``-rP`` prints the list)
and must have seen every screen of ``ui/screens``; a new screen state joins by a ``look``
where the walk reaches it.
"""

from __future__ import annotations

import importlib
import itertools
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from words_walk import (
    ANOTHER_INSTANT,
    HANGS,
    INSTANT,
    OPEN_AMOUNT,
    OUTCOMES,
    PASSWORD,
    REFERENCE,
    TOUR,
    Cable,
    FullDisk,
    Walk,
    looks_as_the_walk_moves,
    minutes_to,
    stop,
)
from words_walk_desk import at_the_desk

from conftest import TZ
from recarga_tui import i18n
from recarga_tui.config import Settings
from recarga_tui.domain.catalog import Category
from recarga_tui.domain.sale import State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim import SimClock, faces
from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.account import AccountScreen
from recarga_tui.ui.screens.capture import CaptureScreen
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.clarify import ClarifyScreen
from recarga_tui.ui.screens.deposit import DepositScreen
from recarga_tui.ui.screens.fault import FaultReportScreen
from recarga_tui.ui.screens.help import HelpScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.login import LoginScreen
from recarga_tui.ui.screens.money_back import ConfirmRefund, MoneyBackScreen
from recarga_tui.ui.screens.password import LockScreen, ReloginScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.quit import QuitModal
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.report import ReportScreen
from recarga_tui.ui.screens.send import SendScreen
from recarga_tui.ui.screens.slow import SlowScreen
from recarga_tui.ui.screens.support import SupportScreen
from recarga_tui.ui.screens.ticket_preview import TicketPreview
from recarga_tui.ui.screens.waiting import WaitingScreen
from recarga_tui.wiring import build, demo_settings

SIZE = (80, 24)
KINDS = ("v1", "taecel", "transact", "reloadly")
LANGUAGES = ("es", "en")
LOST_AFTER = 0.1    # seconds the shop waits for an answer that will not come
# ... and for the one whose sending screen the walk looks at: long enough for that look on a
# loaded machine (0.1-0.2 s after the sale starts on a quiet one), so it never sees the check
# that follows instead.
SENDING_LOOKED_AT = 1.0


def dealer_shop(folder: Path, kind: str, language: str, *, read_only: bool = False,
                sim: Any = None) -> RecargaApp:
    plain = Settings()
    settings = demo_settings(replace(plain, dealer=replace(plain.dealer, kind=kind,
                                                           send_timeout=20.0,
                                                           connect_timeout=0.05)),
                             folder / "journal")
    settings = replace(settings, app=replace(settings.app, language=language))
    start = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
    if sim is None:
        # The dealer's clock moves only with the shop's (``Walk.advance``): what it answers
        # when, and the times it writes in its report, never depend on the machine's speed.
        sim = Cable(faces.make(kind, seed=7, clock=SimClock(start, monotonic=lambda: 0.0)))
    journal_folder = settings.journal_path()
    journal_folder.mkdir(parents=True, exist_ok=True)
    tokens = itertools.count(1)
    services = build(settings, demo=True, clock=FakeClock(start), sim_app=sim,
                     journal=Journal.open(journal_folder, tz=TZ, read_only=read_only),
                     ref_token=lambda: f"{next(tokens):08x}", read_only=read_only)
    looks_as_the_walk_moves(services.dealer, kind)
    return RecargaApp(services)


# --- the tour ---


@stop("login")
async def at_login(walk: Walk) -> None:
    await walk.on(LoginScreen)
    await walk.look("login")
    walk.cable.plugged = False                         # the shop's internet is down
    await walk.type(*walk.login_keys(PASSWORD[walk.kind]))
    await walk.until("the login's fault", walk.message_is("-error"))
    await walk.look("login: the dealer unreachable")
    walk.cable.plugged = True
    # A login that reads no password (Reloadly's, its client secret in the config) has
    # none to get wrong: the lock's wrong secret is looked at in "the other screens".
    if walk.asks.password:
        await walk.type(*"nope", "enter")
        await walk.until("the wrong password", lambda: walk.message_is("-error")()
                         and "nope" not in walk.text())
        await walk.look("login: a wrong password")
    await walk.press("f3")                              # the notebook without the dealer
    await walk.on(HomeScreen)
    await walk.look("home without the dealer")
    await walk.press("f2")
    await walk.on(LoginScreen)
    await walk.type(*walk.login_keys(PASSWORD[walk.kind]))
    await walk.until("home", lambda: isinstance(walk.app.screen, HomeScreen)
                     and walk.app.connected
                     and walk.app.services.health.catalog is not None
                     and walk.app.services.health.balance is not None)
    await walk.look("home")


@stop("notices")
async def at_notices(walk: Walk) -> None:
    if not walk.app.services.capabilities.notices:
        return                                          # the bar says the app's own measure
    world = walk.world
    world.set_notice("system_status", "Intermitencia con Telcel y Movistar: las recargas "
                     "pueden tardar hasta 10 minutos en reflejarse. Estamos trabajando "
                     "con las compañías para normalizar el servicio.", level="slow")
    world.set_notice("general_message", "Horario de la mesa de control en días festivos: "
                     "de 9:00 a 18:00. Los depósitos hechos después de las 17:00 se abonan "
                     "al día siguiente hábil. Recuerde cobrar antes de enviar.")
    walk.app.refresh_dealer()
    await walk.until("the long notices", lambda: "festivos" in walk.text())
    await walk.look("home: long notices")
    await walk.press("f2")
    await walk.on(CaptureScreen)
    await walk.look("capture: long notices, shortened")
    await walk.press("f9")
    await walk.on(HomeScreen)
    world.set_notice("system_status", "Sistema operando con normalidad.", level="normal")
    world.set_notice("general_message", "Recuerde: cobre la recarga antes de enviarla.")
    walk.app.refresh_dealer()
    await walk.until("the notices again", lambda: "festivos" not in walk.text())


@stop("help")
async def at_help(walk: Walk) -> None:
    await walk.press("f1")
    await walk.on(HelpScreen)
    await walk.look("help")
    await walk.type(*"deposito")
    await walk.look("help: searched")
    await walk.type(*"zzz")
    await walk.look("help: nothing found")
    await walk.press("f2")
    await walk.look("help: contacts")
    await walk.press("escape")
    await walk.on(HomeScreen)


@stop("airtime by keys")
async def at_airtime(walk: Walk) -> None:
    await walk.press("f2")
    await walk.on(CaptureScreen)
    await walk.look("capture: the category")
    await walk.press("1")
    if not walk.number_first:
        await walk.look("capture: the company")
        await walk.press("1")
    await walk.look("capture: the number")
    await walk.type(*"27272", "enter")
    await walk.look("capture: a number too short")
    await walk.type("f4", *INSTANT, "enter")
    await walk.look("capture: the number again")
    await walk.type(*"5555550900", "enter")
    await walk.look("capture: the two differ")
    await walk.type(*INSTANT, "enter")
    if walk.number_first:
        await walk.company_detected()
        await walk.look("capture: the company, the detected one first")
        await walk.press("1")
    await walk.look("capture: the amount")
    await walk.press("1")
    if isinstance(walk.app.screen, CaptureScreen) and walk.app.screen.stage == "amount":
        # an open amount (Reloadly's Telcel)
        await walk.look("capture: an open amount")
        await walk.type(*OPEN_AMOUNT, "enter")
    await walk.on(ReadbackScreen)
    await walk.look("read-back")
    await walk.press("a")
    await walk.on(PaymentScreen)
    await walk.look("payment")
    await walk.type("1", "enter")
    await walk.look("payment: short")
    await walk.press("f8", "f7")
    await walk.look("payment: a large bill")
    await walk.press("enter")
    await walk.on(ReceiptScreen)
    await walk.look("receipt")
    await walk.press("v")
    await walk.on(TicketPreview)
    await walk.look("ticket preview")
    await walk.press("escape")
    await walk.on(ReceiptScreen)
    await walk.press("p")
    await walk.until("the ticket printed", walk.idle("print"))
    await walk.look("receipt: printed")
    await walk.press("enter")
    await walk.on(HomeScreen)
    await walk.capture_airtime(INSTANT)
    await walk.until("the same sale again", lambda: walk.app.screen.stage == "duplicate")
    await walk.look("capture: the same sale a moment ago")
    await walk.press("f9")
    await walk.on(HomeScreen)


@stop("bundle and bill")
async def at_catalog(walk: Walk) -> None:
    await walk.press("f2", "2")
    await walk.on(CaptureScreen)
    if walk.number_first:
        await walk.look("capture: a bundle's number")
        await walk.type(*ANOTHER_INSTANT, "enter", *ANOTHER_INSTANT, "enter")
        await walk.company_detected()
        await walk.look("capture: a bundle's company, the detected one first")
        await walk.press("1")
    else:
        await walk.look("capture: a bundle's company")
        await walk.type("1", *ANOTHER_INSTANT, "enter", *ANOTHER_INSTANT, "enter")
    await walk.look("capture: the bundles")
    await walk.press("1")
    await walk.on(ReadbackScreen)
    await walk.look("read-back: a bundle")
    await walk.press("a")
    await walk.on(PaymentScreen)
    await walk.press("f6", "enter")
    await walk.outcome("a bundle sent")
    await walk.home()
    if Category.BILL not in walk.app.services.health.catalog.categories:
        return                                          # no bills sold (Reloadly's catalog)
    reference = REFERENCE[walk.kind]
    await walk.press("f2", "3")
    await walk.look("capture: the services")
    await walk.press("1")
    await walk.look("capture: a reference")
    await walk.type(*reference, "enter", *reference[:-1], "9", "enter")
    await walk.look("capture: two references differ")
    await walk.type(*reference, "enter")
    if walk.app.screen.stage == "product":
        await walk.look("capture: a service's products")
        await walk.press("1")
    if isinstance(walk.app.screen, CaptureScreen) and walk.app.screen.stage == "amount":
        await walk.look("capture: a bill's amount")
        await walk.type(*"450.50", "enter")
    await walk.on(ReadbackScreen)
    await walk.look("read-back: a bill")
    await walk.press("a")
    await walk.on(PaymentScreen)
    await walk.press("f6", "enter")
    await walk.outcome("a bill paid")
    if isinstance(walk.app.screen, ReceiptScreen):
        await walk.press("v")
        await walk.on(TicketPreview)
        await walk.look("ticket preview: a bill")
        await walk.press("escape")
    await walk.home()
    pools = walk.world.pools
    if pools and walk.app.services.capabilities.pools:  # a pool of its own for bills
        pool = next(iter(pools))
        kept, pools[pool] = pools[pool], 100
        walk.advance(1)                                 # a movement after the last sale's:
        walk.world.set_balance(walk.world.balance - 1)  # the dealer's read is the newest
        walk.app.refresh_dealer()
        await walk.until("the bills' pool read", lambda: any(
            p.available == 100 for p in walk.app.services.health.balance.pools))
        await walk.look("home: a pool nearly empty")
        await walk.type("f2", "3", "1", *reference, "enter", *reference, "enter")
        if walk.app.screen.stage == "product":
            await walk.press("1")
        if walk.app.screen.stage == "amount":
            await walk.type(*"450", "enter")
        await walk.until("the pool's refusal", walk.message_is("-error"))
        await walk.look("capture: the pool cannot pay it")
        pools[pool] = kept
        walk.app.refresh_dealer()
        await walk.press("f9")
        await walk.on(HomeScreen)


@stop("the dealer's answers")
async def at_answers(walk: Walk) -> None:
    for name, number in OUTCOMES.items():
        await walk.sell(number)
        await walk.outcome(name)
        if isinstance(walk.app.screen, RejectedScreen) and not walk.corrected:
            walk.corrected = True
            await walk.press("c")
            await walk.on(CaptureScreen)
            await walk.look("capture: correcting a rejected sale")
            await walk.press("f9")
        await walk.home()


@stop("lost answers")
async def at_lost(walk: Walk) -> None:
    checker = walk.app.services.checker
    patient, walk.send_timeout = walk.send_timeout, SENDING_LOOKED_AT
    walk.world.lose_requests = 1                        # lost before the dealer hears of it
    sale = await walk.sell("2727215381", then=SendScreen)
    await walk.look("sending")
    await walk.on(CheckScreen)
    walk.send_timeout = patient                         # the sale sent again is answered
    await walk.until("the first look", lambda: checker.tried(walk.stored(sale.ref)))
    await walk.look("check: counting down")
    await walk.press("r")
    await walk.look("check: money back before the window")
    walk.advance(11)
    walk.round(checker.sweep())                         # the background round, now
    await walk.until("not found", lambda: walk.state_of(sale.ref) is State.NOT_FOUND)
    await walk.look("check: not found")
    await walk.press("r")
    await walk.on(ConfirmRefund)
    await walk.look("money back: asked")
    await walk.press("n")
    await walk.on(CheckScreen)
    await walk.press("enter")
    await walk.on(HomeScreen)
    await walk.look("home: a sale not found")
    await walk.press("f3")
    await walk.on(PendingScreen)
    await walk.look("pending: not found")
    await walk.open_pending(sale.ref)
    await walk.on(CheckScreen)
    await walk.press("e")
    await walk.until("sent again", lambda: walk.state_of(sale.ref) not in (
        State.NOT_FOUND, State.SENDING))
    await walk.outcome("not found, sent again")
    await walk.home()
    walk.send_timeout = LOST_AFTER
    sale = await walk.sell(HANGS, then=CheckScreen)     # no answer; the check finds it
    # Reloadly's report already shows it at the first look: found at once.
    await walk.until("the first look", lambda: checker.tried(walk.stored(sale.ref))
                     or walk.state_of(sale.ref) is not State.UNKNOWN)
    walk.advance(11)
    walk.round(checker.sweep())
    await walk.on(ReceiptScreen)
    await walk.look("receipt: found by the check")
    walk.send_timeout = patient
    await walk.home()


@stop("the other screens")
async def at_others(walk: Walk) -> None:
    await walk.press("f4")
    await walk.on(ReportScreen)
    await walk.until("the report", walk.idle("report"))
    await walk.look("sales report")
    await walk.press("down")
    await walk.look("sales report: a row")
    await walk.press("a")
    await walk.look("sales report: a clarification asked")
    await walk.home()
    await walk.type("f5", *INSTANT[-4:], "enter")
    await walk.on(ClaimsScreen)
    await walk.look("claims")
    await walk.press("f2")
    await walk.until("claims: asked", walk.idle("claims"))
    await walk.look("claims: a clarification asked")
    await walk.type("f8", *"0000", "enter")
    await walk.look("claims: nothing found")
    await walk.home()
    await walk.press("f6")
    await walk.on(AccountScreen)
    await walk.until("the account", walk.idle("account"))
    await walk.look("account")
    await walk.press("s")
    await walk.until("the account", walk.idle("account"))
    await walk.look("account: another span")
    await walk.press("f2")
    await walk.pilot.pause()
    if isinstance(walk.app.screen, DepositScreen):
        await walk.look("deposit")
        await walk.type(*"BBVA", "enter", *"1,00", "enter", *"FICHA-1", "enter", "enter")
        await walk.look("deposit: filled")
        await walk.press("f2")
        await walk.until("the notice sent", walk.idle("deposit"))
        await walk.look("deposit: sent")
    else:
        await walk.look("account: no deposit notices")
    await walk.home()
    await walk.press("f7")
    await walk.on(SupportScreen)
    await walk.until("support", walk.idle("support"))
    await walk.look("support")
    await walk.press("f2")
    if isinstance(walk.app.screen, FaultReportScreen):
        await walk.look("fault report: the origin")
        await walk.type("3", *"No carga el reporte de ventas desde la mañana", "enter")
        await walk.look("fault report: the sales to attach")
        await walk.press("1")
        await walk.look("fault report: a sale attached")
    else:
        await walk.look("support: no fault reports")
    await walk.home()
    await walk.press("f7", "f3")
    if isinstance(walk.app.screen, ClarifyScreen):
        await walk.look("clarification: the topic")
        await walk.type("1", *"Un depósito del lunes no aparece en mi saldo")
        await walk.look("clarification: the text")
        await walk.press("enter")
        await walk.until("the clarification sent", walk.idle("clarify-send"))
        await walk.look("clarification: sent")
    else:
        await walk.look("support: no clarifications")
    await walk.home()
    await walk.press("f8")
    await walk.on(CashCloseScreen)
    await walk.until("the close", walk.idle("close-statement"))
    await walk.look("cash close")
    await walk.press("t")
    await walk.look("cash close: the shift's start")
    await walk.type(*"25:99", "enter")
    await walk.look("cash close: a wrong time")
    await walk.type("d", "left")
    await walk.until("the day before", walk.idle("close-statement"))
    await walk.look("cash close: the day before")
    await walk.press("p")
    await walk.look("cash close: written")
    await walk.press("i")
    await walk.until("printed", walk.idle("print"))
    await walk.look("cash close: printed")
    await walk.home()
    await walk.press("f10")
    await walk.on(QuitModal)
    await walk.look("leaving?")
    await walk.press("n")
    await walk.on(HomeScreen)
    await walk.press("ctrl+l")
    await walk.on(LockScreen)
    await walk.type(*"x", "enter")
    await walk.until("the wrong password", lambda: "x" not in walk.text().split()
                     and walk.idle("password")())
    await walk.look("locked: a wrong password")
    await walk.type(*PASSWORD[walk.kind], "enter")
    await walk.on(HomeScreen)
    walk.app.push_screen(ReloginScreen())               # the session lapsed meanwhile
    await walk.on(ReloginScreen)
    await walk.look("the session lapsed")
    await walk.press("f9")
    await walk.on(HomeScreen)
    await walk.look("home: the password not given")


@stop("disk full")
async def at_disk_full(walk: Walk) -> None:
    walk.disk.full = True
    for name, number in (("delivered", INSTANT), ("refused", OUTCOMES["refused"])):
        await walk.sell(number)
        await walk.until("the disk's warning", lambda: walk.app.services.notebook.unwritten)
        await walk.outcome(f"{name}, the disk full")
        await walk.home()
        await walk.look(f"home: {name} not written")
    patient, walk.send_timeout = walk.send_timeout, LOST_AFTER
    walk.world.lose_requests = 1
    await walk.sell("2727215382", then=CheckScreen)
    await walk.until("the disk's warning", lambda: walk.app.services.notebook.unwritten)
    await walk.look("check: the disk full")
    walk.send_timeout = patient
    await walk.home()
    walk.disk.full = False
    walk.round(walk.app.services.checker.sweep())       # written once the disk takes it
    await walk.until("written", lambda: not walk.app.services.notebook.unwritten)


@stop("waiting sales")
async def at_waiting(walk: Walk) -> None:
    sale = walk.paid_sale("2727215390")                 # paid, then the customer left
    walk.app.refresh_pending()
    await walk.press("f3")
    await walk.on(PendingScreen)
    await walk.look("pending: paid, not sent")
    await walk.open_pending(sale.ref)
    await walk.on(WaitingScreen)
    await walk.look("paid, not sent")
    await walk.press("d")
    await walk.on(HomeScreen)
    await walk.look("home: kept to send later")
    sale = walk.paid_sale("2727215392", handed=50000)   # paid with $500: its change back too
    walk.app.refresh_pending()
    await walk.press("f3")
    await walk.on(PendingScreen)
    await walk.open_pending(sale.ref)
    await walk.on(WaitingScreen)
    await walk.press("r")
    await walk.on(ConfirmRefund)
    await walk.press("enter")
    await walk.on(MoneyBackScreen)
    await walk.look("money back: hand it over")
    await walk.press("enter")
    await walk.on(HomeScreen)


@stop("the peak hours")
async def at_peak(walk: Walk) -> None:
    await walk.later(minutes_to(walk, 20, 0))           # 20:00, the companies saturated
    sale = await walk.sell("2727215391", then=SlowScreen)
    await walk.look("slow system")
    await walk.press("d")
    await walk.on(HomeScreen)
    await walk.look("home: deferred")
    await walk.press("f3")
    await walk.on(PendingScreen)
    await walk.look("pending: deferred")
    await walk.home()
    await walk.later(65)                                # the promised time passed
    await walk.press("f3")
    await walk.on(PendingScreen)
    await walk.look("pending: a promise passed")
    if walk.state_of(sale.ref) is State.DEFERRED:       # still kept (the peak lasts)
        await walk.open_pending(sale.ref)
        await walk.on(WaitingScreen)
        await walk.look("deferred: the promise passed")
        await walk.press("p")
        await walk.until("the slip printed", walk.idle("print"))
        await walk.look("deferred: a slip printed")
    await walk.home()
    await walk.later(minutes_to(walk, 21, 45))          # the peak is over: it goes out
    await walk.press("f8")
    await walk.on(CashCloseScreen)
    await walk.until("the close", walk.idle("close-statement"))
    deferred = walk.app.services.deferred

    async def rounds() -> None:
        for _ in deferred.queue():                      # one a round, the oldest first
            await deferred.step()

    walk.round(rounds())
    await walk.until("the deferred sale sent", lambda: walk.state_of(sale.ref) not in (
        State.DEFERRED, State.SENDING))
    await walk.look("cash close: a deferred sale went out")
    await walk.home()


stop("the desk: cashiers and their shifts")(at_the_desk)


async def read_only_copy(folder: Path, kind: str, lang: str, monkeypatch: Any) -> Walk:
    """The notebook over SSH, read-only, beside the walk's own: what it can look at."""
    app = dealer_shop(folder, kind, lang, read_only=True)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            walk = Walk(pilot, kind, app.services.sim_app, FullDisk(monkeypatch))
            await walk.on(HomeScreen)
            await walk.look("read-only: home")
            for keys, screen_type, name in (
                    (("f3",), PendingScreen, "pending"),
                    (("f4",), ReportScreen, "sales report"),
                    (("f5", "enter"), ClaimsScreen, "claims"),
                    (("f8",), CashCloseScreen, "cash close")):
                await walk.press(*keys)
                await walk.on(screen_type)
                await walk.look(f"read-only: {name}")
                if screen_type is PendingScreen:
                    await walk.press("1")
                    await walk.pilot.pause()
                    await walk.look("read-only: a pending sale")
                    await walk.press("p", "e")
                    await walk.look("read-only: a pending sale, its keys")
                await walk.home()
    finally:
        app.services.close_journal()
    return walk


# --- the walks ---


@pytest.fixture
def language():
    yield
    i18n.set_language("es")


@pytest.mark.slow(seconds=10)  # about what a walk takes on 2 quiet cores
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
async def test_r01_every_screen_state_is_whole_at_80x24(kind, lang, tmp_path, monkeypatch,
                                                       language):
    # The Linux console's glyphs: its key names are the widest (``Enter`` for ⏎), and every
    # other glyph keeps its width (test_console_glyphs_are_never_narrower).
    monkeypatch.setenv("RECARGA_TUI_GLYPHS", "plain")
    i18n.set_language(lang)
    disk = FullDisk(monkeypatch)
    app = dealer_shop(tmp_path, kind, lang)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            walk = Walk(pilot, kind, app.services.sim_app, disk)
            for name, step in TOUR:
                try:
                    began, cpu = time.perf_counter(), time.process_time()
                    await step(walk)
                    print(f"{name}: {time.perf_counter() - began:.2f}s "
                          f"cpu {time.process_time() - cpu:.2f}s")
                except AssertionError as exc:
                    raise AssertionError(f"stop {name!r}: {exc}") from None
    finally:
        app.services.close_journal()
    began = time.perf_counter()
    copy = await read_only_copy(tmp_path, kind, lang, monkeypatch)
    print(f"read-only copy: {time.perf_counter() - began:.2f}s")
    walked, cuts = walk.walked + copy.walked, walk.cuts + copy.cuts
    print(f"\n{kind} {lang}: walked {len(walked)} states")
    print("\n".join(f"  {state}" for state in walked))
    assert not cuts, "\n".join(cuts + walk.pictures + copy.pictures)
    unseen = screens_to_walk(app.services.capabilities) - walk.screens - copy.screens
    assert not unseen, ("every screen joins the counter's 80x24 words test; not walked: "
                        + ", ".join(sorted(screen.__name__ for screen in unseen)))


# What a dealer lacks, it offers no screen for (the account and support screens say so).
NOT_OFFERED = {"deposits": "DepositScreen", "fault_reports": "FaultReportScreen",
               "clarifications": "ClarifyScreen"}


def screens_to_walk(capabilities: Any, *, every: bool = False) -> set[type]:
    """Every screen the app has (a module of ``ui/screens`` each), less the bases others are
    made of and (unless ``every``) those of what the dealer does not offer."""
    from textual.screen import Screen

    from recarga_tui.ui.screens import base, password

    package = Path(base.__file__).parent
    found: set[type] = set()
    for module_file in package.glob("*.py"):
        module = importlib.import_module(f"recarga_tui.ui.screens.{module_file.stem}")
        found.update(value for value in vars(module).values()
                     if isinstance(value, type) and issubclass(value, Screen)
                     and value.__module__ == module.__name__)
    lacking = set() if every else {name for capability, name in NOT_OFFERED.items()
                                   if not getattr(capabilities, capability)}
    return {screen for screen in found if screen not in (base.ShopScreen,
                                                        password.PasswordModal)
            and screen.__name__ not in lacking}


def test_console_glyphs_are_never_narrower(monkeypatch):
    """The walks run with the Linux console's glyphs, the widest: every key name in a footer
    is at least as wide there as with full glyphs ("Enter" for "⏎"), borders take one cell
    either way, and the big digits are as wide or wider. What fits there fits everywhere."""
    from rich.cells import cell_len
    from textual.app import App
    from textual.renderables.digits import Digits as DigitsRenderable

    from recarga_tui.ui.console_glyphs import SUBSTITUTES
    from recarga_tui.ui.terminal import TerminalAware
    from recarga_tui.ui.widgets.big_digits import plain_width

    class Probe(TerminalAware, App[None]):
        pass

    def probe(glyphs: str) -> Probe:
        monkeypatch.setenv("RECARGA_TUI_GLYPHS", glyphs)
        return Probe()

    full, plain = probe("full"), probe("plain")
    bindings = [binding for screen in screens_to_walk(None, every=True)
                for binding in getattr(screen, "BINDINGS", ())]
    assert len(bindings) > 40
    for binding in bindings:
        assert cell_len(plain.get_key_display(binding)) >= cell_len(
            full.get_key_display(binding)), binding
    for variable in ("shop-border", "shop-edge"):
        assert {full.get_css_variables()[variable], plain.get_css_variables()[variable]} <= {
            "round", "solid", "outer"}
    for text in ("$1,234.50", "272 721 5380", "5555 5500 0000"):
        assert plain_width(text) >= DigitsRenderable.get_width(text)
    assert all(cell_len(new) == cell_len(old) for old, new in SUBSTITUTES.items())
