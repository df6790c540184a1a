"""Which screen shows a sale in the state it is in: one answer for the pending list, the send
screen and the check, so a sale never opens on a screen that does not fit it."""

from __future__ import annotations

from ...domain.sale import Sale, State
from .base import ShopScreen


def screen_for(sale: Sale) -> ShopScreen | None:
    """The screen for ``sale`` now; None while it is being sent (its answer is on its way)
    or once nothing more can be done with it but read it (abandoned, refunded, carried)."""
    from .check import CheckScreen
    from .receipt import ReceiptScreen
    from .rejected import RejectedScreen
    from .waiting import WaitingScreen

    if sale.state is State.CONFIRMED:
        return ReceiptScreen(sale)
    if sale.state is State.REJECTED:
        return RejectedScreen(sale)
    if sale.state in (State.UNKNOWN, State.NOT_FOUND):
        return CheckScreen(sale)
    if sale.state in (State.PAID, State.DEFERRED):
        return WaitingScreen(sale)
    return None
