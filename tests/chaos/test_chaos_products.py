"""The chaos run names no kind of dealer: it sells what each kind's simulator lists for a
phone number (airtime and bundles, an open amount at prices its limits take), cheap enough
for a thousand sales, and makes each adapter through the registry at the run's speed. A new
kind in the registry runs with no line of its own in the benchmark."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer import records, registry
from recarga_tui.domain.catalog import Category, Field, FieldKind
from recarga_tui.sim import faces
from recarga_tui.wiring import demo_settings

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def chaos():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module("chaos")
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_no_kind_is_named_in_the_benchmark():
    text = (BENCHMARKS / "chaos.py").read_text("utf-8")
    named = [kind for kind in registry.names() if f'"{kind}"' in text]
    assert named == []


@pytest.mark.parametrize("kind", registry.names())
async def test_r02_every_kind_sells_cheap_products_for_a_number_from_its_catalog(
        chaos, kind, tmp_path):
    settings = demo_settings(Settings(dealer=DealerSettings(kind=kind)), tmp_path / "j")
    dealer = registry.make(settings, sim_app=faces.make(kind, seed=3))
    try:
        await dealer.login(*registry.get(kind).demo_login)
        products = chaos.cheap_products(await dealer.catalog())
    finally:
        await dealer.aclose()
    assert len({p.carrier_id for p in products}) >= 2, products
    for product in products:
        assert 0 < product.amount <= chaos.CHEAP
        assert all(field.kind is FieldKind.PHONE for field in product.fields)
        assert product.category in (Category.AIRTIME, Category.BUNDLE)


def test_an_open_amount_is_sold_at_the_prices_its_limits_take(chaos):
    def listed(sku, amount, low=0, high=0, category=Category.AIRTIME, fields=()):
        return records.Product(sku, "telcel", amount, "", category=category, fields=fields,
                               min_amount=low, max_amount=high)

    bill_field = Field("referencia", "Número de servicio", FieldKind.REFERENCE, 12, 30)
    catalog = records.Catalog((), (
        listed("FIX-50", 5000), listed("FIX-100", 10000),
        listed("OPEN-10-500", 0, 1000, 50000), listed("OPEN-30-40", 0, 3000, 4000),
        listed("BILL", 0, 100, 10**6, category=Category.BILL, fields=(bill_field,))))
    sold = [(p.sku, p.amount) for p in chaos.cheap_products(catalog)]
    assert sold == [("FIX-50", 5000), ("OPEN-10-500", 2000), ("OPEN-10-500", 3550),
                    ("OPEN-30-40", 3550)]


def test_the_registry_gives_a_fast_dealer_short_pauses_never_a_spin():
    fast = registry.Reach(scale=600.0)
    assert fast.seconds(60) == pytest.approx(0.1)
    assert fast.seconds(2.0) == registry.SHORTEST
    assert registry.Reach().seconds(2.0) == 2.0
