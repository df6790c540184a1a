"""The App: builds nothing itself (the services come ready), holds the shop's live state
(notices, balance, pending count, the minute), refreshes it, and owns the global keys."""

from __future__ import annotations

import logging
from typing import Any

from textual import work
from textual.app import App
from textual.notifications import Notify
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from ..dealer.outcomes import SessionExpired
from ..services.shop import Services
from . import hangup
from .collector import Collector
from .errors import describe_error, refresh_failed
from .keys import key
from .lost import start_lost_answers
from .messages import BalanceRead, LoggedIn, PendingChanged, SaleSettled
from .moves import Move
from .router import Router
from .session import SessionGate, with_session
from .terminal import TerminalAware
from .textual_private import notifications_shown, withdraw

log = logging.getLogger(__name__)

# Corner messages on screen at once (the newest); the rest are in ``told`` and the log.
MAX_TOASTS = 2
# Seconds between two reads of the notebook by a read-only copy (another copy writes it).
READ_ONLY_REFRESH = 5.0


class RecargaApp(TerminalAware, App[Any]):
    CSS_PATH = "app.tcss"
    TITLE = "recarga-tui"
    # Cashiers drive the app by its keys alone; the palette would show actions out of order.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        key("f10", "quit_app", "key.quit", priority=True),
        # Here so that it works on every screen; shown in the home screen's footer, whose own
        # binding would be hidden by a priority one.
        key("ctrl+l", "lock", "key.lock", show=False),
    ]

    notices: reactive[Any] = reactive(None, always_update=True)
    balance: reactive[int | None] = reactive(None)  # the main pool's (the status line)
    pools: reactive[Any] = reactive(None, always_update=True)  # every pool (home)
    pending_count: reactive[int] = reactive(0)
    unwritten_count: reactive[int] = reactive(0)  # the dealer's answers the disk refused so far
    shop_name: reactive[str] = reactive("")
    # Whom the terminal sells through once logged in ("" before): the status line names it
    # when the shop itself has no name.
    dealer_name: reactive[str] = reactive("")
    minute: reactive[str] = reactive("")

    def __init__(self, services: Services, collector: Collector | None = None) -> None:
        super().__init__()
        self.services = services
        # The process's garbage collection between sales: the command line's app has one, an
        # app a test builds has none (it would freeze the test runner's objects).
        self.collector = collector
        self.session: Any = None
        self.cashier = ""  # the user name of the login, to ask for the same password again
        self.logged_in_at: Any = None  # the start of the shift "since login" (cash close)
        self.router = Router(self)  # every move between screens
        self.session_gate = SessionGate(self)  # one password modal for all that need it
        self.told: list[str] = []  # every corner message of this run, for the log and tests
        # The corner messages about a sale: (message, the sale's reference, its state then).
        self._about: list[tuple[str, str, Any]] = []
        # The recovery and the background checks run once, at the first home screen.
        self._lost_answers_started = False
        # The shop's own name from the config; a dealer that names the shop at login may
        # give it instead (``logged_in``). Never the dealer's own name.
        self.shop_name = services.settings.app.shop_name

    # --- corner messages (where they stand: ui/corner.py) ---

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False,
               about: Any = None) -> None:
        """A corner message. Never markup (a dealer's text may hold "["), and never more than
        ``MAX_TOASTS`` at once: older ones make way rather than stack over the screen.
        ``about``: the sale it speaks of; the message leaves once that sale moves on, and is
        not shown while the sale's own screen is on top (that screen says it already)."""
        self.told.append(str(message))
        if about is not None:
            if self._shows_sale(about.ref):
                return
            self._about.append((str(message), about.ref, about.state))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_notify(self, event: Notify) -> None:
        """Once Textual has taken a corner message (it does so from its queue, after
        ``notify`` returns), the oldest make way: a burst of messages in one turn leaves
        ``MAX_TOASTS`` on screen, not all of them."""
        shown = [n for n in notifications_shown(self) if n is not event.notification]
        # Whether Textual's own handler has added this one yet or not, it stays.
        for old in shown[: max(0, len(shown) - (MAX_TOASTS - 1))]:
            withdraw(self, old)

    def _shows_sale(self, ref: str) -> bool:
        sale = getattr(self.screen, "sale", None) if self.screen_stack else None
        return getattr(sale, "ref", None) == ref

    def withdraw_about(self, ref: str, state: Any = None) -> None:
        """Take off the screen the corner messages about sale ``ref``: all of them, or (with
        ``state``) those told while the sale was in another state, now untrue."""
        stale = {message for message, about, was in self._about
                 if about == ref and (state is None or was != state)}
        if not stale:
            return
        self._about = [entry for entry in self._about if entry[0] not in stale]
        for notification in notifications_shown(self):
            if notification.message in stale:
                withdraw(self, notification, refresh=True)

    def _sale_moved(self, event: Any) -> None:
        """The notebook recorded a step of a sale: what was told of an earlier step leaves."""
        self.call_later(self.withdraw_about, event.sale.ref, event.sale.state)

    def new_sale_starts(self) -> None:
        """A new customer: the last sale's corner messages leave the screen."""
        self._about.clear()
        self.clear_notifications()

    # --- start-up and login ---

    def on_mount(self) -> None:
        if self.collector is not None:
            self.call_after_refresh(self.collector.first_frame)
        self._tick_minute()
        self._watch_terminal()
        self.services.notebook.events.add(self._sale_moved)
        for note in self.services.notes:  # e.g. a config file others can read
            self.notify(note, severity="warning", timeout=30)
        if self.services.notebook.read_only:
            # A copy that only looks (the control desk over SSH, or a second copy): the
            # notebook at once, with no dealer login, and nothing ever sent (R03, R12).
            self.open_notebook()
            return
        self.router.login()
        # Today's count for the home screen, while the cashier types the login: read before
        # the HTTP client is loaded, whose start reuses the memory the read let go.
        self.call_after_refresh(self._count_today)
        # The notices need no session: asked from the start, so the login screen already
        # says whether the dealer answers (R10); once its first frame is drawn, as the first
        # call loads the HTTP client and its TLS certificates (docs/performance.md).
        self.call_after_refresh(self.refresh_dealer)
        every = self.services.settings.dealer.notices_refresh_seconds
        self.set_interval(every, self.refresh_dealer, name="dealer-refresh")

    def _count_today(self) -> None:
        self.services.tally.confirmed_of_day(self.services.clock.now().date())

    def _watch_terminal(self) -> None:
        """End the app when its terminal goes away without a hang-up (``ui/hangup.py``)."""
        fds = [] if self.is_headless else hangup.terminal_fds()
        if not fds:
            return

        def look() -> None:
            if hangup.gone(fds):
                hangup.leave_as_a_crash_would(self.services.close_journal)

        self.set_interval(hangup.CHECK_EVERY, look, name="terminal-watch")

    @property
    def connected(self) -> bool:
        """Whether a dealer session was opened (selling and the dealer's screens need one)."""
        return self.session is not None

    def logged_in(self, session: Any) -> None:
        """After login: the home screen, and the app refreshes the dealer's state itself."""
        self.session = session
        named = session.shop.name
        # The configured name wins; a dealer that calls the "shop" by its own name (Taecel,
        # the transact family) names no shop at all.
        if not self.services.settings.app.shop_name and named != \
                self.services.capabilities.name:
            self.shop_name = named
        self.dealer_name = self.services.capabilities.name
        self._to_home()
        if self.services.cashiers.enabled and self.services.shifts.on_duty is None:
            self.call_later(self.router.desk)  # a shop with cashiers: who is on duty
        self.refresh_dealer()

    def open_notebook(self) -> None:
        """The notebook without the dealer: pending sales, claims, the day's sales and the
        cash close from the journal; the screens that need the dealer say so, and their keys
        are not offered. A read-only copy never leaves this (it sends nothing)."""
        self._to_home()
        if self.services.notebook.read_only:
            # Another copy writes the notebook: what it sells shows here within seconds.
            self.set_interval(READ_ONLY_REFRESH, self.refresh_pending, name="read-only-refresh")

    def _to_home(self) -> None:
        self.refresh_pending()
        if not self._lost_answers_started:  # a login after a lock: nothing to recover
            self._lost_answers_started = start_lost_answers(self)
        self.router.base()

    @property
    def past_login(self) -> bool:
        """Whether the cashier reached home (logged in, or chose the notebook without it)."""
        return self.router.past_login

    # --- the live state ---

    def _tick_minute(self) -> None:
        """Update the clock once a minute, on the minute: no per-second redraws while idle."""
        now = self.services.clock.now()
        self.minute = now.strftime("%H:%M")
        self.set_timer(60.5 - now.second - now.microsecond / 1e6, self._tick_minute)

    @work(exclusive=True, group="dealer-refresh")
    async def refresh_dealer(self) -> None:
        """Notices, catalog and balance; a lapsed session asks for the password (one modal
        however many refreshes meet it) and the refresh goes on once it is typed (R10, R12)."""
        try:
            await with_session(self, self._refresh_health, background=True)
        except SessionExpired:
            pass  # "not now": the modal's answer already said what it means
        except Exception as exc:  # a refresh that fails keeps the last known state
            if self.connected:  # before login the notices bar says it (R10)
                self.notify(refresh_failed(exc, self.services.settings), severity="warning",
                            timeout=8)

    async def _refresh_health(self) -> None:
        try:
            await self.services.health.refresh(notices_only=not self.connected)
        finally:  # the notices need no session: shown even when the balance failed (R10)
            self._show_health()

    def _show_health(self) -> None:
        self.notices = self.services.health.notices
        self._show_balance()

    def _show_balance(self) -> None:
        """The balance as ``services.health`` holds it, one figure per pool: the status line
        shows the main pool's, the home screen every pool's; both read the same figures."""
        balances = self.services.health.balance
        if balances is not None:
            self.balance = balances.available
            self.pools = balances

    # --- workers that failed: one place (as harlequin does) ---

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of the App itself that failed (the screens' own end in ShopScreen's
        handler: Textual does not bubble this message): said in a corner message (R01)."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            log.warning("worker %s failed: %s", event.worker.name,
                        type(event.worker.error).__name__)
            self.notify(describe_error(event.worker.error), severity="error", timeout=15)

    # --- what the screens tell (ui/messages.py) ---

    def on_logged_in(self, message: LoggedIn) -> None:
        self.cashier = message.user  # the name only: the password is not kept (R12)
        self.logged_in_at = message.at
        self.logged_in(message.session)

    def on_sale_settled(self, message: SaleSettled) -> None:
        self.sale_settled(message.sale)

    def on_balance_read(self, message: BalanceRead) -> None:
        self.services.health.take_balances(message.balances)
        self._show_balance()

    async def on_move(self, message: Move) -> None:
        """A screen asked for a move: the router makes it, then the screen that asked hands
        on the keys typed meanwhile (``ShopScreen.move``)."""
        try:
            self.router.take(message.step)
        finally:
            if message.origin is not None:
                await message.origin.moved()

    def on_pending_changed(self, message: PendingChanged) -> None:
        self.refresh_pending()

    def sale_settled(self, sale: Any) -> None:
        """A sale left the send or the check: the pending count, and the balance it reports
        for the pool that paid for it."""
        self.refresh_pending()
        if self.services.health.note_sale(sale):
            self._show_balance()

    def refresh_pending(self) -> None:
        self.pending_count = len(self.services.tally.open_sales())
        self.unwritten_count = len(self.services.notebook.unwritten)

    async def on_unmount(self) -> None:
        await self.services.aclose()

    # --- global actions ---

    def action_lock(self) -> None:
        """Hide everything until the cashier's password is typed again (R12)."""
        self.lock()

    def lock(self) -> None:
        if self.session is None:
            return
        if self.services.cashiers.enabled:
            self.router.desk()  # the counter locked until the PIN of the cashier on duty
            return
        self.session_gate.lock()

    def action_quit_app(self) -> None:
        """F10: asked first, with what happens to a sale being sent; F10 again leaves.
        Below 80x24 nothing can be read, so it leaves at once (the only key that acts)."""
        if self.too_small:
            self.exit()
            return
        self.router.quit()
