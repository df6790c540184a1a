"""A failure report to technical support (F2 on the support screen, R11): its origin with one
key (the five of R01), what happened, and the sales it concerns attached by reference. No
written answer comes: the answer is the system working again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.widget import Widget

from ...domain import phone
from ...domain.faults import Origin, name_key
from ...domain.money import pesos
from ...i18n import t
from ..keys import key
from ..moves import Close
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

ORIGINS = tuple(Origin)  # keys 1-5, in the order of R01
PICK = "123456789"
RECENT = 9  # sales offered for attaching


class FaultReportScreen(ShopScreen):
    CSS_PATH = "fault.tcss"
    HELP_TOPIC = "support"
    FOOTER_IN_ROWS = True
    BINDINGS = [
        key(",".join(PICK), "pick", "key.pick", key_display="1-9"),
        key("enter", "enter", "key.continue"),
        key("f2", "stage('origin')", "key.change_origin"),
        key("f3", "stage('text')", "key.edit_text"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stage = "origin"
        self.origin: Origin | None = None
        self.sales: list[Any] = []
        self.attached: set[str] = set()
        self._sending = False

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="fault-box"):
            yield Line(t("fault.no_written_answer"), id="fault-note")
            yield Line("", id="fault-origin")
            yield Entry(t("fault.text_label"), id="fault-text", max_length=200)
            yield Line("", id="fault-choices")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.sales = self.shop.services.support.attachable()
        self.set_stage("origin")

    def active_entry(self) -> Entry | None:
        return self.query_one("#fault-text", Entry) if self.stage == "text" else None

    def set_stage(self, stage: str) -> None:
        self.stage = stage
        self.query_one("#fault-text", Entry).active = stage == "text"
        origin = self.query_one("#fault-origin", Line)
        origin.update(t("fault.origin", origin=t(name_key(self.origin)))
                      if self.origin else t("fault.pick_origin"))
        choices = self.query_one("#fault-choices", Line)
        if stage == "origin":
            choices.update("\n".join(f"{PICK[i]}  {t(name_key(o))}"
                                     for i, o in enumerate(ORIGINS)))
            self.say("")
        elif stage == "text":
            choices.update("")
            self.say(t("fault.type_text"))
        else:
            choices.update(self._sales_text())
            self.say(t("fault.attach_hint"))

    def action_stage(self, stage: str) -> None:
        if not self._sending:
            self.set_stage(stage)

    def _sales_text(self) -> str:
        if not self.sales:
            return t("fault.no_sales")
        lines = [t("fault.attach_title")]
        for i, sale in enumerate(self.sales):
            mark = "[x]" if sale.ref in self.attached else "[ ]"
            lines.append(f"{PICK[i]} {mark} {sale.created_at:%H:%M} {phone.group(sale.msisdn)} "
                         f"{pesos(sale.amount)} {t(f'claims.state.{sale.state.value}')}")
        return "\n".join(lines)

    async def take_key(self, event: Any) -> None:
        # Outside the text, a digit picks: the origin first, then a sale to attach or detach.
        if self.stage != "text" and event.character and event.character in PICK:
            event.stop()
            event.prevent_default()
            self._pick(PICK.index(event.character))
            return
        await super().take_key(event)

    def action_pick(self) -> None:
        """Shown in the footer; the digit itself is read in :meth:`take_key`."""

    def _pick(self, index: int) -> None:
        if self.stage == "origin" and index < len(ORIGINS):
            self.origin = ORIGINS[index]
            self.set_stage("text")
        elif self.stage == "sales" and index < len(self.sales):
            self.attached ^= {self.sales[index].ref}
            self.query_one("#fault-choices", Line).update(self._sales_text())

    def action_enter(self) -> None:
        if self.stage == "origin":
            self.say(t("fault.pick_origin"), level="warning")
        elif self.stage == "text":
            if not self.query_one("#fault-text", Entry).value.strip():
                self.say(t("fault.text_empty"), level="warning")
                return
            self.set_stage("sales")
        elif not self._sending and self.origin is not None:  # picked at the first stage
            self._sending = True
            self.say(t("fault.sending"))
            self._send(self.origin)

    @work(exclusive=True, group="fault-send", exit_on_error=False)
    async def _send(self, origin: Origin) -> None:
        support = self.shop.services.support
        text = self.query_one("#fault-text", Entry).value.strip()
        refs = [s.ref for s in self.sales if s.ref in self.attached]
        try:
            receipt = await with_session(self.app, lambda: support.fault_report(
                origin, text, refs))
        finally:
            self._sending = False
        self.say(t("fault.sent", id=receipt.id, at=self.shop_time(receipt.received_at)))

    def action_back(self) -> None:
        self.move(Close())
