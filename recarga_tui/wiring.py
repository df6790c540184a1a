"""The composition: settings -> the journal, the dealer (or the demo's simulator), the
services, the printer; then the app. The one module that knows every layer, above them all
(the import contracts of pyproject.toml keep every other module to its layer): the screens
get the services ready-made and never build them.

The dealer comes from the registry (``dealer/registry.py``): the adapter of ``[dealer] kind``,
or, for the demo, that kind's simulator face in-process with the kind's demo settings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Settings, default_journal_dir
from .dealer import registry
from .i18n import t
from .services.access import Access, ConfiguredSecret
from .services.account import Account
from .services.cashiers import Cashiers
from .services.checker import Checker
from .services.clock import Clock, SystemClock
from .services.counter import Counter
from .services.deferred import DeferredQueue
from .services.health import Health
from .services.printing import Printing
from .services.shifts import Shifts
from .services.shop import Services
from .services.support import Support
from .services.tally import Tally

# The demo's simulated dealer runs on the clock on the wall by default, so whoever tries it
# sees the true waits: a top-up that takes 40 s, a sale that shows in the report 10 min late.
DEMO_TIME_SCALE = 1.0
# A faster demo (and the end-to-end tests): the simulator runs this many times faster and the
# app's clock is the simulator's, so the 10-minute reflection window passes in seconds.
DEMO_TIME_SCALE_ENV = "RECARGA_DEMO_TIME_SCALE"
# The demo's day starts at this time of day, Mexico time ("HH:MM"): "20:00" shows the peak
# hours (R15) at any hour, "10:00" keeps a demo or a test out of them.
DEMO_START_ENV = "RECARGA_DEMO_START"
# The demo's printer: a file of ESC/POS bytes beside the demo's journal, never inside it.
DEMO_TICKETS = "demo-tickets.prn"
# Real seconds between two checks of the unknown sales and two rounds of deferred ones.
CHECK_INTERVAL = 20.0
DEFERRED_INTERVAL = 30.0


def demo_settings(settings: Settings, journal_dir: Path | None) -> Settings:
    """The demo's settings: the simulator's terminal and address, the kind's demo account
    (``registry.demo_dealer``) and a journal folder of its own."""
    folder = journal_dir or default_journal_dir().with_name("demo-journal")
    printer = settings.printer
    if not printer.enabled:
        # The demo prints to a file beside its journal: what a ticket holds, without paper.
        printer = replace(printer, kind="file", file_path=str(folder.parent / DEMO_TICKETS))
    return replace(settings, app=replace(settings.app, journal_dir=str(folder)),
                   dealer=registry.demo_dealer(settings.dealer), printer=printer)


def build(settings: Settings, *, demo: bool = False, clock: Clock | None = None,
          dealer: Any = None, journal: Any = None, sim_app: Any = None,
          sim_options: dict[str, Any] | None = None,
          ref_token: Callable[[], str] | None = None, read_only: bool = False) -> Services:
    """Open the journal and make the dealer's adapter (``[dealer] kind``; the simulator's
    face of that dealer in-process for the demo)."""
    kind = settings.dealer.kind
    own_sim = demo and sim_app is None and not sim_options
    scale = demo_time_scale() if own_sim else 1.0
    start = demo_start() if own_sim else None
    if (scale != 1.0 or start is not None) and clock is None:
        from .sim import faces
        from .sim.clock import SimClock

        sim_clock = SimClock.at(*start, scale=scale) if start else SimClock(scale=scale)
        sim_app = faces.make(kind, time_scale=scale, clock=sim_clock)
        clock = sim_app.state.world.clock  # one time for the shop and the dealer
    clock = clock or SystemClock(settings.app.zone())
    notes: list[str] = []
    if journal is None:
        journal = open_journal(settings.journal_path(), read_only, settings.app.zone())
        notes = [note.text() for note in journal.recovered]  # which day, and what was done
    if dealer is None:
        if demo and sim_app is None:
            from .sim import faces

            sim_app = faces.make(kind, **(sim_options or {"time_scale": DEMO_TIME_SCALE}))
        dealer = registry.make(settings, sim_app=sim_app, now=clock.now, scale=scale)
    counter = Counter(journal, dealer, settings, clock, ref_token)
    # Who works the counter: the cashiers' list beside the journal, their shifts in it.
    access = Access(dealer, configured_secret(settings))
    cashiers = Cashiers(settings, clock, counter.journal, dealer, access=access)
    shifts = Shifts(settings, clock, counter.journal, cashiers)
    counter.desk = shifts
    health = Health(settings, dealer, clock)
    checker = Checker(counter, dealer, settings, clock, interval=max(0.5, CHECK_INTERVAL / scale))
    deferred = DeferredQueue(counter, health, clock, checker=checker, refresh_health=False,
                             interval=max(0.5, DEFERRED_INTERVAL / scale))
    # The screens read the notebook the counter writes: the journal, and the dealer's answers
    # the disk has not taken yet (services/notebook.py).
    notebook = counter.journal
    return Services(settings, clock, notebook, dealer, counter, health, checker, deferred,
                    Account(dealer, clock), Support(dealer, notebook, clock, shifts),
                    access, cashiers, shifts,
                    Printing(settings, notebook, clock, health, desk=shifts), Tally(notebook),
                    demo=demo, sim_app=sim_app, notes=notes)


def configured_secret(settings: Settings) -> ConfiguredSecret | None:
    """The secret of the config the lock asks for a dealer whose login reads no password
    (``registry.unlock_secret``); None for a kind that declares none."""
    found = registry.unlock_secret(settings.dealer)
    return ConfiguredSecret(*found) if found is not None else None


class JournalUnavailable(Exception):
    """The journal folder cannot be made or opened: nothing can be sold, so the app stops."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(folder, reason)
        self.folder = folder
        self.reason = reason

    def text(self) -> str:
        return t("journal.cannot_open", folder=str(self.folder), reason=self.reason)


