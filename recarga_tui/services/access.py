"""Opening a session with the dealer: the password goes once to the dealer and is kept nowhere
(R12); the session lives in the dealer adapter's memory only.

The lock (Ctrl+L) and a lapsed session ask again for what proves the cashier is the shop's
(:meth:`Access.again`). For a dealer whose login reads a password, that is the password, sent
to the dealer as at the login. A dealer whose login reads no typed field logs in with a secret
of the config (OAuth client credentials): a password typed there would open the lock whatever
it was, since the dealer never reads it. So for such a dealer the modals ask that configured
secret instead, compare it here in constant time (``hmac.compare_digest``) and send the typed
text nowhere; only when it matches does the app log in again, with the config's secret.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from ..dealer.outcomes import BadCredentials
from ..dealer.port import Dealer
from ..dealer.records import Session
from ..domain.faults import Certainty, Fault, Origin


@dataclass(frozen=True)
class ConfiguredSecret:
    """The secret of the config that stands for the password of a dealer whose login reads
    none: how the words name it (a catalog key) and its value, shown nowhere (R12)."""

    what: str
    value: str = field(repr=False)

    def matches(self, typed: str) -> bool:
        """Whether ``typed`` is the secret, compared in constant time; never for an empty one."""
        return bool(self.value) and hmac.compare_digest(typed.encode("utf-8"),
                                                        self.value.encode("utf-8"))


class Access:
    def __init__(self, dealer: Dealer, secret: ConfiguredSecret | None = None) -> None:
        self.dealer = dealer
        self.secret = secret

    async def login(self, user: str, password: str) -> Session:
        return await self.dealer.login(user, password)

    @property
    def again_asks_secret(self) -> bool:
        """Whether the lock and the session's modal ask the configured secret (the dealer's
        login reads no password) rather than the password."""
        return not self.dealer.capabilities.login.password

    async def again(self, user: str, typed: str) -> Session:
        """The lock and a lapsed session: ``typed`` proves the cashier is the shop's, then a
        new session is opened. The password goes to the dealer; the configured secret of a
        dealer that reads no password is compared here and goes nowhere, and the login then
        uses the config's (refused with the shop as origin when it does not match, R01)."""
        if not self.again_asks_secret:
            return await self.dealer.login(user, typed)
        if self.secret is None or not self.secret.matches(typed):
            key = "lock.wrong_secret" if self.secret is not None else "lock.no_secret"
            raise BadCredentials(Fault(Origin.SHOP, key,
                                       {"dealer": self.dealer.capabilities.name},
                                       Certainty.NONE), error_class="refused")
        return await self.dealer.login(user, "")
