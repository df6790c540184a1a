"""A kind of dealer that lives only in the tests: what a new dealer's folder would hold
(its settings section with a secret, its adapter on the base, its factory), plugged into the
registry with one line by the tests that use it (``registry.KINDS["fake"] = __name__``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, ClassVar

from msgspec import Meta

from recarga_tui.config import Settings
from recarga_tui.dealer import records
from recarga_tui.dealer.base import BaseDealer, no_session_outcome
from recarga_tui.dealer.http import Http
from recarga_tui.dealer.match import Sent
from recarga_tui.dealer.outcomes import LookupResult, NotVisible, SendOutcome
from recarga_tui.dealer.port import Capabilities, Lookup, NoteId, SaleKey
from recarga_tui.dealer.registry import Kind, Reach, Secret
from recarga_tui.setting import Expect, one_line

TOKEN_ENV = "RECARGA_FAKE_TOKEN"
AT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeSettings:
    KIND: ClassVar[str] = "fake"
    token: Annotated[str, Meta(pattern=r"\A[A-Za-z0-9]{0,64}\Z"),
                     Expect("config.expect.secret", secret=True)] = field(default="", repr=False)
    region: Annotated[str, one_line(8), Expect("config.expect.text")] = "mx"


class FakeDealer(BaseDealer):
    """Offers the lookup and nothing else of what a dealer may lack."""

    capabilities = Capabilities(name="Fakeloadly", sale_key=SaleKey.SHOP_REFERENCE,
                                notices=False, sales_report=False, statement=False,
                                deposits=False, clarifications=False, fault_reports=False)

    def __init__(self, settings: Settings, own: FakeSettings) -> None:
        super().__init__(Http(connect_timeout=1.0, base_url=settings.dealer.url),
                         contacts=settings.contacts)
        self.own = own
        self._session: records.Session | None = None

    @property
    def logged_in(self) -> bool:
        return self._session is not None

    async def login(self, user: str, password: str) -> records.Session:
        self._session = records.Session(self.own.token, AT + timedelta(hours=1),
                                        records.Shop(user, self.capabilities.name))
        return self._session

    def forget_session(self) -> None:
        self._session = None

    async def catalog(self) -> records.Catalog:
        return records.Catalog((), ())

    async def balances(self) -> records.Balances:
        return records.Balances.single(records.Balance(0, "MXN", AT))

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome:
        return no_session_outcome()

    async def lookup(self, key: Lookup) -> LookupResult:
        return NotVisible(key.sent.ref)


def make(settings: Settings, reach: Reach) -> FakeDealer:
    from recarga_tui.dealer import registry

    return FakeDealer(settings, registry.resolved(settings.dealer, "fake"))


KIND = Kind(
    name="fake", title="Fakeloadly", settings=FakeSettings, factory=make,
    sim_face="recarga_tui.sim.app:make_app", demo_login=("demo", "demo"),
    secrets=(Secret("token", TOKEN_ENV, "config.taecel.key", "config.taecel.key_missing",
                    unlocks=True),),
)