def open_journal(folder: Path, read_only: bool, tz: Any = None) -> Any:
    """The journal in ``folder``, made if missing; an unusable folder is JournalUnavailable."""
    from .journal.errors import JournalError
    from .journal.journal import Journal
    from .private import make_folder

    try:
        make_folder(folder)  # 0700, and its missing parents: the notebook is the user's (R12)
        return Journal.open(folder, tz=tz, read_only=read_only)
    except OSError as exc:
        raise JournalUnavailable(folder, exc.strerror or str(exc)) from exc
    except JournalError as exc:
        raise JournalUnavailable(folder, t(exc.code, **exc.params)) from exc


def demo_start() -> tuple[int, int] | None:
    """The demo's starting time of day from the environment, if it holds a valid "HH:MM"."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", os.environ.get(DEMO_START_ENV, ""))
    return (int(match[1]), int(match[2])) if match else None


def demo_time_scale() -> float:
    """The demo's time scale from the environment (a number above zero), else the default."""
    try:
        value = float(os.environ.get(DEMO_TIME_SCALE_ENV, DEMO_TIME_SCALE))
    except ValueError:
        return DEMO_TIME_SCALE
    return value if value > 0 else DEMO_TIME_SCALE


def run(settings: Settings, *, demo: bool = False, notes: Sequence[str] = (),
        read_only: bool = False) -> int:
    """Build the services and run the app until the cashier leaves."""
    import sys

    try:
        services = build(settings, demo=demo, read_only=read_only)
    except JournalUnavailable as exc:
        print(exc.text(), file=sys.stderr)
        return 2
    services.notes.extend(notes)
    from .ui.app import RecargaApp
    from .ui.collector import Collector

    try:
        RecargaApp(services, Collector()).run()
    finally:
        services.close_journal()
    return 0
