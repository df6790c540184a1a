"""Every word true, for every dealer and every product (R01, R04, R14, R16, R18, R19), by keys
on each dealer's simulator: what the screens promise about resending, money back, the lookup
and clarifications follows the dealer's capabilities; what came back from the dealer is told
as it came; a bill and a bundle are named as what they are; a CFE bill whose Taecel fields
name no amount sells; the home screen agrees with itself and names the shop, not the
dealer; the read-only copy only looks; a full disk says which step it refused."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import replace
from datetime import datetime

import pytest
from ui_helpers import screen_text, told, wait_for

from conftest import SCALE, TZ
from recarga_tui.config import Settings
from recarga_tui.dealer import registry
from recarga_tui.domain.catalog import Category, Product
from recarga_tui.domain.sale import Sale, State
from recarga_tui.i18n import set_language
from recarga_tui.journal.export import write_csv
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim import SimClock, faces
from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.help import HelpScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.slow import SlowScreen
from recarga_tui.wiring import build, demo_settings

SIZE = (80, 24)
START = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
PASSWORD = {"v1": "demo", "taecel": "1234", "transact": "demo"}
KINDS = tuple(PASSWORD)
INSTANT = "5555550000"  # the simulators' row 0: an instant success
CFE_REFERENCE = "555555000000"
# A product of each dealer's catalog, for sales put in the notebook directly.
PRODUCT = {"v1": Product("TEL-050", "telcel", 5000), "taecel": Product("TEL050", "1", 5000),
           "transact": Product("TEL-050", "telcel", 5000)}


@pytest.fixture
def kind_shop(tmp_path, monkeypatch):
    for kind in registry.every():  # no secret of this machine's environment wins
        for secret in kind.secrets:
            monkeypatch.delenv(secret.env, raising=False)
    apps: list[RecargaApp] = []

    def factory(kind: str, *, shop_name: str = "", hour: int = 12, read_only: bool = False,
                folder: str = "journal") -> RecargaApp:
        plain = Settings()
        settings = replace(plain, dealer=replace(plain.dealer, kind=kind),
                           app=replace(plain.app, **({"shop_name": shop_name} if shop_name
                                                     else {})))
        settings = demo_settings(settings, tmp_path / folder)
        start = START.replace(hour=hour)
        sim = faces.make(kind, seed=7, clock=SimClock(start, scale=SCALE))
        journal_dir = settings.journal_path()
        journal_dir.mkdir(parents=True, exist_ok=True)
        tokens = itertools.count(1)
        services = build(settings, demo=True, clock=FakeClock(start), sim_app=sim,
                         journal=Journal.open(journal_dir, tz=TZ, read_only=read_only),
                         ref_token=lambda: f"{next(tokens):08x}")
        app = RecargaApp(services)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        app.services.close_journal()


async def log_in(pilot, kind: str) -> None:
    await pilot.press(*"demo", "enter", *PASSWORD[kind], "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.services.health.catalog is not None
                   and pilot.app.services.health.balance is not None)


def sales(app) -> list[Sale]:
    return app.services.notebook.sales_of_day(app.services.clock.now().date())


def sent_unanswered(app, kind: str, *, reason: str = "timeout") -> Sale:
    """A paid sale sent once whose answer never came (or came as ``reason``): put in the
    notebook as the counter journals the dealer's outcome, without the dealer (which never
    heard of it)."""
    from recarga_tui.dealer.outcomes import Pending, Unknown
    from recarga_tui.dealer.reading import unknown_outcome
    from recarga_tui.domain.faults import Origin
    from recarga_tui.services.counter import outcome_to_step

    counter = app.services.counter
    sale = counter.pay(counter.accept(counter.start("2727215380", PRODUCT[kind])), 5000)
    # transact hands out its id before the send: the sale went under one.
    first = {"dealer_id": "3234653462"} if kind == "transact" else {}
    sale = counter.advance(sale, State.SENDING, attempt=1, **first)
    outcome: Pending | Unknown = Pending("T1", sale.ref, START) if reason == "pending" \
        else unknown_outcome(reason, Origin.NETWORK)
    target, data = outcome_to_step(outcome)
    return counter.found(sale, target, **data)


async def not_found(app, kind: str) -> Sale:
    """A sale whose answer was lost, checked once the window passed: the checker itself
    finds it absent at this dealer (and tells the cashier in a corner message)."""
    sale = sent_unanswered(app, kind)
    app.services.clock.advance(11 * 60)
    after = await app.services.checker.check(sale)
    assert after.state is State.NOT_FOUND, after.history[-1]
    return after


async def open_first_pending(pilot) -> None:
    await pilot.press("f3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PendingScreen))
    await pilot.press("1")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CheckScreen))


def footer(app) -> str:
    from ui_helpers import bar_keys

    return bar_keys(app)


# --- resending, money back and the lookup: as each dealer keeps them (R16, R19) -----------------

NOT_FOUND_WORDS = {
    "v1": ("misma referencia, no se cobra doble", "E: enviar otra vez (misma referencia)",
           "enviar otra vez o devolver"),
    "taecel": ("enviarla como venta nueva: Taecel no toma la referencia de la tienda",
               "E: enviar como venta nueva", "devolver o venta nueva"),
    "transact": ("mismo folio de solicitud, no se cobra doble",
                 "E: enviar otra vez (mismo folio)", "enviar otra vez o devolver"),
}


@pytest.mark.parametrize("kind", KINDS)
async def test_r16_r19_a_sale_not_found_is_offered_again_only_as_its_dealer_keeps_it(
        kind_shop, kind):
    app = kind_shop(kind)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, kind)
        await not_found(app, kind)
        promise, keys, pending = NOT_FOUND_WORDS[kind]
        corner = ("nunca llegó: devuelva el dinero o envíela como venta nueva"
                  if kind == "taecel" else "nunca llegó: envíela otra vez o devuelva el dinero")
        assert corner in told(app)
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen))
        assert pending in screen_text(app)
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckScreen)
                       and "nunca la recibió" in screen_text(app))
        text = screen_text(app)
        assert promise in text and keys in text
        if kind == "taecel":
            assert "no se cobra doble" not in text and "misma referencia" not in text
        if kind == "transact":
            assert "reporte" not in text              # it has none: it was asked by its id
            assert "folio de solicitud: no aparece todavía" in text
        await pilot.press("f1")                       # the help says the same of this dealer
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_text = " ".join(screen_text(app).split())
        assert app.services.promises.resend() in help_text
        assert app.services.promises.looked_for() in help_text
        if kind == "taecel":
            assert "no se cobra doble" not in help_text


LOOKS = {"v1": "La app la busca en el reporte de ventas.",
         "taecel": "La app la busca en el reporte de ventas.",
         "transact": "La app se la pregunta a Pagaqui (demo) por folio de solicitud."}


@pytest.mark.parametrize("kind", KINDS)
async def test_r16_r19_an_unanswered_sale_says_how_its_dealer_is_asked(kind_shop, kind):
    app = kind_shop(kind)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, kind)
        sent_unanswered(app, kind)
        await open_first_pending(pilot)
        await wait_for(pilot, lambda: "Revisado" in screen_text(app))
        text = screen_text(app)
        assert "No llegó respuesta. Puede que sí haya llegado" in " ".join(text.split())
        assert LOOKS[kind] in " ".join(text.split()) and "NO la envíe otra vez" in text
        if kind == "transact":
            assert "reporte" not in text


async def test_r16_r19_in_english_taecel_hears_no_never_charged_twice(kind_shop):
    set_language("en")
    try:
        app = kind_shop("taecel")
        async with app.run_test(size=SIZE) as pilot:
            await log_in(pilot, "taecel")
            await not_found(app, "taecel")
            await open_first_pending(pilot)
            await wait_for(pilot, lambda: "never received it" in screen_text(app))
            text = screen_text(app)
            assert "send it as a new sale: Taecel takes no reference" in text
            assert "never charged twice" not in text and "same reference" not in text
    finally:
        set_language("es")


@pytest.mark.parametrize("reason, words", [
    ("timeout", "No llegó respuesta."),
    ("too_large", "Llegó una respuesta que no se pudo leer o no es de esta venta."),
    ("server_error", "El distribuidor contestó con un error que no dice si se hizo."),
    ("pending", "El distribuidor la tiene en proceso: la compañía no contesta aún."),
])
async def test_r16_what_came_back_is_told_as_it_came(kind_shop, reason, words):
    app = kind_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "v1")
        sent_unanswered(app, "v1", reason=reason)
        await open_first_pending(pilot)
        text = " ".join(screen_text(app).split())
        assert words in text
        kinds = ("No llegó respuesta", "no se pudo leer", "contestó con un error",
                 "la tiene en proceso")
        assert [kind for kind in kinds if kind in text] == [
            kind for kind in kinds if kind in words]


async def test_r16_taecels_3128_is_an_answer_told_with_its_meaning(kind_shop):
    """The same number again within 10 minutes: Taecel refuses with 3128. That is an answer,
    and its meaning (the number was topped up minutes ago, maybe by this very sale) is what
    the cashier needs, never "no answer came"."""
    app = kind_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        for _ in range(2):
            await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
            await pilot.pause()
            await pilot.press("4")                        # $50
            await pilot.pause()
            if getattr(app.screen, "stage", None) == "duplicate":  # the same sale: go on
                await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
            await pilot.press("a")
            await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
            await pilot.press("f3", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen | CheckScreen),
                           timeout=20)
            if isinstance(app.screen, ReceiptScreen):
                await pilot.press("enter")
                await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        text = " ".join(screen_text(app).split())
        assert "El distribuidor contestó con un error que no dice si se hizo." in text
        assert "ese número se recargó hace menos de 10 minutos, tal vez con esta misma venta" \
            in text
        assert "No llegó respuesta" not in text
        second = sales(app)[-1]
        assert second.first(State.UNKNOWN).data["dealer_code"] == "3128"


# --- clarifications and the statement: asked only of a dealer that gives them (R11, R14) -------


@pytest.mark.parametrize("kind", ["v1", "taecel"])
async def test_r11_claims_offers_a_clarification_only_where_the_dealer_takes_them(
        kind_shop, kind):
    app = kind_shop(kind)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, kind)
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen))
        offered = "Pedir aclaración" in footer(app)
        assert offered is (kind == "v1")
        if kind == "taecel":
            await pilot.press("f2")
            await wait_for(pilot, lambda: "Taecel no recibe aclaraciones por su sistema"
                           in screen_text(app))


async def test_r14_the_cash_close_never_waits_for_a_statement_the_dealer_does_not_give(
        kind_shop):
    app = kind_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen)
                       and "Estado de cuenta" in screen_text(app))
        await wait_for(pilot, lambda: not any(      # whatever the screen started, finished
            w.node is app.screen and not w.is_finished for w in app.workers))
        text = screen_text(app)
        assert "Estado de cuenta: Taecel no lo da por su sistema" in text
        assert "esperando al distribuidor" not in text
        assert "Origen de la falla" not in text               # nothing failed


# --- every product named as what it is; whatever is offered can be sold (R04, R05) --------------


async def test_r04_r05_a_taecel_cfe_bill_whose_fields_name_no_amount_sells_end_to_end(kind_shop):
    app = kind_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        cfe = app.services.health.catalog.product("CFE000")
        assert [f.key for f in cfe.fields] == ["referencia"]   # no amount field at all
        await pilot.press("f2", "3", "1", *CFE_REFERENCE, "enter", *CFE_REFERENCE, "enter")
        await pilot.pause()
        assert app.screen.stage == "amount" and "de $1.00 a $10,000.00" in screen_text(app)
        await pilot.press(*"450.50", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        text = screen_text(app)
        assert "CFE · importe $450.50" in text and "CFE · CFE" not in text
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f6", "enter")                       # a $500 bill
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen), timeout=20)
        (sale,) = sales(app)
        assert (sale.state, sale.category, sale.amount) == (State.CONFIRMED, Category.BILL,
                                                            45_050)
        text = screen_text(app)
        assert "Pago de servicio realizado" in text and "Hora del pago" in text
        assert "Folio del servicio" in text
        assert "Recarga realizada" not in text and "Hora de la recarga" not in text
        ticket = app.services.printing.preview(
            app.services.printing.sale_ticket(sale, app.shop_name))
        assert "PAGO DE SERVICIO" in ticket and "RECARGA" not in ticket
        assert "la referencia, el servicio o el importe" in " ".join(ticket.split())
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, CashCloseScreen))
        text = screen_text(app)
        assert "Ventas realizadas, por compañía o servicio:" in text and "CFE" in text
        assert "Recargas realizadas, por compañía" not in text


async def test_r04_a_bundles_receipt_and_ticket_name_it_with_its_validity(kind_shop):
    app = kind_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        await pilot.press("f2", "2", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("1")                                 # Amigo Sin Límite $50, 7 días
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen), timeout=20)
        (sale,) = sales(app)
        text = screen_text(app)
        assert "Paquete vendido" in text and sale.sold.name in text
        assert "Vigencia" in text and "7 días" in text
        ticket = app.services.printing.preview(
            app.services.printing.sale_ticket(sale, app.shop_name))
        assert "VENTA DE PAQUETE" in ticket and "7 días" in ticket
        assert "la compañía o el paquete" in " ".join(ticket.split())
        out = io.StringIO()
        write_csv([sale], out)
        (row,) = csv.DictReader(io.StringIO(out.getvalue()))
        assert row["category"] == "bundle" and row["product"] == sale.sold.name != ""


# --- the home screen agrees with itself, and names the shop (R14) -------------------------------


def _pools_line(app) -> str:
    return str(app.screen.query_one("#pools-line").render())


def _status(app) -> str:
    return str(app.screen.query_one("#status-line").render())


async def test_r14_the_status_line_and_the_pools_line_say_the_same_balance(kind_shop):
    app = kind_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        assert "Saldo $100,000.00" in _status(app)
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen), timeout=20)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Saldo $99,950.00" in _status(app)
        assert "Tiempo Aire $99,950.00" in _pools_line(app)
        # A bill: its own pool goes down; the status line keeps the airtime pool's figure.
        await pilot.press("f2", "3", "1", *CFE_REFERENCE, "enter", *CFE_REFERENCE, "enter")
        await pilot.pause()
        await pilot.press(*"100", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f4", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen), timeout=20)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Saldo $99,950.00" in _status(app)
        assert "Tiempo Aire $99,950.00" in _pools_line(app)
        assert "Pago de Servicios $49,900.00" in _pools_line(app)


@pytest.mark.parametrize("shop_name", ["", "Abarrotes Lupita"])
async def test_r14_the_shop_is_named_by_its_own_name_never_the_dealers(kind_shop, shop_name):
    app = kind_shop("taecel", shop_name=shop_name)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        text = screen_text(app)
        assert "Tienda: Taecel" not in text
        if shop_name:
            assert "Tienda: Abarrotes Lupita  ·  Terminal: DEMO-01" in text
        else:
            assert "Terminal: DEMO-01  ·  Distribuidor: Taecel" in text
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen), timeout=20)
        (sale,) = sales(app)
        slip = app.services.printing.sale_ticket(sale, app.shop_name)
        heading = [line.text for line in slip.lines[:2]]
        if shop_name:
            assert heading == [shop_name, "Terminal DEMO-01"]
        else:                                   # no name to print: the terminal heads it
            assert heading[0] == "Terminal DEMO-01" and "DEMO-01" not in heading[1]
        assert not any("Taecel" in line for line in heading)


# --- the read-only copy only looks (R03, R12) ---------------------------------------------------


async def test_r03_the_read_only_copy_never_prints_nor_writes_and_names_companies(kind_shop,
                                                                                  tmp_path):
    cashier = kind_shop("taecel", shop_name="Abarrotes Lupita")
    async with cashier.run_test(size=SIZE) as pilot:
        await log_in(pilot, "taecel")
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(cashier.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(cashier.screen, PaymentScreen))
        await pilot.press("f3", "enter")
        await wait_for(pilot, lambda: isinstance(cashier.screen, ReceiptScreen), timeout=20)
    cashier.services.close_journal()
    printer = tmp_path / "demo-tickets.prn"       # the demo's printer: a file beside the journal
    cortes = tmp_path / "cortes"
    before = printer.read_bytes() if printer.exists() else None
    desk = kind_shop("taecel", shop_name="Abarrotes Lupita", read_only=True)
    assert desk.services.settings.printer.file_path == str(printer)
    async with desk.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(desk.screen, HomeScreen))
        await pilot.press("f2")                                 # selling: says why not
        await wait_for(pilot, lambda: "Copia de consulta" in screen_text(desk))
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(desk.screen, CashCloseScreen))
        text = screen_text(desk)
        assert "CORTE DE CAJA DEL DÍA · Abarrotes Lupita · Terminal DEMO-01" in text
        assert "Telcel" in text                                  # by name, not its id "1"
        assert "  1 " not in text.split("Compañía")[1].split("Total")[0][:30]
        for key in ("i", "p"):
            desk.screen.say("")
            await pilot.press(key)
            await wait_for(pilot, lambda: "Copia de consulta" in screen_text(desk))
        assert not [w for w in desk.workers if w.group == "print"]   # nothing went to print
    after = printer.read_bytes() if printer.exists() else None
    assert after == before                                       # not a byte printed
    assert not cortes.exists()                                   # not a file written


# --- small truths ---------------------------------------------------------------------------------


async def test_r17_the_pending_lists_age_moves_with_the_clock(kind_shop):
    app = kind_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "v1")
        counter = app.services.counter
        counter.pay(counter.accept(counter.start("2727215380", PRODUCT["v1"])), 5000)
        await pilot.press("f3")

        def row() -> str:
            return str(app.screen.query_one(".pending-sale").render())

        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen)
                       and " 0 min " in row())
        app.services.clock.advance(19 * 60)
        app._tick_minute()                                       # the app's minute comes
        await wait_for(pilot, lambda: " 19 min " in row())


async def test_r03_a_full_disk_after_payment_says_only_the_send_was_not_written(kind_shop,
                                                                                monkeypatch):
    from test_disk_full import FullDisk

    app = kind_shop("v1", hour=20)                               # the peak: slow first
    FullDisk(monkeypatch, "sending")
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "v1")
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SlowScreen))
        await pilot.press("e")
        await wait_for(pilot, lambda: "Disco lleno" in screen_text(app) + told(app))
        text = screen_text(app) + told(app)
        assert "La venta sí está anotada como cobrada" in text
        assert "lo que no se pudo anotar es el envío, así que no se envió nada" in text
        assert "la venta no se anotó en el cuaderno" not in text
        (sale,) = sales(app)
        assert sale.state is State.PAID
