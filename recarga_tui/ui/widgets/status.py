"""The top line: shop, terminal, balance, pending sales, clock, and read-only when it is."""

from __future__ import annotations

from textual.widgets import Static

from ...domain.money import pesos
from ...i18n import t


class StatusLine(Static):
    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        for name in ("minute", "balance", "pending_count", "shop_name"):
            self.watch(self.app, name, lambda _: self._render_line(), init=False)
        self._render_line()

    def _render_line(self) -> None:
        app = self.app
        services = app.services
        # The clock first: on a narrow screen the shop's name is what gets cut, not the time.
        parts = [services.clock.now().strftime("%H:%M"),
                 t("status.terminal", terminal=services.settings.dealer.terminal_id)]
        if app.balance is not None:
            parts.append(t("status.balance", balance=pesos(app.balance)))
        if app.pending_count:
            parts.append(t("status.pending", count=app.pending_count))
        if services.journal.read_only:
            parts.append(t("status.read_only"))
        if services.demo:
            parts.append(t("status.demo"))
        parts.append(app.shop_name or t("status.no_shop"))
        self.update("  ·  ".join(parts))
