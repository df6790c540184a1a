"""The pure rules under cashiers and earnings: a PIN's and a name's shape, a percentage as
basis points, an earning rounded down, a sale older than earnings counted apart, a shift's
history (R03, R12)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recarga_tui.domain import shift as desk
from recarga_tui.domain.cashier import Cashier, check_name, check_pin
from recarga_tui.domain.catalog import Category, Earns, Product
from recarga_tui.domain.earnings import (
    Source,
    Terms,
    basis_points,
    confirmed_data,
    earned,
    summarize,
    terms_for,
)
from recarga_tui.domain.sale import Sale, SaleError, State

TZ = timezone(timedelta(hours=-6))
AT = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
RATES = {Category.AIRTIME: 650, Category.BUNDLE: 0, Category.BILL: 125}


@pytest.mark.parametrize("pin", ["1234", "00000000", "9081726"])
def test_r12_a_pin_is_four_to_eight_digits(pin):
    assert check_pin(pin) == pin


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "１２３４", " 1234", "", "12.4"])
def test_r12_anything_else_is_refused_and_the_refusal_never_holds_it(pin):
    with pytest.raises(SaleError) as refused:
        check_pin(pin)
    assert pin not in str(refused.value.params) or not pin


def test_a_cashiers_name_is_one_line_spaces_tidied():
    assert check_name("  Ana   María ") == "Ana María"
    for wrong in ("", "   ", "x" * 31, "Ana\x07"):
        with pytest.raises(SaleError):
            check_name(wrong)


@pytest.mark.parametrize("percent, bp", [(0.0, 0), (6.5, 650), (6.25, 625), (100.0, 10_000),
                                         (0.01, 1), (7.0, 700)])
def test_a_percentage_is_exactly_its_basis_points(percent, bp):
    assert basis_points(percent) == bp


@pytest.mark.parametrize("percent", [6.255, -1.0, 100.01, float("nan")])
def test_a_percentage_of_more_than_two_decimals_or_outside_is_refused(percent):
    with pytest.raises(ValueError):
        basis_points(percent)


@given(st.integers(1, 10_000_000), st.integers(0, 10_000))
def test_r03_a_rate_never_says_the_shop_earned_more_than_it_did(amount, bp):
    got = Earns(bp=bp).of(amount)
    assert got * 10_000 <= amount * bp < (got + 1) * 10_000


def sale(product: Product, **capture) -> Sale:
    s = Sale.capture("R1", "2727215380", product.carrier_id, product.sku, product.amount, AT,
                     category=product.category.value, **capture)
    s = s.advance(State.ACCEPTED, AT).advance(State.PAID, AT, handed=s.amount, change=0)
    return s.advance(State.SENDING, AT, attempt=1)


def test_r03_the_terms_of_the_capture_decide_the_earning_whatever_the_rates_later():
    tel = Product("TEL-050", "telcel", 5000)
    dealer = Product("TEL-050", "telcel", 5000, earns=Earns(centavos=300))
    assert terms_for(tel, RATES) == Terms(Source.RATE, Earns(bp=650))
    assert terms_for(dealer, RATES) == Terms(Source.DEALER, Earns(centavos=300))
    captured = sale(tel, earning_terms=terms_for(tel, RATES).journal())
    assert Terms.of(captured.history[0].data) == Terms(Source.RATE, Earns(bp=650))
    later_rates = {**RATES, Category.AIRTIME: 1_000}
    assert confirmed_data(captured, None, later_rates) == {"earning": 325,
                                                           "earning_source": "rate"}
    assert confirmed_data(captured, 410, later_rates) == {"earning": 410,
                                                          "earning_source": "dealer"}
    older = sale(tel)  # captured before terms were journaled: the rate at its confirmation
    assert confirmed_data(older, None, later_rates)["earning"] == 500


def test_r03_a_sale_confirmed_before_earnings_were_journaled_is_counted_apart():
    tel = Product("TEL-050", "telcel", 5000)
    ana = Cashier("c01", "Ana")
    new = sale(tel, cashier=ana.journal()).advance(State.CONFIRMED, AT, carrier_folio="F",
                                                   earning=300, earning_source="dealer")
    old = sale(tel).advance(State.CONFIRMED, AT, carrier_folio="F")
    assert earned(old) is None and earned(new).centavos == 300
    total = summarize([new, old, sale(tel)])
    assert (total.total, total.count, total.unknown) == (300, 1, 1)
    assert total.by_cashier == ((ana, 300),) and total.by_source == ((Source.DEALER, 300),)


def test_r03_a_shift_opens_once_and_closes_once():
    opened = desk.Shift.open("S1", Cashier("c01", "Ana"), AT, 10_000)
    found = desk.figures([], AT, AT + timedelta(hours=1), opened.opening)
    closed = opened.closed(AT + timedelta(hours=1), 10_000, found)
    with pytest.raises(SaleError):
        desk.Shift(closed.record.advance(desk.Step.CLOSED, AT + timedelta(hours=2)))
    for wrong in (-1, True, 1.5):
        with pytest.raises(SaleError):
            opened.closed(AT + timedelta(hours=1), wrong, found)
    history = [e.to_dict() for e in closed.record.history]
    assert desk.history_problem("shift", history) is None
    assert desk.history_problem("shift", history[::-1])[0] == "journal.desk.not_first"
    assert desk.history_problem("party", history)[0] == "journal.desk.bad_kind"
    assert desk.read(closed.record.to_dict()) == closed
