"""The password again, in a modal over whatever is on screen (R12): the lock and a lapsed
session. The same user logs in again with the dealer; the password is sent once, cleared from
the field before the call, and kept nowhere.

A dealer whose login reads no typed field (its account in the config) is asked for the
configured secret instead: compared in the app, sent nowhere, and only then the login again
with the config's (``services/access.py``)."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.events import Key
from textual.screen import ModalScreen

from ...i18n import t
from ..errors import describe_error
from ..keys import key, run_key
from ..shop import shop_of
from ..widgets.box import Box
from ..widgets.entry import Entry
from ..widgets.keybar import KeyBar
from ..widgets.line import Line
from ..widgets.too_small import TooSmall


class PasswordModal(ModalScreen[bool]):
    CSS_PATH = "password.tcss"
    TITLE_KEY: ClassVar[str] = "lock.title"
    WHY_KEY: ClassVar[str] = "lock.why"
    # The same, for a dealer whose login reads no password: the configured secret is asked.
    WHY_SECRET_KEY: ClassVar[str] = "lock.why_secret"
    # Whether, in a shop with cashiers, the modal says who may type it: the owner.
    SAYS_WHO: ClassVar[bool] = False
    BINDINGS = [key("enter", "submit", "key.unlock")]

    def __init__(self) -> None:
        super().__init__()
        self._busy = False

    @property
    def user(self) -> str:
        return getattr(self.app, "cashier", "") or ""

    def compose(self) -> ComposeResult:
        services = shop_of(self).services
        settings = services.settings
        access = services.access
        with Box(id="password-box"):
            yield Line(t(self.TITLE_KEY), id="password-title")
            if access.again_asks_secret:
                what = t(access.secret.what) if access.secret is not None else ""
                yield Line(t(self.WHY_SECRET_KEY, dealer=services.capabilities.name,
                             what=what), id="password-why")
                label = t("lock.secret")
            else:
                yield Line(t(self.WHY_KEY, user=self.user), id="password-why")
                label = t("login.password")
            if self.SAYS_WHO and services.cashiers.enabled:
                yield Line(t("cashier.password_again"), id="password-who")
            yield Entry(label + ":", id="password", password=True, max_length=128)
            yield Line("", id="password-message")
            yield Line(t("login.forgotten", email=settings.contacts.admin_email),
                       id="password-forgotten")
            yield Line(t("login.nobody_asks"), id="password-nobody")
        yield KeyBar(id="keys")
        yield TooSmall()

    def on_mount(self) -> None:
        self.query_one("#password", Entry).active = True

    async def on_key(self, event: Key) -> None:
        if getattr(self.app, "too_small", False):
            # A password typed blind into a box nobody can see: refused like any other key.
            event.stop()
            event.prevent_default()
            return
        entry = self.query_one("#password", Entry)
        if not self._busy and entry.feed(event):
            event.stop()
            event.prevent_default()
            return
        # The binding runs here, in the order typed: a character typed right after Enter
        # must not reach the field before the password is taken from it.
        if await run_key(self, event.key):
            event.stop()
            event.prevent_default()

    def say(self, text: str) -> None:
        self.query_one("#password-message", Line).update(text)

    def action_submit(self) -> None:
        entry = self.query_one("#password", Entry)
        if self._busy:
            return
        if not entry.value:
            self.say(t("login.password_missing"))
            return
        password = entry.value
        entry.value = ""  # not kept in the field once sent
        self._busy = True
        self.say(t("login.connecting"))
        self._verify(password)

    @work(exclusive=True, group="password")
    async def _verify(self, password: str) -> None:
        try:
            await shop_of(self).services.access.again(self.user, password)
        except Exception as exc:
            self.say(describe_error(exc))
            return
        finally:
            self._busy = False
        self.dismiss(True)


class LockScreen(PasswordModal):
    """Ctrl+L: everything hidden until the cashier's password is typed again."""

    TITLE_KEY = "lock.title"
    WHY_KEY = "lock.why"
    WHY_SECRET_KEY = "lock.why_secret"


class ReloginScreen(PasswordModal):
    """The session lapsed: the password again, then what failed is done again."""

    TITLE_KEY = "relogin.title"
    WHY_KEY = "relogin.why"
    WHY_SECRET_KEY = "relogin.why_secret"
    SAYS_WHO = True
    BINDINGS = [
        key("enter", "submit", "key.relogin"),
        key("escape,f9", "not_now", "key.not_now", key_display="F9"),
    ]

    def action_not_now(self) -> None:
        self.dismiss(False)
