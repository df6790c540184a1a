"""What screens and widgets see of the App, typed: the services and the shop's live state.
They reach it through :func:`shop_of`, never by importing the App; they move between screens
by posting a :class:`~recarga_tui.ui.moves.Move` (``ui/moves.py``) that the router makes. So no
screen imports another screen, the router or the App: the router imports the screens, and the
App the router.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from ..dealer.records import Balances, Notices, Session
    from ..domain.sale import Sale
    from ..services.shop import Services
    from .collector import Collector
    from .session import SessionGate


class Shop(Protocol):
    """The App as screens and widgets use it."""

    services: Services
    session: Session | None
    session_gate: SessionGate
    collector: Collector | None
    cashier: str
    logged_in_at: datetime | None
    plain_glyphs: bool

    # The shop's live state (the App's reactives): only the App changes them.
    @property
    def shop_name(self) -> str: ...

    @property
    def dealer_name(self) -> str: ...

    @property
    def balance(self) -> int | None: ...

    @property
    def pools(self) -> Balances | None: ...

    @property
    def notices(self) -> Notices | None: ...

    @property
    def pending_count(self) -> int: ...

    @property
    def unwritten_count(self) -> int: ...

    @property
    def minute(self) -> str: ...

    @property
    def connected(self) -> bool: ...

    @property
    def too_small(self) -> bool: ...

    @property
    def past_login(self) -> bool: ...

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False,
               about: Sale | None = None) -> None: ...

    def withdraw_about(self, ref: str, state: Any = None) -> None: ...

    def refresh_pending(self) -> None: ...

    def open_notebook(self) -> None:
        """The notebook without the dealer (F3 at login)."""

    def sale_settled(self, sale: Sale) -> None:
        """A sale left the send or the check: the pending count, its pool's balance."""

    def new_sale_starts(self) -> None:
        """A new customer: the last sale's corner messages leave the screen."""

    def refresh_dealer(self) -> Any:
        """Notices, catalog and balance asked again, in a worker (R10)."""

    def lock(self) -> None:
        """Ctrl+L: everything hidden until the password is typed again (R12)."""


def shop_of(node: DOMNode) -> Shop:
    """The App of ``node``, as the shop's screens and widgets use it."""
    return cast(Shop, node.app)
