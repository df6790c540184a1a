"""The counter and the catalog: what a sale is sold as is journaled at capture and kept
through a correction (R03), the repeated-sale warning is about the same reference, product
and amount, and a pool that cannot cover a sale is named before any money (R01, R14)."""

from __future__ import annotations

from datetime import datetime

from test_counter import START, TELCEL_50, journal, make  # noqa: F401

from recarga_tui.dealer.records import Balances, Pool
from recarga_tui.domain.catalog import Category, Field, FieldKind, Product
from recarga_tui.domain.faults import Origin

CFE = Product("PAGO-CFE", "cfe", 0, Category.BILL, "Pago CFE", pool="servicios",
              fields=(Field("referencia", "Número de servicio", FieldKind.REFERENCE, 12, 30),),
              min_amount=100, max_amount=1_000_000)
REFERENCE = "555555000000"


def pools(main: int, services: int) -> Balances:
    return Balances((Pool("", "Tiempo Aire", main), Pool("servicios", "Pago de Servicios",
                                                          services)), "MXN", START)


def test_r03_a_bill_is_journaled_with_its_category_reference_and_amount(journal):  # noqa: F811
    counter, _, _ = make(journal)
    sale = counter.start(REFERENCE, CFE.priced(45_050))
    stored = journal.get(sale.ref)
    assert (stored.category, stored.msisdn, stored.amount) == (Category.BILL, REFERENCE, 45_050)
    assert stored.sold.fields == {"referencia": REFERENCE} and stored.sold.name == "Pago CFE"
    again = counter.correct(stored, REFERENCE, CFE.priced(50_000))
    assert (again.category, again.amount) == (Category.BILL, 50_000)
    back = counter.reopen(counter.accept(again))
    assert back.category is Category.BILL  # back to capture, still a bill


def test_r03_the_repeated_sale_warning_is_for_the_same_reference_product_and_amount(
        journal):  # noqa: F811
    counter, _, _ = make(journal)
    counter.start(REFERENCE, CFE.priced(45_050))
    assert counter.recent_same(REFERENCE, 45_050, "PAGO-CFE")
    assert not counter.recent_same(REFERENCE, 45_050, "PAGO-TELMEX")
    assert not counter.recent_same(REFERENCE, 45_051, "PAGO-CFE")


def test_r01_r14_a_pool_that_cannot_cover_the_sale_is_the_shops_with_what_to_do(
        journal):  # noqa: F811
    counter, _, _ = make(journal)
    bill = CFE.priced(45_050)
    assert counter.pool_short(bill, pools(10**9, 45_050)) is None
    fault = counter.pool_short(bill, pools(10**9, 45_049))
    assert fault is not None and fault.origin is Origin.SHOP
    assert fault.params == {"pool": "Pago de Servicios", "available": "$450.49",
                            "amount": "$450.50"}
    # Airtime is paid from the main pool; one balance pays for everything.
    assert counter.pool_short(TELCEL_50, pools(4_999, 10**9)) is not None
    single = Balances((Pool("", "", 45_049),), "MXN", datetime.now(START.tzinfo))
    assert counter.pool_short(bill, single) is not None
    assert counter.pool_short(bill, None) is None  # no balance read yet: the dealer judges


def test_r01_a_balance_in_another_currency_is_not_held_against_a_sale_in_pesos(
        journal):  # noqa: F811
    """An account kept in dollars: 50.00 of them are no shortfall for a $500 sale in pesos
    (nothing here knows the rate; the dealer refuses what it cannot cover, origin the shop);
    the same figure in pesos is."""
    counter, _, _ = make(journal)
    big = CFE.priced(50_000)
    dollars = Balances((Pool("", "", 5_000),), "USD", START)
    assert counter.pool_short(big, dollars) is None
    pesos = Balances((Pool("", "", 5_000),), "mxn", START)
    short = counter.pool_short(big, pesos)
    assert short is not None and short.origin is Origin.SHOP
