"""Every move between the screens, in one place: the sale's steps, home and back.

The screens stand on the home screen (the login before it), one at a time: a sale's steps
replace each other (capture, read-back, payment, the slow system, sending, then the receipt,
the rejection, the check or the money back), and so does any other screen of the counter
(pending, report, claims, account, support, cash close). Home takes the one screen off; no
screen in between is ever uncovered on the way. Over the screen on top stand only what closes
back to it: the help, a screen opened from it (deposits over the account, a fault report or a
clarification over support), the ticket's preview, and the modals that answer (the quit
question, the money back's question, the password).

Screens never import each other, the router or the App: they post a
:class:`~recarga_tui.ui.moves.Move` naming the step (``ui/moves.py``), the App hands it to
:meth:`Router.take`, and this module makes it. The router finds each screen by name in
``SCREENS`` and imports its module when the screen is first shown, not at start: only the
login (or the notebook's home) is drawn first (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.screen import Screen

from ..domain.sale import Sale, SaleError
from .errors import describe_error
from .moves import (
    Back,
    Close,
    Correct,
    Desk,
    EndShift,
    Help,
    Home,
    LogIn,
    MoneyBack,
    NewSale,
    NothingSent,
    Open,
    Pay,
    Preview,
    ReadBack,
    Send,
    SendNow,
    ShiftEnded,
    ShowSale,
    Step,
    sale_place,
)
from .screens.login import LoginScreen
from .shop import shop_of

if TYPE_CHECKING:
    from ..services.flow import Capture

# Every screen by name: (its module in ui/screens/, its class). A screen's module is imported
# the first time the screen is shown (Python keeps it after), so start-up loads the login only.
SCREENS: dict[str, tuple[str, str]] = {
    "home": ("home", "HomeScreen"),
    "capture": ("capture", "CaptureScreen"),
    "readback": ("readback", "ReadbackScreen"),
    "payment": ("payment", "PaymentScreen"),
    "slow": ("slow", "SlowScreen"),
    "send": ("send", "SendScreen"),
    "receipt": ("receipt", "ReceiptScreen"),
    "rejected": ("rejected", "RejectedScreen"),
    "check": ("check", "CheckScreen"),
    "waiting": ("waiting", "WaitingScreen"),
    "confirm_refund": ("money_back", "ConfirmRefund"),
    "money_back": ("money_back", "MoneyBackScreen"),
    "pending": ("pending", "PendingScreen"),
    "report": ("report", "ReportScreen"),
    "claims": ("claims", "ClaimsScreen"),
    "account": ("account", "AccountScreen"),
    "support": ("support", "SupportScreen"),
    "close": ("cash_close", "CashCloseScreen"),
    "deposits": ("deposit", "DepositScreen"),
    "fault": ("fault", "FaultReportScreen"),
    "clarify": ("clarify", "ClarifyScreen"),
    "help": ("help", "HelpScreen"),
    "preview": ("ticket_preview", "TicketPreview"),
    "lock": ("password", "LockScreen"),
    "relogin": ("password", "ReloginScreen"),
    "quit": ("quit", "QuitModal"),
    "cashiers": ("cashiers", "CashiersScreen"),
    "shift_day": ("shift_day", "ShiftDayScreen"),
    "shift_start": ("shift_start", "ShiftStartScreen"),
    "counter_lock": ("counter_lock", "CounterLockScreen"),
    "shift_end": ("shift_end", "ShiftEndScreen"),
}

# The counter's other screens, opened by name from home or over the screen on top: True for
# those that stand over the screen on top and close back to it.
PLACES: dict[str, bool] = {
    "pending": False, "report": False, "claims": False, "account": False, "support": False,
    "close": False, "deposits": True, "fault": True, "clarify": True, "cashiers": False,
    "shift_day": True,
}

# The screens of a shop's cashiers that stand over the counter until a PIN is typed.
DESK_SCREENS = ("shift_start", "counter_lock", "shift_end")


def screen_type(name: str) -> Callable[..., Screen[Any]]:
    """The class of the screen ``name`` (``SCREENS``), its module imported when first asked."""
    module, cls = SCREENS[name]
    return cast(Callable[..., Screen[Any]],
                getattr(import_module(f".screens.{module}", __package__), cls))


class Router:
    """The one place that pushes, switches and pops the App's screens (see above)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.shop = shop_of(app)
        self._home: Screen[Any] | None = None  # the home screen, once shown: the base
        self._from_list = False  # the screen on top was opened from the pending list
        self._asking_quit = False  # the quit question is on screen
        self._home_after_question = False  # home asked while the quit question is up

    # --- where the screens stand ---

    @property
    def past_login(self) -> bool:
        """Whether the home screen was reached (a login, or the notebook without one)."""
        return self._home is not None

    def _place(self, screen: Screen[Any], *, from_list: bool = False) -> None:
        """``screen`` on the home screen, in place of the one there (and of anything over
        it): the one screen of the sale, or of the counter, at a time."""
        self._from_list = from_list
        app = self.app
        home = self._home
        if home is None:  # before login (the notebook's screens come after home)
            app.push_screen(screen)
            return
        stack = list(app.screen_stack)
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

    def take(self, step: Step) -> None:
        """The move a screen asked for (a :class:`~recarga_tui.ui.moves.Move` it posted)."""
        match step:
            case Home():
                self.home()
            case Back():
                self.back()
            case Close():
                self.close()
            case NewSale(carried_from):
                self.new_sale(carried_from)
            case ReadBack(flow):
                self.readback(flow)
            case Correct(flow):
                self.correct(flow)
            case Pay(flow):
                self.payment(flow)
            case Send(sale):
                self.send(sale)
            case SendNow(sale):
                self.send_now(sale)
            case ShowSale(sale, from_list):
                self.show_sale(sale, from_list=from_list)
            case NothingSent(sale, why):
                self.not_sent(sale, why)
            case MoneyBack(sale, reason, refused):
                self.money_back(sale, reason, refused)
            case Open(place):
                self.open(place)
            case Help(topic):
                self.help(topic)
            case Preview(text, columns, note):
                self.preview(text, columns, note)
            case LogIn():
                self.log_in()
            case Desk():
                self.desk()
            case EndShift(handover, owner):
                self.end_shift(handover, owner)
            case ShiftEnded():
                self.shift_ended()

    # --- start, login and the notebook ---

    def login(self) -> None:
        """The first screen: the login."""
        self.app.push_screen(LoginScreen())

    def base(self) -> None:
        """Home as the base, after a login or for the notebook without one (back where it
        was, for a login from the notebook)."""
        app = self.app
        home = self._home
        if home is not None:
            self.home()
            home.refresh_bindings()
            return
        self._home = screen_type("home")()
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
        home = self._home
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
        from ..services.flow import new_capture  # start-up: loaded with the first sale's screen

        services = self.shop.services
        if services.cashiers.enabled and services.shifts.on_duty is None:
            self.desk()  # nobody on duty: a shift first, then the sale
            return
        self.shop.new_sale_starts()
        self._place(screen_type("capture")(new_capture(
            services.counter, services.health,
            detects_carrier=services.capabilities.detects_carrier, carried_from=carried_from)))

    def readback(self, flow: Capture) -> None:
        self._place(screen_type("readback")(flow))

    def correct(self, flow: Capture) -> None:
        self._place(screen_type("capture")(flow))

    def payment(self, flow: Capture) -> None:
        self._place(screen_type("payment")(flow))

    def send(self, sale: Sale) -> None:
        slowness = self.shop.services.health.slowness(sale.carrier_id)
        if slowness.slow:
            self._place(screen_type("slow")(sale, slowness))
        else:
            self.send_now(sale)

    def send_now(self, sale: Sale) -> None:
        self._place(screen_type("send")(sale))

    def show_sale(self, sale: Sale, *, from_list: bool = False) -> bool:
        """Which screen shows a sale in the state it is in: one answer for the pending list,
        the send screen and the check, so a sale never opens on a screen that does not fit
        it. None while it is being sent (its answer is on its way) or once nothing more can
        be done with it but read it (abandoned, refunded, carried)."""
        place = sale_place(sale)
        if place is None:
            return False
        self._place(screen_type(place)(sale), from_list=from_list)
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
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                done = self.shop.services.counter.refund(sale, reason=reason)
            except SaleError as err:
                refused(describe_error(err))
                return
            self.shop.refresh_pending()  # it is no longer pending: the status line says so
            self._place(screen_type("money_back")(done))

        self._over(screen_type("confirm_refund")(sale), answered)

    # --- the counter's other screens ---

    def open(self, place: str) -> None:
        screen = screen_type(place)()
        if PLACES[place]:
            self._over(screen)
        else:
            self._place(screen)

    def help(self, topic: str) -> None:
        self._over(screen_type("help")(topic))

    def preview(self, text: str, columns: int, note: str) -> None:
        self._over(screen_type("preview")(text, columns, note))

    # --- the cashiers' desk ---

    def desk(self) -> None:
        """Ctrl+L in a shop with cashiers: the counter locked until the PIN of the cashier on
        duty (who may also hand it over or close the shift); with nobody on duty, a shift
        opened. Once: not again over a desk screen already there."""
        desk = tuple(cast(type, screen_type(name)) for name in DESK_SCREENS)
        if any(isinstance(screen, desk) for screen in self.app.screen_stack):
            return
        if self.shop.services.shifts.on_duty is not None:
            self._over(screen_type("counter_lock")())
        elif not self.shop.services.notebook.read_only:
            self._over(screen_type("shift_start")())

    def end_shift(self, handover: bool, owner: Any = None) -> None:
        self._over(screen_type("shift_end")(handover=handover, owner=owner))

    def shift_ended(self) -> None:
        self.home()
        if self.shop.services.shifts.on_duty is None:  # closed: who opens the next shift
            self.desk()

    # --- the modals that answer ---

    def ask_password(self, lock: bool, answered: Callable[[bool | None], None]) -> Screen[Any]:
        """The password again in a modal over whatever is on screen: the lock (Ctrl+L), or a
        lapsed session (R12)."""
        modal = screen_type("lock" if lock else "relogin")()
        self._over(modal, answered)
        return modal

    def quit(self) -> None:
        """F10: asked first, with what happens to a sale being sent; F10 again leaves."""
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
        self._over(screen_type("quit")(), answered)
