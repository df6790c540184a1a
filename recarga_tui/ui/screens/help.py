"""Help, "¿Qué hago?": the procedure in the cashier's words, opened at the section for the
screen it came from (F1 anywhere). Esc or F1 closes it."""

from __future__ import annotations

from typing import Iterable

from textual.containers import VerticalScroll
from textual.widget import Widget


from ...domain.faults import Origin, next_step, what
from ...i18n import t
from ..keys import key
from ..widgets.line import Line
from .base import ShopScreen

# The order of the sections; each is a catalog key "help.<topic>.title" / ".body".
TOPICS = ("home", "capture", "readback", "payment", "slow", "send", "receipt", "rejected",
          "unknown", "origins", "no_credit", "remote_orders", "passwords", "contacts")


class HelpScreen(ShopScreen):
    CSS_PATH = "help.tcss"
    HELP_TOPIC = "home"
    BINDINGS = [
        key("escape,f1,f9", "close", "key.close_help", key_display="F9"),
    ]

    def __init__(self, topic: str) -> None:
        super().__init__()
        self.topic = topic if topic in TOPICS else "home"

    def compose_body(self) -> Iterable[Widget]:
        with VerticalScroll(id="help-scroll"):
            for topic in TOPICS:
                yield Line(t(f"help.{topic}.title"), id=f"help-{topic}",
                             classes="help-title")
                yield Line(self._body(topic), classes="help-body")

    def _body(self, topic: str) -> str:
        settings = self.shop.services.settings
        if topic == "origins":
            return "\n".join(f"• {t(what(o))}\n  → {t(next_step(o))}" for o in Origin)
        if topic == "contacts":
            c = settings.contacts
            return t("help.contacts.body", email=c.email, chat=", ".join(c.chat),
                     phone=c.phone, address=c.address)
        return t(f"help.{topic}.body", admin_email=settings.contacts.admin_email,
                 minutes=settings.procedure.deferral_minutes,
                 reflection=settings.procedure.reflection_minutes)

    def on_mount(self) -> None:
        target = self.query_one(f"#help-{self.topic}")
        self.call_after_refresh(lambda: self.query_one("#help-scroll").scroll_to_widget(
            target, top=True, animate=False))

    def action_help(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.app.pop_screen()
