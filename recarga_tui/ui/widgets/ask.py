"""Where to ask (R14): the control desk's channels, from the config, on every account screen."""

from __future__ import annotations

from typing import Any

from ...i18n import t
from .line import Line


def ask_text(settings: Any) -> str:
    c = settings.contacts
    return t("ask.where", email=c.email, phone=c.phone)


class AskLine(Line):
    def __init__(self, settings: Any) -> None:
        super().__init__(ask_text(settings), classes="ask-line")
