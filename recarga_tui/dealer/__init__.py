"""The dealer, seen from the shop: protocol v1 and its client."""

from .client import DealerClient
from .outcomes import (
    BadCredentials,
    Confirmed,
    DealerError,
    Found,
    LookupResult,
    NotVisible,
    Pending,
    Rejected,
    SendOutcome,
    SessionExpired,
    Unknown,
)
from .reading import outcome_of

__all__ = [
    "BadCredentials", "Confirmed", "DealerClient", "DealerError", "Found", "LookupResult",
    "NotVisible", "Pending", "Rejected", "SendOutcome", "SessionExpired", "Unknown", "outcome_of",
]
