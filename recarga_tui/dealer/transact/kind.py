"""The transact.asmx family as a kind of dealer (``dealer/registry.py``): ``[dealer.transact]``
holds the licence GetTRequestID asks for (a secret, R12) and the distributor's name."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Annotated, ClassVar

from msgspec import Meta

from ...setting import Expect, one_line
from ..registry import Kind, Reach, Secret

if TYPE_CHECKING:
    from ...config import Settings
    from ..port import Dealer

LICENCE_ENV = "RECARGA_DEALER_LICENCE"
DEFAULT_NAME = "Pagaqui"
# The licence of the simulator's demo account (sim/transact), and how the demo names it.
DEMO_LICENCE = "DEMO"
DEMO_NAME = "Pagaqui (demo)"
# Letters, digits and a few signs, no blanks: as distributors hand them out (never shown back).
Licence = Annotated[str, Meta(pattern=r"\A[A-Za-z0-9_.:@+/=-]{0,128}\Z"),
                    Expect("config.expect.licence", secret=True)]


@dataclass(frozen=True)
class TransactSettings:
    """``[dealer.transact]``: the licence (may stay empty: the service hands request ids to
    shops that send none, docs/dealers/transact.md) and the name the screens give the
    distributor ("" for Pagaqui)."""

    KIND: ClassVar[str] = "transact"
    licence: Licence = field(default="", repr=False)
    name: Annotated[str, one_line(60), Expect("config.expect.text")] = ""


def make(settings: Settings, reach: Reach) -> Dealer:
    from .adapter import POLL_EVERY, TransactDealer
    from .answers import POLL_SECONDS

    # A dealer running ``scale`` times faster (a simulator): so does the polling of a sale in
    # progress.
    seconds, every = reach.seconds(POLL_SECONDS), reach.seconds(POLL_EVERY)
    if reach.sim_app is None:
        return TransactDealer.from_settings(settings.dealer, settings.contacts, now=reach.now,
                                            poll_seconds=seconds, poll_every=every)
    return TransactDealer.in_process(reach.sim_app, settings.dealer, settings.contacts,
                                     now=reach.now, poll_seconds=seconds, poll_every=every)


def demo(section: TransactSettings) -> TransactSettings:
    return replace(section, licence=DEMO_LICENCE, name=DEMO_NAME)


KIND = Kind(
    name="transact", title="transact", settings=TransactSettings, factory=make,
    sim_face="recarga_tui.sim.transact.app:make_app", demo_login=("demo", "demo"),
    secrets=(Secret("licence", LICENCE_ENV, "config.transact.licence",
                    "config.transact.licence_missing"),),
    moved={"licence": "licence", "name": "name"},
    demo=demo,
)
