"""Protocol v1 as a kind of dealer (``dealer/registry.py``): no settings of its own beyond
``[dealer]``, the session opened with the user and password typed at the login."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..registry import Kind, Reach

if TYPE_CHECKING:
    from ...config import Settings
    from ..port import Dealer


@dataclass(frozen=True)
class V1Settings:
    """``[dealer.v1]``: nothing yet; the address and the terminal are ``[dealer]``'s."""

    KIND: ClassVar[str] = "v1"


def make(settings: Settings, reach: Reach) -> Dealer:
    from .client import DealerClient

    if reach.sim_app is not None:
        return DealerClient.in_process(reach.sim_app, settings.dealer, settings.contacts)
    return DealerClient.from_settings(settings.dealer, contacts=settings.contacts)


KIND = Kind(
    name="v1", title="v1", settings=V1Settings, factory=make,
    sim_face="recarga_tui.sim.app:make_app", demo_login=("demo", "demo"),
)
