"""The base every dealer adapter stands on: what it lacks answers "not offered" by itself.

An adapter states its :class:`~.port.Capabilities` and writes the methods of what it offers;
every method of the port it does not write is answered here, the same way for every dealer:
a :class:`DealerError` whose words say that this dealer does not offer it through its
system, and where to ask instead (the control desk's channels of the config, R09, R11, R14).
So a screen tells the cashier the truth rather than failing, and no adapter carries stubs.

:func:`unlike_capabilities` holds an adapter to its word: a capability it claims has its
method written, and one it lacks has none of its own (a test runs it over every kind of the
registry).

The base also keeps what every adapter's plumbing shares: the HTTP client (``dealer/http.py``)
and the times of its exchanges, the contacts to name, the refusal of a query or a top-up
without a session.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..config import ContactSettings
from ..domain.faults import Certainty, Fault, Origin
from .match import Sent
from .outcomes import DealerError, LookupResult, Rejected, SessionExpired
from .port import Capabilities, Lookup, SaleKey
from .reading import refused_here
from .records import (
    Clarification,
    Deposit,
    FaultReportReceipt,
    Notices,
    SalesReport,
    Statement,
)

if TYPE_CHECKING:
    from .http import Http

# A capability of ``Capabilities`` and the methods of the port that give it.
CAPABILITY_METHODS: dict[str, tuple[str, ...]] = {
    "notices": ("notices",),
    "sales_report": ("sales_report",),
    "lookup": ("lookup",),
    "statement": ("statement",),
    "deposits": ("deposits", "notify_deposit"),
    "clarifications": ("clarifications", "ask_clarification"),
    "fault_reports": ("fault_report",),
}
# The id asked before the sale is a capability of the dealers that hand one out first.
REQUEST_ID = "request_id"
# Capabilities whose method, where a dealer lacks it, answers "nothing to say" (None) rather
# than "not offered": advice the procedure does without.
ADVICE_METHODS: dict[str, tuple[str, ...]] = {
    "detects_carrier": ("detect_carrier",),
}


def not_logged_in() -> SessionExpired:
    """A query asked with no session open: log in first (origin the shop)."""
    return SessionExpired(Fault(Origin.SHOP, "dealer.query.not_logged_in",
                                certainty=Certainty.NONE),
                          error_class="refused", dealer_code="NO_SESSION")


def no_session_outcome() -> Rejected:
    """A top-up with no session open: refused here, nothing left the shop."""
    return refused_here(Origin.SHOP, "dealer.code.no_session", "refused", "NO_SESSION")


class BaseDealer:
    """The part of ``port.Dealer`` every adapter shares. A subclass sets ``capabilities``
    (a class attribute or a property), makes its ``http`` and writes what it offers."""

    capabilities: Capabilities

    def __init__(self, http: Http, *, contacts: ContactSettings | None = None) -> None:
        self.http = http
        self.contacts = contacts or ContactSettings()

    # --- plumbing -------------------------------------------------------------------------

    @property
    def latencies(self) -> deque[float]:
        return self.http.latencies

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def lacks(self, what: str) -> DealerError:
        """What this dealer does not offer through its system: said so, with where to ask
        instead (R09, R11, R14). Never a failure of the dealer's: the words are the answer."""
        fault = Fault(Origin.DEALER, f"dealer.lacks.{what}",
                      {"dealer": self.capabilities.name, "phone": self.contacts.phone,
                       "email": self.contacts.email}, Certainty.NONE)
        return DealerError(fault, error_class="refused", dealer_code="NOT_OFFERED")

    # --- what a dealer may lack: "not offered", with where to ask -------------------------

    async def notices(self) -> Notices:
        raise self.lacks("notices")

    async def sales_report(self, start: datetime, end: datetime,
                           msisdn: str | None = None) -> SalesReport:
        raise self.lacks("sales_report")

    async def lookup(self, key: Lookup) -> LookupResult:
        raise self.lacks("lookup")

    async def statement(self, start: datetime, end: datetime) -> Statement:
        raise self.lacks("statement")

    async def deposits(self) -> tuple[Deposit, ...]:
        raise self.lacks("deposits")

    async def notify_deposit(self, bank: str, amount: int, reference: str,
                             deposited_at: datetime) -> Deposit:
        raise self.lacks("deposits")

    async def clarifications(self) -> tuple[Clarification, ...]:
        raise self.lacks("clarifications")

    async def ask_clarification(self, topic: str, text: str,
                                client_ref: str | None = None) -> Clarification:
        raise self.lacks("clarifications")

    async def fault_report(self, origin: Origin, text: str,
                           client_refs: Iterable[str] = ()) -> FaultReportReceipt:
        raise self.lacks("fault_reports")

    async def request_id(self, sent: Sent) -> str:
        """``SaleKey.DEALER_ID_FIRST`` only: the id under which the sale will be sent."""
        raise self.lacks(REQUEST_ID)

    # --- advice a dealer may not give: nothing to say -------------------------------------

    async def detect_carrier(self, msisdn: str) -> str | None:
        """A dealer that does not detect a number's company has no advice: the cashier
        chooses the company, as always."""
        return None


def unlike_capabilities(dealer: BaseDealer) -> list[str]:
    """The methods of ``dealer`` that disagree with its capabilities: one it claims but left
    to the base (it would say "not offered"), or one it lacks but wrote itself (a stub of its
    own, which the base already answers). Empty when the adapter keeps its word."""
    caps = dealer.capabilities
    wanted = {name: bool(getattr(caps, capability))
              for capability, names in (*CAPABILITY_METHODS.items(), *ADVICE_METHODS.items())
              for name in names}
    wanted[REQUEST_ID] = caps.sale_key is SaleKey.DEALER_ID_FIRST
    kind = type(dealer)
    return sorted(name for name, offered in wanted.items()
                  if offered != (getattr(kind, name) is not getattr(BaseDealer, name)))
