"""The customer's ticket at the counter, driven by keys as a cashier would: printed on P (or
by itself), reprinted from claims and the sales report without ever selling twice, and a
printer that fails never in the sale's way (R01, R02, R03)."""

from __future__ import annotations

from dataclasses import replace

from ui_helpers import (
    app_working,
    capture,
    ledger_refs,
    login,
    only_sale,
    screen_text,
    wait_for,
)

from recarga_tui.domain.sale import EventKind, State
from recarga_tui.printing.escpos_out import decode
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.report import ReportScreen
from recarga_tui.ui.screens.ticket_preview import TicketPreview

SIZE = (80, 24)
INSTANT = "5555550000"


class PaperPrinter:
    """A printer that works: it keeps what it was sent."""

    def __init__(self) -> None:
        self.jobs: list[bytes] = []
        self._job: list[bytes] = []

    def __call__(self, _settings):
        self._job = []
        return self

    def _raw(self, msg: bytes) -> None:
        self._job.append(msg)

    def close(self) -> None:
        self.jobs.append(b"".join(self._job))


class JamsPartway(PaperPrinter):
    """Takes a few lines of the ticket, then the paper jams."""

    def _raw(self, msg: bytes) -> None:
        if len(self._job) >= 4:
            raise OSError(5, "Input/output error")
        super()._raw(msg)


def set_printer(app, opener=None, **printer) -> None:
    printing = app.services.printing
    printing.settings = replace(printing.settings,
                                printer=replace(printing.settings.printer, **printer))
    if opener is not None:
        printing.opener = opener


async def sell(pilot, printer=None) -> None:
    """One top-up to the receipt; then ``printer`` is the one the receipt prints on."""
    await login(pilot)
    await capture(pilot, INSTANT)
    await pilot.press("a", "f4", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ReceiptScreen))
    if printer is not None:
        set_printer(pilot.app, printer)


def message(app) -> str:
    return str(app.screen.query_one("#message").render())


def folio_of(app) -> str:
    return only_sale(app).last(State.CONFIRMED).data["carrier_folio"]


def events(app) -> list[EventKind]:
    return [e.kind for e in only_sale(app).events]


async def test_p_on_the_receipt_prints_to_the_demos_file_and_says_where(shop, tmp_path):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell(pilot)
        await pilot.press("p")
        await wait_for(pilot, lambda: "Impreso en" in message(app))
        target = tmp_path / "demo-tickets.prn"
        assert str(target) in message(app)
        printed = decode(target.read_bytes(), app.services.settings.printer)
        assert folio_of(app) in printed and "RECARGA ELECTRÓNICA" in printed
        assert events(app) == [EventKind.PRINTED]


async def test_r02_three_reprints_are_one_sale_in_the_journal_and_at_the_dealer(shop):
    app, paper = shop(), PaperPrinter()
    async with app.run_test(size=SIZE) as pilot:
        await sell(pilot, paper)
        await pilot.press("enter", "f5", *INSTANT, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen) and app.screen.found)
        for done in (1, 2):
            await pilot.press("f3")
            # Printed, and the printer free again (its worker ended): F3 then prints again.
            await wait_for(pilot, lambda done=done: len(paper.jobs) == done
                           and "Impreso" in message(app) and not app_working(app, "print"))
        await pilot.press("f9", "f4")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen) and app.screen.rows)
        await pilot.press("p")
        await wait_for(pilot, lambda: len(paper.jobs) == 3 and "Impreso" in message(app))
        sale = only_sale(app)
        assert sale.state is State.CONFIRMED and len(sale.history) == 5
        assert events(app) == [EventKind.REPRINTED] * 3
        assert ledger_refs(app) == [sale.ref]  # the dealer delivered it once, never again
        for job in paper.jobs:
            text = decode(job, app.services.settings.printer)
            assert "REIMPRESIÓN" in text and folio_of(app) in text


