"""Sales through a dealer that loses answers, with the shop's program killed again and again.

    python benchmarks/chaos.py [--sales 200] [--kills N] [--seed 1] [--time-scale 600]
                               [--dealer KIND]

The simulated dealer runs in its own process in its chaos scenario (``recarga-tui sim
--scenario chaos``), fast: ``--time-scale`` simulated seconds per real second, so the
reflection window (10 min) and the report's delay pass in about a second. A driver process
sells through the same services the screens use (Counter, Checker, DeferredQueue, recovery
at start) with a real DealerClient over a socket: start, accept, pay, then send or defer;
unknown outcomes are checked until resolved, sales not found are sent again with the same
reference, rejected ones get their money back. The driver's clock reads the simulator's, so
both sides agree on what "10 minutes later" is. ``--dealer transact`` sells through the
transact.asmx adapter against the simulator's transact face: each sale's request id is asked
first and journaled before DoT, and the lookups are CheckTransaction under it (no report).

This program kills the driver with SIGKILL at random moments and starts it again (the
recovery runs at each start), ``--kills`` times. Then one last driver runs unkilled until
every open sale is resolved, and the journal and ``GET /sim/ledger`` are compared:

* lost: a sale reported paid missing from the journal, a paid sale still open, a confirmed
  sale without its ledger entry, or a delivered top-up the journal does not know;
* doubles: a client reference delivered more than once;
* wrong_refunds: money given back for a top-up that was delivered.

With ``--dealer taecel`` the simulator speaks Taecel's web service and the driver sells
through the Taecel adapter: Taecel takes no reference from the shop, so the ledger names each
delivery by its transID, and a delivery belongs to the sale of the journal that holds that
transID (noted while sending, or claimed from getSales by a check). Then a double is a sale
holding two delivered transIDs (or one transID held by two sales), and a lost sale is also a
delivered transID no sale of the journal holds.

The last line is ``chaos lost=<n> doubles=<n> wrong_refunds=<n> sales=<n> kills=<n>``; the
goal is zeros for 1000 sales and at least 100 kills.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import queue
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter as Tally
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import children
from recarga_tui.domain.sale import Sale, SaleError, State

MEXICO = timezone(timedelta(hours=-6))
# Every kind sells what its simulator's catalog offers for a phone number (airtime and
# bundles) up to this amount, so that 1000 sales fit in the shop's balance; an open amount
# at these prices, where its limits take them. No kind is named here: a new one needs no line.
CHEAP = 5000
OPEN_PRICES = (2000, 3550)
LANES = 4             # sales in progress at once in one driver
DEFER_SHARE = 0.08    # sales left to be sent later (R17)
LOSE_SHARE = 0.03     # requests lost before the dealer records them (never received)
GIVE_UP_SHARE = 0.3   # customers who take their money back rather than wait or try again


# --- the driver (a child process) -----------------------------------------------------------


class SimTimeClock:
    """The simulator's clock, read once and then run locally at the same scale.

    Never goes back: not below its own last reading, nor below the newest step already in
    the journal (a previous driver's clock may have run a hair ahead)."""

    def __init__(self, sim_now: datetime, scale: float) -> None:
        self.base = sim_now
        self.scale = scale
        self.real0 = time.monotonic()
        self.last = sim_now

    @classmethod
    def read(cls, url: str) -> SimTimeClock:
        t0 = time.monotonic()
        data = json.loads(urllib.request.urlopen(f"{url}/sim/clock", timeout=5).read())
        half_trip = (time.monotonic() - t0) / 2
        clock = cls(datetime.fromisoformat(data["now"]), float(data["time_scale"]))
        clock.real0 -= half_trip
        return clock

    def floor(self, at: datetime) -> None:
        self.last = max(self.last, at)

    def now(self) -> datetime:
        now = self.base + timedelta(seconds=(time.monotonic() - self.real0) * self.scale)
        self.last = max(self.last, now)
        return self.last


def cheap_products(catalog: Any) -> tuple[Any, ...]:
    """What the driver sells from ``catalog`` (the dealer's, ``records.Catalog``): each
    product for a phone number alone (airtime, bundles: no field but the number) up to
    ``CHEAP``, as the counter sells it; an open amount at each of ``OPEN_PRICES`` its limits
    take."""
    from recarga_tui.domain.catalog import FieldKind
    from recarga_tui.domain.sale import SaleError

    found = []
    for listed in catalog.products:
        product = listed.for_sale()
        if any(f.kind is not FieldKind.PHONE for f in product.fields):
            continue  # a bill, or a product that asks for more than the number
        if not product.open_amount:
            found += [product] if product.amount <= CHEAP else []
            continue
        for price in OPEN_PRICES:
            try:
                found.append(product.priced(price))
            except SaleError:
                pass  # outside its limits
    return tuple(found)


class Driver:
    def __init__(self, args: argparse.Namespace) -> None:
        from recarga_tui.config import DealerSettings, Settings

        self.args = args
        self.rng = random.Random(args.seed)
        from recarga_tui.dealer import registry

        # The simulator's demo account, at the simulator's address (dealer/registry.py).
        dealer = registry.demo_account(DealerSettings(
            url=args.url or "http://127.0.0.1", terminal_id="DEMO-01", connect_timeout=1.0,
            read_timeout=3.0, send_timeout=args.send_timeout, kind=args.dealer))
        self.settings = replace(Settings(), dealer=dealer)
        self.login = registry.get(args.dealer).demo_login
        self.products: tuple[Any, ...] = ()
        self.owned: set[str] = set()
        self.paid = 0

    async def run(self) -> None:
        from recarga_tui.journal import Journal
        from recarga_tui.services.checker import Checker
        from recarga_tui.services.counter import Counter
        from recarga_tui.services.deferred import DeferredQueue
        from recarga_tui.services.health import Health
        from recarga_tui.services.recovery import recover

        clock = SimTimeClock.read(self.args.url)
        self.journal = journal = Journal.open(Path(self.args.journal), tz=MEXICO)
        self.dealer = dealer = self.make_dealer(clock)
        await dealer.login(*self.login)
        self.products = cheap_products(await dealer.catalog())
        for sale in journal.unfinished_sales():
            clock.floor(sale.updated_at)
        self.counter = counter = Counter(journal, dealer, self.settings, clock)
        done = recover(counter)
        print(f"RECOVERED {json.dumps(dict((k, p['count']) for k, p in done.notes()))}",
              flush=True)
        self.paid = sum(1 for day in journal.days() for s in journal.sales_of_day(day)
                        if s.first(State.PAID) is not None)
        checker = Checker(counter, dealer, self.settings, clock, interval=0.05)
        health = Health(self.settings, dealer, clock)
        self.deferred = DeferredQueue(counter, health, clock, checker=checker, interval=0.2)
        background = [asyncio.create_task(c) for c in (
            checker.run(), self.deferred.run(), self.cashier(), self.keep_session())]
        await asyncio.gather(*(self.lane(n) for n in range(LANES)))
        while journal.open_sales():
            await asyncio.sleep(0.1)
        for task in background:
            task.cancel()
        print("DONE", flush=True)
        await dealer.aclose()
        journal.close()

    def make_dealer(self, clock: SimTimeClock) -> Any:
        from recarga_tui.dealer import registry

        # The dealer's clock runs fast: so do its adapter's pauses (a sale in progress).
        return registry.make(self.settings, now=clock.now, scale=self.args.time_scale)

    async def lane(self, n: int) -> None:
        rng = random.Random(f"{self.args.seed}:{n}:{self.paid}")
        while self.paid < self.args.sales:
            self.paid += 1
            try:
                await self.sell(rng)
            except Exception as exc:  # noqa: BLE001 - counted, then the lane goes on
                print(f"ERROR {type(exc).__name__} {exc}", flush=True)
                self.paid -= 1
                await asyncio.sleep(0.1)

    async def sell(self, rng: random.Random) -> None:
        product = rng.choice(self.products)
        amount = product.amount
        msisdn = f"{rng.choice(('22', '27', '55', '81', '33'))}{rng.randrange(10**8):08d}"
        counter = self.counter
        sale = counter.start(msisdn, product)
        self.owned.add(sale.ref)
        try:
            sale = counter.accept(sale)
            sale = counter.pay(sale, amount + rng.choice((0, 0, 1000, 5000)))
            print(f"PAID {sale.ref}", flush=True)
            if rng.random() < DEFER_SHARE:
                counter.defer(sale)
                return
            if rng.random() < LOSE_SHARE:
                await self.lose_next_request()
            after = await counter.send(sale)
            if after.state is State.REJECTED:
                counter.refund(after, reason="rejected")
        finally:
            self.owned.discard(sale.ref)

    async def cashier(self) -> None:
        """What the cashier does from the pending list: for a sale not found or paid and left
        unsent, send it (same reference) or give the money back, as the customer prefers;
        give back the money of a rejected one; now and then a customer with a deferred sale
        comes back for the money. Every money back goes through the state machine, so a wrong
        one (a delivered top-up) would show in the final count."""
        while True:
            for sale in self.journal.open_sales():
                if sale.ref in self.owned or sale.ref in self.counter.in_flight:
                    continue
                try:
                    await self.decide(sale, random.Random(f"{self.args.seed}:{sale.ref}"))
                except SaleError as exc:
                    print(f"REFUSED {exc.code} {sale.ref}", flush=True)
            await asyncio.sleep(0.05)

    async def decide(self, sale: Sale, rng: random.Random) -> None:
        gives_up = rng.random() < GIVE_UP_SHARE
        if sale.state in (State.NOT_FOUND, State.PAID):
            if gives_up:
                self.counter.refund(sale, reason="customer_left")
                return
            after = await self.counter.send(sale)
            if after.state is State.REJECTED:
                self.counter.refund(after, reason="rejected")
        elif sale.state is State.REJECTED:
            self.counter.refund(sale, reason="rejected")
        elif sale.state is State.DEFERRED and gives_up and rng.random() < 0.2:
            self.counter.refund(sale, reason="customer_left")

    async def keep_session(self) -> None:
        """Log in again well before the simulator's 8-hour session lapses (fast time)."""
        every = min(10.0, 8 * 3600 / self.args.time_scale / 3)
        while True:
            await asyncio.sleep(every)
            try:
                await self.dealer.login(*self.login)
            except Exception:  # noqa: BLE001 - the next round tries again
                pass

    async def lose_next_request(self) -> None:
        def post() -> None:
            request = urllib.request.Request(f"{self.args.url}/sim/lose", method="POST",
                                             data=b'{"count": 1}',
                                             headers={"Content-Type": "application/json"})
            urllib.request.urlopen(request, timeout=5).read()

        await asyncio.to_thread(post)


# --- the parent -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> Any:
    return json.loads(urllib.request.urlopen(url, timeout=10).read())


def start_sim(args: argparse.Namespace, port: int) -> subprocess.Popen[bytes]:
    sim = children.spawn(
        [sys.executable, "-m", "recarga_tui", "sim", "--dealer", args.dealer, "--scenario",
         "chaos", "--seed", str(args.seed), "--time-scale", str(args.time_scale), "--port",
         str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            get_json(f"http://127.0.0.1:{port}/sim/clock")  # every face has it
            return sim
        except OSError:
            time.sleep(0.05)
    children.end(sim)
    raise SystemExit("the simulated dealer did not start")


class Run:
    """One driver process and the lines it prints, read in a thread."""

    def __init__(self, args: argparse.Namespace, url: str, journal: Path, n: int) -> None:
        cmd = [sys.executable, __file__, "--driver", "--url", url, "--journal", str(journal),
               "--sales", str(args.sales), "--seed", str(args.seed * 1000 + n),
               "--time-scale", str(args.time_scale), "--send-timeout", str(args.send_timeout),
               "--dealer", args.dealer]
        with open(journal.parent / "driver-stderr.txt", "a") as errors:
            self.proc = children.spawn(cmd, stdout=subprocess.PIPE, stderr=errors, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def drain(self) -> list[str]:
        out = []
        while True:
            try:
                out.append(self.lines.get_nowait())
            except queue.Empty:
                return out


def parent(args: argparse.Namespace) -> int:
    kills_wanted = args.kills if args.kills is not None else max(1, args.sales // 8)
    rng = random.Random(args.seed)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="chaos-"))
    journal = work / "journal"
    journal.mkdir()
    sim = start_sim(args, port)
    reported: set[str] = set()
    kills = errors = 0
    # A little more often than evenly, so the kills are all spent while there is selling.
    per_kill = args.sales / (1.2 * max(1, kills_wanted))
    try:
        n = 0
        while kills < kills_wanted and n < 4 * kills_wanted + 10:
            run = Run(args, url, journal, n)
            n += 1
            target = len(reported) + rng.uniform(0.2, 1.8) * per_kill
            life = time.monotonic() + rng.uniform(0.05, 1.0)
            # Killed after a random share of its sales or, once all are sold, at a random
            # moment of its start: during a sale, a check, a recovery.
            while run.proc.poll() is None:
                for line in run.drain():
                    errors += _note(line, reported)
                if len(reported) >= target and len(reported) < args.sales:
                    time.sleep(rng.uniform(0, 0.03))
                    break
                if len(reported) >= args.sales and time.monotonic() > life:
                    break
                time.sleep(0.01)
            if run.proc.poll() is None:
                run.proc.send_signal(signal.SIGKILL)
                kills += 1
            run.proc.wait()
            run.reader.join(timeout=5)
            for line in run.drain():
                errors += _note(line, reported)
        print(f"killed the driver {kills} times; the last driver resolves what is open",
              flush=True)
        final = Run(args, url, journal, n)
        try:
            final.proc.wait(timeout=args.final_timeout)
        except subprocess.TimeoutExpired:
            final.proc.kill()
            final.proc.wait()
            print("the last driver did not finish in time", flush=True)
        final.reader.join(timeout=5)
        for line in final.drain():
            errors += _note(line, reported)
        ledger = get_json(f"{url}/sim/ledger")
    finally:
        children.end(sim)
    counts = verify(journal, ledger, reported, by_dealer_id=not by_shop_reference(args.dealer))
    elapsed = time.monotonic() - started
    for key in ("paid", "confirmed", "refunded", "open", "deferred_ever", "not_found_ever",
                "unknown_ever", "found_in_report", "found_in_lookup", "attempts_2plus",
                "ledger"):
        print(f"  {key:16} {counts[key]}")
    print(f"  {'driver_errors':16} {errors}")
    print(f"  {'seconds':16} {elapsed:.1f}")
    print(f"chaos lost={counts['lost']} doubles={counts['doubles']} "
          f"wrong_refunds={counts['wrong_refunds']} sales={counts['paid']} kills={kills}")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"journal kept in {journal}")
    bad = counts["lost"] or counts["doubles"] or counts["wrong_refunds"]
    return 1 if bad else 0


def by_shop_reference(kind: str) -> bool:
    """Whether the dealer's ledger names each delivery by the shop's reference (else by its
    own id: transact, Taecel)."""
    from recarga_tui.config import DealerSettings, Settings
    from recarga_tui.dealer import registry
    from recarga_tui.dealer.port import SaleKey

    dealer = registry.make(Settings(dealer=DealerSettings(kind=kind)))  # nothing is sent
    return dealer.capabilities.sale_key is SaleKey.SHOP_REFERENCE


def _note(line: str, reported: set[str]) -> int:
    if line.startswith("PAID "):
        reported.add(line[5:].strip())
    return 1 if line.startswith("ERROR") else 0


def verify(folder: Path, ledger: list[dict[str, Any]], reported: set[str], *,
           by_dealer_id: bool = False) -> dict[str, int]:
    from recarga_tui.journal import Journal

    with Journal.open(folder, tz=MEXICO) as journal:
        sales = {s.ref: s for day in journal.days() for s in journal.sales_of_day(day)}
    c: dict[str, int] = Tally()
    if by_dealer_id:  # the dealer names deliveries by its own id (transact, Taecel)
        ledger, c["doubles"] = _by_dealer_id(sales, ledger)
    delivered = Tally(entry["client_ref"] for entry in ledger)
    paid = [s for s in sales.values() if s.first(State.PAID) is not None]
    c["paid"] = len(paid)
    c["ledger"] = len(ledger)
    c["doubles"] += sum(1 for n in delivered.values() if n > 1)
    c["lost"] += len(reported - set(sales))                     # reported paid, not journaled
    c["lost"] += sum(1 for ref in delivered if ref not in sales)  # delivered, unknown here
    for sale in paid:
        states = {step.state for step in sale.history}
        c["deferred_ever"] += State.DEFERRED in states
        c["not_found_ever"] += State.NOT_FOUND in states
        c["unknown_ever"] += State.UNKNOWN in states
        c["attempts_2plus"] += sale.attempts >= 2
        if sale.state is State.CONFIRMED:
            c["confirmed"] += 1
            found_in = sale.last(State.CONFIRMED).data.get("found_in")
            c["found_in_report"] += found_in == "report"
            c["found_in_lookup"] += found_in == "lookup"
            c["lost"] += delivered[sale.ref] == 0
        elif sale.state is State.REFUNDED:
            c["refunded"] += 1
            c["wrong_refunds"] += delivered[sale.ref] > 0
        else:
            c["open"] += 1
            c["lost"] += 1
    return c


def _by_dealer_id(sales: dict[str, Sale], ledger: list[dict[str, Any]]
                  ) -> tuple[list[dict[str, Any]], int]:
    """The ledger of a dealer that names its deliveries by its own id (Taecel's transID),
    each delivery given the reference of the one sale holding that id, and how many ids two
    sales hold (doubles). A delivery no sale holds keeps its id: lost, counted as such."""
    holders: dict[str, list[str]] = {}
    for sale in sales.values():
        for dealer_id in sale.dealer_ids:
            holders.setdefault(dealer_id, []).append(sale.ref)
    doubles = sum(1 for refs in holders.values() if len(refs) > 1)
    named = [{**entry, "client_ref": holders.get(entry["client_ref"], [entry["client_ref"]])[0]}
             for entry in ledger]
    return named, doubles


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sales", type=int, default=200)
    p.add_argument("--kills", type=int, default=None, help="default: one per 8 sales")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--time-scale", type=float, default=600.0, dest="time_scale")
    p.add_argument("--send-timeout", type=float, default=0.5, dest="send_timeout",
                   help="real seconds the driver waits for a top-up's answer")
    p.add_argument("--final-timeout", type=float, default=300.0, dest="final_timeout")
    p.add_argument("--keep", action="store_true", help="keep the journal folder")
    from recarga_tui.dealer import registry

    p.add_argument("--dealer", choices=registry.names(), default=registry.DEFAULT,
                   help=f"which simulated dealer to sell through (default {registry.DEFAULT})")
    p.add_argument("--driver", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--url", help=argparse.SUPPRESS)
    p.add_argument("--journal", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.driver:
        asyncio.run(Driver(args).run())
        return 0
    children.install()  # the dealer and the drivers end with this program
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
