"""A definite rejection: its origin and the next step (R01). Nothing reached the carrier, so
the money may go back, or carry to a corrected sale (R02)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from ...domain import faults, phone
from ...domain.close import net_paid
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t
from ..keys import key
from ..moves import Home, MoneyBack, NewSale
from ..widgets.box import Box
from ..widgets.line import Line
from ..widgets.unwritten import UnwrittenNote
from .base import ShopScreen, choices_text


class RejectedScreen(ShopScreen):
    CSS_PATH = "rejected.tcss"
    HELP_TOPIC = "rejected"
    BINDINGS = [
        key("c", "correct", "key.correct_data"),
        key("r", "refund", "key.refund"),
        key("escape,f9", "later", "key.decide_later", key_display="F9"),
    ]

    WRITES = frozenset({"correct", "refund"})
    NEEDS_DEALER = frozenset({"correct"})

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        fault = faults.fault_of(self.sale, State.REJECTED)
        step = self.sale.last(State.REJECTED)
        error_class = str(step.data.get("error_class", "refused")) if step else "refused"
        with Box(id="rejected-box"):
            yield Line(t("rejected.title", number=phone.group(self.sale.msisdn),
                           amount=pesos(self.sale.amount)), id="rejected-title")
            yield UnwrittenNote(self.sale.ref)
            # The words follow the refusal's origin and class, and what the notebook knows:
            # the customer paid (R01, R18).
            yield Line(faults.describe_rejection(fault, error_class), id="fault")
            yield Line(t("rejected.nothing_sent", paid=pesos(net_paid(self.sale))),
                       id="nothing-sent")
            yield Line(choices_text(self.shop, "rejected.choices"), id="rejected-choices")

    def action_correct(self) -> None:
        """Capture again; the money already paid carries to the corrected sale."""
        self.move(NewSale(self.sale))

    def action_later(self) -> None:
        """Home, the decision left for later: the sale stays open in the pending list."""
        self.move(Home())
        self.shop.notify(t("rejected.later"), timeout=15, about=self.sale)

    def action_refund(self) -> None:
        self.move(MoneyBack(self.sale, "rejected", self.said_error))
