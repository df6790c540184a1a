"""A new account clarification (F3 on the support screen, R11): the topic with one key and
what to clarify. The control desk answers in writing within 24 hours; the support screen
shows when it is due and the answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.widget import Widget

from ...i18n import t
from ...services.support import CLARIFICATION_TOPICS
from ..keys import key
from ..moves import Close
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen

PICK = "123456"


class ClarifyScreen(ShopScreen):
    CSS_PATH = "clarify.tcss"
    HELP_TOPIC = "support"
    BINDINGS = [
        key(",".join(PICK), "pick", "key.pick", key_display="1-6"),
        key("enter", "enter", "key.continue"),
        key("f2", "topic", "key.change_topic"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.topic: str | None = None
        self._sending = False

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="clarify-box"):
            yield Line(t("clarify.note"), id="clarify-note")
            yield Line("", id="clarify-topic")
            yield Entry(t("clarify.text_label"), id="clarify-text", max_length=200)
            yield Line("", id="clarify-choices")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.action_topic()

    def active_entry(self) -> Entry | None:
        return self.query_one("#clarify-text", Entry) if self.topic else None

    def action_topic(self) -> None:
        if self._sending:
            return
        self.topic = None
        self.query_one("#clarify-text", Entry).active = False
        self.query_one("#clarify-topic", Line).update(t("clarify.pick_topic"))
        self.query_one("#clarify-choices", Line).update("\n".join(
            f"{PICK[i]}  {t(f'support.topic.{name}')}" for i, name in enumerate(
                CLARIFICATION_TOPICS)))

    async def take_key(self, event: Any) -> None:
        # Before the topic is chosen a digit picks it; after, digits are text.
        if self.topic is None and event.character and event.character in PICK:
            event.stop()
            event.prevent_default()
            self.topic = CLARIFICATION_TOPICS[PICK.index(event.character)]
            self.query_one("#clarify-text", Entry).active = True
            self.query_one("#clarify-topic", Line).update(
                t("clarify.topic", topic=t(f"support.topic.{self.topic}")))
            self.query_one("#clarify-choices", Line).update("")
            self.say(t("clarify.type_text"))
            return
        await super().take_key(event)

    def action_pick(self) -> None:
        """Shown in the footer; the digit itself is read in :meth:`take_key`."""

    def action_enter(self) -> None:
        if self.topic is None:
            self.say(t("clarify.pick_topic"), level="warning")
            return
        if self._sending:
            return
        if not self.query_one("#clarify-text", Entry).value.strip():
            self.say(t("clarify.text_empty"), level="warning")
            return
        self._sending = True
        self.say(t("report.clarifying"))
        self._send(self.topic)

    @work(exclusive=True, group="clarify-send", exit_on_error=False)
    async def _send(self, topic: str) -> None:
        support = self.shop.services.support
        text = self.query_one("#clarify-text", Entry).value.strip()
        try:
            item = await with_session(self.app, lambda: support.ask_clarification(topic, text))
        finally:
            self._sending = False
        self.say(t("clarify.sent", id=item.id, due=self.shop_time(item.due_at, "%Y-%m-%d %H:%M")))

    def action_back(self) -> None:
        self.move(Close())
