"""Home: one glance at the shop (R10) and the way into a sale."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

from ...domain.money import pesos
from ...i18n import t
from ..desk import low_pools_text, on_duty_text
from ..keys import key
from ..messages import PendingChanged
from ..moves import Help, LogIn, NewSale, Open
from ..pools import pools_text
from ..textual_private import forget_closed_watchers, release_styles_caches
from ..widgets.box import Box
from ..widgets.line import Line
from .base import READ_ONLY_FOLLOW, ShopScreen


class HomeScreen(ShopScreen):
    CSS_PATH = "home.tcss"
    HELP_TOPIC = "home"
    BINDINGS = [
        key("f2", "new_sale", "key.sell"),
        key("f2", "log_in", "key.log_in"),
        key("f3", "pending", "key.pending"),
        key("f4", "open('report')", "key.sales_report"),
        key("f5", "open('claims')", "key.claims"),
        key("f6", "open('account')", "key.account"),
        key("f7", "open('support')", "key.support"),
        key("f8", "open('close')", "key.cash_close"),
        key("f9", "contacts", "key.contacts"),
        key("ctrl+l", "lock", "key.lock"),
        key("c", "cashiers", "key.cashiers", key_display="C"),
        key("d", "deposit", "key.deposit", key_display="D"),
    ]

    # More keys than one line holds at 80 columns: the key bar takes two rows here.
    FOOTER_IN_ROWS = True

    WRITES = frozenset({"new_sale", "log_in", "cashiers"})
    NEEDS_DEALER = frozenset({"new_sale", "cashiers", "deposit"})
    NEEDS_CAPABILITY = {"deposit": "deposits"}
    # Screens of the dealer's data alone: not offered without a session.
    DEALER_SCREENS = frozenset({"account", "support"})

    def compose_body(self) -> Iterable[Widget]:
        with Box(id="home-box"):
            yield Line("", id="home-shop")  # whole here: the status line may shorten it
            yield Line("", id="pending-line")
            yield Line("", id="today-line")
            yield Line("", id="pools-line")  # a dealer's pools (airtime, bills), when several
            yield Line("", id="low-line")  # pools under the shop's threshold (R14)
            yield Line("", id="desk-line")  # who is on duty, in a shop with cashiers
            yield Line("", id="home-hint")

    def on_mount(self) -> None:
        self.watch(self.app, "pending_count", lambda _: self._render_counts(), init=False)
        self.watch(self.app, "shop_name", self._render_shop)
        self.watch(self.app, "dealer_name", lambda _: self._render_shop(self.shop.shop_name),
                   init=False)
        self.watch(self.app, "pools", lambda _: self._render_pools(), init=False)
        self._render_counts()
        self._render_hint()
        self._render_desk()
        if self.shop.services.notebook.read_only:
            # Another copy sells: its sales show here within seconds (read from disk).
            self.set_interval(READ_ONLY_FOLLOW, self._render_counts)

    def on_unmount(self) -> None:
        forget_closed_watchers(self.app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is not True:
            return False
        if action == "log_in":
            return not self.shop.connected
        if action == "deposit":  # one key from the warning of a pool running low (R14)
            return bool(self.shop.services.health.low_pools())
        if action == "lock":  # the lock asks for the dealer password: none without a session
            return self.shop.connected
        if action == "open" and parameters and parameters[0] in self.DEALER_SCREENS:
            return self.shop.connected
        return True

    def _render_hint(self) -> None:
        services = self.shop.services
        if services.notebook.read_only:
            key_ = ("home.hint_read_only_asked"
                    if services.notebook.read_only_reason == "journal.read_only_asked"
                    else "home.hint_read_only")
        elif not self.shop.connected:
            key_ = "home.hint_offline"
        else:
            key_ = "home.hint"
        self.query_one("#home-hint", Line).update(t(key_))

    def _render_shop(self, name: str) -> None:
        """The shop's own name (``[app] shop_name``), never the dealer's: unnamed, the
        terminal and whom it sells through."""
        terminal = self.shop.services.settings.dealer.terminal_id
        dealer = self.shop.dealer_name  # whom it sells through, once logged in
        self.query_one("#home-shop", Line).update(
            t("home.shop", shop=name, terminal=terminal) if name else
            t("home.shop_unnamed", terminal=terminal, dealer=dealer) if dealer else
            t("home.terminal", terminal=terminal))

    def on_screen_resume(self) -> None:
        release_styles_caches()  # the sale's screens are gone: nothing of them stays
        self.app.post_message(PendingChanged())
        self._render_counts()
        self._render_hint()
        self._render_desk()
        self.refresh_bindings()

    def _render_desk(self) -> None:
        """The cashier on duty and since when, in a shop with cashiers (none: no row)."""
        text = on_duty_text(self)
        line = self.query_one("#desk-line", Line)
        line.update(text)
        line.display = bool(text)

    def _render_counts(self) -> None:
        services = self.shop.services
        pending = self.shop.pending_count
        line = self.query_one("#pending-line", Line)
        line.update(t("home.pending", count=pending) if pending else t("home.no_pending"))
        line.set_class(bool(pending), "-attention")
        today = services.clock.now().date()
        count, total = services.tally.confirmed_of_day(today)
        self.query_one("#today-line", Line).update(
            t("home.today", count=count, total=pesos(total)))
        self._render_pools()

    def _render_pools(self) -> None:
        shown = pools_text(self.shop.services.health.balance)
        line = self.query_one("#pools-line", Line)
        line.update(t("home.pools", pools=shown) if shown else "")
        line.display = bool(shown)  # one balance: the status line says it, no empty row
        low = low_pools_text(self.shop.services.health.low_pools())
        warned = self.query_one("#low-line", Line)
        warned.update(low)
        warned.display = bool(low)
        self.refresh_bindings()  # D (deposit) is offered while a pool is low

    def action_pending(self) -> None:
        """Every open sale and its next step (R16, R17, R19)."""
        self.move(Open("pending"))

    def action_log_in(self) -> None:
        """From the notebook without the dealer: the login, then back here."""
        self.move(LogIn())

    def action_new_sale(self) -> None:
        self.move(NewSale())

    def action_open(self, name: str) -> None:
        """One key to each of the counter's other screens (loaded when first opened)."""
        self.move(Open(name))

    def action_deposit(self) -> None:
        self.move(Open("deposits"))  # one key from the warning of a pool running low (R14)

    def action_cashiers(self) -> None:
        """The owner's list of cashiers, after the dealer's password (R12, R13)."""
        self.move(Open("cashiers"))

    def action_contacts(self) -> None:
        self.move(Help("contacts"))  # R09: the channels from the config

    def action_lock(self) -> None:
        self.shop.lock()
