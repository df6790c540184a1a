"""The App: builds nothing itself (the services come ready), holds the shop's live state
(notices, balance, pending count, the minute), refreshes it, and owns the global keys."""

from __future__ import annotations

from typing import Any, Sequence

from textual import work
from textual.app import App
from textual.reactive import reactive

from ..config import Settings
from ..dealer.outcomes import SessionExpired
from ..i18n import t
from ..services.shop import Services
from .keys import key, localize_bindings
from .session import SessionGate, with_session
from .terminal import TerminalAware


class RecargaApp(TerminalAware, App):
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
    balance: reactive[int | None] = reactive(None)
    pending_count: reactive[int] = reactive(0)
    unwritten_count: reactive[int] = reactive(0)  # the dealer's answers the disk refused so far
    shop_name: reactive[str] = reactive("")
    minute: reactive[str] = reactive("")

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.session: Any = None
        self.cashier = ""  # the user name of the login, to ask for the same password again
        self.logged_in_at: Any = None  # the start of the shift "since login" (cash close)
        self.session_gate = SessionGate(self)  # one password modal for all that need it
        localize_bindings(self)

    # --- start-up and login ---

    def on_mount(self) -> None:
        from .screens.login import LoginScreen

        self._tick_minute()
        self._watch_terminal()
        self.push_screen(LoginScreen())
        for note in self.services.notes:  # e.g. a config file others can read
            self.notify(note, severity="warning", timeout=30)

    def _watch_terminal(self) -> None:
        """End the app when its terminal goes away without a hang-up (``ui/hangup.py``)."""
        from . import hangup

        fds = [] if self.is_headless else hangup.terminal_fds()
        if not fds:
            return

        def look() -> None:
            if hangup.gone(fds):
                hangup.leave_as_a_crash_would(self.services.close_journal)

        self.set_interval(hangup.CHECK_EVERY, look, name="terminal-watch")

    def logged_in(self, session: Any) -> None:
        """After login: the home screen, and the app refreshes the dealer's state itself."""
        from .screens.home import HomeScreen

        self.session = session
        self.shop_name = session.shop.name
        self.refresh_pending()
        from .lost import start_lost_answers

        start_lost_answers(self)  # recovery at start, then the checks in the background
        self.switch_screen(HomeScreen())
        self.refresh_dealer()
        every = self.services.settings.dealer.notices_refresh_seconds
        self.set_interval(every, self.refresh_dealer, name="dealer-refresh")

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
            self.notify(refresh_failed(exc, self.services.settings), severity="warning",
                        timeout=8)

    async def _refresh_health(self) -> None:
        try:
            await self.services.health.refresh()
        finally:  # the notices need no session: shown even when the balance failed (R10)
            self._show_health()

    def _show_health(self) -> None:
        health = self.services.health
        self.notices = health.notices
        if health.balance is not None:
            self.balance = health.balance.available

    def refresh_pending(self) -> None:
        self.pending_count = len(self.services.journal.open_sales())
        self.unwritten_count = len(self.services.journal.unwritten)

    async def on_unmount(self) -> None:
        await self.services.aclose()

    # --- moving between screens ---

    def pop_to(self, screen_type: type) -> None:
        """Pop screens until one of ``screen_type`` is on top (or only the base is left)."""
        while len(self.screen_stack) > 2 and not isinstance(self.screen, screen_type):
            self.pop_screen()

    def back_home(self) -> None:
        from .screens.home import HomeScreen

        self.pop_to(HomeScreen)
        self.refresh_pending()

    def start_sending(self, sale: Any) -> None:
        """A paid sale: the slow-system screen first when the system is slow (R15, R17)."""
        from .screens.send import SendScreen
        from .screens.slow import SlowScreen

        slowness = self.services.health.slowness(sale.carrier_id)
        if slowness.slow:
            self.push_screen(SlowScreen(sale, slowness))
        else:
            self.push_screen(SendScreen(sale))

    # --- global actions ---

    def open_help(self, topic: str) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(topic))

    def action_lock(self) -> None:
        """Hide everything until the cashier's password is typed again (R12)."""
        from .screens.password import PasswordModal

        if self.session is None or isinstance(self.screen, PasswordModal):
            return
        self.session_gate.lock()

    def action_quit_app(self) -> None:
        self.exit()


def describe_error(exc: BaseException) -> str:
    """An error in the cashier's words: its origin and the next step (R01)."""
    fault = getattr(exc, "fault", None)
    if fault is not None:
        from ..domain.faults import describe

        return describe(fault)
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        try:
            return t(code, **getattr(exc, "params", {}))
        except KeyError:
            pass
    return t("error.unexpected")


def refresh_failed(exc: BaseException, settings: Settings) -> str:
    """A failed refresh in the cashier's words: its origin, what failed, and that the app
    keeps the last known state and tries again by itself (R01). Not a sale's words: nothing
    was sent, so nothing is "unknown" about a top-up."""
    from ..domain.faults import Origin, name_key

    fault = getattr(exc, "fault", None)
    origin = fault.origin if fault is not None else Origin.SHOP
    what = t(fault.code, **fault.params) if fault is not None else t("refresh.unexpected")
    return t("refresh.failed", origin=t(name_key(origin)), what=what,
             seconds=settings.dealer.notices_refresh_seconds)


def run(settings: Settings, *, demo: bool = False, notes: Sequence[str] = (),
        read_only: bool = False) -> int:
    """Build the services and run the app until the cashier leaves."""
    import sys

    from ..services.shop import JournalUnavailable, build

    try:
        services = build(settings, demo=demo, read_only=read_only)
    except JournalUnavailable as exc:
        print(exc.text(), file=sys.stderr)
        return 2
    services.notes.extend(notes)
    try:
        RecargaApp(services).run()
    finally:
        services.close_journal()
    return 0
