"""Taecel's web service as the shop calls it: where, which operations, which form fields.

Every call is ``POST <base>/<Operation>``, form-encoded (``application/x-www-form-urlencoded``),
with the account's ``key`` and ``nip`` in every form: there is no session. The key and nip
are secrets (R12): these forms are built for the request and never logged or kept. The
answers are read by ``answers.py``. See docs/dealers/taecel.md.
"""

from __future__ import annotations

from datetime import date

from .money import form_amount
from .times import form_day

BASE_URL = "https://taecel.com/app/api"
OPERATIONS = ("getBalance", "getProducts", "RequestTXN", "StatusTXN", "getSales")
CONTENT_TYPE = "application/x-www-form-urlencoded"


def url(base: str, operation: str) -> str:
    if operation not in OPERATIONS:
        raise ValueError(f"not a Taecel operation: {operation}")
    return f"{base.rstrip('/')}/{operation}"


def credentials(key: str, nip: str) -> dict[str, str]:
    """The form of getBalance and getProducts."""
    return {"key": key, "nip": nip}


def request_txn(key: str, nip: str, producto: str, referencia: str,
                centavos: int) -> dict[str, str]:
    """RequestTXN: sell ``producto`` (a Codigo) to ``referencia`` (the phone or service
    number); ``monto`` in pesos, always sent (an open-amount bill needs it)."""
    return {**credentials(key, nip), "producto": producto, "referencia": referencia,
            "monto": form_amount(centavos)}


def status_txn(key: str, nip: str, trans_id: str) -> dict[str, str]:
    return {**credentials(key, nip), "transID": trans_id}


def get_sales(key: str, nip: str, day: date, bolsa: str) -> dict[str, str]:
    """getSales of one business day (Mexico City) and one pool (its ID)."""
    return {**credentials(key, nip), "fecha": form_day(day), "bolsa": bolsa}
