"""A paid sale not sent (left by a crash, R03) or deferred (R17): send it now, leave it for
later (a new promise), or give the money back — nothing was sent, so the money may go back
(R02). A deferred sale whose promise passed says to offer the money back; P prints the
customer's slip of a deferred sale: the promised time and the money back if it cannot be
sent (R17)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError, State
from ...i18n import t
from ...services.deferred import promised_at
from ..errors import describe_error
from ..keys import key
from ..moves import Back, Home, MoneyBack, Send
from ..printing import print_deferred_slip
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen, choices_text


class WaitingScreen(ShopScreen):
    CSS_PATH = "waiting.tcss"
    HELP_TOPIC = "pending"  # it is opened from the pending list (F3)
    BINDINGS = [
        key("e", "send_now", "key.send_now"),
        key("d", "defer", "key.defer"),
        key("r", "refund", "key.refund"),
        key("p", "print_slip", "key.print_slip", key_display="P"),
        key("escape,f9", "back", "key.back", key_display="F9"),
    ]

    WRITES = frozenset({"send_now", "defer", "refund"})
    NEEDS_PRINTER = frozenset({"print_slip"})
    NEEDS_DEALER = frozenset({"send_now"})
    # Three choices, back, help and quit: more than one line holds at 80 columns.
    FOOTER_IN_ROWS = True

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale

    def compose_body(self) -> Iterable[Widget]:
        sale = self.sale
        promised = promised_at(sale) if sale.state is State.DEFERRED else None
        what = {"amount": pesos(sale.amount), "number": phone.group(sale.msisdn)}
        with Box(id="waiting-box"):
            if promised is None:
                yield Line(t("waiting.paid_title", **what), id="waiting-title")
                yield Line(t("waiting.paid_body"), id="waiting-body")
            else:
                yield Line(t("waiting.deferred_title", time=self.shop_time(promised), **what),
                           id="waiting-title")
                yield Line(t("waiting.deferred_body"), id="waiting-body")
                if promised < self.shop.services.clock.now():
                    yield Line(t("waiting.overdue"), id="waiting-overdue")
            yield Line(choices_text(self.shop, "waiting.choices"), id="waiting-choices")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "print_slip" and self.sale.state is not State.DEFERRED:
            return False  # a slip only for a deferred sale
        return super().check_action(action, parameters)

    def action_print_slip(self) -> None:
        print_deferred_slip(self, self._fresh(), "P")

    def _fresh(self) -> Sale:
        stored = self.shop.services.notebook.get(self.sale.ref)
        return stored if stored is not None else self.sale

    def action_send_now(self) -> None:
        """The slow-system check first, as for any sale (R15)."""
        self.move(Send(self._fresh()))

    def action_defer(self) -> None:
        try:
            sale = self.shop.services.counter.defer(self._fresh())
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        self._slip_if_auto(sale)
        self.move(Home())
        self.shop.notify(t("waiting.deferred", time=self.shop_time(promised_at(sale))),
                        timeout=15, about=sale)

    def _slip_if_auto(self, sale: Sale) -> None:
        if self.shop.services.printing.auto:
            print_deferred_slip(self, sale, "F3, P")

    def action_refund(self) -> None:
        self.move(MoneyBack(self._fresh(), "not_sent", self.said_error))

    def action_back(self) -> None:
        self.move(Back())
