"""Read-back (R04): the number (or a bill's service reference) big and grouped, the company or
service, the product's name and validity, the amount, the digits in words to read aloud, and
the no-claims warning worded for what is bought. The customer's acceptance is its own key (A),
never the Enter that ended the previous step, and it is journaled with its time before payment
is asked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.widget import Widget

from ...domain import catalog, phone
from ...domain.catalog import Category
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError
from ...i18n import t
from ..errors import describe_error
from ..keys import key
from ..moves import Correct, Pay
from ..widgets.big_digits import BigDigits
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen

if TYPE_CHECKING:
    from ...services.flow import Capture

# The most characters big digits show in a line at 80 columns (three columns each).
BIG_WIDTH = 24
# The no-claims warning, worded for what is being bought (R04).
NO_CLAIMS = {Category.AIRTIME: "readback.no_claims", Category.BUNDLE: "readback.no_claims_bundle",
             Category.BILL: "readback.no_claims_bill"}


class ReadbackScreen(ShopScreen):
    CSS_PATH = "readback.tcss"
    HELP_TOPIC = "readback"
    BINDINGS = [
        key("a", "accept", "key.accepted"),
        key("c,escape", "correct", "key.correct", key_display="C"),
    ]

    def __init__(self, flow: Capture) -> None:
        super().__init__()
        self.flow = flow

    @property
    def sale(self) -> Sale:
        sale = self.flow.sale
        assert sale is not None
        return sale

    def compose_body(self) -> Iterable[Widget]:
        sale = self.sale
        sold = sale.sold
        bill = sold.category is Category.BILL
        # A phone number is grouped 3-3-4; a bill's reference in fours (domain/catalog.py).
        groups = catalog.reference_chunks(sale.msisdn) if bill else phone.chunks(sale.msisdn)
        grouped = " ".join(groups)
        with Box(id="readback-box"):
            yield Line(t("readback.read_aloud_bill" if bill else "readback.read_aloud"),
                       id="readback-title")
            if len(grouped) <= BIG_WIDTH:
                yield BigDigits(grouped, id="number")
            else:  # a long reference would not fit in big digits at 80 columns
                yield Line(grouped, id="number-long")
            yield Line(self._what(sale), id="what")
            if sold.category is Category.BUNDLE and sold.description:
                yield Line(sold.description, id="description")
            yield Line(phone.spoken_groups(groups), id="spoken")
            yield Line(t(NO_CLAIMS[sold.category]), id="no-claims")
            yield Line(t("readback.keys"), id="readback-keys")

    def _what(self, sale: Sale) -> str:
        """The company or service, the product's name and validity, and the amount (R04)."""
        sold = sale.sold
        carrier = self.shop.services.health.company_of(sale)
        amount = pesos(sale.amount)
        if sold.category is Category.BUNDLE:
            return t("readback.what_bundle", carrier=carrier, name=sold.name or sale.sku,
                     amount=amount, validity=sold.validity or "-")
        if sold.category is Category.BILL:
            if not sold.name or sold.name.casefold() == carrier.casefold():
                return t("readback.what_bill_plain", carrier=carrier, amount=amount)
            return t("readback.what_bill", carrier=carrier, name=sold.name, amount=amount)
        return t("readback.what", carrier=carrier, amount=amount)

    def action_accept(self) -> None:
        try:
            self.flow.sale = self.shop.services.counter.accept(self.sale)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self.move(Pay(self.flow))

    def action_correct(self) -> None:
        """Back to capture with every entry kept; nothing was accepted or paid."""
        self.move(Correct(self.flow))
