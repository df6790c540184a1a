"""Everything the screens need: settings, clock, journal, dealer, the procedure. They are
built once, above every layer, by the composition (``recarga_tui/wiring.py``)."""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from ..config import Settings
from ..dealer.port import Capabilities, Dealer
from .access import Access
from .account import Account
from .cashiers import Cashiers
from .checker import Checker
from .clock import Clock
from .counter import Counter
from .deferred import DeferredQueue
from .health import Health
from .notebook import Notebook
from .printing import Printing
from .promises import Promises
from .shifts import Shifts
from .support import Support
from .tally import Tally


class Services(Struct):
    """What the screens use. They read and write the shop's notebook through ``notebook`` and
    reach the dealer only through the services (``counter``, ``checker``, ``health``,
    ``account``, ``support``, ``access``, ``cashiers``), never through ``dealer`` itself;
    they print through ``printing``, never through the printer's library."""

    settings: Settings
    clock: Clock
    notebook: Notebook
    dealer: Dealer
    counter: Counter
    health: Health
    checker: Checker
    deferred: DeferredQueue
    account: Account
    support: Support
    access: Access
    # The shop's cashiers (their PINs, their locks) and their shifts at the counter: in a
    # shop without cashiers both stand aside and the counter sells as it always did.
    cashiers: Cashiers
    shifts: Shifts
    printing: Printing
    # The counts of the home screen and the status line, without a read of the disk per key.
    tally: Tally
    demo: bool = False
    sim_app: Any = None  # the simulator's ASGI app, in-process (the demo)
    notes: list[str] = field(default_factory=list)

    @property
    def capabilities(self) -> Capabilities:
        """What the dealer offers through its system: a screen asks here before offering a
        key, and says what the dealer lacks and where to ask instead (R09, R11, R14)."""
        return self.dealer.capabilities

    @property
    def promises(self) -> Promises:
        """What the screens may promise about resending, money back, the lookup and
        clarifications, chosen from the dealer's capabilities (``services/promises.py``)."""
        return Promises(self.dealer.capabilities)

    async def aclose(self) -> None:
        await self.dealer.aclose()

    def close_journal(self) -> None:
        self.notebook.close()
