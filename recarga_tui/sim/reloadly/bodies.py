"""The simulated Reloadly's answers, in Reloadly's shapes.

Money as JSON numbers with their currency codes beside them (``requestedAmount`` and
``requestedAmountCurrencyCode``), written from Decimals so ``4.99`` is exactly 4.99; times as
``YYYY-MM-DD HH:MM:SS`` in UTC; the airtime service's answers as
``application/com.reloadly.topups-v1+json``; every refusal ``{timeStamp, message, path,
errorCode, infoLink, details}``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import msgspec
from starlette.responses import Response

from ..world import Topup, World
from . import operators as ops

TOPUPS_V1 = "application/com.reloadly.topups-v1+json"
STATUS = {"success": "SUCCESSFUL", "pending": "PROCESSING", "failed": "FAILED"}
_ENCODER = msgspec.json.Encoder(decimal_format="number")

# The world's failures in Reloadly's words: (errorCode, message, HTTP status of a refusal).
FAILURES: dict[str, tuple[str, str, int]] = {
    "INVALID_NUMBER": ("INVALID_RECIPIENT_PHONE", "Recipient phone number is not valid", 400),
    "CARRIER_DOWN": ("OPERATOR_UNAVAILABLE_OR_CURRENTLY_INACTIVE",
                     "The operator is currently unavailable or inactive", 400),
    "RECENT_TOPUP": ("PHONE_RECENTLY_RECHARGED",
                     "The phone number was recently recharged, please wait a few minutes", 400),
    "CARRIER_REJECTED": ("TOPUP_TRANSACTION_FAILED", "Top-up transaction failed", 400),
    "INSUFFICIENT_BALANCE": ("INSUFFICIENT_BALANCE", "Insufficient balance", 400),
    "DEALER_BUSY": ("TRANSACTION_CANNOT_BE_PROCESSED_AT_THE_MOMENT",
                    "The transaction cannot be processed at the moment", 400),
    "AMOUNT_MISMATCH": ("INVALID_AMOUNT_FOR_OPERATOR",
                        "The amount is not valid for the operator", 400),
}
OTHER_FAILURE = FAILURES["CARRIER_REJECTED"]


def utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


class ReloadlyResponse(Response):
    media_type = TOPUPS_V1

    def render(self, content: Any) -> bytes:
        return _ENCODER.encode(content)


class TokenResponse(ReloadlyResponse):
    media_type = "application/json"


def error(world: World, path: str, code: str | None, message: str,
          status: int) -> ReloadlyResponse:
    return ReloadlyResponse({"timeStamp": utc(world.now()), "message": message, "path": path,
                             "errorCode": code, "infoLink": None, "details": []}, status)


def failure(topup: Topup) -> tuple[str, str, int]:
    return FAILURES.get(topup.plan.error or "", OTHER_FAILURE)


def transaction(world: World, topup: Topup, txn_id: int, now: datetime) -> dict[str, Any]:
    """A top-up as Reloadly's transactions are written (/topups, its status, the report)."""
    op = ops.BY_ID[int(topup.sku)]
    status = topup.status(now)
    cost = ops.dollars(topup.amount)
    charged = topup.balance_after is not None
    said = STATUS[status]
    if status == "failed" and charged:
        said = "REFUNDED"  # charged while in progress, given back when it failed
    usd, currency_name, _ = ops.ACCOUNT_CURRENCY
    balance_info = None
    if charged:
        old = ops.dollars((topup.balance_after or 0) + topup.amount)
        new = ops.dollars(topup.balance_after or 0)
        balance_info = {"oldBalance": old, "newBalance": new, "cost": old - new,
                        "currencyCode": usd,
                        "currencyName": currency_name, "updatedAt": utc(topup.created_at)}
    return {
        "transactionId": txn_id, "status": said,
        "operatorTransactionId": topup.carrier_folio if status == "success" else None,
        "customIdentifier": topup.client_ref, "recipientPhone": f"52{topup.msisdn}",
        "recipientEmail": None, "senderPhone": None, "countryCode": "MX",
        "operatorId": op.id, "operatorName": op.name, "discount": ops.NO_DISCOUNT,
        "discountCurrencyCode": usd, "requestedAmount": cost,
        "requestedAmountCurrencyCode": usd,
        "deliveredAmount": Decimal(topup.amount) / 100, "deliveredAmountCurrencyCode": "MXN",
        "transactionDate": utc(topup.created_at), "pinDetail": None,
        "balanceInfo": balance_info,
    }


def status(world: World, topup: Topup, txn_id: int, now: datetime) -> dict[str, Any]:
    """GET /topups/{id}/status. The two documented shapes: the OpenAPI's (the transaction
    itself) for an odd id, the Java SDK's (the transaction inside, with ``code`` and
    ``message``) for an even one, so a client meets both; a failure always in the SDK's, the
    one with room for its code."""
    txn = transaction(world, topup, txn_id, now)
    failed = txn["status"] in ("FAILED", "REFUNDED")
    if txn_id % 2 and not failed:
        return txn
    code, message = failure(topup)[:2] if failed else (None, None)
    return {"code": code, "message": message, "status": txn["status"], "transaction": txn}


def page(lines: list[dict[str, Any]], number: int, size: int, total: int) -> dict[str, Any]:
    """A Spring page of the report, as the Java SDK's fixture writes it (``number`` from 0)."""
    pages = max(1, -(-total // size))
    return {
        "content": lines,
        "pageable": {"sort": {"sorted": True, "unsorted": False, "empty": False},
                     "pageNumber": number, "pageSize": size, "offset": number * size,
                     "paged": True, "unpaged": False},
        "totalPages": pages, "totalElements": total, "last": number >= pages - 1,
        "sort": {"sorted": True, "unsorted": False, "empty": False},
        "first": number == 0, "numberOfElements": len(lines), "size": size,
        "number": number, "empty": not lines,
    }
