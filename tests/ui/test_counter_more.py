"""The rest of the counter driven by keys, as a cashier would: sales report, claims, account,
support, help, cash close, lock and a lapsed session. Assertions on the screen, the journal
and the simulator's world."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import timedelta

from counter_more_helpers import confirmed_in_journal, reflect, sent_to_dealer, sku, text_of, world
from ui_helpers import capture, give_money_back, login, screen_text, wait_for

from recarga_tui.config import ContactSettings
from recarga_tui.domain.sale import OPEN, TRANSITIONS, State
from recarga_tui.services.counter import Product
from recarga_tui.sim.world import iso
from recarga_tui.ui.screens.account import AccountScreen
from recarga_tui.ui.screens.cash_close import CashCloseScreen
from recarga_tui.ui.screens.check import CheckScreen
from recarga_tui.ui.screens.claims import ClaimsScreen
from recarga_tui.ui.screens.deposit import DepositScreen
from recarga_tui.ui.screens.help import HelpScreen
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.lock import LockScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen
from recarga_tui.ui.screens.relogin import ReloginScreen
from recarga_tui.ui.screens.report import ReportScreen
from recarga_tui.ui.screens.support import SupportScreen

SIZE = (80, 24)
INSTANT = "5555550000"
REJECTED = "5555550007"


async def sell(pilot, number: str, bill: str = "f4") -> None:
    """A whole sale from home: capture, accept, a bill, send; wait for its end screen."""
    app = pilot.app
    await capture(pilot, number)
    await pilot.press("a", bill, "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, (ReceiptScreen, RejectedScreen,
                                                          CheckScreen)))


async def home(pilot) -> None:
    pilot.app.router.home()
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


async def test_r14_r19_the_report_marks_the_three_kinds_of_difference(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        agree = confirmed_in_journal(app, "a0000001", "2727215380", 5000)
        await sent_to_dealer(app, agree.ref, "2727215380", 5000)
        missing = confirmed_in_journal(app, "a0000002", "2727215381", 2000)
        differs = confirmed_in_journal(app, "a0000003", "2727215382", 5000)
        await sent_to_dealer(app, differs.ref, "2727215382", 10000)
        stranger = "DEMO-01-261125-b0000001"
        await sent_to_dealer(app, stranger, "2727215383", 3000)
        reflect(app)
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await wait_for(pilot, lambda: len(screen.rows) == 4)
        kinds = {row.ref: row.kind.value for row in screen.rows}
        assert kinds == {agree.ref: "match", missing.ref: "waiting",
                         differs.ref: "different", stranger: "only_report"}
        # Confirmed but absent counts only once the reflection window has passed (R19).
        app.services.clock.advance(11 * 60)
        await pilot.press("left", "right")
        await wait_for(pilot, lambda: len(screen.rows) == 4
                       and any(r.kind.value == "missing" for r in screen.rows))
        text = text_of(app)
        for words in ("no en cuaderno", "falta en reporte", "datos distintos",
                      "coincide"):
            assert words in text
        by_ref = {row.ref: row for row in screen.rows}
        assert by_ref[differs.ref].differs == ("amount",)
        # A: a clarification of the difference under the cursor, with its reference (R11).
        index = screen.rows.index(by_ref[differs.ref])
        await pilot.press(*["down"] * index)
        assert "$50.00 / $100.00" in text_of(app)
        await pilot.press("a")
        await wait_for(pilot, lambda: world(app).clarifications)
        asked = world(app).clarifications[0]
        assert (asked["topic"], asked["client_ref"]) == ("topup", differs.ref)
        assert "datos distintos" in asked["text"] and "monto" in asked["text"]
        await wait_for(pilot, lambda: "Aclaración ACL00001 enviada" in text_of(app))


async def test_r04_a_claim_search_shows_the_proof_and_files_a_clarification(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT)
        await home(pilot)
        sale = app.services.notebook.sales_of_day(app.services.clock.now().date())[0]
        folio = sale.last(State.CONFIRMED).data["carrier_folio"]
        await pilot.press("f5")
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press(*"0000", "enter")  # the last digits are enough
        await pilot.pause()
        text = text_of(app)
        accepted = sale.last(State.ACCEPTED).at.strftime("%Y-%m-%d %H:%M:%S")
        assert f"Número aceptado por el cliente: {accepted}" in text
        assert folio in text and "la respuesta del distribuidor" in text
        assert "no procede reclamación" in text                       # R04, the words to say
        await pilot.press("f2")
        await wait_for(pilot, lambda: world(app).clarifications)
        assert world(app).clarifications[0]["client_ref"] == sale.ref
        assert "Reclamación de cliente" in world(app).clarifications[0]["text"]


async def test_r14_a_deposit_notice_with_bad_input_is_refused_with_what_to_do(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f6")
        assert isinstance(app.screen, AccountScreen)
        await wait_for(pilot, lambda: "Saldo disponible" in text_of(app))
        assert "Saldo inicial" in text_of(app)          # the statement's movements
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, DepositScreen)
        await pilot.press("enter", *"1,00", "enter", *"FICHA-1", "enter")
        await pilot.press(*["backspace"] * 10, *"2026-12-01", "enter")
        await pilot.pause()
        assert screen.field == "bank"
        assert "escriba el nombre del banco" in text_of(app)
        await pilot.press(*"BBVA", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert screen.field == "amount"
        assert "No se entiende la cantidad «1,00»" in text_of(app)
        await pilot.press(*["backspace"] * 4, *"1500", "enter", "enter", "enter")
        await pilot.pause()
        assert screen.field == "date"
        assert "posterior a hoy (2026-11-25)" in text_of(app)
        assert world(app).deposits == []                     # nothing was sent
        await pilot.press(*["backspace"] * 10, *"2026-11-24", "enter")
        await wait_for(pilot, lambda: "recibido, en revisión" in text_of(app))
        sent = world(app).deposits[0]
        assert (sent["bank"], sent["amount"], sent["reference"]) == ("BBVA", 150000, "FICHA-1")
        assert sent["deposited_at"].startswith("2026-11-24")


async def test_r11_a_clarification_past_due_is_pointed_out_and_an_answer_shown(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        now = app.services.clock.now()
        world(app).clarifications.extend([
            {"id": "ACL00001", "topic": "deposit", "client_ref": None, "text": "Depósito",
             "created_at": iso(now - timedelta(hours=30)),
             "due_at": iso(now - timedelta(hours=6)), "status": "open", "answer": None,
             "answered_at": None},
            {"id": "ACL00002", "topic": "charge", "client_ref": None, "text": "Cargo doble",
             "created_at": iso(now - timedelta(hours=1)),
             "due_at": iso(now + timedelta(hours=23)), "status": "answered",
             "answer": "Se abonó la diferencia.", "answered_at": iso(now)},
        ])
        await pilot.press("f7")
        screen = app.screen
        assert isinstance(screen, SupportScreen)
        await wait_for(pilot, lambda: len(screen.items) == 2)
        text = text_of(app)
        assert "1 aclaración pasó sus 24 horas sin respuesta" in text
        assert "contestada" in text
        rows = [str(c) for r in range(2)
                for c in screen.query_one("#support-table").get_row_at(r)]
        assert "VENCIDA, sin respuesta" in rows
        await pilot.press("down")                              # the older, past-due one
        await pilot.press("up")
        assert "Se abonó la diferencia." in text_of(app)


async def test_r11_a_fault_report_names_its_origin_and_its_sales(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT)
        await home(pilot)
        ref = app.services.notebook.sales_of_day(app.services.clock.now().date())[0].ref
        await pilot.press("f7", "f2")
        assert "no llega respuesta escrita" in text_of(app).lower()
        await pilot.press("3", *"No contesta el sistema 1", "enter", "1", "enter")
        await wait_for(pilot, lambda: world(app).fault_reports)
        report = world(app).fault_reports[0]
        assert report == {**report, "origin": "dealer", "text": "No contesta el sistema 1",
                          "client_refs": [ref]}
        await wait_for(pilot, lambda: "No espere respuesta escrita" in text_of(app))


async def test_r11_a_new_clarification_has_its_topic_and_due_time(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f7", "f3", "5", *"Estado de cuenta 2", "enter")
        await wait_for(pilot, lambda: world(app).clarifications)
        asked = world(app).clarifications[0]
        assert (asked["topic"], asked["text"]) == ("statement", "Estado de cuenta 2")
        await wait_for(pilot, lambda: "respuesta llega por escrito antes" in text_of(app))


async def test_r02_r17_the_cash_close_matches_the_journal_to_the_centavo(shop, tmp_path):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT, bill="f4")                   # $50 with $100
        await home(pilot)
        await sell(pilot, REJECTED, bill="f3")                  # $50 with $50, rejected...
        await give_money_back(pilot)                            # ...and given back
        counter = app.services.counter                          # $50 with $200, kept for
        kept = counter.start(INSTANT, Product(sku(app, 5000), "telcel", 5000))   # later (R17)
        counter.defer(counter.pay(counter.accept(kept), 20000))
        await pilot.press("f8")
        screen = app.screen
        assert isinstance(screen, CashCloseScreen)
        c = screen.close
        # The notebook, read independently: the kept sale may have been sent meanwhile, so
        # what it owes or earned is taken from its state.
        sales = {s.ref: s for s in app.services.notebook.sales_of_day(
            app.services.clock.now().date())}
        sales = [sales[s.ref] for s in c.sales]
        assert len(sales) == 3
        handed = sum(s.handed for s in sales)
        change = sum(s.change for s in sales)
        back = sum(s.amount for s in sales if s.state is State.REFUNDED)
        owed = sum(s.amount for s in sales if s.state in OPEN)
        done = sum(s.amount for s in sales if s.state is State.CONFIRMED)
        assert (handed, change, back, owed + done) == (35000, 20000, 5000, 10000)
        assert (c.cash_taken, c.change_given, c.given_back, c.owed_total, c.confirmed_total) \
            == (handed, change, back, owed, done)
        assert c.drawer == handed - change - back == 10000 and c.balanced
        text = screen.text
        assert "DEBE HABER EN CAJA" in text and "$100.00" in text
        assert "Sin confirmar (sin respuesta, para después...): " in text
        await wait_for(pilot, lambda: screen.used is not None)
        await pilot.press("p")
        await pilot.pause()
        folder = tmp_path / "cortes"
        [txt] = folder.glob("*.txt")
        [table] = folder.glob("*.csv")
        assert "DEBE HABER EN CAJA" in txt.read_text(encoding="utf-8")
        totals = {row["kind"]: row["amount"] for row in
                  csv.DictReader(io.StringIO(table.read_text(encoding="utf-8")))}
        assert (totals["drawer"], totals["given_back"], totals["cash_taken"]) == (
            "100.00", "50.00", "350.00")
        # The shift from a typed time: only what was paid since then.
        app.services.clock.advance(3600)
        await pilot.press("t", *"12:30", "enter")
        await pilot.pause()
        assert screen.mode == "shift" and screen.close.sales == ()


async def test_r12_the_lock_hides_everything_until_the_password(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        assert app.screen.active_bindings["ctrl+l"][1].show       # in the home footer
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        text = text_of(app)
        assert "Abarrotes" not in text and "Situación del sistema" not in text
        await pilot.press(*"mala", "enter")
        await wait_for(pilot, lambda: "no" in str(app.screen.query_one(
            "#password-message").render()).lower() and not app.screen._busy)
        assert isinstance(app.screen, LockScreen)
        assert app.screen.query_one("#password").value == ""       # not kept (R12)
        await pilot.press("f2", "f4")                            # nothing behind it answers
        assert isinstance(app.screen, LockScreen)
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_r12_a_lapsed_session_asks_the_password_over_the_screen_and_retries(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await sell(pilot, INSTANT)
        await home(pilot)
        await pilot.press("f5", *"5555550000", "enter")
        claims = app.screen
        world(app).expire_sessions()
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        assert world(app).clarifications == []
        await pilot.press(*"demo", "enter")
        await wait_for(pilot, lambda: app.screen is claims and world(app).clarifications)
        assert claims.query_one("#claims-query").value == "5555550000"   # state kept
        assert len(claims.found) == 1


async def test_r09_the_contacts_show_the_channels_from_the_config(shop):
    app = shop()
    contacts = ContactSettings(email="mesa@ejemplo.mx", chat=("chat-uno@ejemplo.mx",),
                               phone="(55) 1234 5678", address="Calle Uno 1, Puebla",
                               admin_email="admin@ejemplo.mx")
    app.services.settings = replace(app.services.settings, contacts=contacts)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.topic == "contacts"
        text = text_of(app)
        for value in ("mesa@ejemplo.mx", "chat-uno@ejemplo.mx", "(55) 1234 5678",
                      "Calle Uno 1, Puebla"):
            assert value in text
        assert "infocomonline" not in text                      # nothing hard-coded
        await pilot.press("f9", "f4")                            # R14: where to ask, there too
        assert "mesa@ejemplo.mx" in text_of(app)


async def test_r13_the_help_is_searchable_and_says_nobody_asks_for_the_password(shop):
    from recarga_tui import __version__

    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f1")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        assert f"recarga-tui {__version__}" in text_of(app)
        await pilot.press(*"contrasena")                         # accents not needed
        await pilot.pause()
        assert screen.shown == ["lock", "passwords"]
        await pilot.press("down")
        assert screen.topic == "passwords"
        section = screen.query_one("#help-passwords")
        text = " ".join(str(w.render()) for w in section.query("Line"))
        assert "Nadie del distribuidor se la va a pedir" in text
        assert app.services.settings.contacts.admin_email in text
        await pilot.press(*"xyzw")
        await pilot.pause()
        assert screen.shown == [] and "Ninguna sección" in text_of(app)
        await pilot.press("f2")                                   # contacts, one key
        await pilot.pause()
        assert screen.topic == "contacts" and "contacts" in screen.shown


def help_section(app, topic: str) -> str:
    """The words of one section of the help on screen."""
    section = app.screen.query_one(f"#help-{topic}")
    return " ".join(str(w.render()) for w in section.query("Line"))


async def test_f1_opens_the_help_at_the_section_of_the_screen_it_came_from(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        for key, topic in (("f3", "pending"), ("f4", "report"), ("f5", "claims"),
                           ("f8", "close")):
            await pilot.press(key, "f1")
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            screen = app.screen
            assert screen.topic == topic, key
            await pilot.pause()
            title = screen.query_one(f"#help-{topic} .help-title")
            assert screen.query_one("#help-scroll").region.contains_region(title.region), key
            await pilot.press("f9")                               # back where F1 was pressed
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)
            await home(pilot)


async def test_r16_r17_r19_the_pending_list_help_says_each_state_and_its_next_step(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f3", "f1")
        await pilot.pause()
        text = help_section(app, "pending")
        minutes = app.services.settings.procedure.reflection_minutes
        for words in ("Sin respuesta", f"hasta {minutes} minutos", "reporte de ventas",
                      "No llegó", "misma referencia", "Para después", "hora prometida",
                      "Cobrada", "devuelve el dinero", "Rechazada"):
            assert words in text, words


async def test_r15_the_help_names_the_configured_peak_window(shop):
    from datetime import time

    app = shop(peak_start=time(18, 0), peak_end=time(20, 15))
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = help_section(app, "slow")
        assert "Entre 18:00 y 20:15 las compañías se saturan" in text
        assert "19:30" not in text and "21:30" not in text


async def test_r14_every_account_screen_says_where_to_ask(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        email = app.services.settings.contacts.email
        for keys in (("f4",), ("f5",), ("f6",), ("f6", "f2"), ("f7",), ("f8",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert f"Mesa de control: {email}" in text_of(app), keys
            await home(pilot)


async def test_r13_the_login_names_the_administrator_of_the_config_and_no_demo_password(shop):
    from dataclasses import replace

    app = shop()
    settings = app.services.settings
    app.services.settings = replace(
        settings, contacts=replace(settings.contacts, admin_email="dueno@abarrotes-lupita.mx"))
    app.services.demo = False  # a shop's own dealer: no demo credentials on the screen
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "dueno@abarrotes-lupita.mx" in text
        assert "contraseña demo" not in text
        assert settings.dealer.terminal_id in text


async def test_r08_the_help_says_why_orders_by_phone_or_chat_are_refused(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("f2")                                   # at the counter, selling
        await pilot.press("f1")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        await pilot.press(*"whatsapp")
        await pilot.pause()
        assert "remote_orders" in screen.shown
        section = screen.query_one("#help-remote_orders")
        text = " ".join(str(w.render()) for w in section.query("Line"))
        assert "pagada" in text and "mostrador" in text          # only once paid, in person
    # and no step sends a top-up that was not paid first
    assert State.SENDING not in TRANSITIONS[State.ACCEPTED]
    assert State.SENDING not in TRANSITIONS[State.CAPTURED]
