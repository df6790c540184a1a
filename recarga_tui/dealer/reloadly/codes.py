"""Reloadly's ``errorCode`` values and what each means for a sale: its class and its origin
among the five of R01.

The codes are those Reloadly documents: the error table of its 2018 API description (kept
in APIs-guru/openapi-directory, ``APIs/reloadly.com/1.0.0/swagger.yaml``; the same table in
Reloadly's airtime docs, "Airtime errors"), and the codes of the OpenAPI document's examples
(INVALID_CREDENTIALS, INVALID_TOKEN, INVALID_RECIPIENT_PHONE, COUNTRY_NOT_SUPPORTED,
FX_RATE_NOT_AVAILABLE). A code nobody documents decides nothing: the sale stays unknown and is
looked up (R16). See docs/dealers/reloadly.md for the table and the reasons.
"""

from __future__ import annotations

from msgspec import Struct

from ...domain.faults import Origin


class Meaning(Struct, frozen=True):
    error_class: str  # invalid | refused | transient (nothing was made) | unknown
    origin: Origin


_INVALID_CONSUMER = Meaning("invalid", Origin.CONSUMER)
_REFUSED_SHOP = Meaning("refused", Origin.SHOP)
_LATER_CARRIER = Meaning("transient", Origin.CARRIER)

# Refusals of a top-up: Reloadly says it was not made.
REFUSALS: dict[str, Meaning] = {
    "INVALID_RECIPIENT_PHONE": _INVALID_CONSUMER,
    "INVALID_PHONE_NUMBER": _INVALID_CONSUMER,
    "COULD_NOT_AUTO_DETECT_OPERATOR": _INVALID_CONSUMER,
    "INVALID_SENDER_PHONE": Meaning("invalid", Origin.SHOP),
    "INVALID_AMOUNT": Meaning("invalid", Origin.SHOP),
    "INVALID_AMOUNT_FOR_OPERATOR": Meaning("invalid", Origin.SHOP),
    "COUNTRY_NOT_SUPPORTED": Meaning("refused", Origin.DEALER),
    "OPERATOR_UNAVAILABLE_OR_CURRENTLY_INACTIVE": _LATER_CARRIER,
    "OPERATOR_NOT_IN_SERVICE": _LATER_CARRIER,
    "TOPUP_TRANSACTION_FAILED": Meaning("refused", Origin.CARRIER),
    "TRANSACTION_CANNOT_BE_PROCESSED_AT_THE_MOMENT": Meaning("transient", Origin.DEALER),
    "INSUFFICIENT_BALANCE": _REFUSED_SHOP,
    "INACTIVE_ACCOUNT": _REFUSED_SHOP,
    "ACCOUNT_NOT_FOUND": _REFUSED_SHOP,
    "MAX_DAILY_TRANSACTION_COUNT_REACHED": _REFUSED_SHOP,
    "MAX_DAILY_TRANSACTION_AMOUNT_REACHED": _REFUSED_SHOP,
}

# Refusals that say nothing certain of this sale, so it is looked up (R16, R19):
# - the number had a top-up in the last two minutes: it may be this sale's own first attempt,
#   whose answer was lost;
# - the sale's reference was already used: Reloadly has a top-up under it, delivered or not.
UNDECIDED = frozenset({"PHONE_RECENTLY_RECHARGED", "CUSTOM_IDENTIFIER_ALREADY_USED"})

# The token lapsed or is not one: asked again once, then the request is sent again.
TOKEN_LAPSED = frozenset({"TOKEN_EXPIRED", "INVALID_TOKEN"})

# The token service turned the client id and secret away ("Access Denied" comes with none).
BAD_CREDENTIALS = frozenset({"INVALID_CREDENTIALS", ""})
BAD_AUDIENCE = "INVALID_AUDIENCE"
# The operator of a number cannot be told: the cashier chooses the company.
NOT_DETECTED = "COULD_NOT_AUTO_DETECT_OPERATOR"

# A transaction's own statuses (the Java SDK's AirtimeTransactionStatus; PENDING as the
# asynchronous guide names a top-up not yet sent to the operator).
DELIVERED = "SUCCESSFUL"
IN_PROGRESS = frozenset({"PROCESSING", "PENDING"})
NOT_DELIVERED = frozenset({"FAILED", "REFUNDED"})
# The code a failed transaction is read under when its status names none.
FAILED_CODE = "TOPUP_TRANSACTION_FAILED"


def word_key(code: str) -> str:
    """The catalog key of a code's words (``i18n/words/reloadly.py`` and ``dealer.py``)."""
    return f"dealer.code.{code.lower()}"
