"""A ``CheckTransaction`` answer as the dealer's record of the sale (``records.TopupRecord``).

The checker holds every record against the sale (``match.py``) and reads its outcome the same
way for every dealer, so the answer is written as the record it stands for. What the answer
names is kept as it came: the number (``op_account``) and, in the deployments that send it,
the product (``SKU``); an answer naming another number, or none, is then another sale's. It
never names the amount or the shop's reference: the request id binds them, since it was asked
for this sale alone (docs/dealers/transact.md), so the record carries the sale's own.
"""

from __future__ import annotations

from datetime import datetime

from ..match import Sent
from ..records import ErrorBody, TopupRecord
from . import rcodes
from .answers import TResponse, ticket_lines
from .rcodes import Kind

_STATUS = {Kind.DONE: "success", Kind.PENDING: "pending"}


def _error(answer: TResponse, kind: Kind) -> ErrorBody | None:
    """A failure's origin and class (R01); an answer that does not say is of class
    ``unknown``: the checker keeps looking (R16)."""
    if kind in _STATUS:
        return None
    if kind is Kind.FAILED:
        refused = rcodes.refusal(answer.rcode, answer.rcode_description)
        code = refused.key.rpartition(".")[2].upper()
        return ErrorBody(code, refused.error_class, refused.origin, answer.rcode_description)
    return ErrorBody("DEALER_UNKNOWN", "unknown", rcodes.meaning(answer.rcode).origin,
                     answer.rcode_description or f"rcode {answer.rcode}")


def record_of(answer: TResponse, sent: Sent, request_id: str, at: datetime) -> TopupRecord:
    """The record ``answer`` stands for; ``at`` is when it came (the service gives no time)."""
    kind = rcodes.meaning(answer.rcode).kind
    status = _STATUS.get(kind, "failed")
    folio = str(answer.transaction_id) if answer.transaction_id else None
    return TopupRecord(
        topup_id=request_id, client_ref=sent.ref, status=status,
        carrier_folio=answer.op_authorization if status == "success" else None,
        dealer_folio=folio, amount=sent.amount, balance_after=None, created_at=at,
        updated_at=at, replayed=False, error=_error(answer, kind),
        sku=answer.sku if answer.sku is not None else sent.sku, msisdn=answer.op_account,
        ticket=ticket_lines(answer.print_data) if status == "success" else ())
