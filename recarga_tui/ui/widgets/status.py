"""The top line: clock, terminal, balance, pending sales, read-only when it is, and the shop.

At 80 columns everything does not always fit (a long shop name, a pending count, the read-only
tag). What the cashier acts on comes first and is never cut; the shop's name is last and is
shortened with an ellipsis, never dropped (the home screen shows it whole)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.widgets import Static

from ...domain.money import PESOS_CODE, in_currency
from ...i18n import t
from ..shop import shop_of
from ..textual_private import forget_closed_watchers

WIDE, NARROW = "  ·  ", " · "
# The fewest columns the shop's name gets before the separators are narrowed for it.
SHOP_MIN = 12
LEAST = 2  # the shop's name at its shortest: a letter and the ellipsis
ELLIPSIS = "…"


def shorten(text: str, width: int) -> str:
    """``text`` in ``width`` columns at most, ending in an ellipsis when it was cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + ELLIPSIS


def fit(parts: list[str], short: list[str], shop: str, width: int,
        shorter: list[str] | None = None) -> str:
    """The parts joined, then the shop's name in what room is left (``width`` 0: no limit).

    In turn: wide separators, narrow ones, then the ``short`` parts; the first where the whole
    name fits or keeps ``SHOP_MIN`` columns; the ``shorter`` parts only where the ``short``
    ones leave the name no room for a letter. The name is cut with an ellipsis, at worst to a
    letter and the ellipsis, never dropped; the parts before it are never cut."""
    heads = [WIDE.join(parts) + WIDE, NARROW.join(parts) + NARROW, NARROW.join(short) + NARROW]
    if width <= 0:
        return heads[0] + shop
    for head in heads:
        room = width - cell_len(head)
        if cell_len(shop) <= room or room >= SHOP_MIN:
            break
    if shorter is not None and room < LEAST and room < cell_len(shop):
        head = NARROW.join(shorter) + NARROW
        room = width - cell_len(head)
    return head + shorten(shop, max(LEAST, room))


class StatusLine(Static):
    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        for name in ("minute", "balance", "pools", "pending_count", "unwritten_count",
                     "shop_name", "dealer_name"):
            self.watch(self.app, name, lambda _: self._render_line(), init=False)
        self._render_line()

    def on_unmount(self) -> None:
        forget_closed_watchers(self.app)

    def on_resize(self) -> None:
        self._render_line()

    def _render_line(self) -> None:
        app = shop_of(self)
        services = app.services
        terminal = services.settings.dealer.terminal_id
        parts = [services.clock.now().strftime("%H:%M"), t("status.terminal", terminal=terminal)]
        balance: list[str] = []
        if app.balance is not None:
            # In the currency the dealer keeps it in (an account in dollars is no pesos).
            currency = app.pools.currency if app.pools is not None else PESOS_CODE
            balance.append(in_currency(app.balance, currency))
            parts.append(t("status.balance", balance=balance[0]))
        if app.pending_count:
            parts.append(t("status.pending", count=app.pending_count))
        if app.unwritten_count:
            parts.append(t("status.unwritten", count=app.unwritten_count))
        if services.notebook.read_only:
            parts.append(t("status.read_only"))
        elif not app.connected and app.past_login:
            parts.append(t("status.offline"))
        if services.demo:
            parts.append(t("status.demo"))
        # Short of room, the terminal without its label: the home screen names it in full.
        short = [parts[0], terminal, *parts[2:]]
        # Shorter still (a balance in dollars, every count shown), the balance without its
        # label too: its figure and currency say what it is.
        shorter = [parts[0], terminal, *balance, *parts[2 + len(balance):]]
        # The shop's name; unnamed, whom the terminal sells through once logged in.
        shop = app.shop_name or app.dealer_name or t("status.no_shop")
        text = fit(parts, short, shop, self.content_size.width, shorter)
        if text != self.content:
            # One row across the screen whatever it says: no layout of the screen for it.
            self.update(text, layout=False)

