"""Read-back (R04): the number big and grouped, company, amount, the digits in words to read
aloud, and the no-claims warning. The customer's acceptance is its own key (A), never the Enter
that ended the previous step, and it is journaled with its time before payment is asked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widget import Widget

from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import SaleError
from ...i18n import t
from ..errors import describe_error
from ..keys import key
from ..widgets.big_digits import BigDigits
from ..widgets.line import Line
from .base import ShopScreen

if TYPE_CHECKING:
    from .capture import Draft


class ReadbackScreen(ShopScreen):
    CSS_PATH = "readback.tcss"
    HELP_TOPIC = "readback"
    BINDINGS = [
        key("a", "accept", "key.accepted"),
        key("c,escape", "correct", "key.correct", key_display="C"),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose_body(self) -> Iterable[Widget]:
        sale = self.draft.sale
        assert sale is not None
        carrier = self.shop.services.health.carrier_name(sale.carrier_id)
        with Vertical(id="readback-box"):
            yield Line(t("readback.read_aloud"), id="readback-title")
            yield BigDigits(phone.group(sale.msisdn), id="number")
            yield Line(t("readback.what", carrier=carrier, amount=pesos(sale.amount)),
                         id="what")
            yield Line(phone.spoken(sale.msisdn), id="spoken")
            yield Line(t("readback.no_claims"), id="no-claims")
            yield Line(t("readback.keys"), id="readback-keys")

    def action_accept(self) -> None:
        from .payment import PaymentScreen

        try:
            self.draft.sale = self.shop.services.counter.accept(self.draft.sale)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.app.push_screen(PaymentScreen(self.draft))

    def action_correct(self) -> None:
        """Back to capture with every entry kept; nothing was accepted or paid."""
        self.app.pop_screen()
