"""The walk of the counter's words test: one app, driven by keys as a cashier would, through
every screen and each of its states, with the screen judged whole (``whole.py``) at each stop.

A new screen state joins by a ``look`` where the walk reaches it: a stop of its own (``@stop``)
or a line in a stop that already passes by. The walk names every state it looked at, and the
test holds that every screen of ``recarga_tui.ui.screens`` was among them.
"""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from textual import events
from textual.screen import Screen
from whole import cuts_of, picture, settled

from recarga_tui.domain.sale import State
from recarga_tui.journal import storage
from recarga_tui.ui.app import RecargaApp

INSTANT = "5555550000"    # the simulators' row 0: delivered at once
# Row 0 too, another number: Reloadly refuses a number topped up in the last two minutes.
ANOTHER_INSTANT = "5555550010"
OUTCOMES = {               # the simulators' rows: what each dealer answers to each
    "invalid number": "5555550001",
    "company down": "5555550002",
    "recently topped up": "5555550006",
    "refused": "5555550007",
    "dropped after delivery": "5555550005",
    "in progress": "5555550008",
}
HANGS = "5555550004"      # no answer while the shop waits; delivered later
# What the lock, a lapsed session and the owner's list ask: the dealer's password, or for a
# dealer whose login reads none (Reloadly's demo holds its client id and secret in the
# config) the configured secret, compared on the shop's computer.
PASSWORD = {"v1": "demo", "taecel": "1234", "transact": "demo", "reloadly": "demo-secret"}
# A test reference for each dealer's first service (a bill): the length its catalog asks.
# Reloadly sells no bills (its catalog has airtime and bundles only): no reference.
REFERENCE = {"v1": "555555000000", "taecel": "555555000000", "transact": "555555" + "0" * 24}
OPEN_AMOUNT = "50"        # pesos typed for an airtime product of an open amount (Reloadly's)
# Key names and characters of what ``Walk.type`` types that are not their own name.
KEYS = {".": "full_stop", " ": "space"}
CHARS = {"enter": "\r", "escape": "\x1b"}
TICK = 1.0                # seconds of the shop's day a look of ``Walk.until`` lets pass
LOOK = 0.005              # real seconds between two looks of ``Walk.until``
WAIT = 15.0               # seconds a state may take to come before the walk says where it stuck
# What each kind's adapter waits (real seconds) between two looks at a sale still in progress:
# 1-2 s, in which the walk's clocks would move 100-200 s (``Walk.until``). The walk's dealer
# looks as often as those clocks move; how long it keeps looking stays its own.
STATUS_PAUSE = {"taecel": "poll_pause", "transact": "poll_every", "reloadly": "poll_pause"}


