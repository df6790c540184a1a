"""Who works the counter, as the services that write the notebook see it: the cashier each
step names, and whether the counter may sell now. ``services/shifts.py`` is the desk of a
shop with cashiers; :class:`NoCashiers` that of a shop without them (every step the shop's,
the counter always open)."""

from __future__ import annotations

from typing import Any, Protocol

from ..domain.cashier import KEY, Cashier


class Desk(Protocol):
    """Who works the counter (``services/shifts.py``): the cashier the counter's steps name,
    and whether the counter may sell now."""

    def acting(self) -> Cashier | None:
        """The cashier on duty; None in a shop without cashiers."""
        ...

    def may_sell(self) -> None:
        """Nothing, or a ``SaleError`` saying why nothing may be sold now (nobody on duty,
        the cashier on duty locked after wrong PINs)."""
        ...


class NoCashiers:
    """A shop without cashiers: every step is the shop's, and the counter always sells."""

    def acting(self) -> Cashier | None:
        return None

    def may_sell(self) -> None:
        return None


def named(desk: Desk) -> dict[str, Any]:
    """The data that names the cashier on duty in a step or an event (nothing when none)."""
    who = desk.acting()
    return {KEY: who.journal()} if who is not None else {}
