"""The sales report beside the notebook: the three kinds of difference (R19, R14)."""

from datetime import datetime, timedelta, timezone

from recarga_tui.domain.reconcile import Kind, ReportLine, differences, reconcile
from recarga_tui.domain.sale import Sale, State

TZ = timezone(timedelta(hours=-6))
T0 = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
WINDOW = timedelta(minutes=10)


def sale(ref, msisdn="2727215380", amount=5000, state=State.CONFIRMED, at=T0, folio="F1"):
    s = Sale.capture(ref, msisdn, "telcel", "TEL-050", amount, at)
    s = s.advance(State.ACCEPTED, at).advance(State.PAID, at, handed=amount, change=0)
    s = s.advance(State.SENDING, at, attempt=1)
    if state is State.CONFIRMED:
        return s.advance(State.CONFIRMED, at + timedelta(seconds=5), carrier_folio=folio,
                         found_in="answer")
    if state is State.UNKNOWN:
        return s.advance(State.UNKNOWN, at + timedelta(seconds=5), origin="network")
    if state is State.REJECTED:
        return s.advance(State.REJECTED, at + timedelta(seconds=5), origin="carrier")
    return s


def line(ref, msisdn="2727215380", amount=5000, folio="F1", at=T0):
    return ReportLine(ref, msisdn, amount, "telcel", folio, at)


def kinds(rows):
    return {row.ref: row.kind for row in rows}


def test_r19_agreeing_sides_have_no_difference():
    rows = reconcile([sale("A")], [line("A")], T0 + timedelta(hours=1), WINDOW)
    assert kinds(rows) == {"A": Kind.MATCH}
    assert differences(rows) == []


def test_r14_a_top_up_only_in_the_report_is_a_difference():
    rows = reconcile([], [line("X")], T0, WINDOW)
    assert kinds(rows) == {"X": Kind.ONLY_REPORT}
    assert rows[0].is_difference and rows[0].sale is None


def test_r19_confirmed_but_absent_counts_only_after_the_reflection_window():
    sales = [sale("A")]
    confirmed_at = T0 + timedelta(seconds=5)
    assert kinds(reconcile(sales, [], confirmed_at + WINDOW - timedelta(seconds=1), WINDOW)) \
        == {"A": Kind.WAITING}
    rows = reconcile(sales, [], confirmed_at + WINDOW, WINDOW)
    assert kinds(rows) == {"A": Kind.MISSING}
    assert rows[0].is_difference


def test_r14_amount_number_folio_and_state_differences_are_named():
    rows = reconcile([sale("A", amount=5000), sale("B"), sale("C", folio="F9"),
                      sale("D", state=State.UNKNOWN)],
                     [line("A", amount=10000), line("B", msisdn="2727215381"),
                      line("C", folio="F8"), line("D")], T0, WINDOW)
    by_ref = {row.ref: row for row in rows}
    assert by_ref["A"].differs == ("amount",)
    assert by_ref["B"].differs == ("msisdn",)
    assert by_ref["C"].differs == ("carrier_folio",)
    assert by_ref["D"].differs == ("state",)
    assert all(row.kind is Kind.DIFFERENT for row in rows)


def test_sales_that_never_claimed_delivery_are_not_the_reports_business():
    rows = reconcile([sale("R", state=State.REJECTED), sale("U", state=State.UNKNOWN)], [],
                     T0 + timedelta(hours=2), WINDOW)
    assert rows == []


def test_rows_come_oldest_first_and_a_repeated_line_counts_once():
    rows = reconcile([sale("B", at=T0 + timedelta(minutes=5))],
                     [line("A"), line("A"), line("B", at=T0 + timedelta(minutes=5))],
                     T0 + timedelta(hours=1), WINDOW)
    assert [row.ref for row in rows] == ["A", "B"]