async def test_r01_a_printer_that_jams_midway_leaves_the_sale_done_and_p_prints_again(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell(pilot, JamsPartway())
        await pilot.press("p")
        await wait_for(pilot, lambda: "imprimir otra vez" in message(app)
                       and not app_working(app, "print"))
        said = message(app)
        assert "Origen de la falla: esta tienda" in said and "incompleto" in said
        assert "oprima P" in said
        assert isinstance(app.screen, ReceiptScreen)
        assert only_sale(app).state is State.CONFIRMED and events(app) == []
        paper = PaperPrinter()
        set_printer(app, paper)  # the paper unjammed
        await pilot.press("p")
        await wait_for(pilot, lambda: "Impreso" in message(app))
        assert folio_of(app) in decode(paper.jobs[0], app.services.settings.printer)
        assert events(app) == [EventKind.PRINTED]
        assert ledger_refs(app) == [only_sale(app).ref]


async def test_a_printer_that_is_missing_is_said_and_the_sale_goes_on(shop, tmp_path):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell(pilot)
        set_printer(app, file_path=str(tmp_path / "no-such-folder" / "lp0"))
        await pilot.press("p")
        await wait_for(pilot, lambda: "imprimir otra vez" in message(app))
        assert "No se encontró la impresora" in message(app)
        await pilot.press("enter")  # the cashier goes on to the next customer
        await pilot.pause()
        assert only_sale(app).state is State.CONFIRMED


async def test_auto_prints_once_as_the_sale_is_confirmed(shop):
    app = shop()
    paper = PaperPrinter()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        set_printer(app, paper, sale_ticket="auto")
        await capture(pilot, INSTANT)
        await pilot.press("a", "f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        await wait_for(pilot, lambda: "Impreso" in message(app))
        assert len(paper.jobs) == 1 and events(app) == [EventKind.PRINTED]
        assert "REIMPRESIÓN" not in decode(paper.jobs[0], app.services.settings.printer)


async def test_without_a_printer_v_shows_the_ticket_and_p_is_not_offered(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await sell(pilot)
        set_printer(app, kind="none")
        app.screen.refresh_bindings()
        await pilot.pause()
        assert app.screen.check_action("print", ()) is False
        await pilot.press("p")  # does nothing: there is no printer
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, TicketPreview))
        text = screen_text(app)
        assert folio_of(app) in text and "No hay impresora configurada" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReceiptScreen) and events(app) == []


async def test_r17_r02_the_deferred_slip_the_money_back_slip_and_the_cash_close(shop):
    """A deferred sale's slip (P on it in the pending list), the money given back for it (P
    on the amount), and the cash close on paper (I)."""
    from ui_helpers import defer_at_peak

    from recarga_tui.ui.screens.cash_close import CashCloseScreen
    from recarga_tui.ui.screens.money_back import MoneyBackScreen
    from recarga_tui.ui.screens.pending import PendingScreen
    from recarga_tui.ui.screens.waiting import WaitingScreen

    app = shop(hour=20, minute=15, frozen_dealer=True)
    paper = PaperPrinter()
    printer = app.services.settings.printer

    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        set_printer(app, paper)
        await defer_at_peak(pilot, INSTANT)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen))
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, WaitingScreen))
        await pilot.press("p")
        await wait_for(pilot, lambda: len(paper.jobs) == 1)
        slip = " ".join(decode(paper.jobs[0], printer).split())
        assert "RECARGA PAGADA, POR ENVIAR" in slip and "25/11/2026 21:15:00" in slip
        assert "se le devuelve su dinero ($50.00)" in slip
        await pilot.press("r")
        await wait_for(pilot, lambda: "¿Devolver $50.00" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MoneyBackScreen))
        await pilot.press("p")
        await wait_for(pilot, lambda: len(paper.jobs) == 2)
        assert "DEVOLUCIÓN DE DINERO" in decode(paper.jobs[1], printer)
        await pilot.press("enter", "f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen))
        await pilot.press("i")
        await wait_for(pilot, lambda: len(paper.jobs) == 3)
        close = " ".join(decode(paper.jobs[2], printer).split())
        assert "CORTE DE CAJA DEL DÍA" in close and "Dinero devuelto" in close
        assert ledger_refs(app) == []  # nothing of this was ever sent
