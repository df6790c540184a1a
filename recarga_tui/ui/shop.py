"""What screens and widgets see of the App, typed: the services, the shop's live state, and
the moves between screens (``ui/router.py``). They reach it through :func:`shop_of`, never
by importing the App or the router, so no screen imports another screen, the router or the
App: the router imports the screens, and the App the router.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from ..dealer.records import Balances, Notices, Session
    from ..domain.sale import Sale
    from ..services.flow import Capture
    from ..services.shop import Services
    from .collector import Collector
    from .session import SessionGate


class Moves(Protocol):
    """Every move between screens, made by the router alone (``ui/router.py``)."""

    def home(self) -> None:
        """The home screen, whatever stands over it."""

    def back(self) -> None:
        """Where the screen on top came from: the pending list it was opened from, or home."""

    def close(self) -> None:
        """The screen on top closes over the one it was opened over (help, a sub-screen)."""

    def new_sale(self, carried_from: Sale | None = None) -> None:
        """A new customer's sale, at its capture."""

    def readback(self, flow: Capture) -> None:
        """The captured sale read back to the customer (R04)."""

    def correct(self, flow: Capture) -> None:
        """Back to the capture, every entry kept."""

    def payment(self, flow: Capture) -> None:
        """The read-back accepted: the payment (R05)."""

    def send(self, sale: Sale) -> None:
        """A paid sale sent: the slow system said first when it is slow (R15, R17)."""

    def send_now(self, sale: Sale) -> None:
        """A paid sale sent at once (the slow system already said)."""

    def show_sale(self, sale: Sale, *, from_list: bool = False) -> bool:
        """The screen of ``sale`` in its state; False when it has none (being sent, or done
        with). ``from_list``: opened from the pending list, where its back key returns."""

    def not_sent(self, sale: Sale, why: str) -> None:
        """Nothing left the shop: the sale's choices, and why in a corner message."""

    def money_back(self, sale: Sale, reason: str, refused: Callable[[str], None]) -> None:
        """Asked, journaled, then the amount to hand back shown big (R02)."""

    def open(self, place: str) -> None:
        """One of the counter's other screens (pending, report, claims, account, support,
        close), or one opened over the screen on top (deposits, fault, clarify)."""

    def help(self, topic: str) -> None:
        """The help at ``topic``, over the screen on top."""

    def preview(self, text: str, columns: int, note: str) -> None:
        """The ticket as it prints, over the screen on top."""

    def log_in(self) -> None:
        """The login, from the notebook without the dealer."""


class Shop(Protocol):
    """The App as screens and widgets use it."""

    services: Services
    router: Moves
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
