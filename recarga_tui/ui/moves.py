"""The moves between screens, as the screens ask for them: a screen posts a :class:`Move` with
one step and the router (``ui/router.py``) makes it, in one place. A screen imports no other
screen, no router and no App: it names where the cashier goes and with what.

Each step is plain data: a frozen msgspec Struct (the sixteen are made at start in a fraction
of a millisecond, where dataclasses took five). :func:`sale_place` says which screen shows a
sale in its state, for the router and for a screen that must know beforehand whether a sale
has one (the pending list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from msgspec import Struct
from textual.message import Message

from ..domain.sale import Sale, State

if TYPE_CHECKING:
    from ..services.flow import Capture


class Home(Struct, frozen=True):
    """The home screen, whatever stands over it."""


class Back(Struct, frozen=True):
    """Where the screen on top came from: the pending list it was opened from, or home."""


class Close(Struct, frozen=True):
    """The screen on top closes over the one it was opened over (help, a sub-screen)."""


class NewSale(Struct, frozen=True):
    """A new customer's sale, at its capture (``carried_from``: a rejected sale's entries)."""

    carried_from: Sale | None = None


class ReadBack(Struct, frozen=True):
    """The captured sale read back to the customer (R04)."""

    flow: Capture


class Correct(Struct, frozen=True):
    """Back to the capture, every entry kept."""

    flow: Capture


class Pay(Struct, frozen=True):
    """The read-back accepted: the payment (R05)."""

    flow: Capture


class Send(Struct, frozen=True):
    """A paid sale sent: the slow system said first when it is slow (R15, R17)."""

    sale: Sale


class SendNow(Struct, frozen=True):
    """A paid sale sent at once (the slow system already said, or a retry after the check)."""

    sale: Sale


class ShowSale(Struct, frozen=True):
    """The screen of ``sale`` in its state (:func:`sale_place`); ``from_list``: opened from
    the pending list, where its back key returns."""

    sale: Sale
    from_list: bool = False


class NothingSent(Struct, frozen=True):
    """Nothing left the shop: the sale's choices, and why in a corner message."""

    sale: Sale
    why: str


class MoneyBack(Struct, frozen=True):
    """Asked, journaled, then the amount to hand back shown big (R02); ``refused`` says why
    the notebook refused the step (nothing is handed over then)."""

    sale: Sale
    reason: str
    refused: Callable[[str], None]


class Open(Struct, frozen=True):
    """One of the counter's other screens by name (pending, report, claims, account, support,
    close), or one opened over the screen on top (deposits, fault, clarify)."""

    place: str


class Help(Struct, frozen=True):
    """The help at ``topic``, over the screen on top."""

    topic: str


class Preview(Struct, frozen=True):
    """The ticket as it prints, over the screen on top."""

    text: str
    columns: int
    note: str


class LogIn(Struct, frozen=True):
    """The login, from the notebook without the dealer."""


class Desk(Struct, frozen=True):
    """In a shop with cashiers, the counter handed to a cashier: locked until the PIN of the
    cashier on duty (Ctrl+L), or a shift opened when nobody is on duty."""


class EndShift(Struct, frozen=True):
    """The drawer counted and the shift ended (``handover``: to the next cashier), over the
    screen on top; ``owner``: the owner closes the shift of a cashier who left."""

    handover: bool
    owner: Any = None


class ShiftEnded(Struct, frozen=True):
    """A shift ended: home, and a shift opened when nobody took the counter."""


Step = (Home | Back | Close | NewSale | ReadBack | Correct | Pay | Send | SendNow | ShowSale
        | NothingSent | MoneyBack | Open | Help | Preview | LogIn | Desk | EndShift
        | ShiftEnded)


class Mover(Protocol):
    """The screen that asked for a move: told once the router made it, so the keys it kept
    meanwhile go where the move led, in the order typed."""

    async def moved(self) -> None: ...


class Move(Message):
    """A screen asks the router for ``step`` (handled by the App, which owns the router)."""

    def __init__(self, step: Step, origin: Mover | None = None) -> None:
        super().__init__()
        self.step = step
        self.origin = origin


def sale_place(sale: Sale) -> str | None:
    """The name of the screen that shows ``sale`` now; None while it is being sent (its answer
    is on its way) or once nothing more can be done with it but read it (abandoned, refunded,
    carried)."""
    if sale.state is State.CONFIRMED:
        return "receipt"
    if sale.state is State.REJECTED:
        return "rejected"
    if sale.state in (State.UNKNOWN, State.NOT_FOUND):
        return "check"
    if sale.state in (State.PAID, State.DEFERRED):
        return "waiting"
    return None
