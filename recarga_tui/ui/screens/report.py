"""The sales report (F4 on home): the dealer's report of a day beside the notebook, with the
differences marked (R14, R19). ← → change the day; ↑ ↓ move; A files a clarification for the
difference under the cursor (R11); P reprints the ticket of a top-up the notebook has as done,
marked REIMPRESIÓN, and sends nothing."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.binding import Binding
from textual.widget import Widget

from ...domain import phone
from ...domain.earnings import Earnings
from ...domain.money import pesos
from ...domain.reconcile import Kind, Row
from ...domain.sale import Sale
from ...i18n import t
from ...services.report import ask_about, day_report, notebook_day
from ..desk import earnings_text, who_text
from ..keys import key
from ..moves import Home
from ..printing import Reprints
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.line import Line
from ..widgets.table import PlainTable
from .base import ShopScreen

DAY = Binding.Group("key.day", compact=True)
MOVE = Binding.Group("key.move", compact=True)
MARK = {Kind.MATCH: " ", Kind.WAITING: "…", Kind.ONLY_REPORT: "!", Kind.MISSING: "!",
        Kind.DIFFERENT: "!", Kind.NOTEBOOK: " "}


class ReportScreen(Reprints, ShopScreen):
    CSS_PATH = "report.tcss"
    HELP_TOPIC = "report"
    FOOTER_IN_ROWS = True  # with the reprint key, more than one line holds
    BINDINGS = [
        key("left", "day(-1)", "key.day_before", key_display="←", group=DAY),
        key("right", "day(1)", "key.day_after", key_display="→", group=DAY),
        key("up", "move(-1)", "key.up", key_display="↑", group=MOVE),
        key("down", "move(1)", "key.down", key_display="↓", group=MOVE),
        key("a", "clarify", "key.clarify", key_display="A"),
        key("p", "reprint", "key.reprint", key_display="P"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    NEEDS_DEALER = frozenset({"clarify"})
    NEEDS_CAPABILITY = {"clarify": "clarifications"}
    WRITES = frozenset({"reprint"})  # a reprint is an event in the notebook
    REPRINT_KEY = "P"

    def __init__(self) -> None:
        super().__init__()
        self.day = self.shop.services.clock.now().date()
        self.rows: list[Row] = []
        self.earnings: Earnings | None = None  # the day's, once read

    def selected_sale(self) -> Sale | None:
        row = self._selected() if self.rows else None  # (nothing listed before mount)
        return row.sale if row else None

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="report-box"):
            yield Line("", id="report-title")
            yield PlainTable(id="report-table")
            yield Line("", id="report-detail")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        table = self.query_one(PlainTable)
        table.set_columns([t("report.col.time"), t("report.col.number"),
                           t("report.col.amount"), t("report.col.journal"),
                           t("report.col.report"), t("report.col.what")])
        self.load()

    # --- loading ---

    @work(exclusive=True, group="report", exit_on_error=False)
    async def load(self) -> None:
        day = self.day
        lacks = self.lacking("sales_report")
        if not self.shop.connected or lacks is not None:
            # Without the dealer or its report: the notebook's side of the day, and the
            # screen says so, with where to ask for the dealer's report (R14).
            found = notebook_day(self.shop.services, day)
            self.rows, self.earnings = found.rows, found.earnings
            self._fill_notebook()
            if lacks is not None:
                self.say(lacks, level="warning")
            return
        self.query_one("#report-title", Line).update(
            t("report.loading", day=day.isoformat()))
        services = self.shop.services
        report = await with_session(self.app, lambda: day_report(services, day))
        if day != self.day:
            return
        self.rows = report.rows
        self.earnings = report.earnings
        self._fill(report.total)

    def _fill(self, total: int) -> None:
        diffs = sum(1 for row in self.rows if row.is_difference)
        self.query_one("#report-title", Line).update(t(
            "report.title", day=self.day.isoformat(), count=len(self.rows), total=pesos(total),
            diffs=diffs))
        table = self.query_one(PlainTable)
        table.clear()
        for row in self.rows:
            table.add_plain_row(self._cells(row), key=row.ref)
        if not self.rows:
            self.say(t("report.empty"))
        self._detail()

    def _fill_notebook(self) -> None:
        done = [r for r in self.rows if r.sale is not None and r.sale.state.value == "confirmed"]
        self.query_one("#report-title", Line).update(t(
            "report.title_notebook", day=self.day.isoformat(), count=len(done),
            total=pesos(sum(r.amount for r in done))))
        table = self.query_one(PlainTable)
        table.clear()
        for row in self.rows:
            table.add_plain_row(self._cells(row), key=row.ref)
        if not self.rows:
            self.say(t("report.empty"))
        self._detail()

    def _cells(self, row: Row) -> list[str]:
        journal = t(f"claims.state.{row.sale.state.value}") if row.sale else "—"
        report = (row.line.carrier_folio or t("report.in_report")) if row.line else "—"
        return [self.shop_time(row.at), phone.group(row.msisdn), pesos(row.amount),
                journal, report, f"{MARK[row.kind]} {t(f'report.kind.{row.kind.value}')}"]

    def _selected(self) -> Row | None:
        table = self.query_one(PlainTable)
        if not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def _detail(self) -> None:
        self.refresh_bindings()  # the reprint key follows the row under the cursor
        row = self._selected()
        text = ""
        if row is not None:
            text = t("report.detail", ref=row.ref)
            if row.sale is not None and (who := who_text(row.sale)):
                text += " · " + who
            if row.differs:
                text += " · " + t("report.differs", fields=", ".join(
                    self._field_text(row, f) for f in row.differs))
            if row.is_difference:  # where to ask: the dealer's system, or the control desk
                text += "\n" + (t("report.clarify_hint")
                                if self.shop.services.promises.clarifications
                                else self.lacking("clarifications") or "")
        if self.earnings is not None and self.earnings.count:  # what the day earned
            text = earnings_text(self.earnings) + ("\n" + text if text else "")
        self.query_one("#report-detail", Line).update(text)

    def _field_text(self, row: Row, field: str) -> str:
        name = t(f"report.field.{field}")
        sale, line = row.sale, row.line
        if sale is None or line is None:
            return name
        if field == "amount":
            return f"{name} {pesos(sale.amount)} / {pesos(line.amount)}"
        if field == "msisdn":
            return f"{name} {phone.group(sale.msisdn)} / {phone.group(line.msisdn)}"
        return name

    # --- keys ---

    def action_day(self, delta: int) -> None:
        day = self.step_day(self.day, delta)
        if day is None:
            return
        self.day = day
        self.rows = []
        self.query_one(PlainTable).clear()
        self.say("")
        self.load()

    def action_move(self, delta: int) -> None:
        self.query_one(PlainTable).move(delta)
        self._detail()

    def action_clarify(self) -> None:
        row = self._selected()
        if row is None or not row.is_difference:
            self.say(t("report.clarify_only_differences"), level="warning")
            return
        self.say(t("report.clarifying"))
        self._clarify(row)


    @work(exclusive=True, group="report-clarify", exit_on_error=False)
    async def _clarify(self, row: Row) -> None:
        services, day = self.shop.services, self.day
        item = await with_session(self.app, lambda: ask_about(services, row, day))
        self.say(t("clarify.sent", id=item.id, due=self.shop_time(item.due_at, "%Y-%m-%d %H:%M")))

    def action_back(self) -> None:
        self.move(Home())
