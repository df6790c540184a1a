"""The slow system (R15, R17, R18): said before sending, with the words to read to the
customer and three choices: send now, leave it to be sent later, or give the money back."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from ...domain.sale import Sale, SaleError
from ...domain.slowness import Slowness, SlowReason
from ...i18n import t
from ..errors import describe_error
from ..keys import key
from ..moves import Home, MoneyBack, SendNow
from ..printing import print_deferred_slip
from ..widgets.box import Box
from ..widgets.line import Line
from .base import ShopScreen


class SlowScreen(ShopScreen):
    CSS_PATH = "slow.tcss"
    HELP_TOPIC = "slow"
    BINDINGS = [
        key("e", "send_now", "key.send_now"),
        key("d", "defer", "key.defer"),
        key("r", "refund", "key.refund"),
    ]

    def __init__(self, sale: Sale, slowness: Slowness) -> None:
        super().__init__()
        self.sale = sale
        self.slowness = slowness

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="slow-box"):
            yield Line(t("slow.title"), id="slow-title")
            yield Line("\n".join(f"• {self._reason(r)}" for r in self.slowness.reasons),
                         id="reasons")
            yield Line(t("slow.say_this"), id="say-this")
            yield Line(t("slow.script", minutes=self._minutes()), id="script")
            yield Line(t("slow.choices"), id="choices")

    def _minutes(self) -> int:
        return self.shop.services.settings.procedure.deferral_minutes

    def _reason(self, reason: SlowReason) -> str:
        services = self.shop.services
        proc = services.settings.procedure
        carrier = services.health.carrier_name(self.sale.carrier_id)
        seconds = round(services.health.median_latency())
        # str.format ignores the parameters a reason does not use.
        return t(f"slow.{reason.value}", start=proc.peak_start.strftime("%H:%M"),
                 end=proc.peak_end.strftime("%H:%M"), carrier=carrier, seconds=seconds)

    def action_send_now(self) -> None:
        self.move(SendNow(self.sale))

    def action_defer(self) -> None:
        try:
            sale = self.shop.services.counter.defer(self.sale)
        except SaleError as err:
            self.say(describe_error(err), level="error")
            return
        promised = sale.history[-1].data.get("promised_at", "")[11:16]
        if self.shop.services.printing.auto:
            # The customer leaves with the promise on paper (R17); F3, P prints it again.
            print_deferred_slip(self, sale, "F3, P")
        self.move(Home())
        self.shop.notify(t("slow.deferred", time=promised), timeout=15, about=sale)

    def action_refund(self) -> None:
        self.move(MoneyBack(self.sale, "slow_system", self.said_error))
