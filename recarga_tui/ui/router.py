"""Every move between the screens, in one place: the sale's steps, home and back.

The screens stand on the home screen (the login before it), one at a time: a sale's steps
replace each other (capture, read-back, payment, the slow system, sending, then the receipt,
the rejection, the check or the money back), and so does any other screen of the counter
(pending, report, claims, account, support, cash close). Home takes the one screen off; no
screen in between is ever uncovered on the way. Over the screen on top stand only what closes
back to it: the help, a screen opened from it (deposits over the account, a fault report or a
clarification over support), the ticket's preview, and the modals that answer (the quit
question, the money back's question, the password).

Screens never import each other, the router or the App: they call the moves through their
typed view of the App (``ui/shop.py``, :class:`~recarga_tui.ui.shop.Moves`), and this module
imports the screens. Each screen's module is imported here when the screen is first shown,
not at start: only the login (or the notebook's home) is drawn first (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from textual.app import App
from textual.screen import Screen

from ..domain.sale import Sale, SaleError, State
from ..services.flow import Capture, new_capture
from .errors import describe_error
from .screens.login import LoginScreen
from .shop import shop_of

# The counter's other screens by name: (module, class, opened over the screen on top).
PLACES = {
    "pending": ("pending", "PendingScreen", False),
    "report": ("report", "ReportScreen", False),
    "claims": ("claims", "ClaimsScreen", False),
    "account": ("account", "AccountScreen", False),
    "support": ("support", "SupportScreen", False),
    "close": ("cash_close", "CashCloseScreen", False),
    "deposits": ("deposit", "DepositScreen", True),
    "fault": ("fault", "FaultReportScreen", True),
    "clarify": ("clarify", "ClarifyScreen", True),
}


class Router:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.shop = shop_of(app)
        self._home: Screen[Any] | None = None  # the home screen, once shown: the base
        self._from_list = False  # the screen on top was opened from the pending list
        self._asking_quit = False  # the quit question is on screen
        self._home_after_question = False  # home asked while the quit question is up

    # --- where the screens stand ---

    @property
    def _stack(self) -> list[Screen[Any]]:
        return list(self.app.screen_stack)

    def _home_screen(self) -> Screen[Any] | None:
        return self._home

    @property
    def past_login(self) -> bool:
        """Whether the home screen was reached (a login, or the notebook without one)."""
        return self._home is not None

    def _place(self, screen: Screen[Any], *, from_list: bool = False) -> None:
        """``screen`` on the home screen, in place of the one there (and of anything over
        it): the one screen of the sale, or of the counter, at a time."""
        self._from_list = from_list
        app = self.app
        home = self._home_screen()
        if home is None:  # before login (the notebook's screens come after home)
            app.push_screen(screen)
            return
        stack = self._stack
        above = stack[stack.index(home) + 1:]
        for _ in above[1:]:  # what stands over the screen on home closes first
            app.pop_screen()
        if above:
            app.switch_screen(screen)
        else:
            app.push_screen(screen)

    def _over(self, screen: Screen[Any], answered: Callable[[Any], None] | None = None) -> None:
        """``screen`` over the one on top, closing back to it."""
        self.app.push_screen(screen, answered)

    # --- start, login and the notebook ---

    def login(self) -> None:
        """The first screen: the login."""
        self.app.push_screen(LoginScreen())

    def base(self) -> None:
        """Home as the base, after a login or for the notebook without one (back where it
        was, for a login from the notebook)."""
        from .screens.home import HomeScreen

        app = self.app
        home = self._home_screen()
        if home is not None:
            self.home()
            home.refresh_bindings()
            return
        self._home = HomeScreen()
        if isinstance(app.screen, LoginScreen):
            app.switch_screen(self._home)  # in place of the login screen
        else:
            app.push_screen(self._home)

    def log_in(self) -> None:
        self._over(LoginScreen())

    # --- home, back, close ---

    def home(self) -> None:
        app = self.app
        if self._asking_quit:
            # F10 typed right after the key that goes home (a fast cashier, a burst over
            # SSH): the question stays on screen, and home comes once it is answered "stay".
            self._home_after_question = True
            return
        home = self._home_screen()
        if home is not None:
            while app.screen is not home:
                app.pop_screen()
        self._from_list = False
        self.shop.refresh_pending()

    def back(self) -> None:
        if self._from_list:
            self.open("pending")
            return
        self.home()

    def close(self) -> None:
        self.app.pop_screen()

    # --- the sale ---

    def new_sale(self, carried_from: Sale | None = None) -> None:
        from .screens.capture import CaptureScreen

        services = self.shop.services
        self.shop.new_sale_starts()
        self._place(CaptureScreen(new_capture(
            services.counter, services.health,
            detects_carrier=services.capabilities.detects_carrier, carried_from=carried_from)))

    def readback(self, flow: Capture) -> None:
        from .screens.readback import ReadbackScreen

        self._place(ReadbackScreen(flow))

    def correct(self, flow: Capture) -> None:
        from .screens.capture import CaptureScreen

        self._place(CaptureScreen(flow))

    def payment(self, flow: Capture) -> None:
        from .screens.payment import PaymentScreen

        self._place(PaymentScreen(flow))

    def send(self, sale: Sale) -> None:
        from .screens.slow import SlowScreen

        slowness = self.shop.services.health.slowness(sale.carrier_id)
        if slowness.slow:
            self._place(SlowScreen(sale, slowness))
        else:
            self.send_now(sale)

    def send_now(self, sale: Sale) -> None:
        from .screens.send import SendScreen

        self._place(SendScreen(sale))

    def show_sale(self, sale: Sale, *, from_list: bool = False) -> bool:
        """Which screen shows a sale in the state it is in: one answer for the pending list,
        the send screen and the check, so a sale never opens on a screen that does not fit
        it. None while it is being sent (its answer is on its way) or once nothing more can
        be done with it but read it (abandoned, refunded, carried)."""
        from .screens.check import CheckScreen
        from .screens.receipt import ReceiptScreen
        from .screens.rejected import RejectedScreen
        from .screens.waiting import WaitingScreen

        screen: Screen[Any]
        if sale.state is State.CONFIRMED:
            screen = ReceiptScreen(sale)
        elif sale.state is State.REJECTED:
            screen = RejectedScreen(sale)
        elif sale.state in (State.UNKNOWN, State.NOT_FOUND):
            screen = CheckScreen(sale)
        elif sale.state in (State.PAID, State.DEFERRED):
            screen = WaitingScreen(sale)
        else:
            return False
        self._place(screen, from_list=from_list)
        return True

    def not_sent(self, sale: Sale, why: str) -> None:
        self.home()
        self.show_sale(sale)
        self.shop.notify(why, severity="warning", timeout=20)

    def money_back(self, sale: Sale, reason: str, refused: Callable[[str], None]) -> None:
        """Giving money back ends a sale for good, so one stray key must not do it: asked
        first with the amount; once journaled, the amount to hand over shown big. The screen
        that asked stays if the cashier says no, or if the notebook refuses the step (then
        nothing is handed over: ``refused`` says why)."""
        from .screens.money_back import ConfirmRefund, MoneyBackScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                done = self.shop.services.counter.refund(sale, reason=reason)
            except SaleError as err:
                refused(describe_error(err))
                return
            self.shop.refresh_pending()  # it is no longer pending: the status line says so
            self._place(MoneyBackScreen(done))

        self._over(ConfirmRefund(sale), answered)

    # --- the counter's other screens ---

    def open(self, place: str) -> None:
        module, name, over = PLACES[place]
        screen = getattr(import_module(f".screens.{module}", __package__), name)()
        if over:
            self._over(screen)
        else:
            self._place(screen)

    def help(self, topic: str) -> None:
        from .screens.help import HelpScreen

        self._over(HelpScreen(topic))

    def preview(self, text: str, columns: int, note: str) -> None:
        from .screens.ticket_preview import TicketPreview

        self._over(TicketPreview(text, columns, note))

    # --- the modals that answer ---

    def ask_password(self, lock: bool, answered: Callable[[bool | None], None]) -> Screen[Any]:
        """The password again in a modal over whatever is on screen: the lock (Ctrl+L), or a
        lapsed session (R12)."""
        from .screens.password import LockScreen, ReloginScreen

        modal = LockScreen() if lock else ReloginScreen()
        self._over(modal, answered)
        return modal

    def quit(self) -> None:
        """F10: asked first, with what happens to a sale being sent; F10 again leaves."""
        from .screens.quit import QuitModal

        app = self.app

        def answered(leave: bool | None) -> None:
            self._asking_quit = False
            if leave:
                app.exit()
            elif self._home_after_question:
                self._home_after_question = False
                self.home()

        if self._asking_quit:
            app.exit()
            return
        self._asking_quit = True
        self._over(QuitModal(), answered)
