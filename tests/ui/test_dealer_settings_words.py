"""What the dealer's settings mean, said on screen: at a Taecel login the screen says what to
type (with the key configured no user is asked, only the NIP), a dealer whose account is all
in the config asks nothing, and a transact sale whose GetTRequestID came back empty says
exactly that, and that the shop has no licence configured (R01, R12, R13)."""

from __future__ import annotations

from datetime import datetime

from msgspec.structs import replace
from test_terminal import cells
from ui_helpers import screen_text, wait_for

from conftest import SCALE, TZ
from recarga_tui.config import Settings
from recarga_tui.dealer.port import LoginAsks
from recarga_tui.dealer.taecel.kind import TaecelSettings
from recarga_tui.dealer.transact.kind import TransactSettings
from recarga_tui.dealer.v1.client import V1_CAPABILITIES, DealerClient
from recarga_tui.domain.sale import State
from recarga_tui.journal.journal import Journal
from recarga_tui.services.clock import FakeClock
from recarga_tui.sim.app import make_app
from recarga_tui.sim.clock import SimClock
from recarga_tui.ui.app import RecargaApp
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.login import LoginScreen
from recarga_tui.ui.screens.payment import PaymentScreen
from recarga_tui.ui.screens.readback import ReadbackScreen
from recarga_tui.ui.widgets.entry import Entry
from recarga_tui.wiring import build, demo_settings

SIZE = (80, 24)
INSTANT = "5555550000"


async def test_r12_with_taecels_key_configured_the_login_asks_only_the_nip(dealer_shop):
    app = dealer_shop("taecel", TaecelSettings(key="demo"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        text = screen_text(app)
        assert "la llave (key) ya está en la configuración" in text
        assert "Escriba el NIP de Taecel como contraseña" in text
        assert "Usuario:" not in text and "Contraseña:" in text
        assert "Campo anterior" not in cells(app)  # no field before the only one
        await pilot.press(*"1234", "enter")  # the NIP, nothing else
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_without_taecels_key_the_login_says_the_key_is_the_user(dealer_shop):
    app = dealer_shop("taecel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "escriba la llave (key) de la cuenta como usuario" in text
        assert "Usuario:" in text
        await pilot.press(*"demo", "enter", *"1234", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_other_dealers_ask_user_and_password_with_no_words_about_it(dealer_shop):
    app = dealer_shop("v1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Usuario:" in screen_text(app) and "Campo anterior" in cells(app)
        assert not app.screen.query("#login-hint")


async def test_r01_an_empty_getrequestid_with_no_licence_is_said_as_it_is(dealer_shop):
    """A deployment that wants a licence hands no id to an empty one: the sale stays paid, and
    the words say what came back and what the empty licence means, not that "the dealer gave
    no folio"."""
    app = dealer_shop("transact", TransactSettings(licence="", name="Pagaqui (demo)"))
    app.services.sim_app.state.licence_required = True  # the simulator's POST /sim/licence
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"demo", "enter", *"demo", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.services.health.catalog is not None)
        await pilot.press("f2", "1", "1", *INSTANT, "enter", *INSTANT, "enter")
        await pilot.pause()
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, ReadbackScreen))
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentScreen))
        await pilot.press("f4", "enter")
        await wait_for(pilot, lambda: any("GetTRequestID" in m for m in app.told))
        told = next(m for m in app.told if "GetTRequestID" in m)
        assert told.startswith("No se envió la recarga de")
        assert "sin número de solicitud" in told and "no tiene licencia configurada" in told
        assert "no dio el folio" not in told
        (sale,) = app.services.notebook.sales_of_day(app.services.clock.now().date())
        assert sale.state is State.PAID and sale.attempts == 0
        assert app.services.sim_app.state.world.ledger == []


class AccountInConfig(DealerClient):
    """A dealer whose account is all in the config (as with OAuth client credentials): its
    login reads neither the user nor the password."""

    capabilities = replace(V1_CAPABILITIES, login=LoginAsks(user=False, password=False))
    asked: tuple[str, str] | None = None

    async def login(self, user: str, password: str):
        self.asked = (user, password)
        return await super().login("demo", "demo")  # the simulator's demo account


async def test_a_dealer_that_reads_no_field_logs_in_on_enter(tmp_path):
    settings = demo_settings(Settings(), tmp_path / "journal")
    start = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
    sim = make_app(seed=7, clock=SimClock(start, scale=SCALE))
    dealer = AccountInConfig.in_process(sim, settings.dealer)
    settings.journal_path().mkdir(parents=True)
    services = build(settings, demo=True, clock=FakeClock(start), sim_app=sim, dealer=dealer,
                     journal=Journal.open(settings.journal_path(), tz=TZ))
    app = RecargaApp(services)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not app.screen.query(Entry) and "Campo anterior" not in cells(app)
            await pilot.press(*"typed", "enter")  # nothing to type into: only Enter counts
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            assert dealer.asked == ("v1", "")
    finally:
        services.close_journal()
