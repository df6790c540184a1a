"""Home: one glance at the shop (R10) and the way into a sale."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget


from ...domain.money import pesos
from ...domain.sale import State
from ...i18n import t
from ..keys import key
from ..widgets.line import Line
from .base import ShopScreen


class HomeScreen(ShopScreen):
    CSS_PATH = "home.tcss"
    HELP_TOPIC = "home"
    BINDINGS = [
        key("f2", "new_sale", "key.sell"),
        key("f3", "pending", "key.pending"),
        key("f4", "open('report')", "key.sales_report"),
        key("f5", "open('claims')", "key.claims"),
        key("f6", "open('account')", "key.account"),
        key("f7", "open('support')", "key.support"),
        key("f8", "open('close')", "key.cash_close"),
        key("f9", "contacts", "key.contacts"),
        key("ctrl+l", "lock", "key.lock"),
    ]

    def compose(self) -> ComposeResult:
        from ..widgets.key_footer import in_rows

        # More keys than one footer line holds at 80 columns: the footer takes two rows here.
        return in_rows(super().compose())

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="home-box"):
            yield Line("", id="home-shop")  # whole here: the status line may shorten it
            yield Line("", id="pending-line")
            yield Line("", id="today-line")
            yield Line(t("home.hint"), id="home-hint")
            if self.shop.services.journal.read_only:
                yield Line(t("login.read_only"), id="home-read-only")

    def on_mount(self) -> None:
        self.watch(self.app, "pending_count", lambda _: self._render_counts(), init=False)
        self.watch(self.app, "shop_name", self._render_shop)
        self._render_counts()

    def _render_shop(self, name: str) -> None:
        self.query_one("#home-shop", Line).update(t(
            "home.shop", shop=name or t("status.no_shop"),
            terminal=self.shop.services.settings.dealer.terminal_id))

    def on_screen_resume(self) -> None:
        self.shop.refresh_pending()
        self._render_counts()

    def _render_counts(self) -> None:
        services = self.shop.services
        pending = self.shop.pending_count
        line = self.query_one("#pending-line", Line)
        line.update(t("home.pending", count=pending) if pending else t("home.no_pending"))
        line.set_class(bool(pending), "-attention")
        today = services.clock.now().date()
        done = [s for s in services.journal.sales_of_day(today) if s.state is State.CONFIRMED]
        total = sum(s.amount for s in done)
        self.query_one("#today-line", Line).update(
            t("home.today", count=len(done), total=pesos(total)))

    def action_pending(self) -> None:
        """Every open sale and its next step (R16, R17, R19)."""
        from .pending import PendingScreen

        self.app.push_screen(PendingScreen())

    def action_new_sale(self) -> None:
        if self.shop.services.journal.read_only:
            # A second copy cannot write the notebook, so it cannot sell: say why (R03).
            self.say(t("home.read_only_no_sale"), level="warning")
            return
        from .capture import CaptureScreen

        self.app.push_screen(CaptureScreen())

    def action_open(self, name: str) -> None:
        """One key to each of the counter's other screens (imported when first opened)."""
        from importlib import import_module

        module, cls = SCREENS[name]
        screen_type = getattr(import_module(module, __package__), cls)
        self.app.push_screen(screen_type())

    def action_contacts(self) -> None:
        self.shop.open_help("contacts")  # R09: the channels from the config

    def action_lock(self) -> None:
        self.shop.action_lock()


SCREENS = {
    "report": (".report", "ReportScreen"),
    "claims": (".claims", "ClaimsScreen"),
    "account": (".account", "AccountScreen"),
    "support": (".support", "SupportScreen"),
    "close": (".cash_close", "CashCloseScreen"),
}
