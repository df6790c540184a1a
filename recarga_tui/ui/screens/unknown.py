"""An unknown outcome (R16): the truth, told plainly. The top-up may have arrived; it is not
sent again and no money goes back until it was looked up in the sales report (R19)."""

from __future__ import annotations

from typing import Iterable

from textual.containers import Vertical
from textual.widget import Widget


from ...domain import faults, phone
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t
from ..keys import key
from ..widgets.line import Line
from .base import ShopScreen
from .rejected import fault_of


class UnknownScreen(ShopScreen):
    CSS_PATH = "unknown.tcss"
    HELP_TOPIC = "unknown"
    BINDINGS = [key("enter", "done", "key.understood")]

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        fault = fault_of(self.sale, State.UNKNOWN)
        minutes = self.shop.services.settings.procedure.reflection_minutes
        with Vertical(id="unknown-box"):
            yield Line(t("unknown.title", number=phone.group(self.sale.msisdn),
                           amount=pesos(self.sale.amount)), id="unknown-title")
            yield Line(faults.describe(fault), id="fault")
            yield Line(t("unknown.do_not", minutes=minutes), id="do-not")
            yield Line(t("unknown.say_this"), id="unknown-say")
            yield Line(t("unknown.script", minutes=minutes), id="unknown-script")

    def action_done(self) -> None:
        self.shop.back_home()
