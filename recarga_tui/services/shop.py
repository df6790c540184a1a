"""Everything the screens need, built once: settings, clock, journal, dealer, the procedure."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from ..config import Settings
from .clock import Clock, SystemClock
from .counter import Counter
from .health import Health

# The simulated dealer of the demo runs this many times faster than the clock on the wall, so a
# top-up that takes 40 s or a sale that shows in the report 10 minutes late can be seen live.
DEMO_TIME_SCALE = 1.0


@dataclass
class Services:
    settings: Settings
    clock: Clock
    journal: Any
    dealer: Any
    counter: Counter
    health: Health
    demo: bool = False
    sim_app: Any = None
    notes: list[str] = field(default_factory=list)

    async def aclose(self) -> None:
        await self.dealer.aclose()

    def close_journal(self) -> None:
        self.journal.close()


def demo_settings(settings: Settings, journal_dir: Path | None) -> Settings:
    """The demo's settings: the simulator's terminal and a journal folder of its own."""
    from ..config import default_journal_dir

    folder = journal_dir or default_journal_dir().with_name("demo-journal")
    return replace(
        settings,
        app=replace(settings.app, journal_dir=str(folder)),
        dealer=replace(settings.dealer, terminal_id="DEMO-01", url="http://sim.demo"),
    )


def build(settings: Settings, *, demo: bool = False, clock: Clock | None = None,
          dealer: Any = None, journal: Any = None, sim_app: Any = None,
          sim_options: dict[str, Any] | None = None,
          ref_token: Callable[[], str] | None = None) -> Services:
    """Open the journal and make the dealer client (the simulator in-process for the demo)."""
    from ..dealer.client import DealerClient
    from ..journal.journal import Journal

    clock = clock or SystemClock()
    if journal is None:
        folder = settings.journal_path()
        folder.mkdir(parents=True, exist_ok=True)
        journal = Journal.open(folder)
    if dealer is None:
        if demo or sim_app is not None:
            from ..sim.app import make_app

            if sim_app is None:
                sim_app = make_app(**(sim_options or {"time_scale": DEMO_TIME_SCALE}))
            dealer = DealerClient.in_process(sim_app, settings.dealer)
        else:
            dealer = DealerClient.from_settings(settings.dealer)
    counter = Counter(journal, dealer, settings, clock, ref_token)
    health = Health(settings, dealer, clock)
    return Services(settings, clock, journal, dealer, counter, health, demo, sim_app)
