"""The account (F6 on home): the balance and the dealer's statement for a range of days:
deposits, credits, charges, top-ups and commissions with the running balance (R14). F2 opens
the deposit notices. Every question goes to the control desk, named on screen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from textual import work
from textual.binding import Binding
from textual.widget import Widget

from ...domain.money import in_currency, pesos
from ...i18n import t
from ..keys import key
from ..messages import BalanceRead
from ..moves import Home, Open
from ..pools import pools_text
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.line import Line
from ..widgets.table import PlainTable
from .base import ShopScreen

DAY = Binding.Group("key.day", compact=True)
MOVE = Binding.Group("key.move", compact=True)
SPANS = (1, 7, 30)  # the days the statement shows; S goes round them


class AccountScreen(ShopScreen):
    CSS_PATH = "account.tcss"
    HELP_TOPIC = "account"
    FOOTER_IN_ROWS = True
    BINDINGS = [
        key("left", "shift(-1)", "key.day_before", key_display="←", group=DAY),
        key("right", "shift(1)", "key.day_after", key_display="→", group=DAY),
        key("up", "move(-1)", "key.up", key_display="↑", group=MOVE),
        key("down", "move(1)", "key.down", key_display="↓", group=MOVE),
        key("s", "span", "key.span", key_display="S"),
        key("f2", "deposits", "key.deposits"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.last: date | None = None
        self.days = 7

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="account-box"):
            yield Line("", id="account-balance")
            yield Line("", id="account-range")
            yield PlainTable(id="account-table")
            yield Line("", id="account-totals")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        self.last = self.shop.services.clock.now().date()
        self.query_one(PlainTable).set_columns([
            t("account.col.at"), t("account.col.kind"), t("account.col.amount"),
            t("account.col.balance"), t("account.col.description")])
        self.load()

    @property
    def first(self) -> date:
        assert self.last is not None
        return self.last - timedelta(days=self.days - 1)

    @work(exclusive=True, group="account", exit_on_error=False)
    async def load(self) -> None:
        account = self.shop.services.account
        first, last = self.first, self.last
        assert last is not None
        self.query_one("#account-range", Line).update(t(
            "account.range", first=first.isoformat(), last=last.isoformat()))
        balance = await with_session(self.app, account.balance)
        self.query_one("#account-balance", Line).update(t(
            "account.balance", balance=self._pools(balance),
            at=self.shop_time(balance.updated_at)))
        self.app.post_message(BalanceRead(balance))
        lacking = self.lacking("statement")
        if lacking is not None:  # the dealer keeps no statement for the app: where to ask
            self.query_one("#account-totals", Line).update(lacking)
            self.say(lacking, level="warning")
            return
        self._fill(await with_session(self.app, lambda: account.statement(first, last)))

    def _pools(self, balance: Any) -> str:
        """The balance, or every pool of a dealer that keeps several (airtime, bills)."""
        return pools_text(balance) or in_currency(balance.available, balance.currency)

    def _fill(self, statement: Any) -> None:
        table = self.query_one(PlainTable)
        table.clear()
        for m in statement.movements:
            table.add_plain_row([self.shop_time(m.at, "%m-%d %H:%M"), t(f"account.kind.{m.kind}"),
                                 pesos(m.amount), pesos(m.balance), m.description], key=m.id)
        sums: dict[str, int] = {}
        for m in statement.movements:
            sums[m.kind] = sums.get(m.kind, 0) + m.amount
        parts = [f"{t(f'account.kind.{k}')} {pesos(v)}" for k, v in sorted(sums.items())]
        self.query_one("#account-totals", Line).update(t(
            "account.totals", opening=pesos(statement.opening_balance),
            closing=pesos(statement.closing_balance), sums=" · ".join(parts) or "—"))
        self.say(t("account.hint") if statement.movements else t("account.empty"))

    def action_shift(self, delta: int) -> None:
        assert self.last is not None
        last = self.step_day(self.last, delta)
        if last is None:
            return
        self.last = last
        self.load()

    def action_span(self) -> None:
        self.days = SPANS[(SPANS.index(self.days) + 1) % len(SPANS)]
        self.load()

    def action_move(self, delta: int) -> None:
        self.query_one(PlainTable).move(delta)

    def action_deposits(self) -> None:
        if self.lacks("deposits"):
            return
        self.move(Open("deposits"))

    def action_back(self) -> None:
        self.move(Home())
