"""Help, "¿Qué hago?": the procedure in the cashier's words, opened at the section for the
screen it came from (F1 anywhere). Typing filters the sections; ↑ ↓ (or Enter) move between
the ones shown; F2 goes to the control desk's contacts (R09). F9, F1 or Esc closes it."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget

from ... import __version__
from ...domain.faults import Origin, next_step, what
from ...i18n import t
from ..keys import key
from ..moves import Close
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

# The order of the sections; each is a catalog key "help.<topic>.title" / ".body".
TOPICS = ("home", "pending", "capture", "readback", "catalog", "payment", "slow", "send",
          "receipt", "rejected", "unknown", "report", "claims", "account", "support", "close",
          "lock", "cashiers", "read_only", "origins", "no_credit", "remote_orders", "passwords",
          "contacts")


def folded(text: str) -> str:
    """Lower case without accents: "deposito" finds "Depósito"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class HelpScreen(ShopScreen):
    CSS_PATH = "help.tcss"
    HELP_TOPIC = "home"
    BINDINGS = [
        key("up", "match(-1)", "key.previous_match", key_display="↑"),
        key("down,enter", "match(1)", "key.next_match", key_display="↓"),
        key("f2", "contacts", "key.contacts"),
        key("escape,f1,f9", "close", "key.close_help", key_display="F9"),
    ]

    def __init__(self, topic: str) -> None:
        super().__init__()
        self.topic = topic if topic in TOPICS else "home"
        self.shown: list[str] = list(TOPICS)

    def compose_body(self) -> Iterable[Widget]:
        yield Line(t("help.version", version=__version__), id="help-version")
        yield Entry(t("help.search"), id="help-search", max_length=30)
        with VerticalScroll(id="help-scroll", can_focus=False):
            for topic in TOPICS:
                with Vertical(id=f"help-{topic}", classes="help-section"):
                    yield Line(t(f"help.{topic}.title"), classes="help-title")
                    yield Line(self._body(topic), classes="help-body")

    def _body(self, topic: str) -> str:
        settings = self.shop.services.settings
        if topic == "origins":
            return "\n".join(f"• {t(what(o))}\n  → {t(next_step(o))}" for o in Origin)
        if topic == "contacts":
            c = settings.contacts
            return t("help.contacts.body", email=c.email, chat=", ".join(c.chat),
                     phone=c.phone, address=c.address)
        procedure = settings.procedure
        promises = self.shop.services.promises  # what this dealer keeps, said as it keeps it
        return t(f"help.{topic}.body", admin_email=settings.contacts.admin_email,
                 looked_for=promises.looked_for(), resend=promises.resend(),
                 minutes=procedure.deferral_minutes, reflection=procedure.reflection_minutes,
                 peak_start=procedure.peak_start.strftime("%H:%M"),
                 peak_end=procedure.peak_end.strftime("%H:%M"),
                 days=settings.app.claims_days, email=settings.contacts.email,
                 phone=settings.contacts.phone)

    def on_mount(self) -> None:
        search = self.query_one("#help-search", Entry)
        search.active = True
        self.watch(search, "value", self._filter, init=False)
        self.call_after_refresh(self._go, self.topic)

    def active_entry(self) -> Entry | None:
        return self.query_one("#help-search", Entry)

    # --- the filter ---

    def _text(self, topic: str) -> str:
        section = self.query_one(f"#help-{topic}")
        return folded(" ".join(str(line.render()) for line in section.query(Line)))

    def _filter(self, value: str) -> None:
        words = folded(value).split()
        self.shown = [topic for topic in TOPICS
                      if all(word in self._text(topic) for word in words)]
        for topic in TOPICS:
            self.query_one(f"#help-{topic}").display = topic in self.shown
        if not words:
            self.say("")
        elif self.shown:
            self.say(t("help.matches", count=len(self.shown)))
        else:
            self.say(t("help.no_match", text=value.strip()), level="warning")
        if self.shown:
            self.topic = self.shown[0]
            self.call_after_refresh(self._go, self.topic)

    def _go(self, topic: str) -> None:
        self.topic = topic
        self.query_one("#help-scroll", VerticalScroll).scroll_to_widget(
            self.query_one(f"#help-{topic}"), top=True, animate=False)

    # --- keys ---

    def action_match(self, delta: int) -> None:
        if not self.shown:
            return
        here = self.shown.index(self.topic) if self.topic in self.shown else 0
        self._go(self.shown[max(0, min(len(self.shown) - 1, here + delta))])

    def action_contacts(self) -> None:
        search = self.query_one("#help-search", Entry)
        if search.value:
            search.value = ""  # the contacts section shows whatever was searched
            self._filter("")
        self.call_after_refresh(self._go, "contacts")

    def action_help(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.move(Close())
