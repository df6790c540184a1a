"""Taecel as a kind of dealer (``dealer/registry.py``): ``[dealer.taecel]`` holds the
account's key and nip, secrets (R12) better given in the environment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from ...config import secret_setting
from ..registry import Kind, Reach, Secret

if TYPE_CHECKING:
    from ...config import Settings
    from ..port import Dealer

KEY_ENV = "RECARGA_TAECEL_KEY"
NIP_ENV = "RECARGA_TAECEL_NIP"
# A key or nip: printable, no spaces, at most 128 characters (never shown back).
_SECRET = secret_setting(r"[!-~]{0,128}", "config.expect.secret")


@dataclass(frozen=True)
class TaecelSettings:
    """``[dealer.taecel]``: the account's key and nip (the nip may also be typed at the
    login instead). Without a ``[dealer] url`` the app calls Taecel's own address."""

    KIND: ClassVar[str] = "taecel"
    key: str = field(default="", repr=False)
    nip: str = field(default="", repr=False)


def make(settings: Settings, reach: Reach) -> Dealer:
    from .adapter import TaecelDealer

    if reach.sim_app is not None:
        return TaecelDealer.in_process(reach.sim_app, settings, now=reach.now)
    return TaecelDealer.from_settings(settings, now=reach.now)


KIND = Kind(
    name="taecel", title="Taecel", settings=TaecelSettings, factory=make,
    sim_face="recarga_tui.sim.taecel:make_app", demo_login=("demo", "1234"),
    checks={"key": _SECRET, "nip": _SECRET},
    secrets=(Secret("key", KEY_ENV, "config.taecel.key", "config.taecel.key_missing"),
             Secret("nip", NIP_ENV, "config.taecel.nip", "config.taecel.nip_missing")),
    moved={"taecel_key": "key", "taecel_nip": "nip"},
)
