"""What the shop earned: a simulated day through each kind of dealer's simulator sums to what
the dealer's own figures say (protocol v1.2's earnings, transact's costo), or to the shop's
configured rate where the dealer says nothing (Taecel, a bill's costo); each sale keeps what
it earned when it was sold, so a rate changed later does not change a past day; the close,
the report, the owner's day view and the export sum it per category and per cashier."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from desk_shop import START, TZ, desk_shop, reopened
from test_counter import TELCEL_50, ScriptedDealer

from recarga_tui import i18n
from recarga_tui.config import EarningSettings, Settings
from recarga_tui.dealer.outcomes import Confirmed
from recarga_tui.domain.catalog import Category
from recarga_tui.domain.earnings import Earned, Source, earned, summarize
from recarga_tui.domain.sale import State
from recarga_tui.journal.export import write_csv
from recarga_tui.journal.journal import Journal
from recarga_tui.services import cash_close, report
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Counter
from recarga_tui.sim import catalog as v1_catalog
from recarga_tui.sim.transact import catalog as transact_catalog

RATES = EarningSettings(airtime_percent=6.5, bundle_percent=4.25, bill_percent=1.5)
CFE_REF = "555555000010"  # a bill's test reference: paid at once


def with_rates(rates: EarningSettings = RATES) -> Settings:
    return replace(Settings(), earnings=rates)


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


def day_earnings(shop):
    return summarize(shop.services.notebook.sales_of_day(START.date()))


async def test_r03_a_v1_day_sums_to_the_dealers_v12_figures(tmp_path):
    shop = await desk_shop(tmp_path, "v1", with_rates())
    try:
        sold = [await shop.sell("5555500010", await shop.product("TEL-050")),
                await shop.sell("5555500020", await shop.product("MOV-100")),
                await shop.sell("5555500030", await shop.product("ASL-050")),
                await shop.sell(CFE_REF, await shop.product("PAGO-CFE", 45_050)),
                await shop.sell("5555550000123450", await shop.product("PAGO-AGUA", 12_345))]
        assert [s.state for s in sold] == [State.CONFIRMED] * 5
        # The dealer's own figures, from the simulated dealer's tables.
        expected = [5_000 * v1_catalog.AIRTIME_PERCENT["telcel"] // 100,
                    10_000 * v1_catalog.AIRTIME_PERCENT["movistar"] // 100,
                    5_000 * v1_catalog.BUNDLE_PERCENT // 100,
                    v1_catalog.BILL_EARNING["cfe"],
                    12_345 * v1_catalog.BILL_EARNING_RATE["agua"] // 10_000]
        assert [earned(s).centavos for s in sold] == expected == [300, 700, 250, 400, 123]
        assert {earned(s).source for s in sold} == {Source.DEALER}
        total = day_earnings(shop)
        assert total.total == sum(expected)
        assert dict(total.by_category) == {Category.AIRTIME: 1_000, Category.BUNDLE: 250,
                                           Category.BILL: 523}
    finally:
        shop.close()


async def test_r03_a_transact_day_sums_to_its_costo_and_a_bill_to_the_shops_rate(tmp_path):
    shop = await desk_shop(tmp_path, "transact", with_rates())
    try:
        tel50 = await shop.product("TEL-050")
        bundle = await shop.product("PAQ-TEL-100")
        bill = await shop.product("SRV-CFE", 30_000)
        sold = [await shop.sell("5555500010", tel50),
                await shop.sell("5555500020", bundle),
                await shop.sell("555555" + "0" * 23 + "0", bill)]
        assert [s.state for s in sold] == [State.CONFIRMED] * 3
        costo = [int(transact_catalog.cost(50, v1_catalog.AIRTIME_PERCENT["telcel"])),
                 int(transact_catalog.cost(100, transact_catalog.BUNDLE_PERCENT))]
        assert [earned(s) for s in sold[:2]] == [Earned((50 - costo[0]) * 100, Source.DEALER),
                                                 Earned((100 - costo[1]) * 100, Source.DEALER)]
        # A bill's costo says nothing of a share of the amount typed: the shop's rate.
        assert (earned(sold[2]).centavos, earned(sold[2]).source) == (
            30_000 * 150 // 10_000, Source.RATE)
        assert day_earnings(shop).total == 300 + 400 + 450
    finally:
        shop.close()


async def test_r03_taecel_sums_to_the_shops_rates_and_a_rate_changed_later_changes_no_past_day(
        tmp_path):
    shop = await desk_shop(tmp_path, "taecel", with_rates())
    try:
        sold = [await shop.sell("5555500010", await shop.product("TEL050")),
                await shop.sell("5555500020", await shop.product("ASL100")),
                await shop.sell(CFE_REF, await shop.product("CFE000", 80_000))]
        assert [s.state for s in sold] == [State.CONFIRMED] * 3
        # Taecel's answers name no earning of the shop's: the configured rate per category,
        # rounded down to the centavo.
        assert [(earned(s).centavos, earned(s).source) for s in sold] == [
            (325, Source.RATE), (425, Source.RATE), (1_200, Source.RATE)]
        waiting = shop.paid("5555500030", await shop.product("TEL100"))  # sold, not sent yet
        before = day_earnings(shop)
        assert before.total == 325 + 425 + 1_200

        # The owner changes the rates; the app starts again over the same notebook.
        later = await reopened(shop, with_rates(EarningSettings(airtime_percent=10.0)))
        shop.services = later.services
        assert day_earnings(later) == before  # a past sale keeps what it earned
        # The sale paid before the change and sent after it earns on the terms it was sold on.
        sent = await later.services.counter.send(later.services.notebook.get(waiting.ref))
        assert (earned(sent).centavos, earned(sent).source) == (650, Source.RATE)
        # A sale of today, on today's rate.
        new = await later.sell("5555500040", await later.product("TEL100"))
        assert earned(new).centavos == 1_000
        assert day_earnings(later).total == before.total + 650 + 1_000
    finally:
        shop.close()


async def test_r14_the_close_the_report_the_day_view_and_the_export_sum_per_category_and_cashier(
        tmp_path):
    shop = await desk_shop(tmp_path, "v1", with_rates())
    services = shop.services
    try:
        owner = await services.cashiers.owner("demo", "demo")
        ana = services.cashiers.add(owner, "Ana", "1357")
        beto = services.cashiers.add(owner, "Beto", "2468")
        services.shifts.start(ana.id, "1357")
        await shop.sell("5555500010", await shop.product("TEL-050"))        # 300
        await shop.sell("5555500020", await shop.product("ASL-050"))        # 250
        services.shifts.hand_over("1357", services.shifts.figures_now().expected, beto.id,
                                  "2468")
        await shop.sell(CFE_REF, await shop.product("PAGO-CFE", 20_000))    # 400
        services.shifts.end(services.shifts.figures_now().expected, pin="2468")

        day = START.date()
        close = cash_close.compute(services, *cash_close.day_period(day, TZ))
        text = cash_close.render(close, {}, {"terminal": "DEMO-01", "shop": "", "kind": "DÍA"},
                                 None)
        tail = text.splitlines()[-8:]
        assert tail[1].startswith("Ganancia de las ventas realizadas") and "$9.50" in tail[1]
        assert [line.split()[0] for line in tail[2:5]] == ["Tiempo", "Paquetes", "Pago"]
        assert tail[5] == "Ganancia por cajero:"
        assert [line.split() for line in tail[6:]] == [["Ana", "$5.50"], ["Beto", "$4.00"]]
        table = cash_close.to_csv(close, None)
        assert "earning_cashier,c01,,,,,,,,,,Ana,5.50" in table
        assert "earning_cashier,c02,,,,,,,,,,Beto,4.00" in table
        assert "\nearning,,,,,,9.50," in table

        offline = report.notebook_day(services, day)
        assert offline.earnings == summarize(close.sales)
        assert dict(offline.earnings.by_cashier) == {ana: 550, beto: 400}

        view = services.shifts.day(day)
        assert [(r.shift.cashier.name, r.earning) for r in view.rows] == [("Ana", 550),
                                                                         ("Beto", 400)]
        assert view.earnings.total == 950

        out = io.StringIO()
        write_csv(services.notebook.sales_of_day(day), out)
        header, *rows = out.getvalue().splitlines()
        assert header.endswith("cashier,cashier_id,earning,earning_source")
        assert [row.rsplit(",", 4)[1:] for row in rows] == [
            ["Ana", "c01", "3.00", "dealer"], ["Ana", "c01", "2.50", "dealer"],
            ["Beto", "c02", "4.00", "dealer"]]
    finally:
        shop.close()


async def test_r03_a_reloadly_day_sums_to_its_discounts_not_to_the_shops_rate(tmp_path):
    shop = await desk_shop(tmp_path, "reloadly", with_rates())
    try:
        catalog = await shop.catalog()
        bundle = next(p for p in catalog.products if p.category is Category.BUNDLE)
        sold = [await shop.sell("5555500010", await shop.product("RLD-9101", 5_000)),
                await shop.sell("5555500020", bundle.for_sale())]
        assert [s.state for s in sold] == [State.CONFIRMED] * 2
        # The simulated account is given no discount: Reloadly's own figure is $0.00 a sale,
        # and that, not the shop's 6.5 % or 4.25 %, is what the day earned.
        assert [(earned(s).centavos, earned(s).source) for s in sold] == [
            (0, Source.DEALER), (0, Source.DEALER)]
        assert day_earnings(shop).total == 0
    finally:
        shop.close()


async def test_r03_the_answers_own_figure_wins_over_the_catalogs_and_the_rate(tmp_path):
    with Journal.open(tmp_path / "journal", tz=TZ) as journal:
        answer = Confirmed("CF-1", "DF-1", START, None, False, earning=258)
        dealer = ScriptedDealer(journal, answer)
        counter = Counter(journal, dealer, with_rates(), FakeClock(START))
        sale = counter.pay(counter.accept(counter.start("5555500010", TELCEL_50)), 5_000)
        sent = await counter.send(sale)
        assert (earned(sent).centavos, earned(sent).source) == (258, Source.DEALER)
