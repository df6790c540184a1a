"""What screens tell the App about the shop's live state: the App alone changes it.

A screen never writes the App's state (the balance in the header, the cashier, the pending
count); it posts one of these and the App's handler does it, in one place.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from ..dealer.records import Session
    from ..domain.sale import Sale


class LoggedIn(Message):
    """The cashier opened a session with the dealer (the password itself is kept nowhere)."""

    def __init__(self, session: Session, user: str, at: datetime) -> None:
        super().__init__()
        self.session = session
        self.user = user
        self.at = at


class SaleSettled(Message):
    """A sale left the send or the check: the pending count, and the balance it reports."""

    def __init__(self, sale: Sale) -> None:
        super().__init__()
        self.sale = sale


class BalanceRead(Message):
    """The dealer's pools, as just read (``Health.take_balances``)."""

    def __init__(self, balances: Any) -> None:
        super().__init__()
        self.balances = balances


class PendingChanged(Message):
    """Something in the notebook changed: count the pending sales again."""


class SaleChanged(Message):
    """The notebook recorded a step of a sale, or the check looked at it: a screen that shows
    it reads it again (told, never polled). ``None``: read everything again (a read-only copy,
    whose writer is another process)."""

    bubble = False  # for the screen or widget that follows, not for its parents

    def __init__(self, sale: Sale | None) -> None:
        super().__init__()
        self.sale = sale
