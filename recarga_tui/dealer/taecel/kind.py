"""Taecel as a kind of dealer (``dealer/registry.py``): ``[dealer.taecel]`` holds the
account's key and nip, secrets (R12) better given in the environment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, ClassVar

from msgspec import Meta

from ...setting import Expect
from ..registry import Kind, Reach, Secret

if TYPE_CHECKING:
    from ...config import Settings
    from ..port import Dealer

KEY_ENV = "RECARGA_TAECEL_KEY"
NIP_ENV = "RECARGA_TAECEL_NIP"
# A key or nip: printable, no spaces, at most 128 characters (never shown back, R12).
KeyOrNip = Annotated[str, Meta(pattern=r"\A[!-~]{0,128}\Z"),
                    Expect("config.expect.secret", secret=True)]


@dataclass(frozen=True)
class TaecelSettings:
    """``[dealer.taecel]``: the account's key and nip (the nip may also be typed at the
    login instead). Without a ``[dealer] url`` the app calls Taecel's own address."""

    KIND: ClassVar[str] = "taecel"
    key: KeyOrNip = field(default="", repr=False)
    nip: KeyOrNip = field(default="", repr=False)


def make(settings: Settings, reach: Reach) -> Dealer:
    from .adapter import TaecelDealer

    if reach.sim_app is not None:
        return TaecelDealer.in_process(reach.sim_app, settings, now=reach.now)
    return TaecelDealer.from_settings(settings, now=reach.now)


KIND = Kind(
    name="taecel", title="Taecel", settings=TaecelSettings, factory=make,
    sim_face="recarga_tui.sim.taecel:make_app", demo_login=("demo", "1234"),
    secrets=(Secret("key", KEY_ENV, "config.taecel.key", "config.taecel.key_missing"),
             Secret("nip", NIP_ENV, "config.taecel.nip", "config.taecel.nip_missing")),
    moved={"taecel_key": "key", "taecel_nip": "nip"},
)
