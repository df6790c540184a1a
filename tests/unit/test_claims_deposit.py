"""Claims: the notebook's proof (R04, R19); deposit notices refused with what to do (R01, R14)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from recarga_tui.domain import claims
from recarga_tui.domain.deposit import DepositError, validate
from recarga_tui.domain.sale import Sale, State

TZ = timezone(timedelta(hours=-6))
T0 = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)


def confirmed(ref, msisdn, folio, minutes=0):
    at = T0 + timedelta(minutes=minutes)
    s = Sale.capture(ref, msisdn, "telcel", "TEL-050", 5000, at)
    s = s.advance(State.ACCEPTED, at + timedelta(seconds=10))
    s = s.advance(State.PAID, at + timedelta(seconds=20), handed=5000, change=0)
    s = s.advance(State.SENDING, at + timedelta(seconds=30), attempt=1)
    return s.advance(State.CONFIRMED, at + timedelta(seconds=40), carrier_folio=folio,
                     found_in="report")


def test_r04_the_proof_holds_the_acceptance_time_and_the_folio():
    p = claims.proof(confirmed("A", "2727215380", "4820017731"))
    assert p.accepted_at == T0 + timedelta(seconds=10)
    assert p.paid_at == T0 + timedelta(seconds=20)
    assert p.sent_at == T0 + timedelta(seconds=30)
    assert (p.carrier_folio, p.found_in) == ("4820017731", "report")
    assert p.say_key == "claims.say.confirmed"


def test_search_by_number_last_digits_or_folio_newest_first():
    sales = [confirmed("A", "2727215380", "111", 0), confirmed("B", "2727215380", "222", 5),
             confirmed("C", "5555550000", "333", 1),
             Sale.capture("N", "2727215380", "telcel", "TEL-050", 5000, T0)]  # never paid
    assert [p.sale.ref for p in claims.search(sales, "2727215380")] == ["B", "A"]
    assert [p.sale.ref for p in claims.search(sales, "5380")] == ["B", "A"]
    assert [p.sale.ref for p in claims.search(sales, "333")] == ["C"]
    assert claims.search(sales, "abc") == []


TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("fields, field, code", [
    (("", "500", "R1", "2026-11-25"), "bank", "deposit.bank_empty"),
    (("BBVA", "50 pesos", "R1", "2026-11-25"), "amount", "money.letters"),
    (("BBVA", "0", "R1", "2026-11-25"), "amount", "deposit.amount_zero"),
    (("BBVA", "500", "  ", "2026-11-25"), "reference", "deposit.reference_empty"),
    (("BBVA", "500", "R1", "25/11/2026"), "date", "deposit.date_format"),
    (("BBVA", "500", "R1", "2026-11-26"), "date", "deposit.date_future"),
    (("BBVA", "500", "R1", ""), "date", "deposit.date_empty"),
])
def test_r14_a_bad_deposit_notice_is_refused_by_field(fields, field, code):
    with pytest.raises(DepositError) as caught:
        validate(*fields, today=TODAY)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_r14_a_good_deposit_notice():
    notice = validate(" BBVA ", "$1,500.50", "REF-9", "2026-11-24", today=TODAY)
    assert (notice.bank, notice.amount, notice.reference, notice.deposited_on) == (
        "BBVA", 150050, "REF-9", date(2026, 11, 24))
