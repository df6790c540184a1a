"""The printed slips: laid out as lines, rendered by python-escpos on its Dummy printer, and
read back in the printer's code page (accents included), on 58 mm (32 columns) and 80 mm (48
columns) paper. The printer's failures are the shop's, said with what to do (R01)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from escpos.printer import Dummy
from msgspec import structs

from recarga_tui import i18n
from recarga_tui.config import ConfigError, load
from recarga_tui.domain.close import close
from recarga_tui.domain.sale import EventKind, Sale, State
from recarga_tui.printing import slips
from recarga_tui.printing.device import PrinterFault, send
from recarga_tui.printing.escpos_out import compose, decode
from recarga_tui.printing.settings import PrinterSettings
from recarga_tui.printing.slips import Shop, Style

TZ = timezone(timedelta(hours=-6))
AT = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
SHOP = Shop("Abarrotes Doña Lupe", "DEMO-01", TZ)
WIDTHS = [(58, 32), (80, 48)]


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


def paid_sale(ref: str = "DEMO-01-261125-00000001", msisdn: str = "2727215380") -> Sale:
    sale = Sale.capture(ref, msisdn, "telcel", "TEL50", 5000, AT)
    sale = sale.advance(State.ACCEPTED, AT + timedelta(seconds=10))
    return sale.advance(State.PAID, AT + timedelta(seconds=20), handed=10_000, change=5_000)


def confirmed_sale(**data) -> Sale:
    sale = paid_sale().advance(State.SENDING, AT + timedelta(seconds=30), attempt=1)
    return sale.advance(State.CONFIRMED, AT + timedelta(seconds=40), carrier_folio="TL998877",
                        dealer_folio="D-4411", found_in="answer",
                        dealer_at="2026-11-25T18:00:35+00:00", **data)


def printed(slip: slips.Slip, printer: PrinterSettings) -> str:
    """The slip through python-escpos's Dummy printer, decoded in its code page."""
    dummy = Dummy()
    for chunk in compose(slip, printer):
        dummy._raw(chunk)
    return decode(dummy.output, printer)


def fits(slip: slips.Slip) -> None:
    for line in slip.lines:
        room = slip.width // 2 if line.style is Style.TITLE else slip.width
        assert len(line.text) <= room, (line, slip.width)


def settings_for(paper: int, **more) -> PrinterSettings:
    return PrinterSettings(kind="file", file_path="unused", paper_mm=paper, **more)


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_the_sale_ticket_holds_what_the_customer_needs(paper, columns):
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="Telcel $50",
                               width=columns)
    fits(ticket)
    text = " ".join(printed(ticket, settings_for(paper)).split())
    for shown in ("Abarrotes Doña Lupe", "Terminal DEMO-01", "RECARGA ELECTRÓNICA",
                  "25/11/2026 12:00:35",  # the dealer's time, in the shop's zone
                  "Compañía", "Telcel $50", "272 721 5380", "$50.00", "Folio compañía",
                  "TL998877", "D-4411", "DEMO-01-261125-00000001", "reclamaciones",
                  "¡Gracias por su compra!"):
        assert shown in text, shown
    assert "REIMPRESIÓN" not in text
    assert "\x1bt\x13" in text  # ESC t 19: the CP858 code page, chosen before any text


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_a_reprint_is_marked_with_its_time(paper, columns):
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="",
                               width=columns, reprint_at=AT + timedelta(hours=2, minutes=5))
    text = printed(ticket, settings_for(paper))
    assert "REIMPRESIÓN" in text and "Reimpreso el 25/11/2026 14:05:00" in text
    assert ticket.kind == "reprint"


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_a_sale_proven_in_the_report_says_so_with_the_dealers_own_lines(paper, columns):
    sale = confirmed_sale(ticket=[["Autorización", "TL998877"],
                                  "Pagaquí: ¡vuelva pronto!"])
    sale = structs.replace(sale, history=sale.history[:-1] + (structs.replace(
        sale.history[-1], data={**sale.history[-1].data, "found_in": "report"}),))
    ticket = slips.sale_ticket(sale, SHOP, carrier="Telcel", product="", width=columns)
    fits(ticket)
    text = " ".join(printed(ticket, settings_for(paper)).split())
    assert "Comprobada en el reporte de ventas" in text
    assert "Autorización" in text and "Pagaquí: ¡vuelva pronto!" in text


