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
         now: Callable[[], datetime] | None = None) -> Dealer:
    """The adapter of ``settings.dealer.kind``; with ``sim_app``, talking to it in-process."""
    kind = settings.dealer.kind
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
