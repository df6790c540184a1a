"""R14: a pool running low is said before it bites. Which pools are under the shop's threshold
(for the home screen), and whether a sale would take its pool under it (before collecting):
warned, never refused, unless the pool cannot cover the sale, as before (R01)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from desk_shop import START, desk_shop

from recarga_tui import i18n
from recarga_tui.config import Settings
from recarga_tui.dealer.records import Balances, Pool
from recarga_tui.domain.low_balance import Held, Low, Thresholds, goes_low, low_pools
from recarga_tui.domain.money import pesos
from recarga_tui.domain.sale import State
from recarga_tui.i18n import t


def thresholds(every: int = 0, **pools: int) -> Settings:
    s = Settings()
    return replace(s, cash=replace(s.cash, low_balance_pesos=every,
                                   low_balance_pools=dict(pools)))


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


def test_r14_each_pool_has_its_threshold_by_id_or_name_or_the_one_for_every_pool():
    limits = Thresholds(500_00, {"Pago de Servicios": 2_000_00, "3": 0})
    pools = [Held("1", "Tiempo Aire", 499_99), Held("2", " pago de  servicios", 1_999_99),
             Held("3", "Timbres CFDI", 5)]
    assert low_pools(pools, limits) == [Low("1", "Tiempo Aire", 499_99, 500_00),
                                        Low("2", " pago de  servicios", 1_999_99, 2_000_00)]
    assert low_pools(pools, Thresholds()) == []  # none set: no warning
    assert low_pools([Held("1", "Tiempo Aire", 500_00)], limits) == []  # at it: not under


def test_r14_a_sale_that_takes_its_pool_under_is_warned_one_it_cannot_cover_is_not_a_warning():
    limits = Thresholds(300_00)
    pool = Held("", "Tiempo Aire", 350_00)
    assert goes_low(pool, 50_00, limits) is None                       # leaves $300.00
    assert goes_low(pool, 100_00, limits) == Low("", "Tiempo Aire", 250_00, 300_00)
    assert goes_low(pool, 350_00, limits) == Low("", "Tiempo Aire", 0, 300_00)
    assert goes_low(pool, 351_00, limits) is None  # cannot cover it: refused, not warned


async def test_r14_the_pools_under_their_threshold_and_a_sale_that_would_take_one_under(
        tmp_path):
    shop = await desk_shop(tmp_path, "v1", thresholds(every=300, **{"Pago de Servicios": 2_000}))
    try:
        world = shop.sim.state.world
        world.set_balance(320_00)          # Tiempo Aire: above its $300 warning
        world.pools["servicios"] = 1_500_00  # Pago de Servicios: under its $2,000
        await shop.services.health.refresh()
        health = shop.services.health
        assert [(low.name, low.available, low.threshold) for low in health.low_pools()] == [
            ("Pago de Servicios", 1_500_00, 2_000_00)]
        low = health.low_pools()[0]
        assert t("low_balance.pool", pool=low.name, available=pesos(low.available),
                 threshold=pesos(low.threshold)).startswith(
            "Saldo bajo: Pago de Servicios tiene $1,500.00, menos de $2,000.00")

        counter, balances = shop.counter, health.balance
        tel10, tel50 = await shop.product("TEL-010"), await shop.product("TEL-050")
        assert counter.pool_low_after(tel10, balances) is None
        warned = counter.pool_low_after(tel50, balances)
        assert (warned.name, warned.available, warned.threshold) == (
            "Tiempo Aire", 270_00, 300_00)
        assert counter.pool_short(tel50, balances) is None   # warned, not refused: it sells
        sale = await shop.sell("5555500010", tel50)
        assert sale.state is State.CONFIRMED

        big = await shop.product("TEL-500")
        await health.refresh()
        assert counter.pool_short(big, health.balance) is not None  # it cannot cover this
        assert counter.pool_low_after(big, health.balance) is None
    finally:
        shop.close()


async def test_r14_a_balance_in_dollars_is_never_held_against_a_threshold_in_pesos(tmp_path):
    shop = await desk_shop(tmp_path, "v1", thresholds(every=300))
    try:
        health, counter = shop.services.health, shop.counter
        tel50 = await shop.product("TEL-050")
        for currency, low in (("MXN", True), ("USD", False)):
            health.balance = Balances((Pool("", "Cuenta", 100_00),), currency, START)
            assert bool(health.low_pools()) is low
            assert (counter.pool_low_after(tel50, health.balance) is not None) is low
    finally:
        shop.close()
