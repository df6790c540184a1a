"""Where to ask (R14): the control desk's channels, from the config, on every account screen."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from .line import Line


def ask_text(settings: Any) -> str:
    c = settings.contacts
    return t("ask.where", email=c.email, phone=c.phone)


def lacking(services: Any, what: str) -> str | None:
    """What the dealer does not offer through its API (a ``Capabilities`` flag: notices,
    sales_report, statement, deposits, clarifications, fault_reports), said with where to ask
    instead; None when it offers it (R09, R11, R14)."""
    caps = services.capabilities
    if getattr(caps, what):
        return None
    c = services.settings.contacts
    return t(f"dealer.lacks.{what}", dealer=caps.name, email=c.email, phone=c.phone)


class AskLine(Line):
    def __init__(self, settings: Any) -> None:
        super().__init__(ask_text(settings), classes="ask-line")
