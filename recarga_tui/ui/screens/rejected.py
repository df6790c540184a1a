"""A definite rejection: its origin and the next step (R01). Nothing reached the carrier, so
the money may go back, or carry to a corrected sale (R02)."""

from __future__ import annotations

from typing import Iterable

from textual.containers import Vertical
from textual.widget import Widget

from ...domain import faults, phone
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError, State
from ...i18n import t
from ..app import describe_error
from ..keys import key
from ..widgets.line import Line
from ..widgets.unwritten import UnwrittenNote
from .base import ShopScreen


class RejectedScreen(ShopScreen):
    CSS_PATH = "rejected.tcss"
    HELP_TOPIC = "rejected"
    BINDINGS = [
        key("c", "correct", "key.correct_data"),
        key("r", "refund", "key.refund"),
        key("escape,f9", "later", "key.decide_later", key_display="F9"),
    ]

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        fault = faults.fault_of(self.sale, State.REJECTED)
        with Vertical(id="rejected-box"):
            yield Line(t("rejected.title", number=phone.group(self.sale.msisdn),
                           amount=pesos(self.sale.amount)), id="rejected-title")
            yield UnwrittenNote(self.sale.ref)
            yield Line(faults.describe(fault), id="fault")
            yield Line(t("rejected.nothing_sent"), id="nothing-sent")
            yield Line(t("rejected.choices"), id="rejected-choices")

    def action_correct(self) -> None:
        """Capture again; the money already paid carries to the corrected sale."""
        from .capture import CaptureScreen, Draft

        self.shop.back_home()
        self.app.push_screen(CaptureScreen(Draft(carried_from=self.sale)))

    def action_later(self) -> None:
        """Home, the decision left for later: the sale stays open in the pending list."""
        self.shop.back_home()
        self.app.notify(t("rejected.later"), timeout=15)

    def action_refund(self) -> None:
        try:
            sale = self.shop.services.counter.refund(self.sale, reason="rejected")
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.shop.back_home()
        self.app.notify(t("rejected.refunded", amount=pesos(sale.amount)), timeout=15)
