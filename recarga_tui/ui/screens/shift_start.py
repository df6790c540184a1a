"""Opening a shift (a shop with cashiers): the cashier picks their name and types their PIN
alone, and the counter sells on their shift (R12: no employee needs the dealer's password).

Shown after the dealer session is open whenever nobody is on duty, and from home (F2) or
Ctrl+L while nobody is. The drawer starts with what the last shift counted
(``services.shifts.start``). The PIN is checked in a thread worker (scrypt); a wrong one says
how many tries are left, a locked cashier until when.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget

from ...domain.money import pesos
from ...i18n import t
from ...services.cashiers import CashierError
from ..desk import check_off_thread, pin_entry, roster_text, take_pin
from ..errors import describe_error
from ..keys import key
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen


class ShiftStartScreen(ShopScreen):
    CSS_PATH = "desk.tcss"
    HELP_TOPIC = "cashiers"
    BINDINGS = [
        key("up", "move(-1)", "key.up", key_display="↑"),
        key("down", "move(1)", "key.down", key_display="↓"),
        key("enter", "enter", "key.open_shift"),
        key("escape,f9", "back", "key.back", key_display="F9"),
        *[key(str(n), f"choose({n})", "key.pick", show=False) for n in range(1, 10)],
    ]
    WRITES = frozenset({"enter"})

    def __init__(self) -> None:
        super().__init__()
        self.chosen = 0
        self.typing = False  # the PIN field is active (after a name was picked)
        self.rows: list[Any] = []

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="desk-box"):
            yield Line(t("shift.start.title"), id="desk-title")
            yield Line(t("cashier.pick"), id="desk-lead")
            yield Line("", id="desk-rows")
            yield Line("", id="desk-opening")
            yield pin_entry(t("cashier.pin_label"), "desk-pin")
            yield Line(t("desk.start.pick_hint"), id="desk-hint")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        services = self.shop.services
        try:
            self.rows = services.cashiers.listed()
        except CashierError as err:  # the list cannot be read: the counter does not sell
            self.rows = []
            self.say(describe_error(err), level="error")
        self.chosen = min(self.chosen, max(len(self.rows) - 1, 0))
        tz = services.clock.now().tzinfo
        self.query_one("#desk-rows", Line).update(roster_text(self.rows, self.chosen, tz))
        latest = services.shifts.latest()
        counted = latest.figure("counted") if latest is not None else None
        self.query_one("#desk-opening", Line).update(
            t("shift.opening_from", name=latest.cashier.name, amount=pesos(counted))
            if latest is not None and counted is not None else t("desk.start.first"))
        entry = self.query_one("#desk-pin", Entry)
        entry.display = self.typing
        entry.active = self.typing
        if self.typing and self.rows:
            entry.label = t("desk.start.pin_for", name=self.rows[self.chosen].cashier.name)
            entry.refresh_label()

    def active_entry(self) -> Entry | None:
        return self.query_one("#desk-pin", Entry) if self.typing else None

    def action_move(self, delta: int) -> None:
        if self.rows and not self.typing:
            self.chosen = (self.chosen + delta) % len(self.rows)
            self._show()

    def action_choose(self, number: int) -> None:
        if number <= len(self.rows) and not self.typing:
            self.chosen = number - 1
            self.action_enter()

    def action_enter(self) -> None:
        if not self.rows:
            self.say(t("cashier.none"), level="warning")
            return
        if not self.typing:
            self.typing = True
            self.say("")
            self._show()
            return
        entry = self.query_one("#desk-pin", Entry)
        if not entry.value:
            self.say(t("desk.pin_missing"), level="warning")
            return
        pin = take_pin(entry)
        cashier_id = self.rows[self.chosen].cashier.id
        shifts = self.shop.services.shifts
        check_off_thread(self, lambda: shifts.start(cashier_id, pin), self._opened)

    def _opened(self, shift: Any) -> None:
        self.shop.notify(t("desk.start.opened", name=shift.cashier.name,
                           amount=pesos(shift.opening)), timeout=6)
        self.dismiss()

    def worker_failed(self, error: BaseException) -> None:
        self._show()  # a lock shows in the list at once
        super().worker_failed(error)

    def action_back(self) -> None:
        if self.typing:
            self.typing = False
            self.query_one("#desk-pin", Entry).value = ""
            self.say("")
            self._show()
            return
        self.dismiss()
