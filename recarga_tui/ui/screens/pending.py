"""Every sale still waiting for something (R16, R17, R19), one key from home (F3).

Each row: its state, the number and amount, its age and the next step. Arrows and Enter, or
the row's digit, open the screen that takes that step: the check for an unknown or a not
found sale, send / later / money back for a paid or deferred one (with the money back
offered when the promise passed), money back or correct for a rejected one.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.widget import Widget

from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t
from ...services.deferred import promised_at
from ..keys import key
from ..messages import SaleChanged
from ..moves import Home, ShowSale, sale_place
from ..textual_private import forget_closed_watchers
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen

ROW_WIDTH = 78  # 80 columns less the box's padding


def row_text(n: str, state: str, number: str, amount: str, age: str, nxt: str) -> str:
    return f"{n:<2} {state:<14} {number:<12} {amount:>8} {age:>6}  {nxt}"[:ROW_WIDTH]


class PendingScreen(ShopScreen):
    CSS_PATH = "pending.tcss"
    HELP_TOPIC = "pending"
    BINDINGS = [
        key("up", "move(-1)", "key.row_up", key_display="↑"),
        key("down", "move(1)", "key.row_down", key_display="↓"),
        key("enter", "open", "key.open_sale"),
        key("1", "pick(1)", "key.pick_row", key_display="1-9"),
        *(key(str(n), f"pick({n})", "key.pick_row", show=False) for n in range(2, 10)),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sales: list[Sale] = []
        self.selected = 0

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="pending-box"):
            yield Line(t("pending.title"), id="pending-title")
            yield Line(row_text("#", t("pending.col.state"), t("pending.col.number"),
                                t("pending.col.amount"), t("pending.col.age"),
                                t("pending.col.next")), id="pending-header")
            yield VerticalScroll(id="pending-rows", can_focus=False)  # keys stay the screen's
            yield Line(t("pending.hint"), id="pending-hint")

    async def on_mount(self) -> None:
        await self._load()
        self.follow_sales(looks=False)  # the rows change with the notebook, not with a look
        # Each row's age and minutes left move with the clock: read again on the minute.
        self.watch(self.app, "minute", self._minute_passed, init=False)

    def on_unmount(self) -> None:  # (ShopScreen's own runs too: Textual calls each class's)
        forget_closed_watchers(self.app)

    def _minute_passed(self, _minute: str) -> None:
        self.run_worker(self._load(), exclusive=True, group="pending-load")

    async def on_sale_changed(self, message: SaleChanged) -> None:
        await self._load()

    async def on_screen_resume(self) -> None:
        await self._load()

    async def _load(self) -> None:
        """The rows again, the selected one kept (by its sale) and shown as selected once the
        new rows are on screen: the highlight never vanishes under the cashier's arrow."""
        chosen = self.sales[self.selected].ref if self.sales else None
        self.sales = self.shop.services.notebook.open_sales()
        refs = [s.ref for s in self.sales]
        self.selected = refs.index(chosen) if chosen in refs else min(
            self.selected, max(0, len(self.sales) - 1))
        rows = self.query_one("#pending-rows", VerticalScroll)
        shown = list(rows.query(".pending-sale").results(Line))
        if self.sales and len(shown) == len(self.sales):
            # The same number of rows: their words change in place, so no row ever vanishes
            # from the screen while the list is read again.
            for i, (line, sale) in enumerate(zip(shown, self.sales, strict=True)):
                self._fill_row(line, i, sale)
            self._show_selected()
            return
        await rows.remove_children()
        if not self.sales:
            await rows.mount(Line(t("pending.none"), classes="pending-row"))
            return
        await rows.mount_all([self._row(i, sale) for i, sale in enumerate(self.sales)])
        self._show_selected()

    def _row(self, i: int, sale: Sale) -> Line:
        line = Line("", classes="pending-row pending-sale")
        self._fill_row(line, i, sale)
        return line

    def _fill_row(self, line: Line, i: int, sale: Sale) -> None:
        now = self.shop.services.clock.now()
        minutes = max(0, int((now - sale.created_at).total_seconds() // 60))
        nxt, overdue = self._next_step(sale)
        line.update(row_text(str(i + 1), t(f"pending.state.{sale.state.value}"),
                             phone.group(sale.msisdn), pesos(sale.amount),
                             t("pending.age", minutes=minutes), nxt))
        line.set_class(overdue, "-overdue")

    def _next_step(self, sale: Sale) -> tuple[str, bool]:
        """The next step's words, and whether it is late (a promise that passed)."""
        if sale.state is State.DEFERRED:
            promised = promised_at(sale)
            hhmm = self.shop_time(promised, missing="--:--")
            late = promised is not None and promised < self.shop.services.clock.now()
            return t("pending.next.overdue" if late else "pending.next.deferred",
                     time=hhmm), late
        if sale.state is State.UNKNOWN:
            left = self.shop.services.checker.remaining(sale)
            return t("pending.next.unknown", minutes=-(-int(left.total_seconds()) // 60)), False
        if sale.state is State.NOT_FOUND:  # sent again as the same sale, or as a new one
            return self.shop.services.promises.pending_next(), False
        return t(f"pending.next.{sale.state.value}"), False

    def _show_selected(self) -> None:
        rows = list(self.query(".pending-row"))
        for i, row in enumerate(rows):
            row.set_class(i == self.selected, "-selected")
        if rows and self.sales:
            self.query_one("#pending-rows", VerticalScroll).scroll_to_widget(
                rows[self.selected], animate=False)

    # --- the keys ---

    def action_move(self, step: int) -> None:
        if self.sales:
            self.selected = (self.selected + step) % len(self.sales)
            self._show_selected()

    def action_pick(self, n: int) -> None:
        if 1 <= n <= len(self.sales):
            self.selected = n - 1
            self._show_selected()
            self.action_open()

    def action_open(self) -> None:
        if not self.sales:
            return
        sale = self.shop.services.notebook.get(self.sales[self.selected].ref)
        if sale is None or sale.is_final:
            self.run_worker(self._load(), exclusive=True, group="pending-load")
            return
        if sale_place(sale) is None:  # being sent: its answer is on its way
            self.say(t("pending.sending"), level="warning")
            return
        self.move(ShowSale(sale, from_list=True))

    def action_back(self) -> None:
        self.move(Home())
