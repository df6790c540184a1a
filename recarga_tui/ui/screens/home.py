"""Home: one glance at the shop (R10) and the way into a sale."""

from __future__ import annotations

from typing import Iterable

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
        key("f2", "new_sale", "key.new_sale"),
        key("f3", "pending", "key.pending"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        with Vertical(id="home-box"):
            yield Line("", id="pending-line")
            yield Line("", id="today-line")
            yield Line(t("home.hint"), id="home-hint")

    def on_mount(self) -> None:
        self.watch(self.app, "pending_count", lambda _: self._render_counts(), init=False)
        self._render_counts()

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_sale" and self.shop.services.journal.read_only:
            return None  # shown dimmed: a read-only copy cannot sell
        return True

    def action_pending(self) -> None:
        """Every open sale and its next step (R16, R17, R19)."""
        from .pending import PendingScreen

        self.app.push_screen(PendingScreen())

    def action_new_sale(self) -> None:
        from .capture import CaptureScreen

        self.app.push_screen(CaptureScreen())
