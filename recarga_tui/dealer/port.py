"""The dealer port: what every distributor's adapter offers the app, and what it cannot.

The services speak to a dealer only through :class:`Dealer`, whatever its protocol (our own
protocol v1, Taecel's form-encoded JSON, the transact.asmx SOAP family). Each adapter says
what it has in its :class:`Capabilities`, so the services choose the right lookup and a screen
says honestly what a dealer does not offer, and where to ask instead (R09, R11, R14), rather
than failing.

A dealer knows a sale in one of three ways (:class:`SaleKey`), and the write-ahead and the
lookup follow it:

* ``SHOP_REFERENCE`` — the reference the shop chose (protocol v1): it is journaled with the
  sale at capture, sent with every attempt, and the lookup asks for it.
* ``DEALER_ID_FIRST`` — an id the dealer hands out before the sale (transact's
  GetTRequestID): :meth:`Dealer.request_id` is asked once and the id journaled in the
  ``sending`` step before the top-up leaves; every later attempt and lookup uses that id.
* ``NONE`` — nothing the shop holds beforehand (Taecel): the dealer names its id in its answer
  (journaled the moment it arrives, :data:`NoteId`); when that answer is lost, the sale is
  found in the sales report by number, product, amount and time (R19).

Every answer an adapter accepts passes the rule of ``dealer/match.py``: it counts only when it
is about this sale (R16, R19).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from msgspec import Struct

from ..domain.faults import Origin
from .match import Sent
from .outcomes import LookupResult, SendOutcome
from .records import (
    Balances,
    Catalog,
    Clarification,
    Deposit,
    FaultReportReceipt,
    Notices,
    SalesReport,
    Session,
    Statement,
)


class SaleKey(StrEnum):
    SHOP_REFERENCE = "shop_reference"
    DEALER_ID_FIRST = "dealer_id_first"
    NONE = "none"


class LoginAsks(Struct, frozen=True):
    """What the login screen asks the cashier for this dealer: whether the user and the
    password fields are read at all (a dealer whose account is in the config, such as one
    with OAuth client credentials, may read neither), and the words that say what to type (a
    catalog key; "" for the plain user and password)."""

    user: bool = True
    password: bool = True
    hint: str = ""


class Capabilities(Struct, frozen=True):
    """What a dealer offers through its API. A capability a dealer lacks is not an error: the
    screens say so and name where to ask instead (the contacts of the config)."""

    name: str                      # as the screens name the dealer ("Taecel")
    sale_key: SaleKey
    notices: bool = True           # the blue and yellow notices (R10)
    sales_report: bool = True      # the report of a period, the proof of R19
    lookup: bool = True            # a sale looked up by its key (reference or dealer id)
    statement: bool = True         # movements of the account (R14)
    deposits: bool = True          # the deposits it received, and notices of new ones
    clarifications: bool = True    # written clarifications, answered in 24 h (R11)
    fault_reports: bool = True     # failure reports to technical support (R11)
    pools: bool = False            # several balances (airtime, bill payments)
    # The company of a number, asked of the dealer (advice the cashier may overrule, R04).
    detects_carrier: bool = False
    # A sale sent again after "not found" goes with the same key (never a second top-up).
    same_key_again: bool = True
    login: LoginAsks = LoginAsks()  # what the login screen asks for


# Called by an adapter the moment the dealer names its id for a sale being sent (``NONE``):
# the counter journals it at once, before the rest of the answer is awaited.
NoteId = Callable[[str], None]


class Lookup(Struct, frozen=True):
    """What the shop holds to look a sale up: what was sent, and the dealer's id for it (the
    one asked first, or the one the dealer named) when there is one."""

    sent: Sent
    dealer_id: str | None
    sent_at: datetime


@runtime_checkable
class Dealer(Protocol):
    """One terminal's conversation with its distributor. Queries raise ``DealerError``
    (``SessionExpired`` when the password is needed again) with a fault naming its origin
    (R01); :meth:`send_topup` never raises for what the dealer or the network does: it
    returns an outcome, and anything short of a definite answer is ``Unknown`` (R16)."""

    @property
    def capabilities(self) -> Capabilities: ...

    @property
    def logged_in(self) -> bool: ...

    @property
    def latencies(self) -> deque[float]: ...

    async def login(self, user: str, password: str) -> Session: ...

    def forget_session(self) -> None: ...

    async def aclose(self) -> None: ...

    async def notices(self) -> Notices: ...

    async def catalog(self) -> Catalog: ...

    async def balances(self) -> Balances: ...

    async def detect_carrier(self, msisdn: str) -> str | None:
        """``detects_carrier`` only: the company of the catalog (its ``carrier_id``) the
        dealer says ``msisdn`` belongs to; None when it cannot tell. Advice: the cashier
        still chooses, and the read-back names the company chosen (R04)."""
        ...

    async def request_id(self, sent: Sent) -> str:
        """``DEALER_ID_FIRST`` only: the id under which the sale will be sent."""
        ...

    async def send_topup(self, sent: Sent, *, dealer_id: str | None = None,
                         note_id: NoteId | None = None) -> SendOutcome: ...

    async def lookup(self, key: Lookup) -> LookupResult: ...

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> SalesReport: ...

    async def statement(self, start: datetime, end: datetime) -> Statement: ...

    async def deposits(self) -> tuple[Deposit, ...]: ...

    async def notify_deposit(self, bank: str, amount: int, reference: str,
                             deposited_at: datetime) -> Deposit: ...

    async def clarifications(self) -> tuple[Clarification, ...]: ...

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> Clarification: ...

    async def fault_report(self, origin: Origin, text: str,
                           client_refs: tuple[str, ...] = ()) -> FaultReportReceipt: ...
