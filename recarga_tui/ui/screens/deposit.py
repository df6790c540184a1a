"""Deposit notices (F2 on the account screen): tell the dealer about a bank deposit (bank,
amount, reference, date), and see the notices already sent with their state (R14). Each
refusal says what to type instead (R01)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.widget import Widget

from ...domain import deposit
from ...domain.money import pesos
from ...i18n import t
from ..keys import key
from ..moves import Close
from ..session import with_session
from ..widgets.ask import AskLine
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from ..widgets.table import PlainTable
from .base import ShopScreen

FIELDS = deposit.FIELDS
ALLOWED = {"amount": "0123456789.,$", "date": "0123456789-"}


class DepositScreen(ShopScreen):
    CSS_PATH = "deposit.tcss"
    HELP_TOPIC = "account"
    BINDINGS = [
        key("enter", "enter", "key.continue"),
        key("up", "previous", "key.field_before", key_display="↑"),
        key("f2", "send", "key.send_notice"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.field: str | None = "bank"
        self._sending = False

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="deposit-box"):
            yield Line(t("deposit.title"), id="deposit-title")
            for name in FIELDS:
                yield Entry(t(f"deposit.field.{name}"), id=f"deposit-{name}", max_length=60,
                            allowed=ALLOWED.get(name))
            yield Line(t("deposit.sent_title"), id="deposit-sent-title")
            yield PlainTable(id="deposit-table")
            yield AskLine(self.shop.services.settings)

    def on_mount(self) -> None:
        today = self.shop.services.clock.now().date()
        self.query_one("#deposit-date", Entry).value = today.isoformat()
        self.query_one(PlainTable).set_columns([
            t("deposit.col.date"), t("deposit.col.bank"), t("deposit.col.amount"),
            t("deposit.col.reference"), t("deposit.col.state")])
        self._activate("bank")
        self.say(t("deposit.hint"))
        self.load()

    def _activate(self, field: str | None) -> None:
        self.field = field
        for name in FIELDS:
            self.query_one(f"#deposit-{name}", Entry).active = name == field

    def active_entry(self) -> Entry | None:
        return self.query_one(f"#deposit-{self.field}", Entry) if self.field else None

    def value(self, name: str) -> str:
        return self.query_one(f"#deposit-{name}", Entry).value

    # --- the notices sent ---

    @work(exclusive=True, group="deposits", exit_on_error=False)
    async def load(self) -> None:
        notices = await with_session(self.app, self.shop.services.account.deposits)
        table = self.query_one(PlainTable)
        table.clear()
        for d in notices:
            table.add_plain_row([d.deposited_at.strftime("%Y-%m-%d"), d.bank, pesos(d.amount),
                                 d.reference, t(f"deposit.state.{d.state}")], key=d.id)

    # --- the form ---

    def action_enter(self) -> None:
        if self.field is None:
            return
        index = FIELDS.index(self.field)
        if index + 1 < len(FIELDS):
            self._activate(FIELDS[index + 1])
        else:
            self.action_send()

    def action_previous(self) -> None:
        if self.field is not None and FIELDS.index(self.field) > 0:
            self._activate(FIELDS[FIELDS.index(self.field) - 1])

    def action_send(self) -> None:
        if self._sending:
            return
        today = self.shop.services.clock.now().date()
        try:
            bank, amount, reference, day = (self.value(n) for n in FIELDS)
            notice = deposit.validate(bank, amount, reference, day, today=today)
        except deposit.DepositError as err:
            self._activate(err.field)
            self.say(t("deposit.refused", field=t(f"deposit.field.{err.field}").strip().rstrip(":"),
                       reason=t(err.code, **err.params)), level="warning")
            return
        self._sending = True
        self._activate(None)
        self.say(t("deposit.sending"))
        self._send(notice)

    @work(exclusive=True, group="deposit-send", exit_on_error=False)
    async def _send(self, notice: deposit.DepositNotice) -> None:
        account = self.shop.services.account
        try:
            sent: Any = await with_session(self.app, lambda: account.notify_deposit(notice))
        finally:
            self._sending = False
        self._sending = False
        for name in ("bank", "amount", "reference"):
            self.query_one(f"#deposit-{name}", Entry).value = ""
        self._activate("bank")
        self.say(t("deposit.sent", id=sent.id, amount=pesos(sent.amount),
                   state=t(f"deposit.state.{sent.state}")))
        self.load()

    def worker_failed(self, error: BaseException) -> None:
        """The notice did not go: the form again, from the bank, with the error said."""
        if self.field is None:
            self._activate("bank")
        super().worker_failed(error)

    def action_back(self) -> None:
        self.move(Close())
