"""The receipt: the top-up is done, with the proof to tell the customer (R03)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

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
            (t("receipt.time"), dealer_time(data, step.at if step else None, self.tz)),
            (t("receipt.reference"), sale.ref),
        ]
        if step is not None and data.get("found_in") in ("report", "lookup"):
            # Found by the check: when the top-up was made differs from when it was proven.
            rows.append((t("receipt.checked_at"), step.at.astimezone(self.tz).strftime(
                "%Y-%m-%d %H:%M:%S")))
        if data.get("found_in") == "report":
            rows.append((t("receipt.found_in"), t("receipt.found_in_report")))
        with Vertical(id="receipt-box"):
            yield Line(t("receipt.title"), id="receipt-title")
            yield UnwrittenNote(sale.ref)
            yield Line("\n".join(f"{label:<18} {value}" for label, value in rows),
                         id="receipt-rows")
            yield Line(t("receipt.tell_customer"), id="receipt-tell")

    @property
    def tz(self) -> Any:
        return self.shop.services.clock.now().tzinfo

    def action_done(self) -> None:
        self.shop.back_home()


def dealer_time(data: Mapping[str, Any], fallback: datetime | None, tz: Any) -> str:
    """When the dealer made the top-up, in the shop's time; the step's time if it did not say."""
    at = fallback
    raw = data.get("dealer_at")
    if isinstance(raw, str):
        try:
            at = datetime.fromisoformat(raw)
        except ValueError:
            pass
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S") if at else ""