@pytest.mark.parametrize("codes, command", [("qr", b"\x1d(k"), ("barcode", b"\x1dk")])
def test_the_folio_as_a_code_where_the_printer_draws_it(codes, command):
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="", width=32,
                               code=True)
    job = b"".join(compose(ticket, settings_for(58, codes=codes)))
    assert command in job and b"TL998877" in job
    plain = b"".join(compose(ticket, settings_for(58)))
    assert command not in plain


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_r17_the_deferred_slip_promises_the_time_and_the_money_back(paper, columns):
    sale = paid_sale().advance(State.DEFERRED, AT + timedelta(minutes=1),
                               promised_at=(AT + timedelta(minutes=61)).isoformat())
    slip = slips.deferred_slip(sale, SHOP, carrier="Telcel", product="Telcel $50",
                               width=columns, promised=AT + timedelta(minutes=61))
    fits(slip)
    text = " ".join(printed(slip, settings_for(paper)).split())
    assert "RECARGA PAGADA, POR ENVIAR" in text
    assert "25/11/2026 13:01:00" in text and "272 721 5380" in text
    assert "se le devuelve su dinero ($50.00)" in text
    assert "no es la recarga" in text


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_r02_the_money_back_slip(paper, columns):
    sale = paid_sale().advance(State.REFUNDED, AT + timedelta(minutes=2), reason="slow_system",
                               returned=5000)
    slip = slips.money_back_slip(sale, SHOP, carrier="Telcel", width=columns)
    fits(slip)
    text = " ".join(printed(slip, settings_for(paper)).split())
    assert "DEVOLUCIÓN DE DINERO" in text and "Devuelto" in text and "$50.00" in text
    assert "no llegó a la compañía" in text


@pytest.mark.parametrize("paper, columns", WIDTHS)
def test_the_cash_close_slip(paper, columns):
    done = confirmed_sale()
    waiting = paid_sale("DEMO-01-261125-00000002", "5555550004").advance(
        State.SENDING, AT + timedelta(minutes=5), attempt=1).advance(
        State.UNKNOWN, AT + timedelta(minutes=6), origin="dealer")
    c = close([done, waiting], AT - timedelta(hours=1), AT + timedelta(hours=3))
    slip = slips.cash_close_slip(c, SHOP, names={"telcel": "Telcel"}, kind="DEL DÍA",
                                 used=5000, offline=False, width=columns)
    fits(slip)
    text = " ".join(printed(slip, settings_for(paper)).split())
    assert "CORTE DE CAJA DEL DÍA" in text and "Telcel x1" in text
    assert "DEBE HABER EN CAJA" in text and "$100.00" in text  # two sales paid, $50 each
    assert "555 555 0004" in text  # still unknown: its money is the customer's for now


def test_english_is_complete_on_paper():
    i18n.set_language("en")
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="",
                               width=32, reprint_at=AT)
    text = printed(ticket, settings_for(58))
    assert "PREPAID TOP-UP" in text and "REPRINT" in text and "Carrier folio" in text


def test_the_preview_is_the_papers_text():
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="",
                               width=32, code=True)
    preview = slips.as_text(ticket)
    assert "[TL998877]" in preview and "272 721 5380" in preview
    assert all(len(line) <= 32 for line in preview.splitlines())


# --- the device: what goes wrong is the shop's, and nothing is half-said --------------------


class FlakyPrinter:
    """A printer that takes ``good`` chunks, then fails as a jam or a pulled cable does."""

    def __init__(self, good: int, error: Exception | None = None) -> None:
        self.good = good
        self.error = error or OSError(5, "Input/output error")
        self.got: list[bytes] = []
        self.closed = False

    def _raw(self, msg: bytes) -> None:
        if len(self.got) >= self.good:
            raise self.error
        self.got.append(msg)

    def close(self) -> None:
        self.closed = True


def test_r01_a_printer_that_stops_midway_says_the_ticket_came_out_incomplete():
    device = FlakyPrinter(good=5)
    ticket = slips.sale_ticket(confirmed_sale(), SHOP, carrier="Telcel", product="", width=32)
    with pytest.raises(PrinterFault) as caught:
        send(settings_for(58), compose(ticket, settings_for(58)), lambda _p: device)
    assert caught.value.reason == "stopped" and caught.value.partway
    assert len(device.got) == 5 and device.closed


@pytest.mark.parametrize("error, reason", [
    (PermissionError(13, "Permission denied"), "permission"),
    (FileNotFoundError(2, "No such file"), "missing"),
    (ConnectionRefusedError(111, "refused"), "missing"),
    (TimeoutError("timed out"), "not_answering"),
    (RuntimeError("Printing with USB connection requires a usb library"), "no_driver"),
])
def test_r01_each_failure_has_its_reason(error, reason):
    def opener(_p):
        raise error

    with pytest.raises(PrinterFault) as caught:
        send(settings_for(58), [b"x"], opener)
    assert caught.value.reason == reason


