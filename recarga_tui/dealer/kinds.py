"""Which adapter speaks to the configured dealer (``[dealer] kind``), over the network or to
the simulator in-process (the demo). Each adapter is imported only when chosen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ..config import ConfigError, Settings
from ..i18n import t
from .port import Dealer


def make(settings: Settings, *, sim_app: Any = None,
         now: Callable[[], datetime] | None = None, scale: float = 1.0) -> Dealer:
    """The adapter of ``settings.dealer.kind``; with ``sim_app``, talking to it in-process
    (a simulator running ``scale`` times faster than the wall clock)."""
    kind = settings.dealer.kind
    if kind == "transact":
        return _transact(settings, sim_app, now, scale)
    if kind == "taecel":
        from .taecel.adapter import TaecelDealer

        if sim_app is not None:
            return TaecelDealer.in_process(sim_app, settings, now=now)
        return TaecelDealer.from_settings(settings, now=now)
    if kind == "v1":
        from .client import DealerClient

        if sim_app is not None:
            return DealerClient.in_process(sim_app, settings.dealer)
        return DealerClient.from_settings(settings.dealer)
    raise ConfigError(t("config.dealer_kind_unavailable", kind=kind))


def _transact(settings: Settings, sim_app: Any, now: Callable[[], datetime] | None,
              scale: float) -> Dealer:
    from .transact.adapter import POLL_EVERY, TransactDealer
    from .transact.answers import POLL_SECONDS

    if sim_app is None:
        return TransactDealer.from_settings(settings.dealer, settings.contacts, now=now)
    # The demo's dealer runs ``scale`` times faster: so does the polling of a sale in progress.
    return TransactDealer.in_process(sim_app, settings.dealer, settings.contacts,
                                     now=now, licence=settings.dealer.licence,
                                     poll_seconds=POLL_SECONDS / scale,
                                     poll_every=POLL_EVERY / scale)
