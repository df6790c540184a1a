"""The app's own cost of one whole sale, driven by keys through Textual's Pilot (headless,
80x24) against the simulated dealer in-process with no network latency (the number 5555550000
succeeds at once; the simulator runs 10 times faster than the wall clock, so its 0.2 s to
settle take 20 ms, and its 2-hour sessions last long enough for every sale).

    python benchmarks/sale.py [--sales 20]

Each sale is what a cashier does: F2, 1 (airtime), 1 (Telcel), the number twice, 4 ($50), A
(accepted), F4 ($100), Enter (paid, sent), the receipt, Enter (home). Measured per sale: the
wall time from F2 to the home screen again, the time inside the dealer client's calls (the
simulator's own work, which a real dealer replaces with its latency), and inside the journal's
durable writes (fsync: the disk's cost, not the app's). Pilot itself costs tens of milliseconds
a key (it waits for the app to be idle after each one), so the same number of keys is typed
into the minimal app's Input (benchmarks/minimal_app.py) in the same run: that is Pilot's and
Textual's floor. The app's overhead is the wall time minus the dealer's and minus that floor.
Waits poll every 5 ms.
The last line is ``sale_wall_ms=<x> dealer_ms=<y> journal_ms=<z> pilot_floor_ms=<f>
app_overhead_ms=<w>``.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from recarga_tui.config import Settings
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim.app import make_app
from recarga_tui.sim.clock import SimClock
from recarga_tui.ui.app import RecargaApp
from recarga_tui.wiring import build, demo_settings

NUMBER = "5555550000"
SALE_KEYS = ["f2", "1", "1", *NUMBER, "enter", *NUMBER, "enter", "4", "a", "f4", "enter"]
KEYS_PER_SALE = len(SALE_KEYS) + 1  # and Enter on the receipt


class Stopwatch:
    def __init__(self) -> None:
        self.spent = 0.0

    def wrap_async(self, obj: object, name: str) -> None:
        original = getattr(obj, name)

        @functools.wraps(original)
        async def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - start

        setattr(obj, name, timed)

    def wrap(self, obj: object, name: str) -> None:
        original = getattr(obj, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - start

        setattr(obj, name, timed)


# The same number sold again within minutes asks the cashier to confirm it is not a mistake;
# the shop's clock moves on between sales so each one is a plain sale.
BETWEEN_SALES = 15 * 60


def make_shop(folder: Path) -> RecargaApp:
    settings = demo_settings(Settings(), folder)
    start = datetime.now().astimezone().replace(hour=8, minute=0)
    sim = make_app(seed=7, clock=SimClock(start, scale=10.0))
    folder.mkdir(parents=True, exist_ok=True)
    services = build(settings, demo=True, sim_app=sim, clock=FakeClock(start),
                     journal=Journal.open(folder))
    return RecargaApp(services)


async def until(pilot, predicate, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the app did not get there: {pilot.app.screen!r}")
        await pilot.pause(0.005)


async def log_in(pilot) -> None:
    """The cashier's login, until the home screen holds the dealer's catalog."""
    from recarga_tui.ui.screens.home import HomeScreen

    app = pilot.app
    await pilot.press(*"demo", "enter", *"demo", "enter")
    await until(pilot, lambda: isinstance(app.screen, HomeScreen)
                and app.services.health.catalog is not None)


async def run(sales: int) -> tuple[list[float], list[float], list[float]]:
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.receipt import ReceiptScreen

    with tempfile.TemporaryDirectory(prefix="recarga-sale-") as tmp:
        app = make_shop(Path(tmp) / "journal")
        dealer, journal = Stopwatch(), Stopwatch()
        client = app.services.dealer
        for name in ("send_topup", "lookup", "notices", "catalog", "balance", "login"):
            dealer.wrap_async(client, name)
        journal.wrap(app.services.notebook, "record")
        walls, in_dealer, in_journal = [], [], []
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await log_in(pilot)
                for n in range(sales + 1):
                    app.services.clock.advance(BETWEEN_SALES)
                    dealer.spent = journal.spent = 0.0
                    start = time.perf_counter()
                    await pilot.press(*SALE_KEYS)
                    await until(pilot, lambda: isinstance(app.screen, ReceiptScreen))
                    await pilot.press("enter")
                    await until(pilot, lambda: isinstance(app.screen, HomeScreen))
                    if n:  # the first sale loads the screens' modules and styles
                        walls.append(time.perf_counter() - start)
                        in_dealer.append(dealer.spent)
                        in_journal.append(journal.spent)
        finally:
            app.services.close_journal()
    return walls, in_dealer, in_journal


async def pilot_floor(rounds: int) -> list[float]:
    """What Pilot and Textual take for a sale's keys typed into the minimal app."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from minimal_app import Minimal

    spent = []
    app = Minimal()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n in range(rounds + 1):
            start = time.perf_counter()
            await pilot.press(*["5"] * KEYS_PER_SALE)
            if n:
                spent.append(time.perf_counter() - start)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=20)
    args = parser.parse_args()
    walls, in_dealer, in_journal = asyncio.run(run(args.sales))
    floor = 1000 * statistics.median(asyncio.run(pilot_floor(args.sales)))
    wall, dealer, journal = (1000 * statistics.median(v) for v in (walls, in_dealer, in_journal))
    overhead = wall - dealer - floor
    print(f"{args.sales} sales, {KEYS_PER_SALE} keys each (medians): wall {wall:.1f} ms, in the "
          f"dealer client {dealer:.1f} ms, in journal writes {journal:.1f} ms; the same keys "
          f"in the minimal app {floor:.1f} ms; recarga-tui's own {overhead:.1f} ms a sale, "
          f"{overhead / KEYS_PER_SALE:.1f} ms a key")
    print(f"sale_wall_ms={wall:.1f} dealer_ms={dealer:.1f} journal_ms={journal:.1f} "
          f"pilot_floor_ms={floor:.1f} app_overhead_ms={overhead:.1f}")


if __name__ == "__main__":
    main()
