"""The notebook without the dealer (R01, R03, R10, R12, R14): a dealer that cannot be reached
is named as the network or the dealer, never "this shop"; the notices bar says they could not
be fetched; the notebook opens without a login; and a read-only copy (the control desk over
SSH) opens without any dealer login, sends nothing, and offers no key it would refuse."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from ui_helpers import screen_text, wait_for

from recarga_tui.config import Settings
from recarga_tui.dealer.v1.client import DealerClient
from recarga_tui.domain.sale import State
from recarga_tui.i18n import t
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Product
from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.login import LoginScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.report import ReportScreen
from recarga_tui.ui.widgets.table import PlainTable
from recarga_tui.wiring import build, demo_settings

SIZE = (80, 24)
TZ = timezone(timedelta(hours=-6))
AT = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
TELCEL_50 = Product("TEL-050", "telcel", 5000)


class Counting(httpx.AsyncBaseTransport):
    """A dealer address where nothing answers, counting every request the app makes."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        raise httpx.ConnectError("connection refused", request=request)


def offline_app(tmp_path, *, read_only: bool = False) -> tuple[RecargaApp, Counting]:
    settings = demo_settings(Settings(), tmp_path / "journal")
    settings = replace(settings, dealer=replace(settings.dealer, connect_timeout=0.2))
    folder = settings.journal_path()
    folder.mkdir(parents=True, exist_ok=True)
    wire = Counting()
    dealer = DealerClient("http://dealer.invalid", terminal_id="DEMO-01", transport=wire,
                          connect_timeout=0.2)
    tokens = itertools.count(1)
    journal = Journal.open(folder, tz=TZ, read_only=read_only)
    services = build(settings, clock=FakeClock(AT), dealer=dealer, journal=journal,
                     ref_token=lambda: f"{next(tokens):08x}")
    return RecargaApp(services), wire


def notebook_with_sales(tmp_path) -> dict[str, str]:
    """A day in the notebook: one confirmed, one rejected and paid, one paid and unsent."""
    folder = tmp_path / "journal"
    folder.mkdir(parents=True, exist_ok=True)
    refs = {}
    with Journal.open(folder, tz=TZ) as journal:
        tokens = itertools.count(100)
        counter = build(demo_settings(Settings(), folder), clock=FakeClock(AT),
                        dealer=object(), journal=journal,
                        ref_token=lambda: f"{next(tokens):08x}").counter
        done = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 10000)
        done = counter.advance(done, State.SENDING, attempt=1)
        done = counter.found(done, State.CONFIRMED, carrier_folio="4820017731",
                             dealer_folio="D1", found_in="answer")
        refs["confirmed"] = done.ref
        no = counter.pay(counter.accept(counter.start("5555550007", TELCEL_50)), 5000)
        no = counter.advance(no, State.SENDING, attempt=1)
        refs["rejected"] = counter.found(no, State.REJECTED, origin="carrier",
                                         code="dealer.code.carrier_rejected", params={},
                                         error_class="refused").ref
        refs["paid"] = counter.pay(counter.accept(counter.start("2727215381", TELCEL_50)),
                                   5000).ref
    return refs


async def test_r01_an_unreachable_dealer_is_the_network_or_the_dealer_never_this_shop(tmp_path):
    app, wire = offline_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"demo", "enter", *"demo", "enter")
            await wait_for(pilot, lambda: "Origen de la falla" in screen_text(app))
            text = screen_text(app)
            assert "Origen de la falla: la red de distribución" in text
            assert "esta tienda" not in text
            assert "revise si la tienda tiene internet" in text.lower()
            assert "mesa de control" in text
            assert "No se sabe aún si la recarga llegó" not in text   # no top-up involved
    finally:
        app.services.close_journal()


async def test_r10_the_notices_bar_says_the_notices_could_not_be_fetched(tmp_path):
    app, wire = offline_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: "no se pudieron consultar los avisos" in
                           screen_text(app))
            text = screen_text(app)
            assert "la red de distribución" in text and "sin datos todavía" not in text
            assert "GET /v1/notices" in wire.requests
    finally:
        app.services.close_journal()


