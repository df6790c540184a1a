"""The receipt: the top-up is done, with the proof to tell the customer (R03)."""

from __future__ import annotations

from typing import Iterable

from textual.containers import Vertical
from textual.widget import Widget


from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t
from ..keys import key
from ..widgets.line import Line
from ..widgets.unwritten import UnwrittenNote
from .base import ShopScreen


class ReceiptScreen(ShopScreen):
    CSS_PATH = "receipt.tcss"
    HELP_TOPIC = "receipt"
    BINDINGS = [key("enter,n", "done", "key.new_sale_done", key_display="Enter")]

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        sale = self.sale
        step = sale.last(State.CONFIRMED)
        data = step.data if step else {}
        rows = [
            (t("receipt.number"), phone.group(sale.msisdn)),
            (t("receipt.carrier"), self.shop.services.health.carrier_name(sale.carrier_id)),
            (t("receipt.amount"), pesos(sale.amount)),
            (t("receipt.carrier_folio"), str(data.get("carrier_folio") or "—")),
            (t("receipt.dealer_folio"), str(data.get("dealer_folio") or "—")),
            (t("receipt.time"), step.at.strftime("%Y-%m-%d %H:%M:%S") if step else ""),
            (t("receipt.reference"), sale.ref),
        ]
        if data.get("found_in") == "report":
            rows.append((t("receipt.found_in"), t("receipt.found_in_report")))
        with Vertical(id="receipt-box"):
            yield Line(t("receipt.title"), id="receipt-title")
            yield UnwrittenNote(sale.ref)
            yield Line("\n".join(f"{label:<18} {value}" for label, value in rows),
                         id="receipt-rows")
            yield Line(t("receipt.tell_customer"), id="receipt-tell")

    def action_done(self) -> None:
        self.shop.back_home()
