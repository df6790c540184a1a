"""The five origins of a failure (R01) and the next step the cashier takes for each."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Origin(StrEnum):
    CONSUMER = "consumer"  # the customer: wrong number, number that cannot take the top-up
    SHOP = "shop"          # the point of sale: balance, terminal, this PC, its connection
    DEALER = "dealer"      # the distributor's system
    NETWORK = "network"    # the distribution network (central)
    CARRIER = "carrier"    # Telcel, Movistar, AT&T...


@dataclass(frozen=True)
class Fault:
    """A failure as the cashier must see it: its origin, a catalog key and its parameters."""

    origin: Origin
    code: str
    params: dict[str, Any] = field(default_factory=dict)