async def test_r03_the_notebook_opens_without_the_dealer_and_says_what_needs_it(tmp_path):
    refs = notebook_with_sales(tmp_path)
    app, wire = offline_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("f3")                       # on the login: the notebook
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            text = screen_text(app)
            assert "SIN CONEXIÓN" in text and "Para vender, entre con F2" in text
            assert "Hoy: 1 venta realizada, $50.00" in text
            footer = footer_keys(app)
            assert "Vender" not in footer and "Entrar" in footer
            assert "Cuenta" not in footer and "Pendientes" in footer
            await pilot.press("f3")                       # pending, from the journal
            await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                           and "Rechazada" in screen_text(app))
            await pilot.press("1")
            await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
            assert "Devolver dinero" in footer_keys(app)   # no dealer needed for that
            assert "Corregir" not in footer_keys(app)      # a new sale needs the dealer
            await pilot.press("f9")                        # decide later: home
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.press("f4")                       # the day's sales, the notebook's
            await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen)
                           and "Sin conexión" in screen_text(app))
            assert "Cuaderno del 2026-11-25: 1 venta realizada, $50.00" in screen_text(app)
            assert app.screen.query_one(PlainTable).row_count == 3   # every paid sale
            await pilot.press("f9")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.press("f8")                       # the cash close, from the journal
            await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen))
            text = screen_text(app)
            assert "sin conexión con el distribuidor" in text
            assert "esperando al distribuidor" not in text
            await pilot.press("f9")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.press("f5", *"2727215380", "enter")   # claims
            await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen)
                           and "4820017731" in screen_text(app))
            assert "Aclaración" not in footer_keys(app)
            assert app.services.notebook.get(refs["paid"]).state is State.PAID
    finally:
        app.services.close_journal()


def said(app) -> str:
    """The screen's message line (what a key refused says)."""
    return str(app.screen.query_one("#message").visual)


def footer_keys(app) -> str:
    from ui_helpers import bar_keys

    return bar_keys(app)


@pytest.mark.parametrize("asked", [True, False], ids=["read-only asked", "another copy writes"])
async def test_r12_a_read_only_copy_opens_without_a_login_and_sends_nothing(tmp_path, asked):
    refs = notebook_with_sales(tmp_path)
    holder = Journal.open(tmp_path / "journal", tz=TZ)     # the cashier's copy, writing
    try:
        app, wire = offline_app(tmp_path, read_only=asked)
        assert app.services.notebook.read_only
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            assert not any(isinstance(s, LoginScreen) for s in app.screen_stack)
            text = screen_text(app)
            assert ("COPIA DE CONSULTA" if asked else "otra copia de la app") in text
            assert "F2 para vender" not in text
            footer = footer_keys(app)
            assert "Vender" not in footer and "Entrar" not in footer
            await pilot.press("f2")                        # offered nowhere, does nothing
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert said(app) == t("read_only.key")         # and says why, and where instead
            await pilot.press("f3")
            await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                           and "Rechazada" in screen_text(app))
            await pilot.press("1")
            await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
            assert "Devolver" not in footer_keys(app) and "Corregir" not in footer_keys(app)
            assert "copia del mostrador" in screen_text(app)
            await pilot.press("r", "c")
            await pilot.pause()
            assert app.services.notebook.get(refs["rejected"]).state is State.REJECTED
            assert said(app) == t("read_only.key")
            await pilot.press("f9")                        # decide later: home
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await pilot.press("f5", *"2727215380", "enter")
            await wait_for(pilot, lambda: "4820017731" in screen_text(app))
            assert "Aclaración" not in footer_keys(app)
            await pilot.press("f2")                        # the clarification: not here
            await pilot.pause()
        assert wire.requests == []                         # not one request to the dealer
    finally:
        holder.close()


async def test_r03_the_read_only_copy_shows_what_the_other_copy_sells(tmp_path, monkeypatch):
    # The copy's home reads the journal again by itself every few seconds; here every 50 ms.
    monkeypatch.setattr("recarga_tui.ui.screens.home.READ_ONLY_FOLLOW", 0.05)
    notebook_with_sales(tmp_path)
    holder = Journal.open(tmp_path / "journal", tz=TZ)
    try:
        app, wire = offline_app(tmp_path, read_only=True)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: "Hoy: 1 venta realizada" in screen_text(app))
            counter = build(demo_settings(Settings(), tmp_path / "journal"),
                            clock=FakeClock(AT + timedelta(minutes=5)), dealer=object(),
                            journal=holder, ref_token=lambda: "0000beef").counter
            sale = counter.pay(counter.accept(counter.start("2727215382", TELCEL_50)), 5000)
            sale = counter.advance(sale, State.SENDING, attempt=1)
            counter.found(sale, State.CONFIRMED, carrier_folio="F2", dealer_folio="D2",
                          found_in="answer")
            await wait_for(pilot, lambda: "Hoy: 2 ventas realizadas, $100.00" in
                           screen_text(app), timeout=15)
        assert wire.requests == []
    finally:
        holder.close()
