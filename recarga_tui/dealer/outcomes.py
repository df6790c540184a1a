"""What the dealer client hands back: typed outcomes of a top-up and typed query errors.

A top-up ends in exactly one of four outcomes. Only :class:`Confirmed` and :class:`Rejected`
are final. :class:`Unknown` is never "failed" (R16): the sale may have reached the carrier,
so it must be looked up (R19) before anything else is done with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from msgspec import Struct, field

from ..domain.faults import Fault, Origin
from .protocol import LOGIN_AGAIN_CODES
from .records import TopupRecord


class Confirmed(Struct, frozen=True):
    """The carrier delivered the top-up; the folios are the proof for the notebook (R03)."""

    carrier_folio: str
    dealer_folio: str | None
    at: datetime
    balance_after: int | None
    replayed: bool
    record: TopupRecord | None = None
    # The dealer's own ticket text, line by line, where it sends one (the transact family's
    # printData): kept with the sale for the receipt and the printed ticket.
    ticket: tuple[str, ...] = ()
    # What the shop earned on this very sale, in centavos, where the dealer's answer says it
    # (a dealer that states each top-up's discount); it wins over the catalog's figure and
    # the shop's rate (domain/earnings.py). None: the answer does not say.
    earning: int | None = None


class Rejected(Struct, frozen=True):
    """The dealer says, for certain, that this top-up was not made and nothing was charged.

    ``error_class`` tells what to do next: ``invalid`` (fix the data), ``refused`` (it will not
    be made as asked), ``transient`` (nothing was done; the same reference may be sent again
    later, ``retry_after`` seconds at the earliest when the dealer says so).
    """

    fault: Fault
    error_class: str = "refused"
    dealer_code: str = ""
    retry_after: int | None = None
    definite: bool = True

    @property
    def may_retry(self) -> bool:
        return self.error_class == "transient"

    @property
    def needs_login(self) -> bool:
        """The session lapsed before the dealer looked at the top-up: log in, send again."""
        return self.dealer_code in LOGIN_AGAIN_CODES


class Pending(Struct, frozen=True):
    """The dealer took the top-up and waits for the carrier; look it up later."""

    topup_id: str
    client_ref: str
    created_at: datetime
    record: TopupRecord | None = None


class Unknown(Struct, frozen=True):
    """No trustworthy answer came: timeout, dropped connection, server error, garbage.

    ``reason`` is one of ``timeout``, ``dropped``, ``server_error``, ``malformed``,
    ``too_large``, ``mismatch``, ``dealer_unknown``; ``fault`` is what the cashier reads;
    ``details`` what the notebook keeps besides (for a mismatch: what differed, ``match.py``).
    """

    reason: str
    origin: Origin
    fault: Fault
    details: Mapping[str, Any] = field(default_factory=dict)


SendOutcome = Confirmed | Rejected | Pending | Unknown


class Found(Struct, frozen=True):
    record: TopupRecord


class NotVisible(Struct, frozen=True):
    """The dealer shows no record of the reference *yet*.

    It means "never received" only once the reflection window has passed since the last
    attempt (R19); before that the top-up may still appear.
    """

    client_ref: str


LookupResult = Found | NotVisible


class DealerError(Exception):
    """A query to the dealer failed; ``fault`` names the origin and the words (R01)."""

    def __init__(self, fault: Fault, *, error_class: str = "unknown", dealer_code: str = "",
                 retry_after: int | None = None) -> None:
        super().__init__(fault.code)
        self.fault = fault
        self.error_class = error_class
        self.dealer_code = dealer_code
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(origin={self.fault.origin.value}, code={self.fault.code},"
                f" class={self.error_class})")


class SessionExpired(DealerError):
    """The session lapsed or never existed: the app asks for the password again."""


class BadCredentials(DealerError):
    """The terminal, user or password were not accepted."""
