"""Reloadly as a kind of dealer (``dealer/registry.py``): ``[dealer.reloadly]`` holds the
account's client id and client secret, secrets (R12) better given in the environment, and the
name the screens give the dealer. Where its two services are comes from ``[dealer] url``
(``settings.py``). See docs/dealers/reloadly.md."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Annotated, ClassVar

from msgspec import Meta

from ...setting import Expect, one_line
from ..registry import Kind, Reach, Secret

if TYPE_CHECKING:
    from ...config import Settings
    from ..port import Dealer

CLIENT_ID_ENV = "RECARGA_RELOADLY_CLIENT_ID"
CLIENT_SECRET_ENV = "RECARGA_RELOADLY_CLIENT_SECRET"
# The simulator's demo account (sim/reloadly), and how the demo names the dealer.
DEMO_CLIENT_ID = "demo"
DEMO_CLIENT_SECRET = "demo-secret"
DEMO_NAME = "Reloadly (demo)"
# A client id or secret: printable, no spaces, at most 256 characters (never shown back, R12).
ClientCredential = Annotated[str, Meta(pattern=r"\A[!-~]{0,256}\Z"),
                             Expect("config.expect.secret", secret=True)]


@dataclass(frozen=True)
class ReloadlySection:
    """``[dealer.reloadly]``: the account's client id and secret (each may also be typed at
    the login instead: the id as the user, the secret as the password) and the name the
    screens give the dealer ("" for Reloadly)."""

    KIND: ClassVar[str] = "reloadly"
    client_id: ClientCredential = field(default="", repr=False)
    client_secret: ClientCredential = field(default="", repr=False)
    name: Annotated[str, one_line(60), Expect("config.expect.text")] = ""


def make(settings: Settings, reach: Reach) -> Dealer:
    from .adapter import ReloadlyDealer

    if reach.sim_app is not None:
        return ReloadlyDealer.in_process(reach.sim_app, settings, now=reach.now, reach=reach)
    return ReloadlyDealer.from_settings(settings, now=reach.now, reach=reach)


def demo(section: ReloadlySection) -> ReloadlySection:
    """The simulator's demo account, in the config as a shop keeps its own: the login asks
    nothing, and the lock asks the client secret."""
    return replace(section, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET,
                   name=DEMO_NAME)


KIND = Kind(
    name="reloadly", title="Reloadly", settings=ReloadlySection, factory=make,
    sim_face="recarga_tui.sim.reloadly:make_app",
    demo_login=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
    secrets=(Secret("client_id", CLIENT_ID_ENV, "config.reloadly.client_id",
                    "config.reloadly.client_id_missing"),
             Secret("client_secret", CLIENT_SECRET_ENV, "config.reloadly.client_secret",
                    "config.reloadly.client_secret_missing", unlocks=True)),
    demo=demo,
)
