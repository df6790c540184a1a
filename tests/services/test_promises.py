"""What a screen promises about resending, money back, the lookup and clarifications, chosen
from the dealer's capabilities alone (R16, R18, R19): one test per dealer kind the app speaks,
and one for a dealer shaped as the next one will be (the shop's reference as its key, a
transactions report, no clarifications, notices or deposits)."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from recarga_tui.dealer.port import Capabilities, SaleKey
from recarga_tui.dealer.taecel.adapter import CAPABILITIES as TAECEL
from recarga_tui.dealer.transact.adapter import TransactDealer
from recarga_tui.dealer.v1.client import V1_CAPABILITIES
from recarga_tui.i18n import set_language, t
from recarga_tui.services.promises import Promises

TRANSACT = TransactDealer("http://dealer.invalid", name="Pagaqui").capabilities
# A dealer that takes the shop's reference and keeps a report, but no clarifications,
# notices or deposits: its words must come from these fields alone.
NEXT = Capabilities(name="Reloadly", sale_key=SaleKey.SHOP_REFERENCE, notices=False,
                    sales_report=True, lookup=True, statement=False, deposits=False,
                    clarifications=False, fault_reports=False)
NEITHER = Capabilities(name="Mudo", sale_key=SaleKey.SHOP_REFERENCE, sales_report=False,
                       lookup=False)


def test_r16_r19_protocol_v1_resends_under_the_same_reference_and_looks_in_the_report():
    words = Promises(V1_CAPABILITIES)
    assert words.same_sale_again and words.looks == "report"
    assert "misma referencia, no se cobra doble" in words.not_found(10)
    assert "No apareció en el reporte en 10 minutos" in words.not_found(10)
    assert "reporte de ventas" in words.looked_for()
    assert words.lookup_by() == "por referencia"
    assert words.not_found_keys() == "check.keys_not_found.reference"
    assert words.pending_next() == "enviar otra vez o devolver"
    assert words.clarifications and words.statement


def test_r16_r19_taecel_never_promises_a_second_send_is_charged_once():
    """Taecel takes no reference from the shop: a sale sent again is a new sale, and a late
    line in the report would be a second top-up. The words say so, never "no se cobra
    doble"."""
    words = Promises(TAECEL)
    text = words.not_found(10)
    assert not words.same_sale_again
    assert "no se cobra doble" not in text and "misma referencia" not in text
    assert "como venta nueva" in text and "Taecel no toma la referencia" in text
    assert "serían dos" in text
    assert words.not_found_keys() == "check.keys_not_found.new_sale"
    assert words.pending_next() == "devolver o venta nueva"
    assert words.lookup_by() == "por folio del distribuidor"
    assert "reporte de ventas" in words.looked_for()
    assert not words.clarifications and not words.statement
    assert "Taecel no lo da por su sistema" in words.no_statement()


def test_r16_r19_transact_is_asked_by_its_request_id_never_said_to_have_a_report():
    words = Promises(TRANSACT)
    assert words.looks == "lookup" and words.same_sale_again
    assert "reporte" not in words.looked_for()
    assert words.looked_for() == "La app se la pregunta a Pagaqui por folio de solicitud."
    text = words.not_found(10)
    assert "El distribuidor no la encontró en 10 minutos" in text
    assert "mismo folio de solicitud, no se cobra doble" in text and "reporte" not in text
    assert words.not_found_keys() == "check.keys_not_found.request_id"
    assert not words.clarifications and not words.statement


def test_r16_r19_the_next_dealer_is_worded_by_its_capabilities_alone():
    words = Promises(NEXT)
    assert words.same_sale_again and words.looks == "report"
    assert "misma referencia, no se cobra doble" in words.not_found(10)
    assert not words.clarifications and not words.statement
    assert "Reloadly no lo da por su sistema" in words.no_statement()
    # The same capabilities under another name: the same words, the name aside.
    other = Promises(replace(NEXT, name="Otro"))
    assert other.not_found(10) == words.not_found(10)
    assert other.looked_for() == words.looked_for()


def test_r19_a_dealer_that_lets_no_sale_be_looked_up_sends_the_cashier_to_the_desk():
    words = Promises(NEITHER)
    assert words.looks == "none"
    assert "mesa de control" in words.looked_for() and "mesa de control" in words.not_found(10)


@pytest.mark.parametrize("caps", [V1_CAPABILITIES, TAECEL, TRANSACT, NEXT, NEITHER])
def test_r18_every_promise_reads_in_english_too(caps):
    set_language("en")
    try:
        words = Promises(caps)
        for text in (words.not_found(10), words.looked_for(), words.pending_next(),
                     words.no_statement(), words.lookup_by()):
            assert text and "{" not in text
            assert not any(w in text for w in ("referencia", "reporte", "distribuidor",
                                               "venta nueva", "la app"))
    finally:
        set_language("es")


@pytest.mark.parametrize("caps", [V1_CAPABILITIES, TAECEL, TRANSACT])
def test_r19_the_cashiers_guide_quotes_what_each_dealers_screen_says(caps):
    """docs/guia-cajero.md (sections 9 and 10) quotes the sentences this module chooses, so
    the guide never promises what a dealer's screen does not."""
    from pathlib import Path

    guide = Path(__file__).resolve().parents[2] / "docs" / "guia-cajero.md"
    text = " ".join(guide.read_text(encoding="utf-8").split())
    words = Promises(caps)
    assert f"«{words.resend()}»" in text
    if caps is TRANSACT:
        looked = Promises(replace(caps, name="Pagaqui")).looked_for()
        assert f"«{looked}»" in text
    for kind in ("nothing", "unreadable", "error", "in_progress"):
        assert f"«{t(f'check.heard.{kind}')}»" in text
