"""The check in the sales report (R16, R18, R19): where a sale with an unknown outcome waits.

The app looks for it itself (``services.checker``); this screen shows the countdown to the end
of the reflection window, what was tried, and the words for the customer. Found delivered:
the receipt, with the report as proof. Found failed: the rejection. Not found once the window
passed: send it again under the same reference, or give the money back. Before that, both
keys refuse and say why: the top-up may still show up (R02, R16).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from textual import work
from textual.events import Key
from textual.widget import Widget

from ...domain import faults, phone
from ...domain.money import pesos
from ...domain.sale import Sale, State
from ...i18n import t, tc
from ..keys import key
from ..messages import SaleChanged, SaleSettled
from ..moves import Home, MoneyBack, SendNow, ShowSale
from ..widgets.box import Box
from ..widgets.line import Line
from ..widgets.unwritten import UnwrittenNote
from .base import ShopScreen, choices_text


def clock_left(left: timedelta) -> str:
    """Minutes and seconds, as a kitchen timer shows them: ``9:05``."""
    seconds = max(0, int(left.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


class CheckScreen(ShopScreen):
    CSS_PATH = "check.tcss"
    HELP_TOPIC = "unknown"
    BINDINGS = [
        key("e", "send_again", "key.send_again"),
        key("r", "refund", "key.refund"),
        key("enter,escape", "done", "key.keep_checking", key_display="Enter"),
    ]

    WRITES = frozenset({"send_again", "refund"})
    NEEDS_DEALER = frozenset({"send_again"})

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale
        self._gone = False
        self._shown_state: State | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Send again and money back act only once the window passed and it was not found
        # (R16, R19): before that they are not offered at all.
        if action in ("send_again", "refund") and self.sale.state is not State.NOT_FOUND:
            return False
        return super().check_action(action, parameters)

    async def take_key(self, event: Key) -> None:
        if (event.key in ("e", "r") and self.sale.state is not State.NOT_FOUND
                and not getattr(self.app, "too_small", False)):
            # A cashier who knows the keys hears why not yet, and when (R16).
            event.stop()
            self._refused_before_window()
            return
        await super().take_key(event)

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="check-box"):
            yield Line(tc("check.title", self.sale.category, amount=pesos(self.sale.amount),
                         number=phone.group(self.sale.msisdn)), id="check-title")
            yield UnwrittenNote(self.sale.ref)
            yield Line("", id="check-state")
            yield Line("", id="check-fault")
            yield Line("", id="countdown")
            yield Line("", id="tried")
            yield Line(t("check.say_this"), id="check-say")
            yield Line("", id="check-script")
            yield Line("", id="check-keys")

    def on_mount(self) -> None:
        self._refresh_view()
        self.set_interval(1, self._tick)  # the countdown; the sale itself is followed
        self.follow_sales()
        self._check_now()

    def _tick(self) -> None:
        self._refresh_view(read=False)

    def on_sale_changed(self, message: SaleChanged) -> None:
        if message.sale is None or message.sale.ref == self.sale.ref:
            self._refresh_view()

    @work(exclusive=True, group="check-now")
    async def _check_now(self) -> None:
        """A first look at once; the background checks go on every few seconds."""
        try:
            await self.shop.services.checker.check(self.sale)
        except Exception:  # the background checks try again; the screen shows what is known
            return
        self._refresh_view()

    # --- what the screen shows ---

    def _stored(self) -> Sale:
        stored = self.shop.services.notebook.get(self.sale.ref)
        return stored if stored is not None else self.sale

    def _refresh_view(self, read: bool = True) -> None:
        if self._gone or not self.is_current:
            return
        sale = self.sale = self._stored() if read else self.sale
        if sale.state in (State.CONFIRMED, State.REJECTED):
            self._leave_for(sale)
            return
        checker = self.shop.services.checker
        ends = checker.window_ends(sale)
        until = self.shop_time(ends, missing="--:--")
        minutes = self.shop.services.settings.procedure.reflection_minutes
        promises = self.shop.services.promises
        not_found = sale.state is State.NOT_FOUND
        self._show_line("#check-state", promises.not_found(minutes) if not_found
                        else self._unknown_words(sale))
        fault = self.query_one("#check-fault", Line)
        fault.display = not not_found
        fault.update(self._fault_words(sale))
        self._show_line("#countdown", t("check.window_passed", time=until, attempt=sale.attempts)
                  if not_found else t("check.countdown", time=until,
                                      left=clock_left(checker.remaining(sale))))
        self._show_line("#tried", self._tried(sale))
        self._show_line("#check-script", t("check.script_not_found") if not_found
                  else t("check.script_unknown", time=until))
        self._show_line("#check-keys", choices_text(self.shop, promises.not_found_keys())
                        if not_found else t("check.keys_unknown"))
        self.query_one("#check-box").set_class(not_found, "-not-found")
        if sale.state is not self._shown_state:
            self._shown_state = sale.state
            self.refresh_bindings()  # the keys that act now

    def _unknown_words(self, sale: Sale) -> str:
        """What came back from the dealer, as it came (R16): nothing, an answer that could
        not be read, an error, or "in progress"; then what not to do, and how the app looks."""
        heard = faults.heard(faults.unknown_step_data(sale))
        dont = "check.unknown" if heard is faults.Heard.NOTHING else "check.unknown_answered"
        return " ".join((t(f"check.heard.{heard.value}"), t(dont),
                         self.shop.services.promises.looked_for()))

    @staticmethod
    def _fault_words(sale: Sale) -> str:
        """Where it failed, and what the dealer's answer meant where its words say more than
        the state line (a Taecel 3128: the number was topped up minutes ago; the app closed
        while sending), never the general words of a timeout or an unreadable answer."""
        fault = faults.fault_of(sale, State.UNKNOWN)
        heading, what = faults.describe(fault).split("\n")[:2]
        code = str(faults.unknown_step_data(sale).get("code", ""))
        if not code or code.startswith("dealer.unknown.") or code.endswith(".in_progress"):
            return heading
        return f"{heading}. {what.rstrip('.')}."

    def _tried(self, sale: Sale) -> str:
        tried = self.shop.services.checker.tried(sale)
        if not tried:
            return t("check.tried_none")
        promises = self.shop.services.promises
        what = " · ".join(promises.tried_lookup(x.result) if x.check == "lookup"
                          else t(f"check.tried.{x.check}", result=t(f"check.result.{x.result}"))
                          for x in tried)
        text = t("check.tried", time=self.shop_time(tried[0].at, "%H:%M:%S"), what=what)
        times = self.shop.services.checker.candidates(sale)
        if times:
            text += "\n" + t("check.candidates", times=", ".join(
                self.shop_time(at, "%H:%M:%S") for at in times))
        return text

    def _show_line(self, selector: str, text: str) -> None:
        self.query_one(selector, Line).update(text)

    def _leave_for(self, sale: Sale) -> None:
        self._gone = True
        self.app.post_message(SaleSettled(sale))
        self.move(ShowSale(sale))

    # --- the keys ---

    def _refused_before_window(self) -> bool:
        """Say why nothing may be done yet (R16); True when refused."""
        sale = self.sale = self._stored()
        if sale.state is State.NOT_FOUND:
            return False
        ends = self.shop.services.checker.window_ends(sale)
        self.say(t("check.too_soon", time=self.shop_time(ends, missing="--:--")),
                 level="warning")
        return True

    def action_send_again(self) -> None:
        if self._refused_before_window():
            return
        self._gone = True
        self.move(SendNow(self.sale))

    def action_refund(self) -> None:
        if self._refused_before_window():
            return
        self.move(MoneyBack(self.sale, "not_found", self.said_error))

    def action_done(self) -> None:
        self._gone = True
        self.move(Home())
