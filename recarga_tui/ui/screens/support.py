"""Support (F7 on home): the clarifications asked, with the time their written answer is due
(24 h) and the answer once it came; the ones past due are pointed out (R11). F2 reports a
failure to technical support (no written answer: the answer is the system working again);
F3 asks a new clarification."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.binding import Binding
from textual.widget import Widget

from ...i18n import t
from ...services.support import past_due
from ..keys import key
from ..moves import Home, Open
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.line import Line
from ..widgets.table import PlainTable
from .base import ShopScreen

MOVE = Binding.Group("key.move", compact=True)


class SupportScreen(ShopScreen):
    CSS_PATH = "support.tcss"
    HELP_TOPIC = "support"
    BINDINGS = [
        key("up", "move(-1)", "key.up", key_display="↑", group=MOVE),
        key("down", "move(1)", "key.down", key_display="↓", group=MOVE),
        key("f2", "fault", "key.fault_report"),
        key("f3", "clarification", "key.new_clarification"),
        key("r", "reload", "key.reload", key_display="R"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="support-box"):
            # What the dealer does not take through its system is said, with where to ask.
            yield Line(self.lacking("fault_reports") or t("support.fault_note"),
                       id="support-fault-note")
            yield Line(self.lacking("clarifications") or t("support.clarifications"),
                       id="support-title")
            yield PlainTable(id="support-table")
            yield Line("", id="support-detail")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.query_one(PlainTable).set_columns([
            t("support.col.id"), t("support.col.asked"), t("support.col.due"),
            t("support.col.state"), t("support.col.topic")])
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(exclusive=True, group="support", exit_on_error=False)
    async def load(self) -> None:
        if self.lacks("clarifications"):
            return
        self.items = await with_session(self.app, self.shop.services.support.clarifications)
        self._fill()

    def _state(self, item: Any, now: Any) -> str:
        if item.status == "answered":
            return t("support.state.answered")
        if past_due(item, now):
            return t("support.state.past_due")
        return t("support.state.open")

    def _fill(self) -> None:
        now = self.shop.services.clock.now()
        table = self.query_one(PlainTable)
        table.clear()
        for item in self.items:
            table.add_plain_row([item.id, self.shop_time(item.created_at, "%m-%d %H:%M"),
                                 self.shop_time(item.due_at, "%m-%d %H:%M"), self._state(item, now),
                                 t(f"support.topic.{item.topic}")], key=item.id)
        late = [i for i in self.items if past_due(i, now)]
        if late:
            self.say(t("support.past_due", count=len(late),
                       email=self.shop.services.settings.contacts.email,
                       phone=self.shop.services.settings.contacts.phone), level="warning")
        elif not self.items:
            self.say(t("support.none"))
        else:
            self.say("")
        self._detail()

    def _detail(self) -> None:
        row = self.query_one(PlainTable).cursor_row
        text = ""
        if self.items and row < len(self.items):
            item = self.items[row]
            text = t("support.asked_text", text=item.text)
            if item.client_ref:
                text = t("support.about_ref", ref=item.client_ref) + " " + text
            if item.answer:
                text += "\n" + t("support.answer", answer=item.answer,
                                  at=self.shop_time(item.answered_at, "%Y-%m-%d %H:%M"))
        self.query_one("#support-detail", Line).update(text)

    def action_move(self, delta: int) -> None:
        self.query_one(PlainTable).move(delta)
        self._detail()

    def action_reload(self) -> None:
        self.load()

    def action_fault(self) -> None:
        if self.lacks("fault_reports"):
            return
        self.move(Open("fault"))

    def action_clarification(self) -> None:
        if self.lacks("clarifications"):
            return
        self.move(Open("clarify"))

    def action_back(self) -> None:
        self.move(Home())