def test_a_usb_printer_without_paper_is_said_before_anything_prints():
    class NoPaper(FlakyPrinter):
        def paper_status(self) -> int:
            return 0

    device = NoPaper(good=99)
    with pytest.raises(PrinterFault) as caught:
        send(replace(settings_for(58), kind="usb"), [b"x"], lambda _p: device)
    assert caught.value.reason == "no_paper" and device.got == []


def test_the_file_printer_keeps_every_ticket(tmp_path):
    target = tmp_path / "tickets.prn"
    printer = PrinterSettings(kind="file", file_path=str(target))
    for folio in ("F-1", "F-2"):
        send(printer, [f"Folio {folio}\n".encode()])
    assert target.read_bytes() == b"Folio F-1\nFolio F-2\n"


def test_a_printer_that_hangs_is_given_up_after_the_timeout_and_refuses_the_next():
    from recarga_tui.config import Settings
    from recarga_tui.services.printing import Printing

    release = threading.Event()

    class Hangs(FlakyPrinter):
        def _raw(self, msg: bytes) -> None:
            release.wait(5)

    settings = Settings(printer=PrinterSettings(kind="file", file_path="x",
                                                timeout_seconds=0.2))
    clock = type("C", (), {"now": staticmethod(lambda: AT)})()
    service = Printing(settings, notebook=None, clock=clock, health=None,
                       opener=lambda _p: Hangs(99))
    slip = slips.Slip("sale", (slips.Line("hola"),), 32, "REF")
    first = service.print(slip)
    assert first.fault is not None and first.fault.reason == "not_answering"
    assert service.print(slip).fault.reason == "busy"
    release.set()


# --- the config's [printer] section ---------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_printer_section_is_read(tmp_path):
    settings = load(write(tmp_path, '[printer]\nkind = "usb"\nusb_vendor_id = 0x0416\n'
                                    'usb_product_id = "5011"\npaper_mm = 80\n'
                                    'sale_ticket = "auto"\ncodes = "qr"\n'))
    printer = settings.printer
    assert (printer.usb_vendor_id, printer.usb_product_id) == (0x0416, 0x5011)
    assert printer.columns == 48 and printer.sale_ticket == "auto"


@pytest.mark.parametrize("text, names", [
    ('kind = "bluetooth"', "printer.kind"),
    ("paper_mm = 60", "printer.paper_mm"),
    ('code_page = "UTF-8"', "printer.code_page"),
    ('sale_ticket = "always"', "printer.sale_ticket"),
    ("network_port = 0", "printer.network_port"),
    ('kind = "usb"', "printer.usb_vendor_id"),
    ('kind = "network"', "printer.network_host"),
    ('kind = "file"', "printer.file_path"),
    ("cut = 1", "printer.cut"),
])
def test_a_wrong_printer_setting_is_one_line_naming_its_key(tmp_path, text, names):
    with pytest.raises(ConfigError) as caught:
        load(write(tmp_path, f"[printer]\n{text}\n"))
    message = str(caught.value)
    assert names in message and "\n" not in message


def test_check_config_checks_the_printer_section(tmp_path, capsys):
    from recarga_tui.cli import main

    good = write(tmp_path, '[printer]\nkind = "serial"\nserial_device = "/dev/ttyUSB0"\n')
    assert main(["check-config", str(good)]) == 0
    bad = write(tmp_path, '[printer]\nkind = "serial"\n')
    assert main(["check-config", str(bad)]) == 2
    assert "printer.serial_device" in capsys.readouterr().err


def test_the_example_config_holds_the_printer_defaults():
    from pathlib import Path

    from recarga_tui.config import Settings

    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    assert load(example, required=True).printer == Settings().printer


# --- the notebook: a print is an event of its sale, never a step -------------------------


def test_a_print_event_keeps_the_sale_as_it_was(tmp_path):
    from recarga_tui.journal.journal import Journal

    sale = confirmed_sale()
    with Journal.open(tmp_path / "journal", tz=TZ) as journal:
        journal.record(sale)
        noted = sale.note(EventKind.REPRINTED, AT + timedelta(hours=1), printer="usb")
        journal.record(noted)
        back = journal.get(sale.ref)
    assert back is not None and back.history == sale.history and back.state is State.CONFIRMED
    assert [e.kind for e in back.events] == [EventKind.REPRINTED]
    assert back.events[0].at == AT + timedelta(hours=1)
    assert "events" not in sale.to_dict()  # a sale never printed reads as before
