"""Sending: the seconds go by, nothing freezes, and no key can send twice. The "sending" step
is on disk before the request leaves (the counter service writes it ahead). A lapsed session
asks for the password over this screen and the sale goes then; without it, the sale stays paid
and its send/later/money-back choice is shown (R12)."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.widget import Widget

from ...domain import phone
from ...domain.money import pesos
from ...domain.sale import Sale, SaleError
from ...i18n import t
from ...services.counter import NotSent, SessionNeeded
from ..errors import describe_error
from ..messages import PendingChanged, SaleSettled
from ..moves import Home, NothingSent, ShowSale
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen


class SendScreen(ShopScreen):
    CSS_PATH = "send.tcss"
    HELP_TOPIC = "send"
    # Only F1 (help) from the base screen: no key here can send, cancel or leave.

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale
        self.elapsed = 0

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="send-box"):
            yield Line(t("send.sending", number=phone.group(self.sale.msisdn),
                           amount=pesos(self.sale.amount)), id="send-what")
            yield Line(t("send.elapsed", seconds=0), id="elapsed")
            yield Line(t("send.wait"), id="send-wait")

    def on_mount(self) -> None:
        self._timer = self.set_interval(1, self._tick)
        self._send()
        if self.shop.collector is not None:  # while the dealer answers, once this is painted
            self.call_after_refresh(self.shop.collector.between_sales)

    def _tick(self) -> None:
        self.elapsed += 1
        self.query_one("#elapsed", Line).update(t("send.elapsed", seconds=self.elapsed))

    @work(exclusive=True, group="send")
    async def _send(self) -> None:
        try:
            sale = await self.shop.services.counter.send(self.sale,
                                                         renew=self.shop.session_gate.renew)
        except SessionNeeded:
            self._timer.stop()
            self._not_sent(t("send.not_sent_session", amount=pesos(self.sale.amount),
                             number=phone.group(self.sale.msisdn)))
            return
        except NotSent as err:  # the dealer gave no id to send it under: nothing left
            self._timer.stop()
            self._not_sent(t("send.not_sent_no_id", amount=pesos(self.sale.amount),
                             number=phone.group(self.sale.msisdn),
                             why=t(err.fault.code, **err.fault.params)))
            return
        except SaleError as err:
            # Refused before anything left (journal full, read-only copy, a state that may not
            # be sent): nothing was sent, the sale stays as it was.
            self._timer.stop()
            self.say(describe_error(err), level="error")
            self.move(Home())
            self.app.notify(describe_error(err), severity="error", timeout=15)
            return
        self._timer.stop()
        self._show_outcome(sale)

    def _not_sent(self, why: str) -> None:
        """Nothing left the shop (no session and no password, or no id from the dealer to
        send it under): the sale is as it was (paid, deferred, or not found), with its
        choices on screen."""
        sale = self.shop.services.notebook.get(self.sale.ref) or self.sale
        self.app.post_message(PendingChanged())
        self.move(NothingSent(sale, why))

    def _show_outcome(self, sale: Sale) -> None:
        """The receipt, the refusal, or the check of an unknown outcome (R16, R19)."""
        self.app.post_message(SaleSettled(sale))
        self.move(ShowSale(sale))
