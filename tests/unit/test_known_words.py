"""Words that say what the app knows, no more (R01, R04, R16, R18): what came back from the
dealer told as it came, a product named as what it is, an open amount asked whenever a
product has no fixed one, and the shop's own name a setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from recarga_tui import config
from recarga_tui.domain.catalog import OPEN_AMOUNT_LIMITS, Category, Product
from recarga_tui.domain.faults import Heard, heard
from recarga_tui.domain.sale import SaleError
from recarga_tui.i18n import t, tc


@pytest.mark.parametrize("data, expect", [
    ({"reason": "timeout", "code": "dealer.unknown.timeout"}, Heard.NOTHING),
    ({"reason": "dropped"}, Heard.NOTHING),
    ({"reason": "interrupted", "code": "recovery.interrupted"}, Heard.NOTHING),
    ({"reason": "malformed"}, Heard.UNREADABLE),
    ({"reason": "too_large"}, Heard.UNREADABLE),       # a 20 MB body is an answer, unread
    ({"reason": "mismatch"}, Heard.UNREADABLE),
    ({"reason": "server_error"}, Heard.ERROR),         # an HTTP 500 is an answer too
    ({"reason": "dealer_unknown", "code": "dealer.taecel.recent_topup"}, Heard.ERROR),
    ({"reason": "pending"}, Heard.IN_PROGRESS),
    # Taecel's "En Proceso" at the send time, and transact's polling that ran out on rcode 2.
    ({"reason": "timeout", "code": "dealer.taecel.in_progress"}, Heard.IN_PROGRESS),
    ({"reason": "timeout", "code": "dealer.unknown.timeout", "expired": True},
     Heard.IN_PROGRESS),
])
def test_r16_what_came_back_is_one_of_four_things_each_said_apart(data, expect):
    assert heard(data) is expect
    words = {t(f"check.heard.{kind.value}") for kind in Heard}
    assert len(words) == 4


def test_r04_a_product_without_a_fixed_amount_is_an_open_amount_even_without_limits():
    bill = Product("CFE000", "40", 0, Category.BILL)  # a catalog that names no limits
    assert bill.open_amount and bill.limits == OPEN_AMOUNT_LIMITS
    assert bill.priced(45_050).amount == 45_050
    with pytest.raises(SaleError) as refused:
        bill.priced(OPEN_AMOUNT_LIMITS[1] + 1)
    assert t(refused.value.code, **refused.value.params) == \
        "El importe debe ser de $1.00 a $10,000.00"


def test_r18_each_product_is_named_as_what_it_is():
    assert tc("receipt.title", Category.AIRTIME) == "Recarga realizada"
    assert tc("receipt.title", Category.BILL) == "Pago de servicio realizado"
    assert tc("receipt.time", Category.BILL) == "Hora del pago"
    assert tc("receipt.carrier_folio", Category.BILL) == "Folio del servicio"
    assert tc("print.sale_title", Category.BILL) == "PAGO DE SERVICIO"
    assert tc("print.sale_title", Category.BUNDLE) == "VENTA DE PAQUETE"
    assert "o el paquete" in tc("print.no_claims", Category.BUNDLE)
    assert tc("sale.bad_amount", Category.BILL) == "El importe del pago debe ser mayor que cero"
    assert tc("receipt.dealer_folio", Category.BILL) == t("receipt.dealer_folio")


def test_the_shops_own_name_is_a_setting(tmp_path: Path):
    good = tmp_path / "good.toml"
    good.write_text('[app]\nshop_name = "Abarrotes Lupita"\n', encoding="utf-8")
    assert config.load(good).app.shop_name == "Abarrotes Lupita"
    assert config.Settings().app.shop_name == ""
    bad = tmp_path / "bad.toml"
    bad.write_text('[app]\nshop_name = "x\\ny"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError):
        config.load(bad)
