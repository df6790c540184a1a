"""Login: terminal id from the config, user, password masked (R12, R13).

The password goes to the dealer and is then dropped; the token lives in the dealer client's
memory only. The screen says what to do when the password is forgotten: e-mail the
administrator (R13); the app offers no reset of its own. What to type comes from the dealer's
capabilities (``Capabilities.login``): a dealer that reads no user (Taecel with its key in the
config) has no user field, and the screen says what the password is.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.widget import Widget
from textual.widgets import Label

from ...i18n import catalog, t
from ..keys import key
from ..messages import LoggedIn
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.line import Line
from .base import ShopScreen


class LoginScreen(ShopScreen):
    CSS_PATH = "login.tcss"
    HELP_TOPIC = "passwords"
    FOOTER_IN_ROWS = True
    BINDINGS = [
        key("enter", "enter", "key.continue"),
        key("up", "previous", "key.previous_field", key_display="↑"),
        key("f3", "open_notebook", "key.open_notebook"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        settings = self.shop.services.settings
        asks = self.shop.services.capabilities.login
        with Box(id="login-box"):
            yield Label(t("login.title"), id="login-title")
            yield Line(t("login.terminal", terminal=settings.dealer.terminal_id), id="terminal")
            if asks.hint:
                yield Line(t(asks.hint), id="login-hint")
            if asks.user:
                yield Entry(t("login.user") + ":", id="user", max_length=64)
            if asks.password:
                yield Entry(t("login.password") + ":", id="password", password=True,
                            max_length=128)
            if self.shop.services.demo:
                yield Line(t(_demo_credentials(settings.dealer.kind)), id="demo-credentials")
            yield Line(t("login.forgotten", email=settings.contacts.admin_email),
                         id="forgotten")
            yield Line(t("login.nobody_asks"), id="nobody-asks")

    @property
    def _fields(self) -> tuple[str, ...]:
        """The fields this dealer reads, in order (``Capabilities.login``)."""
        asks = self.shop.services.capabilities.login
        return tuple(name for name, asked in (("user", asks.user), ("password", asks.password))
                     if asked)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With one field or none there is no field before it: the key is not offered.
        if action == "previous" and len(self._fields) < 2:
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        self._field: str | None = None
        self._connecting = False
        self._activate(next(iter(self._fields), None))

    def _activate(self, field: str | None) -> None:
        self._field = field
        for name in self._fields:
            self.query_one(f"#{name}", Entry).active = name == field

    def active_entry(self) -> Entry | None:
        return self.query_one(f"#{self._field}", Entry) if self._field else None

    def action_enter(self) -> None:
        """Enter moves from user to password, then logs in (at once when the dealer reads
        neither)."""
        fields = self._fields
        if self._connecting:
            return
        if self._field in fields and self._field != fields[-1]:
            self._activate(fields[fields.index(self._field) + 1])
        else:
            self._submit()

    def action_previous(self) -> None:
        if len(self._fields) == 2:
            self._activate("user")

    def worker_failed(self, error: BaseException) -> None:
        """The login failed: the password again, with the origin and the next step (R01)."""
        self._connecting = False
        self._activate(self._fields[-1] if self._fields else None)
        super().worker_failed(error)

    def action_open_notebook(self) -> None:
        """The notebook without the dealer (it may be unreachable): pending sales, claims, the
        day's sales, the cash close. Selling waits for a login."""
        self.shop.open_notebook()

    def _submit(self) -> None:
        # A dealer that reads no user is given its own name: the lock and the session's
        # modal ask again for the password "of" it.
        fields = self._fields
        user = self.query_one("#user", Entry).value.strip() if "user" in fields else \
            self.shop.services.capabilities.name
        if not user:
            self.say(t("login.user_missing"), level="warning")
            self._activate("user")
            return
        password = ""
        if "password" in fields:
            password_input = self.query_one("#password", Entry)
            if not password_input.value:
                self.say(t("login.password_missing"), level="warning")
                return
            password = password_input.value
            password_input.value = ""  # not kept on screen or in the widget after the attempt
        self.say(t("login.connecting"))
        self._connecting = True
        self._activate(None)  # no typing while the dealer answers
        self._login(user, password)

    @work(exclusive=True, group="login", exit_on_error=False)
    async def _login(self, user: str, password: str) -> None:
        session = await self.shop.services.access.login(user, password)
        self.app.post_message(LoggedIn(session, user, self.shop.services.clock.now()))


def _demo_credentials(kind: str) -> str:
    """The demo login of the simulated dealer of ``kind`` (protocol v1's by default)."""
    key = f"login.demo_credentials.{kind}"
    return key if key in catalog() else "login.demo_credentials"
