"""Money back to the customer (R02): asked first, then the amount to hand over shown big until
the cashier says it was handed over.

Giving money back ends a sale for good, so one stray key must not do it: the cashier confirms
with the amount in front of them. Once journaled, the amount stays on screen in large digits
(a corner message that vanished after seconds was easy to miss), with what to say.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widget import Widget

from ...domain import phone
from ...domain.close import net_paid
from ...domain.money import pesos
from ...domain.sale import Sale
from ...i18n import t
from ..keys import key
from ..moves import Home
from ..printing import start_print
from ..widgets.big_digits import BigDigits
from ..widgets.box import Box
from ..widgets.keybar import KeyBar
from ..widgets.line import Line
from .base import ShopScreen


class ConfirmRefund(ModalScreen[bool]):
    """"Give $X back?" — Enter (or S) yes, N (or Esc) no."""

    CSS_PATH = "money_back.tcss"
    BINDINGS = [
        key("enter,s", "answer(True)", "key.refund_yes", key_display="Enter"),
        key("n,escape", "answer(False)", "key.refund_no", key_display="N"),
    ]

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose(self) -> ComposeResult:
        with Box(id="refund-box"):
            yield Line(t("refund.ask", amount=pesos(net_paid(self.sale)),
                         number=phone.group(self.sale.msisdn)), id="refund-ask")
            yield Line(t("refund.final"), id="refund-final")
        yield KeyBar(id="keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class MoneyBackScreen(ShopScreen):
    """The amount to hand back, big, until Enter; P prints the customer's slip of it."""

    CSS_PATH = "money_back.tcss"
    HELP_TOPIC = "pending"
    BINDINGS = [
        key("enter", "handed", "key.money_handed"),
        key("p", "print_slip", "key.print_slip", key_display="P"),
    ]

    NEEDS_PRINTER = frozenset({"print_slip"})

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def on_mount(self) -> None:
        if self.shop.services.printing.auto:
            self.action_print_slip()

    def action_print_slip(self) -> None:
        """The customer's slip of the money given back (R02)."""
        printing = self.shop.services.printing
        start_print(self, printing.money_back_slip(self.sale, self.shop.shop_name), "P")

    def compose_body(self) -> Iterable[Widget]:
        step = self.sale.history[-1]
        amount = int(step.data.get("returned", net_paid(self.sale)))
        with Box(id="money-back-box"):
            yield Line(t("refund.hand_over", number=phone.group(self.sale.msisdn)),
                       id="money-back-title")
            yield BigDigits(pesos(amount), id="money-back-amount")
            yield Line(t("refund.say"), id="money-back-say")

    def action_handed(self) -> None:
        self.move(Home())
