"""Opening a session with the dealer: the password goes once to the dealer and is kept nowhere
(R12); the session lives in the dealer adapter's memory only."""

from __future__ import annotations

from ..dealer.port import Dealer
from ..dealer.records import Session


class Access:
    def __init__(self, dealer: Dealer) -> None:
        self.dealer = dealer

    async def login(self, user: str, password: str) -> Session:
        return await self.dealer.login(user, password)
