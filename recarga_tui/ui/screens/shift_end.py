"""Closing a shift, or handing the drawer over to the next cashier: the cash counted in the
drawer, shown against what the drawer must hold (the cash close's own arithmetic over the
shift, ``services.shifts.figures_now``), then journaled with the cashier's PIN (and, for a
hand-over, the next cashier's), and the difference shown; P prints the shift's slip where a
printer is set. The next cashier's shift starts from that count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget

from ...domain.money import MoneyError, parse, pesos
from ...domain.sale import SaleError
from ...i18n import t
from ..desk import check_off_thread, pin_entry, roster_text, take_pin
from ..errors import describe_error
from ..keys import key
from ..moves import Close, ShiftEnded
from ..printing import start_print
from ..widgets.box import Box
from ..widgets.entry import MONEY_CHARS, Entry
from ..widgets.line import Line
from .base import ShopScreen

# The stages, in order: the count, the PIN of the cashier on duty, (a hand-over) the next
# cashier and their PIN, then the shift ended and its difference.
COUNT, PIN, NEXT, NEXT_PIN, DONE = "count", "pin", "next", "next_pin", "done"


def difference_text(difference: int) -> str:
    if difference == 0:
        return t("shift.even")
    return t("shift.over" if difference > 0 else "shift.short", amount=pesos(abs(difference)))


def figures_text(expected: int, counted: int) -> str:
    """Should hold, counted and the difference, one under the other, right-aligned."""
    rows = ((t("shift.expected_label"), pesos(expected)),
            (t("shift.counted_label"), pesos(counted)),
            (t("shift.difference_label"), pesos(counted - expected)))
    return "\n".join(t("desk.figure", label=label, amount=amount) for label, amount in rows)


class ShiftEndScreen(ShopScreen):
    CSS_PATH = "desk.tcss"
    HELP_TOPIC = "cashiers"
    BINDINGS = [
        key("enter", "enter", "key.continue"),
        key("up", "move(-1)", "key.up", key_display="↑"),
        key("down", "move(1)", "key.down", key_display="↓"),
        key("p", "print_slip", "key.print_slip", key_display="P"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]
    WRITES = frozenset({"enter"})
    NEEDS_PRINTER = frozenset({"print_slip"})

    def __init__(self, *, handover: bool, owner: Any = None) -> None:
        super().__init__()
        self.handover = handover
        self.owner = owner  # the owner ends the shift of a cashier who left: no PIN asked
        self.stage = COUNT
        self.counted = 0
        self.pin = ""  # the cashier on duty's, held only until the next one's is typed
        self.chosen = 0
        self.others: list[Any] = []
        self.ended: Any = None

    def compose_body(self) -> Iterable[Widget]:
        shift = self.shop.services.shifts.on_duty
        name = shift.cashier.name if shift is not None else ""
        title = "shift.handover.title" if self.handover else "shift.end.title"
        with Box(id="desk-box"):
            yield Line(t(title), id="desk-title")
            yield Line(t("shift.on_duty", name=name, time=self.shop_time(
                shift.opened_at if shift is not None else None)), id="desk-lead")
            yield Line("", id="desk-rows")
            yield Line(t("shift.count_label"), id="desk-hint")
            yield Entry(t("desk.count.amount"), id="desk-count", max_length=12,
                        allowed=MONEY_CHARS)
            yield pin_entry(t("desk.lock.pin"), "desk-pin")
            yield Line("", id="desk-figures")

    def on_mount(self) -> None:
        services = self.shop.services
        shift = services.shifts.on_duty
        if shift is not None:
            figures = services.shifts.figures_now()
            self.query_one("#desk-rows", Line).update(t(
                "desk.count.sales", count=len(figures.close.sales),
                back=figures.given_back_count))
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "print_slip" and self.stage != DONE:
            return False
        if action == "move" and self.stage != NEXT:
            return False
        return super().check_action(action, parameters)

    def _entries(self) -> tuple[Entry, Entry]:
        return self.query_one("#desk-count", Entry), self.query_one("#desk-pin", Entry)

    def _show(self) -> None:
        count, pin = self._entries()
        count.display = count.active = self.stage == COUNT
        pin.display = pin.active = self.stage in (PIN, NEXT_PIN) and self.owner is None
        shift = self.shop.services.shifts.on_duty
        hint = self.query_one("#desk-hint", Line)
        figures = self.query_one("#desk-figures", Line)
        if self.stage == COUNT:
            hint.update(t("shift.count_label"))
            figures.update("")
        elif self.stage == PIN and shift is not None:
            hint.update(t("desk.count.owner_hint" if self.owner is not None
                          else "desk.count.pin_hint", name=shift.cashier.name))
            expected = self.shop.services.shifts.figures_now().expected
            figures.update(figures_text(expected, self.counted))
        elif self.stage == NEXT:
            tz = self.shop.services.clock.now().tzinfo
            hint.update(t("shift.next_pick") + "\n"
                        + roster_text(self.others, self.chosen, tz))
        elif self.stage == NEXT_PIN:
            hint.update(t("desk.count.next_pin", name=self.others[self.chosen].cashier.name))
        elif self.stage == DONE:
            self._show_done(hint, figures)
        self.refresh_bindings()

    def _show_done(self, hint: Line, figures: Line) -> None:
        ended = self.ended
        expected = ended.figure("expected") or 0
        counted = ended.figure("counted") or 0
        printer = self.shop.services.printing.enabled
        hint.update(t("desk.count.done_hint" if printer else "desk.count.done_hint_no_printer"))
        figures.update(figures_text(expected, counted) + "\n"
                       + difference_text(ended.figure("difference") or 0))
        latest = self.shop.services.shifts.on_duty
        if self.handover and latest is not None:
            self.say(t("shift.handed", name=ended.cashier.name, next=latest.cashier.name,
                       amount=pesos(counted)))
        else:
            self.say(t("shift.ended", name=ended.cashier.name) if printer else "")

    def active_entry(self) -> Entry | None:
        count, pin = self._entries()
        if self.stage == COUNT:
            return count
        return pin if pin.active else None

    def action_move(self, delta: int) -> None:
        if self.others:
            self.chosen = (self.chosen + delta) % len(self.others)
            self._show()

    def action_enter(self) -> None:
        count, pin = self._entries()
        if self.stage == COUNT:
            try:
                self.counted = parse(count.value)
            except MoneyError as err:
                self.say(describe_error(err), level="warning")
                return
            self._go(PIN)
        elif self.stage == PIN and self.owner is not None:
            shifts, counted, owner = self.shop.services.shifts, self.counted, self.owner
            check_off_thread(self, lambda: shifts.end(counted, owner=owner), self._ended)
        elif self.stage == PIN:
            if not pin.value:
                self.say(t("desk.pin_missing"), level="warning")
                return
            if self.handover:
                self._to_next(take_pin(pin))
            else:
                self._end(take_pin(pin))
        elif self.stage == NEXT:
            self._go(NEXT_PIN)
        elif self.stage == NEXT_PIN:
            if not pin.value:
                self.say(t("desk.pin_missing"), level="warning")
                return
            self._hand_over(take_pin(pin))
        else:
            self._finish()

    def _go(self, stage: str) -> None:
        self.stage = stage
        self.say("")
        self._show()

    def _to_next(self, pin: str) -> None:
        services = self.shop.services
        shift = services.shifts.on_duty
        self.others = [row for row in services.cashiers.listed()
                       if shift is None or row.cashier.id != shift.cashier.id]
        if not self.others:
            self.say(t("desk.count.nobody_next"), level="warning")
            return
        self.pin, self.chosen = pin, 0
        self._go(NEXT)

    def _end(self, pin: str) -> None:
        shifts, counted = self.shop.services.shifts, self.counted
        check_off_thread(self, lambda: shifts.end(counted, pin=pin), self._ended)

    def _hand_over(self, next_pin: str) -> None:
        shifts, counted, pin = self.shop.services.shifts, self.counted, self.pin
        next_id = self.others[self.chosen].cashier.id
        self.pin = ""
        check_off_thread(self, lambda: shifts.hand_over(pin, counted, next_id, next_pin),
                         lambda both: self._ended(both[0]))

    def _ended(self, ended: Any) -> None:
        self.ended = ended
        self.stage = DONE
        self._show()

    def worker_failed(self, error: BaseException) -> None:
        """A PIN refused: typed again at the stage it was asked (a hand-over starts its PINs
        over, both are checked before anything is written)."""
        if self.stage == NEXT_PIN and isinstance(error, SaleError) and self.handover:
            self.stage = PIN
            self._show()
        super().worker_failed(error)

    def _finish(self) -> None:
        self.move(ShiftEnded())  # home, and who opens the next shift when it was closed

    def action_print_slip(self) -> None:
        printing = self.shop.services.printing
        start_print(self, printing.shift_slip(self.ended, self.shop.shop_name), "P")

    def action_back(self) -> None:
        if self.stage == DONE:
            self._finish()
            return
        if self.stage == COUNT:
            self.move(Close())
            return
        self.pin = ""
        self._entries()[1].value = ""
        self._go({PIN: COUNT, NEXT: PIN, NEXT_PIN: NEXT}[self.stage])
