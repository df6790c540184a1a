"""A shop without screens, built by the composition as the app builds it, against one kind of
dealer's simulator in-process: the services the screens call (counter, cashiers, shifts,
printing...), a shop clock that moves only when told, and a fast simulated dealer.

PINs are hashed with a small scrypt cost here (the shop's own cost is measured by
benchmarks/pin_check.py): what is tested is where a PIN goes, not how slow its hash is."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from recarga_tui import private
from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer import registry
from recarga_tui.dealer.records import Product as CatalogProduct
from recarga_tui.domain.catalog import Product
from recarga_tui.domain.sale import Sale, State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.cashiers import Cost
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.shop import Services
from recarga_tui.sim import faces
from recarga_tui.sim.clock import SimClock
from recarga_tui.wiring import build, demo_settings

TZ = timezone(timedelta(hours=-6))
START = datetime(2026, 11, 25, 9, 0, tzinfo=TZ)
FAST_PINS = Cost(n=2**8, r=8, p=1)
SCALE = 200.0  # simulated seconds per real second: an instant top-up settles in a millisecond


@dataclass
class DeskShop:
    services: Services
    clock: FakeClock
    sim: Any

    @property
    def counter(self) -> Any:
        return self.services.counter

    def later(self, minutes: float = 1) -> datetime:
        return self.clock.advance(minutes * 60)

    async def catalog(self) -> Any:
        await self.services.health.refresh()
        return self.services.health.catalog

    async def product(self, sku: str, amount: int | None = None) -> Product:
        catalog = await self.catalog()
        item: CatalogProduct | None = catalog.product(sku)
        assert item is not None, sku
        sold = item.for_sale()
        return sold.priced(amount) if amount is not None else sold

    async def sell(self, account: str, product: Product, handed: int | None = None,
                   **fields: str) -> Sale:
        """Capture, read-back, payment and send, as the screens drive the counter."""
        counter = self.counter
        sale = counter.start(account, product, fields=fields or None)
        self.later(0.2)
        sale = counter.accept(sale)
        self.later(0.2)
        sale = counter.pay(sale, handed if handed is not None else product.amount)
        self.later(0.2)
        sale = await counter.send(sale)
        self.later(0.5)
        return sale

    def paid(self, account: str, product: Product, handed: int | None = None) -> Sale:
        counter = self.counter
        sale = counter.accept(counter.start(account, product))
        self.later(0.2)
        sale = counter.pay(sale, handed if handed is not None else product.amount)
        self.later(0.2)
        return sale

    def close(self) -> None:
        self.services.close_journal()


async def desk_shop(tmp_path: Path, kind: str = "v1", settings: Settings | None = None,
                    start: datetime = START, login: bool = True) -> DeskShop:
    """The shop of ``kind``'s simulator, logged in, its journal in ``tmp_path``."""
    base = settings or Settings()
    chosen = demo_settings(replace(base, dealer=replace(base.dealer, kind=kind)),
                           tmp_path / kind / "journal")
    chosen = replace(chosen, printer=replace(chosen.printer, kind="none"))
    sim = faces.make(kind, seed=7, clock=SimClock(start, scale=SCALE))
    folder = chosen.journal_path()
    private.make_folder(folder)  # 0700, and its parents, as the app makes them
    clock = FakeClock(start)
    tokens = itertools.count(1)
    # The adapter knows how fast the simulator runs, as the demo's does: it looks at a sale in
    # progress every 2 of the dealer's seconds (a hundredth of a real one), not every 2 real.
    dealer = registry.make(chosen, sim_app=sim, now=clock.now, scale=SCALE)
    services = build(chosen, demo=True, clock=clock, sim_app=sim, dealer=dealer,
                     journal=Journal.open(folder, tz=TZ),
                     ref_token=lambda: f"{next(tokens):08x}")
    services.cashiers.cost = FAST_PINS
    shop = DeskShop(services, clock, sim)
    if login:
        await services.access.login(*demo_login(kind))
    return shop


def demo_login(kind: str) -> tuple[str, str]:
    login = registry.get(kind).demo_login
    return login[0], login[1]


async def reopened(shop: DeskShop, settings: Settings | None = None) -> DeskShop:
    """The same shop started again over its journal (another config, a restart), logged in
    again."""
    chosen = shop.services.settings if settings is None else replace(
        settings, app=shop.services.settings.app, dealer=shop.services.settings.dealer,
        printer=shop.services.settings.printer)
    shop.close()
    services = build(chosen, demo=True, clock=shop.clock, sim_app=shop.sim,
                     journal=Journal.open(chosen.journal_path(), tz=TZ))
    services.cashiers.cost = FAST_PINS
    await services.access.login(*demo_login(chosen.dealer.kind))
    return DeskShop(services, shop.clock, shop.sim)


def dealer_settings(kind: str) -> DealerSettings:
    return replace(Settings().dealer, kind=kind)


def steps_of(sale: Sale, *states: State) -> list[Any]:
    return [step for step in sale.history if not states or step.state in states]