class Cable:
    """The shop's line to the simulated dealer, which the walk can pull out: every request
    then fails to connect, as with the internet down."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.state = app.state
        self.plugged = True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if not self.plugged and scope["type"] == "http":
            raise httpx.ConnectError("the shop's line is down")
        await self.app(scope, receive, send)


def looks_as_the_walk_moves(dealer: Any, kind: str) -> None:
    """The dealer's pause between two looks at a sale in progress: one look of the walk's."""
    if kind in STATUS_PAUSE:
        assert hasattr(dealer, STATUS_PAUSE[kind]), (kind, STATUS_PAUSE[kind])
        setattr(dealer, STATUS_PAUSE[kind], LOOK)


class FullDisk:
    """A disk that, while ``full``, refuses to write a day file that would hold one more
    dealer's answer (a confirmed, rejected or unknown step) than it holds: the sale's earlier
    steps are on disk, its outcome is not."""

    MARKERS = tuple(f'"state":"{state}"'.encode() for state in ("confirmed", "rejected",
                                                                 "unknown"))

    def __init__(self, monkeypatch: Any) -> None:
        self.full = False
        self.answers = 0  # in the day file as last written (a sale's steps are kept whole)
        real = storage._write_synced

        def write(path: Any, payload: bytes) -> Any:
            answers = sum(payload.count(marker) for marker in self.MARKERS)
            if self.full and answers > self.answers:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written = real(path, payload)
            self.answers = max(self.answers, answers)
            return written

        monkeypatch.setattr(storage, "_write_synced", write)


@dataclass
class Walk:
    """Where the walk is, what it looked at and what it found cut."""

    pilot: Any
    kind: str
    cable: Cable
    disk: FullDisk
    corrected: bool = False   # a rejected sale was corrected (once a walk is enough)
    walked: list[str] = field(default_factory=list)
    cuts: list[str] = field(default_factory=list)
    screens: set[type[Screen[Any]]] = field(default_factory=set)
    pictures: list[str] = field(default_factory=list)  # the screens with a cut, as seen
    _rounds: list[Any] = field(default_factory=list)

    @property
    def app(self) -> RecargaApp:
        return self.pilot.app  # type: ignore[no-any-return]

    @property
    def world(self) -> Any:
        return self.app.services.sim_app.state.world

    async def look(self, state: str) -> None:
        """Judge the screen on top once it has settled."""
        await settled(self.pilot)
        screen = self.app.screen
        self.walked.append(f"{state} ({type(screen).__name__})")
        self.screens.add(type(screen))
        found = cuts_of(screen)
        self.cuts.extend(f"{state}: {cut}" for cut in found)
        if found:
            self.pictures.append(f"--- {state} ---\n{picture(screen)}")

    async def until(self, what: str, predicate: Callable[[], bool]) -> None:
        """Let the app run until ``predicate()`` holds; the walk stops naming ``what``.
        Meanwhile the shop's and the dealer's clocks move on together, a second a look (the
        dealer answers by its own clock, which moves only when told)."""
        for _ in range(int(WAIT / LOOK)):
            if predicate():
                await self.pilot.pause()
                return
            self.advance(TICK / 60)
            await asyncio.sleep(LOOK)  # the app's own tasks run meanwhile
        raise AssertionError(f"the walk did not reach {what}: on "
                             f"{type(self.app.screen).__name__}\n{self.text()}")

    async def on(self, screen_type: type, what: str = "", shows: str = "") -> None:
        await self.until(what or screen_type.__name__,
                         lambda: isinstance(self.app.screen, screen_type)
                         and shows in self.text())

    def round(self, work: Awaitable[Any]) -> None:
        """A background round of the app (the check, the deferred sales) run now, beside the
        walk: the dealer answers it as the walk's clock moves (``until``)."""
        self._rounds.append(asyncio.ensure_future(work))

    def message_is(self, level: str) -> Callable[[], bool]:
        """Whether the screen's message line says something at ``level`` (-error...)."""
        def said() -> bool:
            try:
                return bool(self.app.screen.query_one("#message").has_class(level))
            except Exception:
                return False
        return said

    def idle(self, group: str) -> Callable[[], bool]:
        """Whether no worker of ``group`` (the screen's or the app's) is still at work."""
        from textual.worker import WorkerState

        def done() -> bool:
            return not any(w.group.startswith(group) and w.state in (
                WorkerState.PENDING, WorkerState.RUNNING) for w in self.app.workers)
        return done

    def text(self) -> str:
        from counter_more_helpers import text_of

        return str(text_of(self.app))

    async def press(self, *keys: str) -> None:
        """Keys one after the other, each taken before the next (Pilot's own pace)."""
        await self.pilot.press(*keys)

    async def type(self, *keys: str) -> None:
        """Keys typed in one burst, as a fast cashier or a paste over SSH types them: the
        screens take keys typed ahead in order (``ShopScreen.take_key``)."""
        for name in keys:
            char = CHARS.get(name, name if len(name) == 1 else None)
            self.app.post_message(events.Key(KEYS.get(name, name), char))
        await self.pilot.pause()

    async def home(self) -> None:
        """Back home as the keys of each screen would go (F9, Esc): the walk's next start."""
        from recarga_tui.ui.screens.home import HomeScreen

        self.app.router.home()
        await self.on(HomeScreen, "home")

    def advance(self, minutes: float) -> None:
        """The shop's clock and the dealer's move on together."""
        self.app.services.clock.advance(minutes * 60)
        self.world.clock.advance(minutes * 60)

    async def later(self, minutes: float) -> None:
        """Time passes at the counter: the clocks move on, the app refreshes the dealer's
        state, and a session that lapsed meanwhile asks for the password (typed again)."""
        from recarga_tui.ui.screens.home import HomeScreen
        from recarga_tui.ui.screens.password import ReloginScreen

        self.advance(minutes)
        self.app.refresh_dealer()
        refreshed = self.idle("dealer-refresh")
        await self.until("the dealer's state", lambda: refreshed() or isinstance(
            self.app.screen, ReloginScreen))
        if isinstance(self.app.screen, ReloginScreen):
            await self.look(f"the session lapsed at {self.app.services.clock.now():%H:%M}")
            await self.type(*PASSWORD[self.kind], "enter")
            await self.until("the password taken", lambda: not isinstance(
                self.app.screen, ReloginScreen))
        if not isinstance(self.app.screen, HomeScreen):
            await self.home()

    @property
    def asks(self) -> Any:
        """What the dealer's login reads (``Capabilities.login``)."""
        return self.app.services.capabilities.login

    def login_keys(self, password: str) -> tuple[str, ...]:
        """The login's keys: the fields this dealer reads, each ended by Enter; Enter alone
        for a dealer that reads none (its account is in the config)."""
        keys = (*"demo", "enter") if self.asks.user else ()
        keys += (*password, "enter") if self.asks.password else ()
        return keys or ("enter",)

    @property
    def number_first(self) -> bool:
        """Whether the capture asks the number before the company (a dealer that detects
        the company of a number, ``Capabilities.detects_carrier``)."""
        return bool(self.app.services.capabilities.detects_carrier)

    async def capture_airtime(self, number: str) -> None:
        """From home to the read-back's door, typed as a fast cashier types: an airtime sale
        of the first company listed and its first product. With a dealer that detects the
        company, the number comes first and the detected company is waited for (listed
        first), and the open amount of its product typed."""
        twice = (*number, "enter", *number, "enter")
        if not self.number_first:
            await self.type("f2", "1", "1", *twice, "1")
            return
        await self.type("f2", "1", *twice)
        await self.company_detected()
        await self.type("1", "1", *OPEN_AMOUNT, "enter")

    async def company_detected(self) -> None:
        """On the capture's companies, until the dealer's detection moved its one first."""
        await self.until("the detected company", lambda: self.app.screen.stage == "carrier"
                         and self.app.screen.flow.detected is not None)

    @property
    def send_timeout(self) -> float:
        """How long the dealer waits for a top-up's answer: its own attribute, or the
        settings it reads at each sale (Reloadly's)."""
        dealer = self.app.services.dealer
        if hasattr(dealer, "send_timeout"):
            return float(dealer.send_timeout)
        return float(dealer.settings.send_timeout)

    @send_timeout.setter
    def send_timeout(self, seconds: float) -> None:
        from dataclasses import replace

        dealer = self.app.services.dealer
        if hasattr(dealer, "send_timeout"):
            dealer.send_timeout = seconds
        else:
            dealer.settings = replace(dealer.settings, send_timeout=seconds)

    def paid_sale(self, number: str, *, product: int = 0, handed: int | None = None) -> Any:
        """A sale captured, read back and paid through the counter's service, the way its
        screens would have made it (their own states are walked once, by keys): airtime of
        a fixed amount, of the first company that sells one."""
        from recarga_tui.services.counter import Product

        catalog = self.app.services.health.catalog
        fixed = [p for p in catalog.products if p.amount and p.category.value == "airtime"]
        carrier = next(c.id for c in catalog.carriers if any(p.carrier_id == c.id
                                                             for p in fixed))
        airtime = [p for p in fixed if p.carrier_id == carrier]
        chosen = airtime[product]
        counter = self.app.services.counter
        sale = counter.start(number, Product(chosen.sku, chosen.carrier_id, chosen.amount))
        return counter.pay(counter.accept(sale), handed or chosen.amount)

    async def sell(self, number: str, *, then: type | None = None, **options: Any) -> Any:
        """A paid sale sent from home, as the payment screen's Enter sends it."""
        sale = self.paid_sale(number, **options)
        self.app.router.send(sale)
        if then is not None:
            await self.on(then)
        return sale

    async def open_pending(self, ref: str) -> None:
        """On the pending list: the sale's row by its digit."""
        row = [sale.ref for sale in self.app.screen.sales].index(ref) + 1
        await self.press(str(row))

    async def outcome(self, name: str) -> None:
        """Whatever the dealer's answer made of the sale just sent: its screen, looked at."""
        from recarga_tui.ui.screens.check import CheckScreen
        from recarga_tui.ui.screens.receipt import ReceiptScreen
        from recarga_tui.ui.screens.rejected import RejectedScreen

        await self.until(f"the outcome of {name}", lambda: isinstance(
            self.app.screen, (ReceiptScreen, RejectedScreen, CheckScreen)))
        await self.look(name)

    def stored(self, ref: str) -> Any:
        return self.app.services.notebook.get(ref)

    def state_of(self, ref: str) -> State:
        return self.stored(ref).state  # type: ignore[no-any-return]


Stop = Callable[[Walk], Awaitable[None]]
TOUR: list[tuple[str, Stop]] = []


def stop(name: str) -> Callable[[Stop], Stop]:
    """A stop of the walk, in the order written."""
    def register(function: Stop) -> Stop:
        TOUR.append((name, function))
        return function
    return register


def minutes_to(walk: Walk, hour: int, minute: int) -> float:
    """Minutes from the shop's clock now to ``hour:minute`` of the same day."""
    now = walk.app.services.clock.now()
    return (now.replace(hour=hour, minute=minute, second=0) - now) / timedelta(minutes=1)
