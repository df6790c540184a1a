"""The counter locked (Ctrl+L in a shop with cashiers): everything hidden until the cashier
on duty types their PIN; or the drawer is handed over to the next cashier (F2), or the shift
closed (F3), both with the drawer counted (``shift_end.py``). R12: the PIN only, never the
dealer's password, and nothing of the sale beneath is seen meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget

from ...i18n import t
from ..desk import check_off_thread, pin_entry, take_pin
from ..keys import key
from ..moves import EndShift
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen


class CounterLockScreen(ShopScreen):
    CSS_PATH = "desk.tcss"
    HELP_TOPIC = "cashiers"
    BINDINGS = [
        key("enter", "resume", "key.resume"),
        key("f2", "count(True)", "key.handover"),
        key("f3", "count(False)", "key.shift_end"),
    ]
    WRITES = frozenset({"count"})

    def compose_body(self) -> Iterable[Widget]:
        shift = self.shop.services.shifts.on_duty
        name = shift.cashier.name if shift is not None else ""
        with Box(id="desk-box"):
            yield Line(t("desk.lock.title"), id="desk-title")
            yield Line(t("shift.locked_screen", name=name), id="desk-lead")
            if shift is not None:
                yield Line(t("shift.on_duty", name=name,
                             time=self.shop_time(shift.opened_at)), id="desk-rows")
            yield pin_entry(t("desk.lock.pin"), "desk-pin")

    def on_mount(self) -> None:
        self.query_one("#desk-pin", Entry).active = True

    def active_entry(self) -> Entry | None:
        return self.query_one("#desk-pin", Entry)

    def on_screen_resume(self) -> None:
        if self.shop.services.shifts.on_duty is None and self.app.screen is self:
            self.dismiss()  # the shift was closed meanwhile: nothing left to unlock

    def action_resume(self) -> None:
        entry = self.query_one("#desk-pin", Entry)
        if not entry.value:
            self.say(t("desk.pin_missing"), level="warning")
            return
        pin = take_pin(entry)
        shifts = self.shop.services.shifts
        check_off_thread(self, lambda: shifts.resume(pin), self._unlocked)

    def _unlocked(self, cashier: Any) -> None:
        self.shop.notify(t("desk.lock.resumed", name=cashier.name), timeout=4)
        self.dismiss()

    def action_count(self, handover: bool) -> None:
        self.query_one("#desk-pin", Entry).value = ""
        self.move(EndShift(handover=handover))
