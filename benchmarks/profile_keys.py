"""Where a sale's screen changes spend their time: cProfile around each key that changes screen
(F2, the amount, A, the receipt's Enter), in the app under Pilot (headless, 80x24) against the
in-process simulator, as benchmarks/sale.py runs it. The first sale (each screen's code and
styles loaded once) is left out.

    python benchmarks/profile_keys.py [--sales 10] [--top 40] [--sort cumulative]

With ``--stay``, the keys typed at capture (the category, the company, both numbers, Enter)
instead.
Prints the functions that took the most time over those keys (docs/performance.md reads it).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import tempfile
from pathlib import Path

from sale import BETWEEN_SALES, NUMBER, log_in, make_shop, until

# Keys before the first one that changes screen, grouped by what the cashier is doing.
CAPTURE_KEYS = ["1", "1", *NUMBER, "enter", *NUMBER, "enter"]


async def profile(sales: int, profiler: cProfile.Profile, stay: bool = False) -> None:
    from recarga_tui.ui.screens.home import HomeScreen
    from recarga_tui.ui.screens.receipt import ReceiptScreen

    with tempfile.TemporaryDirectory(prefix="recarga-profile-") as tmp:
        app = make_shop(Path(tmp) / "journal")
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await log_in(pilot)
                for n in range(sales + 1):
                    app.services.clock.advance(BETWEEN_SALES)

                    async def change(key: str, n: int = n, stays: bool = False) -> None:
                        if n and stays == stay:
                            profiler.enable()
                        await pilot.press(key)
                        await pilot.pause()
                        profiler.disable()

                    await change("f2")
                    for key in CAPTURE_KEYS:
                        await change(key, stays=True)
                    await change("4")
                    await change("a")
                    await pilot.press("f4", "enter")
                    await until(pilot, lambda: isinstance(app.screen, ReceiptScreen))
                    await change("enter")
                    await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        finally:
            app.services.close_journal()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=10)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--stay", action="store_true",
                        help="profile the keys that stay on their screen (the capture's) instead")
    args = parser.parse_args()
    profiler = cProfile.Profile()
    asyncio.run(profile(args.sales, profiler, args.stay))
    stats = pstats.Stats(profiler)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
