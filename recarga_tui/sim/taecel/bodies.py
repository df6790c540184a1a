"""The simulated Taecel's answers, in Taecel's shapes and quirks.

HTTP 200 whatever happened; ``{"success", "error", "message", "data", "extra"}``; ``error``
the integer 0 with a success and a string (``"1"``, ``"2130"``) with a failure; money as
``"$1,258.05"`` (``"899,968,134"``, grouped whole pesos, in getBalance); ``Fecha`` Mexico City
wall clock without offset; ``"Fracasada "`` with its trailing space; ``data`` an empty list
on a refusal; the JSON written as PHP's json_encode writes it (``\\u00f3``, ``\\/``);
``Folio`` six digits (916581, 644439); StatusTXN's ``logo`` last, as in the 2025 answers.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from starlette.responses import Response

from ...dealer.taecel.money import format_money
from ...dealer.taecel.times import format_fecha
from ..world import Topup, World
from . import catalog, plans

STATUS = {"success": "Exitosa", "failed": "Fracasada ", "pending": "En Proceso"}
LOGOS = "https://cdn.taecel.com/src/app/assets/img/carriers/"  # where StatusTXN's logo points


def php_json(content: Any) -> bytes:
    """JSON as PHP writes it by default: non-ASCII and slashes escaped."""
    text = json.dumps(content, ensure_ascii=True, separators=(",", ":"))
    return text.replace("/", "\\/").encode("ascii")


class TaecelResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return php_json(content)


def envelope(success: bool, error: int | str, message: str, data: Any) -> dict[str, Any]:
    return {"success": success, "error": error, "message": message, "data": data, "extra": None}


def ok(message: str, data: Any) -> TaecelResponse:
    return TaecelResponse(envelope(True, 0, message, data))


def refused(answer: tuple[str, str]) -> TaecelResponse:
    code, message = answer
    return TaecelResponse(envelope(False, code, message, []))


def garbled() -> Response:
    return Response(plans.GARBLED.encode("utf-8"), media_type="text/html; charset=UTF-8")


def transaction(world: World, topup: Topup, now: datetime, *, report: bool = False
                ) -> tuple[str, dict[str, Any]]:
    """``(status, data)`` of a sale as StatusTXN and getSales tell it at ``now``."""
    status = topup.status(now)
    product = catalog.product(topup.sku)
    assert product is not None  # only the face's own products reach the world under it
    settled = status != "pending"
    charged = topup.balance_after is not None
    balance = topup.balance_after if status != "failed" and charged else world.funds(topup.pool)
    note = ""
    if status == "failed":
        note = plans.failure(topup.plan)[2]
    elif status == "success" and report:
        note = "Pago Exitoso" if product.carrier.pool_id == catalog.PAGO_DE_SERVICIOS \
            else "Recarga Exitosa"
    return status, {
        "TransID": topup.client_ref, "Fecha": format_fecha(topup.created_at),
        "Carrier": product.carrier.name, "Telefono": topup.msisdn,
        "Folio": topup.carrier_folio[-6:] if status == "success" else "",
        "Status": STATUS[status], "Monto": format_money(topup.amount), "Cargo": "$0.00",
        "Abono": "$0.00", "Via": "WS", "Región": "9",
        "Timeout": f"{topup.plan.settle_after:.2f}" if settled else "0.00",
        "IP": "127.0.0.1", "Bolsa": catalog.POOLS[product.carrier.pool_id],
        "Comision": "$0.00", "Nota": note, "pin": "", "Saldo Final": format_money(balance or 0),
    }


def status_answer(world: World, topup: Topup, now: datetime) -> TaecelResponse:
    status, data = transaction(world, topup, now)
    product = catalog.product(topup.sku)
    data["logo"] = f"{LOGOS}{product.carrier.world_id if product else 'taecel'}.png"
    if status == "success":
        return TaecelResponse(envelope(True, 0, "Transacción Exitosa", data))
    if status == "pending":
        return TaecelResponse(envelope(True, 0, "Transacción en Proceso", data))
    code, message, _ = plans.failure(topup.plan)
    return TaecelResponse(envelope(False, code, message, data))
