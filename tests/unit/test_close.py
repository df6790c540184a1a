"""The cash close adds up to the centavo (R02, R05-R07, R17)."""

from datetime import datetime, timedelta, timezone

from rich.pretty import pretty_repr

from recarga_tui.domain.close import balance_used, close, net_paid
from recarga_tui.domain.sale import Sale, State

TZ = timezone(timedelta(hours=-6))
T0 = datetime(2026, 11, 25, 8, 0, tzinfo=TZ)
DAY = (T0, T0 + timedelta(days=1))


def paid(ref, amount, handed, at=T0, carrier="telcel", **data):
    s = Sale.capture(ref, "2727215380", carrier, "SKU", amount, at)
    return s.advance(State.ACCEPTED, at).advance(State.PAID, at, handed=handed,
                                                 change=handed - amount + data.pop("extra", 0),
                                                 **data)


def confirmed(ref, amount, handed, **kw):
    s = paid(ref, amount, handed, **kw)
    at = s.updated_at
    return s.advance(State.SENDING, at, attempt=1).advance(State.CONFIRMED, at, carrier_folio="1")


def test_r05_confirmed_sales_by_company_cash_and_change():
    sales = [confirmed("A", 5000, 10000), confirmed("B", 2000, 2000),
             confirmed("C", 10000, 20000, carrier="movistar")]
    c = close(sales, *DAY)
    assert [(x.carrier_id, x.count, x.total) for x in c.by_carrier] == [
        ("movistar", 1, 10000), ("telcel", 2, 7000)]
    assert (c.cash_taken, c.change_given, c.given_back) == (32000, 15000, 0)
    assert c.drawer == c.confirmed_total == 17000
    assert c.balanced


def test_r17_unknown_and_deferred_money_is_owed_not_earned():
    deferred = paid("D", 3000, 5000)
    deferred = deferred.advance(State.DEFERRED, T0, promised_at="x")
    unknown = paid("U", 5000, 5000).advance(State.SENDING, T0, attempt=1)
    unknown = unknown.advance(State.UNKNOWN, T0, origin="network")
    c = close([deferred, unknown, confirmed("A", 1000, 1000)], *DAY)
    assert c.confirmed_total == 1000
    assert c.owed_total == 8000
    assert c.drawer == 9000 and c.balanced


def test_r02_money_given_back_is_what_the_customer_paid_net_of_change():
    refunded = paid("R", 5000, 10000).advance(State.REFUNDED, T0, reason="left",
                                               returned=10000)
    c = close([refunded], *DAY)
    assert c.given_back == 5000 == net_paid(refunded)
    assert c.drawer == 0 and c.balanced


def test_carried_money_is_counted_once():
    rejected = paid("A", 5000, 10000).advance(State.SENDING, T0, attempt=1)
    rejected = rejected.advance(State.REJECTED, T0, origin="consumer")
    carried = rejected.advance(State.CARRIED, T0, to_ref="B")
    cheaper = Sale.capture("B", "2727215381", "telcel", "SKU", 3000, T0)
    cheaper = cheaper.advance(State.ACCEPTED, T0).advance(
        State.PAID, T0, handed=0, change=2000, carried_from="A", credit=5000)
    cheaper = cheaper.advance(State.SENDING, T0, attempt=1).advance(State.CONFIRMED, T0)
    both = close([carried, cheaper], *DAY)
    assert both.drawer == 3000 == both.confirmed_total and both.balanced
    only_new = close([cheaper], *DAY)
    assert only_new.carried_in == 5000 and only_new.balanced
    only_old = close([carried], *DAY)
    assert only_old.carried_out == 5000 and only_old.balanced


def test_a_shift_counts_only_sales_paid_inside_it():
    early = confirmed("E", 1000, 1000, at=T0)
    late = confirmed("L", 2000, 2000, at=T0 + timedelta(hours=5))
    unpaid = Sale.capture("N", "2727215380", "telcel", "SKU", 9000, T0)
    c = close([early, late, unpaid], T0 + timedelta(hours=4), DAY[1])
    assert [s.ref for s in c.sales] == ["L"] and c.confirmed_total == 2000


class M:
    def __init__(self, kind, amount, reference=None):
        self.kind, self.amount, self.reference = kind, amount, reference


