"""Dealer protocol v1: its words (enums, error codes) and what a violation of it is.

The records of v1 are declared once, as msgspec structs, in ``dealer/v1/wire.py``: the client
decodes and checks every answer with them, the simulator reads its requests and writes its
answers with them, and ``dealer/v1/openapi_gen.py`` writes the OpenAPI document from them.
An answer that does not fit raises :class:`ProtocolViolation`, which the client turns into an
"unknown" outcome or a dealer fault; nothing half-read reaches the app.

Amounts are integer centavos; times are ISO 8601 with an offset (naive times are refused).
The full description is ``docs/dealer-api.md`` and the OpenAPI document next to this module.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

VERSION = "v1"
OPENAPI_PATH = Path(__file__).with_name("openapi.json")

ErrorClass = Literal["invalid", "refused", "transient", "unknown"]
TopupStatus = Literal["pending", "success", "failed"]
CarrierStatus = Literal["up", "degraded", "down"]
NoticeLevel = Literal["normal", "slow", "down"]
MovementKind = Literal["deposit", "credit", "charge", "topup", "commission"]
DepositState = Literal["received", "accepted", "rejected"]
ClarificationTopic = Literal["topup", "deposit", "credit", "charge", "statement", "other"]
ClarificationStatus = Literal["open", "answered"]

ERROR_CLASSES: tuple[str, ...] = get_args(ErrorClass)
TOPUP_STATUSES: tuple[str, ...] = get_args(TopupStatus)
CARRIER_STATUSES: tuple[str, ...] = get_args(CarrierStatus)
NOTICE_LEVELS: tuple[str, ...] = get_args(NoticeLevel)
MOVEMENT_KINDS: tuple[str, ...] = get_args(MovementKind)
DEPOSIT_STATES: tuple[str, ...] = get_args(DepositState)
CLARIFICATION_TOPICS: tuple[str, ...] = get_args(ClarificationTopic)
CLARIFICATION_STATUSES: tuple[str, ...] = get_args(ClarificationStatus)

# Every code the dealer may send: (HTTP status, class, origin). The client classifies on the
# code and class of the body, never on the HTTP status alone; the status is for the server.
ERROR_CODES: dict[str, tuple[int, str, str]] = {
    "BAD_REQUEST": (400, "invalid", "shop"),
    "BAD_CREDENTIALS": (401, "refused", "shop"),
    "NO_SESSION": (401, "refused", "shop"),
    "SESSION_EXPIRED": (401, "refused", "shop"),
    "NOT_FOUND": (404, "invalid", "shop"),
    "TOPUP_NOT_VISIBLE": (404, "unknown", "dealer"),
    "REF_MISMATCH": (409, "invalid", "shop"),
    "UNKNOWN_SKU": (422, "invalid", "shop"),
    "AMOUNT_MISMATCH": (422, "invalid", "shop"),
    "INVALID_NUMBER": (200, "invalid", "consumer"),
    "CARRIER_DOWN": (200, "transient", "carrier"),
    "RECENT_TOPUP": (200, "refused", "carrier"),
    "CARRIER_REJECTED": (200, "refused", "carrier"),
    "INSUFFICIENT_BALANCE": (200, "refused", "shop"),
    "DEALER_BUSY": (503, "transient", "dealer"),
    "SYSTEM_DOWN": (503, "transient", "network"),
    "INTERNAL": (500, "unknown", "dealer"),
}

# Codes after which the cashier must type the password again.
LOGIN_AGAIN_CODES = frozenset({"SESSION_EXPIRED", "NO_SESSION"})


class ProtocolViolation(ValueError):
    """The dealer answered something that does not fit protocol v1."""


def format_time(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive time")
    return value.isoformat()
