"""Reloadly, a top-up service reached over the internet, seen from the shop: its airtime API
behind the dealer port (``adapter.py``), its answers read as pure functions (``answers.py``,
``judge.py``, ``catalog.py``), its settings (``settings.py``). See docs/dealers/reloadly.md.

:func:`make` is the one door the rest of the app uses; :func:`demo` the demo's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...config import DealerSettings, Settings
    from .adapter import ReloadlyDealer

DEMO_NAME = "Reloadly (demo)"


def make(settings: Settings, *, sim_app: Any = None, now: Callable[[], datetime] | None = None,
         scale: float = 1.0) -> ReloadlyDealer:
    """The Reloadly account of ``settings``; with ``sim_app``, the simulator's Reloadly face
    in-process, its clock ``scale`` times faster than the wall's."""
    from .adapter import ReloadlyDealer

    if sim_app is not None:
        return ReloadlyDealer.in_process(sim_app, settings, now=now, scale=scale)
    return ReloadlyDealer.from_settings(settings, now=now, scale=scale)


def demo(dealer: DealerSettings) -> DealerSettings:
    """The demo's ``[dealer]``: named as the demo account (the login is the simulator's
    client id and secret, ``sim/reloadly``)."""
    return replace(dealer, name=DEMO_NAME)
