"""What the background services tell whoever listens (the screens, the chaos run): a sale
found or not found in the sales report, a deferred sale sent, a promise that passed."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from msgspec import Struct

from ..domain.sale import Sale


class Kind(StrEnum):
    CONFIRMED = "confirmed"            # found as delivered (report or lookup), or sent later
    REJECTED = "rejected"              # the dealer says it failed: the money may go back
    NOT_FOUND = "not_found"            # absent after the reflection window (R19)
    DEFERRED_SENT = "deferred_sent"    # a deferred sale went out (its outcome follows)
    PROMISE_PASSED = "promise_passed"  # a deferred sale's promised time passed unsent (R17)
    WRITTEN = "written"                # a step the disk had refused is in the notebook now
    RECORDED = "recorded"              # the notebook holds a new step of the sale (or memory)
    LOOKED = "looked"                  # the check looked at the sale (what it tried changed)


class Event(Struct, frozen=True):
    kind: Kind
    sale: Sale


Listener = Callable[[Event], None]


class Listeners:
    """A list of callbacks; one that raises never stops the others nor the service."""

    def __init__(self) -> None:
        self._callbacks: list[Listener] = []

    def add(self, callback: Listener) -> None:
        self._callbacks.append(callback)

    def remove(self, callback: Listener) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, kind: Kind, sale: Sale) -> None:
        event = Event(kind, sale)
        for callback in list(self._callbacks):
            try:
                callback(event)
            except Exception:  # a listener's failure is its own; the checks go on
                import logging

                logging.getLogger(__name__).exception("listener failed on %s", kind)
