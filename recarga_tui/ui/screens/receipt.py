"""The receipt: the top-up is done, with the proof to tell the customer (R03). P prints the
customer's ticket (by itself as the screen opens where ``[printer] sale_ticket = "auto"``),
V shows it on screen; a printer that fails never touches the sale, which is done."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widget import Widget

from ...domain import phone
from ...domain.catalog import Category
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t, tc
from ...printing.slips import dealer_time
from ..keys import key
from ..moves import Home, Preview
from ..printing import start_print
from ..widgets.box import Box
from ..widgets.line import FittedLine, Line
from ..widgets.unwritten import UnwrittenNote
from .base import ShopScreen


class ReceiptScreen(ShopScreen):
    CSS_PATH = "receipt.tcss"
    HELP_TOPIC = "receipt"
    BINDINGS = [
        key("enter,n", "done", "key.new_sale_done", key_display="Enter"),
        key("p", "print", "key.print_ticket", key_display="P"),
        key("v", "preview", "key.preview_ticket", key_display="V"),
    ]
    NEEDS_PRINTER = frozenset({"print"})  # no printer: V shows the ticket instead

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        sale = self.sale
        step = sale.last(State.CONFIRMED)
        data = step.data if step else {}
        kind = sale.category  # a bill: its service and payment reference; a bundle: validity
        bill = kind is Category.BILL
        company = self.shop.services.health.company_of(sale)
        rows = [
            (t("receipt.bill_reference" if bill else "receipt.number"), phone.group(sale.msisdn)),
            (t("receipt.service" if bill else "receipt.carrier"), company),
            # The product, where its name says more than the company or service ("CFE").
            *([(t("receipt.product"), sale.sold.name)]
              if sale.sold.name.casefold() not in ("", company.casefold()) else []),
            *([(t("receipt.validity"), sale.sold.validity)] if sale.sold.validity else []),
            (t("receipt.amount"), pesos(sale.amount)),
            (tc("receipt.carrier_folio", kind), str(data.get("carrier_folio") or "—")),
            (t("receipt.dealer_folio"), str(data.get("dealer_folio") or "—")),
            (tc("receipt.time", kind), self.shop_time(dealer_time(data, step.at if step else None),
                                                     "%Y-%m-%d %H:%M:%S")),
            (t("receipt.reference"), sale.ref),
        ]
        if step is not None and data.get("found_in") in ("report", "lookup"):
            # Found by the check: when the top-up was made differs from when it was proven.
            rows.append((t("receipt.checked_at"), step.at.astimezone(self.tz).strftime(
                "%Y-%m-%d %H:%M:%S")))
        if data.get("found_in") in ("report", "lookup"):
            rows.append((t("receipt.found_in"), t(f"receipt.found_in_{data['found_in']}")))
        ticket = [str(line) for line in data.get("ticket") or () if str(line).strip()]
        with Box(id="receipt-box"):
            yield Line(tc("receipt.title", kind), id="receipt-title")
            yield UnwrittenNote(sale.ref)
            yield Line("\n".join(f"{label:<18} {value}" for label, value in rows),
                         id="receipt-rows")
            if ticket:  # the dealer's own lines (printData), as it wants them on the ticket
                yield FittedLine(t("receipt.ticket", lines=" · ".join(ticket)),
                                 id="receipt-ticket")  # whole in the preview (V)
            yield Line(tc("receipt.tell_customer", kind), id="receipt-tell")

    @property
    def tz(self) -> Any:
        return self.shop.services.clock.now().tzinfo

    def on_mount(self) -> None:
        printing = self.shop.services.printing
        if printing.auto and not printing.was_printed(printing.fresh(self.sale)):
            self.action_print()  # once: opening the receipt again prints no second ticket

    def action_print(self) -> None:
        printing = self.shop.services.printing
        start_print(self, printing.sale_ticket(self.sale, self.shop.shop_name), "P")

    def action_preview(self) -> None:
        printing = self.shop.services.printing
        slip = printing.sale_ticket(self.sale, self.shop.shop_name)
        note = "" if printing.enabled else t(
            "read_only.key" if self.shop.services.notebook.read_only else "print.no_printer")
        self.move(Preview(printing.preview(slip), slip.width, note))

    def action_done(self) -> None:
        self.move(Home())
