"""The catalog's rules: fields typed and confirmed, service references grouped for reading
aloud, open amounts within their limits, pools, and what a sale was sold as (R03, R04, R01)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recarga_tui.domain import catalog
from recarga_tui.domain.catalog import Category, Field, FieldKind, Product
from recarga_tui.domain.sale import Sale, SaleError

REFERENCES = st.text("0123456789", min_size=catalog.REFERENCE_MIN,
                     max_size=catalog.REFERENCE_MAX)
CFE_FIELD = Field("referencia", "Número de servicio", FieldKind.REFERENCE, 12, 30)
CFE = Product("PAGO-CFE", "cfe", 0, Category.BILL, "Pago CFE", pool="servicios",
              fields=(CFE_FIELD,), min_amount=100, max_amount=1_000_000)


@given(REFERENCES)
def test_r04_a_reference_reads_aloud_in_groups_of_four_and_keeps_every_digit(reference):
    grouped = catalog.group_reference(reference)
    parts = grouped.split(" ")
    assert "".join(parts) == reference
    assert all(len(p) == 4 for p in parts[:-1]) and 1 <= len(parts[-1]) <= 4
    for i, digit in enumerate(reference):  # each position is found where the marks put it
        assert grouped[catalog.reference_index(i)] == digit


def test_r04_a_twelve_digit_reference_is_three_groups():
    assert catalog.group_reference("012345678901") == "0123 4567 8901"


@given(REFERENCES, st.data())
def test_r03_a_confirmed_field_typed_differently_shows_exactly_the_differing_positions(
        reference, data):
    where = data.draw(st.sets(st.integers(0, len(reference) - 1), min_size=1))
    second = "".join(str((int(d) + 1) % 10) if i in where else d
                     for i, d in enumerate(reference))
    found = catalog.compare_field(reference, second)
    assert not found.matches and set(found.positions) == where
    marks = found.marks()
    assert {i for i, ch in enumerate(marks) if ch == "^"} == {
        catalog.reference_index(i) for i in where}


@given(REFERENCES, st.integers(1, 5))
def test_r03_a_shorter_second_entry_differs_in_every_missing_place(reference, cut):
    found = catalog.compare_field(reference, reference[:-cut])
    assert found.positions == tuple(range(len(reference) - cut, len(reference)))


def test_r03_the_same_reference_twice_matches():
    assert catalog.compare_field("012345678901", "012345678901").matches


@pytest.mark.parametrize("typed, code", [
    ("", "catalog.field_required"),
    ("01234567890A", "catalog.field_digits"),
    ("01234567890", "catalog.field_length"),
    ("0" * 31, "catalog.field_length"),
])
def test_r03_a_field_is_checked_against_the_catalogs_length_and_format(typed, code):
    with pytest.raises(SaleError) as refused:
        catalog.field_value(typed, CFE_FIELD)
    assert refused.value.code == code


def test_r03_spaces_typed_around_the_groups_are_not_part_of_the_reference():
    assert catalog.field_value("0123 4567 8901", CFE_FIELD) == "012345678901"


@pytest.mark.parametrize("amount", [99, 1_000_001, 0, -5])
def test_r04_an_open_amount_outside_the_catalogs_limits_is_refused(amount):
    with pytest.raises(SaleError):
        CFE.priced(amount)


def test_r04_an_open_amount_within_the_limits_prices_the_product():
    assert CFE.priced(45_050).amount == 45_050 and CFE.priced(45_050).open_amount


def test_r01_a_pool_that_cannot_cover_the_amount_says_so():
    bill = CFE.priced(50_000)
    assert not catalog.pool_covers({"": 10**9, "servicios": 49_999}, bill)
    assert catalog.pool_covers({"": 0, "servicios": 50_000}, bill)
    assert catalog.pool_covers({"": 0}, bill)  # a pool the dealer did not name: its to judge


def test_r03_a_sale_keeps_its_category_and_fields_and_an_old_one_reads_as_airtime():
    from datetime import UTC, datetime

    at = datetime(2026, 3, 1, 12, tzinfo=UTC)
    bill = CFE.priced(45_050)
    sold = catalog.sold_as(bill, "012345678901").journal()
    sale = Sale.capture("T-1", "012345678901", "cfe", "PAGO-CFE", 45_050, at, **sold)
    again = Sale.from_dict(sale.to_dict())
    assert again.category is Category.BILL
    assert again.sold.fields == {"referencia": "012345678901"}
    old = Sale.capture("T-2", "5555550000", "telcel", "TEL-050", 5000, at)
    assert Sale.from_dict(old.to_dict()).category is Category.AIRTIME
    assert Category.of("gift") is Category.AIRTIME
