"""How long each key of a sale takes to show, in a real terminal, against a bare Textual app.

    python benchmarks/keys.py [--sales 8] [--quiet-ms 100] [--today 100]

recarga-tui runs as the cashier sees it: its console script in a pseudo-terminal of 80x24
(TERM=xterm-256color) against the in-process simulated dealer (``--demo``), with a journal that
already holds ``--today`` sales of the day. It logs in, then sells whole top-ups typed key by
key: F2, 1 (airtime), 1 (Telcel), the number twice, 4 ($50), A (accepted), F4 ($100), Enter
(paid and sent), Enter on the receipt (home). Each sale's number is another of the simulator's
instant successes, so no "sold a minute ago" question comes up. For each key: the time from
writing it to the terminal until the output settles (nothing more written for ``--quiet-ms``;
for a key that changes screen, not before a text of the new screen was written), that is, until
its frame is painted.

In the same run, alternating with the sales, the same count of keys goes to a minimal Textual
app (benchmarks/minimal_screens.py): digits typed into an Input (keys that stay on their
screen), and F2 pushing a new screen of the read-back's size three times, then F9 back (keys
that change screen, as F2, 4, A and the receipt's Enter do in a sale).

Printed: p50 and p95 per kind of key, for each app, each screen-changing key of the sale on its
own, and the first sale apart (it loads each screen's code and styles once, and is not in the
percentiles). The key that sends is reported apart: its time holds the dealer's answer, which
the minimal app has no counterpart of. The last line is ``key_p95_ms=<x>
screen_change_p95_ms=<y> minimal_screen_change_p95_ms=<z> screen_change_ratio=<y/z>``, where
``key_p95_ms`` is over recarga-tui's keys that stay on their screen. Goals: 30 and 1.5.

On a machine shared with other work, the times stretch together: compare the ratio, and repeat.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import children
from ptyrun import PtyApp
from shop_day import make_day
from startup import shop_env

HERE = Path(__file__).resolve().parent
KEY_BYTES = {"f2": b"\x1bOQ", "f4": b"\x1bOS", "f9": b"\x1b[20~", "enter": b"\r"}
STAY, SCREEN, SEND = "stays on its screen", "changes screen", "sends (with the dealer's answer)"
# A text each new screen writes: the time runs until it is on the terminal and then quiet.
HOME, CAPTURE, READBACK = "F2 para vender", "¿Qué vende?", "no se aceptan reclamaciones"
PAYMENT, RECEIPT = "Recibido:", "Recarga realizada"
# The demo's clock, out of the peak window (19:30-21:30), where a slow screen comes first.
DEMO_START = "10:00"


@dataclass(frozen=True)
class Key:
    name: str  # how it is written in the report: "F2", "4", "A"
    keys: bytes
    kind: str
    marker: str = ""


@dataclass
class Timings:
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_key: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    kinds: dict[str, str] = field(default_factory=dict)

    def add(self, key: Key, seconds: float) -> None:
        self.by_kind[key.kind].append(seconds)
        self.by_key[key.name].append(seconds)
        self.kinds[key.name] = key.kind


def typed(text: str, name: str = "a digit typed") -> list[Key]:
    return [Key(name, c.encode(), STAY) for c in text]


def sale_keys(number: str) -> list[Key]:
    """One whole sale from the home screen, as a cashier types it."""
    enter = KEY_BYTES["enter"]
    return [Key("F2 (capture)", KEY_BYTES["f2"], SCREEN, CAPTURE),
            *typed("1", "1 (airtime)"), *typed("1", "1 (the company)"), *typed(number),
            Key("Enter (number, ask again)", enter, STAY), *typed(number),
            Key("Enter (numbers match)", enter, STAY),
            Key("4 (read-back)", b"4", SCREEN, READBACK), Key("A (payment)", b"a", SCREEN, PAYMENT),
            Key("F4 ($100 handed)", KEY_BYTES["f4"], STAY),
            Key("Enter (paid, sent)", enter, SEND, RECEIPT),
            Key("Enter (home)", enter, SCREEN, HOME)]


def minimal_keys(stays: int) -> list[Key]:
    """The minimal app's round: as many typed digits as a sale, three pushes, back."""
    push = Key("F2 (push)", KEY_BYTES["f2"], SCREEN, "pantalla")
    digits = typed("5555550000" * (1 + stays // 10))[:stays]
    return [*digits, push, push, push, Key("F9 (back)", KEY_BYTES["f9"], SCREEN, "Usuario:")]


def sale_number(n: int) -> str:
    """The simulator's instant successes: 555555 and a last 0; the digits between vary."""
    return f"555555{n % 1000:03d}0"


def run_keys(app: PtyApp, keys: list[Key], quiet: float, into: Timings | None) -> None:
    for key in keys:
        seconds = app.settle(key.keys, quiet, key.marker)
        if into is not None:
            into.add(key, seconds)


def start_apps(root: Path, today: int) -> tuple[PtyApp, PtyApp]:
    env = shop_env(root)
    env["RECARGA_DEMO_START"] = DEMO_START
    journal = root / "journal"
    make_day(journal, today)
    shop = PtyApp([sys.executable, "-m", "recarga_tui", "--demo", "--journal", str(journal)], env)
    minimal = PtyApp([sys.executable, str(HERE / "minimal_screens.py")], env)
    shop.wait_for("Usuario")
    minimal.wait_for("Salir")
    typed_at = len(shop.output)
    shop.type("demo\r")
    shop.type("demo\r")
    shop.wait_for(HOME, since=typed_at)
    shop.pump(1.0)  # the catalog and the balance arrive after the home screen
    return shop, minimal


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least ``p`` of them at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)]


