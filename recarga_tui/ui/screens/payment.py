"""Payment (R05, R06, R07): the amount due, what was handed over (one key per common bill, or
typed), the change in large type, the large-bill warning and the reminder to check bills.
There is no credit, tab or "pay later" here or anywhere: less than due is refused. Leaving
before the payment is recorded leaves nothing owed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widget import Widget

from ...domain import money
from ...domain.money import pesos
from ...domain.sale import SaleError
from ...i18n import t
from ..desk import low_pools_text
from ..errors import describe_error
from ..keys import key
from ..moves import Correct, Send
from ..widgets.big_digits import BigDigits
from ..widgets.box import Box
from ..widgets.entry import MONEY_CHARS, Entry
from ..widgets.line import Line
from .base import ShopScreen

if TYPE_CHECKING:
    from ...services.flow import Capture

BILL_KEYS = {"f2": 20, "f3": 50, "f4": 100, "f5": 200, "f6": 500, "f7": 1000}


class PaymentScreen(ShopScreen):
    CSS_PATH = "payment.tcss"
    HELP_TOPIC = "payment"
    BINDINGS = [
        # One footer entry for the six bill keys (the body shows which is which): the footer
        # must fit 80 columns with "Enter" spelled out on the Linux console.
        *(key(k, f"bill({v})", "key.bills", key_display="F2-F7", show=k == "f2")
          for k, v in BILL_KEYS.items()),
        key("f8", "clear", "key.clear"),
        key("enter", "paid", "key.paid"),
        key("escape,f9", "correct", "key.correct", key_display="F9"),
    ]

    def __init__(self, flow: Capture) -> None:
        super().__init__()
        self.flow = flow

    @property
    def due(self) -> int:
        sale = self.flow.sale
        assert sale is not None
        credit = self.flow.carried_from.amount if self.flow.carried_from else 0
        return max(0, sale.amount - credit)

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="payment-box"):
            yield Line(self._due_text(), id="due")
            yield Entry(t("payment.handed"), id="handed", max_length=12, allowed=MONEY_CHARS)
            yield Line(t("payment.bills_hint"), id="bills-hint")
            yield Line(t("payment.change"), id="change-label")
            yield BigDigits("", id="change")
            yield Line("", id="warnings")
            if self._slow():
                # R15: said before the money is taken, not only before sending.
                yield Line(t("payment.slow"), id="payment-slow")
            low = self._low_after()
            if low:  # R14: the pool this sale leaves under the shop's threshold, said first
                yield Line(low, id="payment-low")
            yield Line(t("payment.no_credit"), id="no-credit")

    def _low_after(self) -> str:
        services, product = self.shop.services, self.flow.product
        low = services.counter.pool_low_after(product, services.health.balance) \
            if product is not None else None
        return low_pools_text([low], after_sale=True) if low is not None else ""

    def _slow(self) -> bool:
        sale = self.flow.sale
        return sale is not None and self.shop.services.health.slowness(sale.carrier_id).slow

    def _due_text(self) -> str:
        sale = self.flow.sale
        assert sale is not None
        if self.flow.carried_from is not None:
            return t("payment.due_carried", amount=pesos(sale.amount),
                     credit=pesos(self.flow.carried_from.amount), due=pesos(self.due))
        return t("payment.due", due=pesos(self.due))

    def on_mount(self) -> None:
        self.query_one("#handed", Entry).active = True
        self.watch(self.query_one("#handed", Entry), "value", lambda _: self._update())

    def active_entry(self) -> Entry | None:
        return self.query_one("#handed", Entry)

    def _handed(self) -> int | None:
        text = self.query_one("#handed", Entry).value.strip()
        if not text:
            return 0
        try:
            return money.parse(text)
        except SaleError as err:
            self.say(t(err.code, **err.params), level="warning")
            return None

    def _update(self) -> None:
        handed = self._handed()
        change_widget = self.query_one("#change", BigDigits)
        warnings = self.query_one("#warnings", Line)
        if handed is None:
            change_widget.update("")
            warnings.update("")
            return
        self.say("")
        if handed < self.due:
            change_widget.update("")
            warnings.update(t("payment.missing", missing=pesos(self.due - handed))
                            if handed else "")
            return
        change_widget.update(pesos(handed - self.due))
        cash = self.shop.services.settings.cash
        found = money.cash_warnings(
            self.due, handed, money.from_pesos(cash.large_bill_pesos),
            money.from_pesos(cash.small_topup_pesos), money.from_pesos(cash.check_bill_pesos))
        warnings.update("\n".join(t(w.code, **w.params) for w in found))

    def action_bill(self, pesos_value: int) -> None:
        current = self._handed() or 0
        total = current + money.from_pesos(pesos_value)
        self.query_one("#handed", Entry).value = f"{total // 100}.{total % 100:02d}"

    def action_clear(self) -> None:
        self.query_one("#handed", Entry).value = ""

    def action_paid(self) -> None:
        handed = self._handed()
        if handed is None:
            return
        counter = self.shop.services.counter
        taken = self.flow.sale
        if taken is None:  # the read-back hands on only a flow whose sale was taken
            return
        try:
            if self.flow.carried_from is not None:
                sale = counter.pay_carried(taken, self.flow.carried_from, handed)
            else:
                sale = counter.pay(taken, handed)
        except SaleError as err:
            self.say(describe_error(err), level="warning")
            return
        self.flow.sale = sale
        self.move(Send(sale))

    def action_correct(self) -> None:
        """Back to capture with the entries kept; nothing was paid, nothing is owed."""
        taken = self.flow.sale
        if taken is None:  # the read-back hands on only a flow whose sale was taken
            return
        try:
            self.flow.sale = self.shop.services.counter.reopen(taken)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.move(Correct(self.flow))
