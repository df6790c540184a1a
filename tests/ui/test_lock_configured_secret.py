"""The lock (Ctrl+L) and a lapsed session for a dealer whose login reads no typed field (its
account and secret are in the config, as with OAuth client credentials). Such a dealer never
reads a password, so a password would open the lock whatever it was: the modals ask the
configured secret instead, compare it on this computer and send what was typed nowhere; only
a match logs in again, with the config's own (R12). Driven by keys as a cashier would."""

from __future__ import annotations

from msgspec.structs import replace
from ui_helpers import login, screen_text, wait_for, world

from recarga_tui.dealer.port import LoginAsks
from recarga_tui.services.access import Access, ConfiguredSecret
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.lock import LockScreen
from recarga_tui.ui.screens.relogin import ReloginScreen

SIZE = (80, 24)
SECRET = "s3cr3t-de-la-tienda"


def from_the_config(app) -> list[tuple[str, str]]:
    """The simulator's dealer as one whose login reads no typed field: it logs in with its
    account of the config whatever it is given. What each login was given is returned."""
    dealer = app.services.dealer
    dealer.capabilities = replace(dealer.capabilities, login=LoginAsks(user=False,
                                                                       password=False))
    given: list[tuple[str, str]] = []
    real = dealer.login

    async def configured_login(user, password):
        given.append((user, password))
        return await real("demo", "demo")  # the account of the config

    dealer.login = configured_login
    app.services.access = Access(dealer, ConfiguredSecret("config.taecel.key", SECRET))
    return given


def message(app) -> str:
    return str(app.screen.query_one("#password-message").render())


async def test_r12_the_lock_of_a_configured_dealer_opens_only_with_the_configured_secret(shop):
    app = shop()
    given = from_the_config(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")                             # no field: straight in
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(given) == 1
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, LockScreen))
        text = screen_text(app)
        assert "Secreto:" in text and "la llave (key)" in text and "no se envía" in text
        await pilot.press(*"demo", "enter")                    # any password: refused here
        await wait_for(pilot, lambda: "no es el secreto" in message(app))
        assert isinstance(app.screen, LockScreen) and len(given) == 1  # nothing sent
        assert app.screen.query_one("#password").value == ""
        await pilot.press(*SECRET[:-1], "enter")               # nearly: refused as well
        await wait_for(pilot, lambda: not app.screen._busy)
        assert isinstance(app.screen, LockScreen) and len(given) == 1
        await pilot.press(*SECRET, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        # Logged in again with the config's secret: what was typed went nowhere.
        assert len(given) == 2 and SECRET not in given[1]


async def test_r12_a_lapsed_session_of_a_configured_dealer_asks_the_configured_secret(shop):
    app = shop()
    given = from_the_config(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        world(app).expire_sessions()
        app.refresh_dealer()
        await wait_for(pilot, lambda: isinstance(app.screen, ReloginScreen))
        assert "Secreto:" in screen_text(app)
        await pilot.press(*"cualquiera", "enter")
        await wait_for(pilot, lambda: "no es el secreto" in message(app))
        assert len(given) == 1
        await pilot.press(*SECRET, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(given) == 2 and SECRET not in given[1]
        await wait_for(pilot, lambda: app.balance is not None)  # the refresh went on


async def test_r12_a_dealer_that_reads_a_password_is_asked_it_as_ever(shop):
    app = shop()
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, LockScreen))
        assert "Contraseña:" in screen_text(app) and "Secreto" not in screen_text(app)
