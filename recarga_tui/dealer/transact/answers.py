"""The answers to ``DoT`` and ``CheckTransaction`` (a ``TResponse``), as the app's outcomes.

:func:`parse_dot` and :func:`parse_check` never raise for what a dealer sends: bytes that are
not a well-formed, expected answer are :class:`Unknown` with origin the dealer (R16), and so is
every ``rcode`` that does not say for certain what happened (``rcodes.py``). An answer naming
another number or product than the sale's is about another sale: unknown too (``match.py``).

A ``TResponse`` names the number (``op_account``) and, in some deployments, the product
(``SKU``); it never names the amount or the id. The id binds the answer to the sale: it was
asked for this sale alone and the answer comes back on its request. That the dealer applied
this amount is what the app cannot see (docs/dealers/transact.md).
"""

from __future__ import annotations

import logging
from datetime import datetime

import msgspec

from ...domain.faults import Certainty, Fault, Origin
from .. import match
from ..outcomes import Confirmed, NotVisible, Pending, Rejected, SendOutcome, Unknown
from ..text import safe
from . import rcodes, soap
from .rcodes import Kind

log = logging.getLogger(__name__)

MAX_TEXT = 2_000  # characters kept of any one string of an answer
MAX_PRINT_LINES = 60


class PrintLine(msgspec.Struct, frozen=True):
    """One line of ``printData``: what the dealer wants printed on the ticket."""

    label: str
    data: str


class TResponse(msgspec.Struct, frozen=True):
    """A ``DoTResult`` or ``CheckTransactionResult``, every string made safe."""

    rcode: int
    transaction_id: int | None
    rcode_description: str = ""
    rcode_detail: str = ""        # in newer deployments only (e.g. "SR029A")
    op_account: str | None = None
    op_authorization: str = ""    # the carrier's folio
    sku: str | None = None        # in some deployments (payments WSDL)
    print_data: tuple[PrintLine, ...] = ()
    xml_dev_data: str = ""


class TransactConfirmed(Confirmed, frozen=True):
    """:class:`Confirmed` with what this service adds: the id the sale was sent under and the
    dealer's transaction number. The ``printData`` lines are the base's ``ticket``."""

    request_id: str = ""
    transaction_id: int | None = None
    description: str = ""


def ticket_lines(lines: tuple[PrintLine, ...]) -> tuple[str, ...]:
    """``printData`` as the lines of a ticket: "Label: data", or the one that is there."""
    return tuple(f"{line.label}: {line.data}" if line.label and line.data
                 else line.label or line.data for line in lines)


class AnswerError(Exception):
    """The bytes are not a ``TResponse`` this app reads; ``reason`` as in :class:`Unknown`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _text(value: str | None) -> str:
    return safe(value or "")[:MAX_TEXT]


def _integer(value: str | None, name: str, required: bool) -> int | None:
    if value is None or value.strip() == "":
        if required:
            raise AnswerError("malformed", f"{name} missing")
        return None
    text = value.strip()
    # xs:int / xs:long: optional sign and digits, nothing else (no "1e3", no "0x10")
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isascii() or not digits.isdigit() or len(digits) > 19:
        raise AnswerError("malformed", f"{name} is not an integer")
    return int(text)


def _print_lines(result: soap.Element) -> tuple[PrintLine, ...]:
    holders = result.findall(soap.q("printData"))
    if len(holders) > 1:
        raise AnswerError("malformed", "printData repeated")
    if not holders:
        return ()
    items = holders[0].findall(soap.q("PrintData"))
    if not items and not len(holders[0]):
        # A deployment that sends the ticket as plain text: its lines, kept as they are.
        return tuple(PrintLine("", line) for line in _plain_lines(holders[0].text or ""))
    lines = []
    for item in items[:MAX_PRINT_LINES]:
        lines.append(PrintLine(_text(soap.leaf(item, "m_label")),
                               _text(soap.leaf(item, "m_data"))))
    return tuple(lines)


def _plain_lines(text: str) -> list[str]:
    """A plain-text ``printData``, line by line: each made safe, blank ones left out."""
    lines = (_text(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return [line for line in lines if line.strip()][:MAX_PRINT_LINES]


def read_tresponse(body: bytes, operation: str) -> TResponse:
    """The ``TResponse`` of ``operation`` (``DoT`` or ``CheckTransaction``) in ``body``.

    :class:`AnswerError` for anything else: not XML, a DTD or entity, a SOAP Fault
    (``server_error``), another operation's answer, a missing or repeated ``rcode``.
    """
    try:
        result = soap.result(soap.parse(body), operation)
        account = soap.leaf(result, "op_account")
        sku = soap.leaf(result, "SKU")
        rcode = _integer(soap.leaf(result, "rcode"), "rcode", required=True)
        assert rcode is not None
        return TResponse(
            rcode=rcode,
            transaction_id=_integer(soap.leaf(result, "transaction_id"), "transaction_id",
                                    required=False),
            rcode_description=_text(soap.leaf(result, "rcode_description")),
            rcode_detail=_text(soap.leaf(result, "rcode_detail")),
            op_account=None if account is None else _text(account),
            op_authorization=_text(soap.leaf(result, "op_authorization")),
            sku=None if sku is None else _text(sku),
            print_data=_print_lines(result),
            xml_dev_data=_text(soap.leaf(result, "xmlDevData")),
        )
    except soap.SoapFault as fault:
        raise AnswerError("server_error", _text(fault.text)) from None
    except soap.XmlRefused as refused:
        raise AnswerError(refused.reason, refused.detail) from None


def _unknown(reason: str, origin: Origin = Origin.DEALER, **details: object) -> Unknown:
    key = f"dealer.unknown.{reason}"
    return Unknown(reason, origin, Fault(origin, key), dict(details))


def _mismatch(sent: match.Sent, answer: TResponse) -> Unknown | None:
    """Unknown when the answer names another number or product (``match.py``); an answer that
    does not name the number cannot be held against the sale, so it counts as another's."""
    named = match.Named(None, answer.op_account, answer.sku, None)
    fields = tuple(name for name, said, ours in (("msisdn", answer.op_account, sent.msisdn),
                                                 ("sku", answer.sku, sent.sku))
                   if (name == "msisdn" or said is not None) and said != ours)
    if not fields:
        return None
    log.warning("top-up %s: the dealer answered about another sale (%s)", sent.ref,
                ", ".join(fields))
    return Unknown("mismatch", Origin.DEALER, Fault(Origin.DEALER, "dealer.unknown.mismatch"),
                   match.journal_form(sent, named, fields))


