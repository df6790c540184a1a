"""Who works the counter: a cashier as the notebook names one, and what a name and a PIN
may be.

A shop may have cashiers besides its owner (the one who holds the dealer's password): each a
name and a PIN of 4 to 8 digits. The notebook names the cashier of every step by the id and
the name the cashier had then (``Cashier.journal``), so a copy without the list of cashiers
(a read-only copy, an export) still says who it was. The PIN itself is never in the domain's
hands beyond :func:`check_pin`: it is kept only as a slow hash (``services/cashiers.py``).
Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msgspec import Struct

from .sale import SaleError

PIN_MIN, PIN_MAX = 4, 8
NAME_MAX = 30
# The step's data key that names the cashier (``{"id": "c01", "name": "Ana"}``).
KEY = "cashier"


class Cashier(Struct, frozen=True):
    """A cashier as the notebook names one: the roster's id (never reused) and the name."""

    id: str
    name: str

    def journal(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Cashier | None:
        """The cashier a step's or a record's data names, or None (a shop without cashiers,
        a step the app took by itself, a journal written before cashiers existed)."""
        raw = data.get(KEY)
        if not isinstance(raw, Mapping) or not raw.get("id"):
            return None
        return cls(str(raw["id"]), str(raw.get("name", "")))


def check_pin(pin: str) -> str:
    """The PIN as typed, when it is 4 to 8 digits (0-9 only); SaleError otherwise. The error
    never holds the PIN (R12)."""
    if not isinstance(pin, str) or not (PIN_MIN <= len(pin) <= PIN_MAX) or not (
            pin.isascii() and pin.isdigit()):
        raise SaleError("cashier.pin_shape", low=PIN_MIN, high=PIN_MAX)
    return pin


def check_name(name: str) -> str:
    """A cashier's name: one line of 1 to 30 printable characters, spaces around dropped."""
    text = " ".join(str(name).split())
    if not text or len(text) > NAME_MAX or not text.isprintable():
        raise SaleError("cashier.name_shape", high=NAME_MAX)
    return text
