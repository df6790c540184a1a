"""A small shop without screens, for the services that find lost answers: a journal, a
counter, the in-process simulated dealer, and one clock shared by the shop and the dealer
(the simulator's own, fast), or a scripted dealer with a clock that moves when told."""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from recarga_tui.config import DealerSettings, Settings
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.outcomes import DealerError, Found, NotVisible
from recarga_tui.dealer.port import Lookup
from recarga_tui.dealer.records import SaleLine, SalesReport, TopupRecord
from recarga_tui.dealer.v1.client import V1_CAPABILITIES, DealerClient
from recarga_tui.domain.faults import Fault, Origin
from recarga_tui.journal.journal import Journal
from recarga_tui.services.checker import Checker
from recarga_tui.services.clock import FakeClock
from recarga_tui.services.counter import Counter, Product
from recarga_tui.sim.app import make_app
from recarga_tui.sim.clock import SimClock

TZ = timezone(timedelta(hours=-6))
START = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
TELCEL_50 = Product("TEL-050", "telcel", 5000)


@dataclass
class SimShop:
    journal: Journal
    counter: Counter
    checker: Checker
    dealer: DealerClient
    world: Any
    clock: Any

    async def paid(self, msisdn: str) -> Any:
        sale = self.counter.start(msisdn, TELCEL_50)
        return self.counter.pay(self.counter.accept(sale), 5000)


def settings(**procedure: Any) -> Settings:
    s = Settings()
    return replace(s, procedure=replace(s.procedure, **procedure))


async def sim_shop(tmp_path: Path, *, scale: float = 1000.0, hour: int = 12,
                   scenario: str = "normal", send_timeout: float = 0.2) -> SimShop:
    """The shop and the dealer on one fast clock: the reflection window passes in 0.6 s."""
    clock = SimClock.at(hour, 0, scale=scale)
    sim = make_app(seed=3, scenario=scenario, clock=clock)
    dealer = DealerClient.in_process(sim, DealerSettings(
        terminal_id="DEMO-01", send_timeout=send_timeout, connect_timeout=0.1))
    await dealer.login("demo", "demo")
    folder = tmp_path / "journal"
    folder.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(folder, tz=TZ)
    tokens = itertools.count(1)
    counter = Counter(journal, dealer, settings(), clock, lambda: f"{next(tokens):08x}")
    checker = Checker(counter, dealer, counter.settings, clock, interval=0.02)
    return SimShop(journal, counter, checker, dealer, sim.state.world, clock)


class ScriptedDealer:
    """Lookups and report lines set by the test; sends answered from a list."""

    logged_in = True  # a session is open unless a test closes it
    capabilities = V1_CAPABILITIES

    def __init__(self) -> None:
        self.records: dict[str, TopupRecord] = {}
        self.lines: list[SaleLine] = []
        self.outcomes: list[Any] = []
        self.down = False
        # What a look meets while ``down``: no connection, unless a test says otherwise.
        self.failure = Fault(Origin.NETWORK, "dealer.query.no_connection")
        self.calls: list[str] = []
        self.latencies: deque[float] = deque()

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: Any = None) -> Any:
        self.calls.append(f"send {sent.ref}")
        return self.outcomes.pop(0)

    async def lookup(self, key: Lookup) -> Any:
        client_ref = key.sent.ref
        self.calls.append(f"lookup {client_ref}")
        if self.down:
            raise DealerError(self.failure)
        record = self.records.get(client_ref)
        return Found(record) if record else NotVisible(client_ref)

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> SalesReport:
        self.calls.append("report")
        if self.down:
            raise DealerError(self.failure)
        lines = tuple(x for x in self.lines if start <= x.created_at <= end
                      and (msisdn is None or x.msisdn == msisdn))
        return SalesReport(start, end, lines, sum(x.amount for x in lines))


def record(ref: str, status: str, at: datetime, error: Any = None) -> TopupRecord:
    return TopupRecord("T1", ref, status, "4820017731" if status == "success" else None,
                       "D1", 5000, 100, at, at, False, error, "TEL-050", "2727215380")


def line(ref: str, at: datetime, msisdn: str = "2727215380", amount: int = 5000) -> SaleLine:
    return SaleLine(ref, "T9", msisdn, "telcel", "TEL-050", amount, "4820017731", "D9", at,
                    at + timedelta(minutes=4))


def scripted(tmp_path: Path) -> tuple[Journal, Counter, Checker, ScriptedDealer, FakeClock]:
    folder = tmp_path / "journal"
    folder.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(folder, tz=TZ)
    clock = FakeClock(START)
    dealer = ScriptedDealer()
    tokens = itertools.count(1)
    counter = Counter(journal, dealer, settings(), clock, lambda: f"{next(tokens):08x}")
    checker = Checker(counter, dealer, counter.settings, clock, interval=0.0)
    return journal, counter, checker, dealer, clock