def line(name: str, values: list[float]) -> str:
    return (f"  {name:<34} n={len(values):<4} p50 {1000 * percentile(values, 0.5):7.1f} ms  "
            f"p95 {1000 * percentile(values, 0.95):7.1f} ms  max {1000 * max(values):7.1f} ms")


def report(title: str, timings: Timings) -> None:
    print(title)
    for kind in (STAY, SCREEN, SEND):
        if timings.by_kind.get(kind):
            print(line(kind, timings.by_kind[kind]))
            for name, values in timings.by_key.items():
                if timings.kinds[name] == kind:
                    print(line(f"  {name}", values))


def measure(sales: int, quiet: float, today: int) -> tuple[Timings, Timings, Timings]:
    shop_t, minimal_t, first = Timings(), Timings(), Timings()
    stays = sum(k.kind == STAY for k in sale_keys(sale_number(0)))
    with tempfile.TemporaryDirectory(prefix="recarga-keys-") as tmp:
        shop, minimal = start_apps(Path(tmp), today)
        try:
            # Round 0 warms up both: each screen's code and styles are loaded once.
            for n in range(sales + 1):
                run_keys(shop, sale_keys(sale_number(n)), quiet, shop_t if n else first)
                run_keys(minimal, minimal_keys(stays), quiet, minimal_t if n else None)
        finally:
            shop.stop()
            minimal.stop()
    return shop_t, minimal_t, first


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=8)
    parser.add_argument("--quiet-ms", type=float, default=100.0)
    parser.add_argument("--today", type=int, default=100, help="sales already in the journal")
    args = parser.parse_args()
    children.install()  # both apps end with this program, however it ends
    shop, minimal, first = measure(args.sales, args.quiet_ms / 1000, args.today)
    report(f"recarga-tui --demo, {args.sales} sales typed key by key (80x24, a pseudo-terminal):",
           shop)
    report("  the first sale (not counted above):", first)
    report(f"minimal Textual app ({args.sales} rounds, the same count of keys):", minimal)
    key_p95 = 1000 * percentile(shop.by_kind[STAY], 0.95)
    screen_p95 = 1000 * percentile(shop.by_kind[SCREEN], 0.95)
    floor_p95 = 1000 * percentile(minimal.by_kind[SCREEN], 0.95)
    print(f"key_p95_ms={key_p95:.1f} screen_change_p95_ms={screen_p95:.1f} "
          f"minimal_screen_change_p95_ms={floor_p95:.1f} "
          f"screen_change_ratio={screen_p95 / floor_p95:.2f}")


if __name__ == "__main__":
    main()
