"""The owner's day (T on the owner's list of cashiers): every shift begun that day, who,
from-to, sales, money given back, what the drawer had to hold, what was counted and the
difference (the open shift with its figures so far); the cashiers locked that day; and what
the day earned per category and per cashier, as each sale journaled it
(``services.shifts.day``). ← → another day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from textual.containers import VerticalScroll
from textual.widget import Widget

from ...domain.money import pesos
from ...i18n import t
from ...services.cash_close import earnings_lines
from ..keys import key
from ..moves import Close
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen

# The columns: their catalog key and width (cells), the numbers right-aligned.
COLUMNS = (("cashier", 10), ("from", 5), ("to", 5), ("sales", 6), ("money_back", 10),
           ("expected", 10), ("counted", 10), ("difference", 10))


def _cell(text: str, width: int, left: bool) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return f"{text:<{width}}" if left else f"{text:>{width}}"


def table_text(day: Any, when: Any) -> str:
    """The day's shifts as rows of fixed columns; ``when`` turns a time into the shop's
    HH:MM."""
    header = " ".join(_cell(t(f"shift.day.col.{name}"), width, i < 3)
                      for i, (name, width) in enumerate(COLUMNS))
    lines = [header]
    for row in day.rows:
        cells = (row.shift.cashier.name, when(row.start),
                 when(row.end) if row.end is not None else t("shift.day.open"),
                 str(row.paid_count), pesos(row.given_back), pesos(row.expected),
                 pesos(row.counted) if row.counted is not None else "",
                 pesos(row.difference) if row.difference is not None else "")
        pairs = enumerate(zip(cells, COLUMNS, strict=True))
        lines.append(" ".join(_cell(text, width, i < 3) for i, (text, (_, width)) in pairs))
    return "\n".join(lines)


class ShiftDayScreen(ShopScreen):
    CSS_PATH = "desk.tcss"
    HELP_TOPIC = "cashiers"
    FOOTER_IN_ROWS = True  # more keys than one 80-column line holds
    BINDINGS = [
        key("left", "day(-1)", "key.day_before", key_display="←"),
        key("right", "day(1)", "key.day_after", key_display="→"),
        key("up", "scroll(-1)", "key.up", key_display="↑"),
        key("down", "scroll(1)", "key.down", key_display="↓"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.day: date | None = None

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="desk-box"):
            yield Line("", id="desk-title")
        with VerticalScroll(id="desk-scroll", can_focus=False):
            yield Line("", id="desk-rows")

    def on_mount(self) -> None:
        self._show(self.shop.services.clock.now().date())

    def _show(self, day: date) -> None:
        self.day = day
        found = self.shop.services.shifts.day(day)
        self.query_one("#desk-title", Line).update(t("shift.day.title",
                                                     day=day.strftime("%d/%m/%Y")))
        parts = [table_text(found, self.shop_time) if found.rows else t("shift.day.none")]
        parts += [t("shift.day.lock", name=lock.cashier.name, at=self.shop_time(lock.at),
                    until=self.shop_time(lock.until), attempts=lock.record.history[0]
                    .data.get("attempts", "")) for lock in found.locks]
        parts += [t("desk.day.earned_shift", name=row.shift.cashier.name) + ": "
                  + pesos(row.earning) for row in found.rows]
        parts += earnings_lines(found.earnings, 60)
        self.query_one("#desk-rows", Line).update("\n".join(parts))

    def action_day(self, delta: int) -> None:
        assert self.day is not None
        day = self.step_day(self.day, delta)
        if day is not None:
            self._show(day)

    def action_scroll(self, delta: int) -> None:
        self.query_one("#desk-scroll", VerticalScroll).scroll_relative(y=delta * 3,
                                                                        animate=False)

    def action_back(self) -> None:
        self.move(Close())