def test_balance_used_counts_top_ups_net_of_their_credits():
    movements = [M("deposit", 100000), M("topup", -5000, "A"), M("topup", -2000, "B"),
                 M("credit", 2000, "B"), M("credit", 300), M("commission", 150)]
    assert balance_used(movements) == 5000


def sold(category, ref, amount, handed, *, state=State.CONFIRMED, carried_from=None):
    """A sale of ``category`` paid with ``handed`` (and money carried from a rejected sale)."""
    from recarga_tui.domain.catalog import SoldWith

    msisdn = "555555000000" if category.value == "bill" else "2727215380"
    s = Sale.capture(ref, msisdn, "telcel", f"SKU-{ref}", amount, T0,
                     **SoldWith(category).journal())
    s = s.advance(State.ACCEPTED, T0)
    credit = carried_from.amount if carried_from is not None else 0
    change = handed - max(0, amount - credit) + max(0, credit - amount)
    data = {"carried_from": carried_from.ref, "credit": credit} if carried_from else {}
    s = s.advance(State.PAID, T0, handed=handed, change=change, **data)
    s = s.advance(State.SENDING, T0, attempt=1)
    if state is State.CONFIRMED:
        return s.advance(State.CONFIRMED, T0, carrier_folio="1")
    if state is State.REJECTED:
        return s.advance(State.REJECTED, T0, origin="carrier", code="x", params={})
    return s.advance(State.UNKNOWN, T0, origin="network", code="x", params={})


def test_r14_a_day_of_airtime_bundles_and_bills_balances_per_category_to_the_centavo():
    from recarga_tui.domain.catalog import Category

    air, bundle, bill = Category.AIRTIME, Category.BUNDLE, Category.BILL
    rejected = sold(air, "R", 3000, 5000, state=State.REJECTED)
    carried = rejected.advance(State.CARRIED, T0, to_ref="K")   # its $30 pays a bundle
    refunded = sold(bill, "F", 12_345, 20_000, state=State.REJECTED).advance(
        State.REFUNDED, T0, reason="rejected", returned=12_345)
    sales = [
        sold(air, "A", 5000, 10_000), sold(air, "B", 2000, 2000), carried,
        sold(bundle, "K", 5000, 5000, carried_from=rejected),    # $20 more, $30 carried in
        sold(bundle, "U", 10_000, 20_000, state=State.UNKNOWN),  # owed: not earned yet
        sold(bill, "P", 45_050, 50_000), sold(bill, "Q", 99_999, 100_000), refunded,
    ]
    c = close(sales, *DAY)
    parts = dict(c.by_category)
    assert list(parts) == [air, bundle, bill]
    assert c.balanced and all(part.balanced for part in parts.values())
    assert (parts[air].confirmed_total, parts[air].carried_out, parts[air].drawer) == (
        7000, 3000, 10_000)
    assert (parts[bundle].confirmed_total, parts[bundle].owed_total,
            parts[bundle].carried_in, parts[bundle].drawer) == (5000, 10_000, 3000, 12_000)
    assert (parts[bill].confirmed_total, parts[bill].given_back, parts[bill].drawer) == (
        145_049, 12_345, 145_049)
    # The parts add up to the whole, centavo by centavo.
    for name in ("cash_taken", "change_given", "given_back", "drawer", "confirmed_total",
                 "owed_total"):
        assert sum(getattr(p, name) for p in parts.values()) == getattr(c, name), name
    assert c.drawer == 167_049


def test_r14_a_journal_without_categories_closes_as_airtime():
    c = close([confirmed("A", 5000, 10_000)], *DAY)
    assert [category.value for category, _ in c.by_category] == ["airtime"]


def test_a_close_shows_its_figures_not_the_sales_behind_them():
    """repr and rich (Textual's log) show a close's figures: a day's sales, and the same
    close again per category, would bury them."""
    c = close([confirmed("A-REF-SHOWN", 5000, 10000)], *DAY)
    assert c.sales and c.by_category
    for shown in (repr(c), pretty_repr(c)):
        assert "cash_taken=10000" in shown and "by_carrier=" in shown
        assert "A-REF-SHOWN" not in shown and "by_category" not in shown and "sales=" not in shown
