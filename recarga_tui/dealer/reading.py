"""What a dealer's record of a top-up says, whichever dealer wrote it.

Every adapter turns its dealer's record of a top-up (protocol v1's answer, Taecel's
StatusTXN, transact's CheckTransaction) into a :class:`records.TopupRecord`; these functions
read it the same way for all: the outcome it stands for, the sale it names (held against
what was sent by ``match.py``), and the cashier's words for the dealer's error (R01).
"""

from __future__ import annotations

import logging

from ..domain.faults import Certainty, Fault, Origin
from ..i18n import catalog as words
from . import match
from .outcomes import Confirmed, Pending, Rejected, Unknown
from .records import ErrorBody, TopupRecord

log = logging.getLogger(__name__)


def fault_for(body: ErrorBody, certainty: Certainty = Certainty.UNKNOWN) -> Fault:
    """The cashier's words for a dealer error, with its origin as the dealer states it."""
    key = f"dealer.code.{body.code.lower()}"
    if key not in words():
        key = "dealer.code.other"
    return Fault(body.origin, key, {"dealer_code": body.code, "dealer_message": body.message},
                 certainty)


def rejected(body: ErrorBody) -> Rejected:
    """A definite refusal: the dealer says the top-up was not made (nothing reached anyone)."""
    return Rejected(fault_for(body, Certainty.DEFINITE), body.error_class, body.code,
                    body.retry_after)


def refused_here(origin: Origin, key: str, error_class: str, code: str = "") -> Rejected:
    """A top-up that never left the shop: as definite as a refusal."""
    return Rejected(Fault(origin, key, certainty=Certainty.DEFINITE), error_class, code)


def outcome_of(record: TopupRecord) -> Confirmed | Rejected | Pending | Unknown:
    """The outcome a dealer record stands for (used for answers and for lookups alike)."""
    if record.status == "success":
        return Confirmed(record.carrier_folio or "", record.dealer_folio, record.updated_at,
                         record.balance_after, record.replayed, record, record.ticket,
                         record.earning)
    if record.status == "pending":
        return Pending(record.topup_id, record.client_ref, record.created_at, record)
    error = record.error
    assert error is not None  # a failed record names its error (v1: wire.Topup checks it)
    if error.error_class == "unknown":
        return Unknown("dealer_unknown", error.origin, fault_for(error))
    return rejected(error)


def unknown_outcome(reason: str, origin: Origin) -> Unknown:
    return Unknown(reason, origin, Fault(origin, f"dealer.unknown.{reason}"))


def named_by(record: TopupRecord) -> match.Named:
    return match.Named(record.client_ref, record.msisdn, record.sku, record.amount)


def mismatched(sent: match.Sent, record: TopupRecord) -> Unknown | None:
    """An unknown outcome when the record is about another sale (``match.py``), else None."""
    named = named_by(record)
    fields = match.differences(sent, named)
    if not fields:
        return None
    log.warning("top-up %s: the dealer answered about another sale (%s)", sent.ref,
                ", ".join(fields))
    return Unknown("mismatch", Origin.DEALER, Fault(Origin.DEALER, "dealer.unknown.mismatch"),
                   match.journal_form(sent, named, fields))