def _params(answer: TResponse) -> dict[str, str]:
    return {"dealer_code": f"rcode {answer.rcode}", "dealer_message": answer.rcode_description}


def outcome_of(answer: TResponse, sent: match.Sent, *, request_id: str, at: datetime,
               lookup: bool) -> SendOutcome | NotVisible:
    """What ``answer`` means for the sale ``sent`` under ``request_id``; ``at`` is when it
    came (the service's answers carry no time). ``lookup``: the answer of CheckTransaction."""
    meaning = rcodes.meaning(answer.rcode)
    if meaning.kind is Kind.NOT_FOUND:
        if lookup:
            return NotVisible(sent.ref)
        return _unknown("dealer_unknown", rcode=answer.rcode,
                        description=answer.rcode_description)
    if meaning.kind is Kind.UNKNOWN:
        return _unknown("dealer_unknown", meaning.origin, rcode=answer.rcode,
                        description=answer.rcode_description)
    other = _mismatch(sent, answer)
    if other is not None:
        return other
    if meaning.kind is Kind.DONE:
        folio = None if not answer.transaction_id else str(answer.transaction_id)
        return TransactConfirmed(answer.op_authorization, folio, at, None, False, None,
                                 ticket_lines(answer.print_data), request_id=request_id,
                                 transaction_id=answer.transaction_id,
                                 description=answer.rcode_description)
    if meaning.kind is Kind.PENDING:
        return Pending(str(answer.transaction_id or request_id), sent.ref, at)
    refused = rcodes.refusal(answer.rcode, answer.rcode_description)
    return Rejected(Fault(refused.origin, refused.key, _params(answer), Certainty.DEFINITE),
                    refused.error_class, f"rcode {answer.rcode}")


def _parse(body: bytes, operation: str, sent: match.Sent, request_id: str, at: datetime,
           lookup: bool) -> SendOutcome | NotVisible:
    try:
        answer = read_tresponse(body, operation)
    except AnswerError as error:
        log.warning("top-up %s: %s answer not read (%s)", sent.ref, operation, error.reason)
        return _unknown(error.reason)
    return outcome_of(answer, sent, request_id=request_id, at=at, lookup=lookup)


def parse_dot(body: bytes, sent: match.Sent, *, request_id: str, at: datetime) -> SendOutcome:
    """The outcome of a ``DoT`` answer: Confirmed, Rejected (definite), Pending or Unknown."""
    outcome = _parse(body, "DoT", sent, request_id, at, lookup=False)
    assert not isinstance(outcome, NotVisible)
    return outcome


def parse_check(body: bytes, sent: match.Sent, *, request_id: str,
                at: datetime) -> SendOutcome | NotVisible:
    """The outcome of a ``CheckTransaction`` answer (the lookup, R19): as :func:`parse_dot`,
    or :class:`NotVisible` while the service shows nothing under the id."""
    return _parse(body, "CheckTransaction", sent, request_id, at, lookup=True)


# Integrators poll CheckTransaction about a minute while rcode is 2, then tell the sale as
# "expired". For the procedure that is not an outcome at all: the sale may still go through.
POLL_SECONDS = 60


def after_polling(last: SendOutcome | NotVisible) -> SendOutcome:
    """What to record when polling stops without a final answer: still pending, or nothing
    shown yet, is :class:`Unknown` (checked later, R19), never a failure (R16)."""
    if isinstance(last, (Pending, NotVisible)):
        return _unknown("timeout", Origin.DEALER, expired=True)
    return last
