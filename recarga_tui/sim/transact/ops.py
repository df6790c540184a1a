"""The five operations of the simulated transact service, over the shared :class:`World`.

A sale here is the world's top-up under the ``TRequestID`` (its reference), so the world's
test numbers, scenarios, balance, reflection delay and ledger hold for this face exactly as
for protocol v1. What this module adds is the service's words: which ``rcode`` and
description the world's outcomes are answered with (docs/dealers/transact.md).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import SimError
from ..world import World
from . import catalog, envelopes
from .calls import BadCall, Call
from .envelopes import SOAP11, TFields, Version
from .ids import RequestIds

LICENCES = {"DEMO": "DEMO-01"}  # licence -> the world's terminal
_PHONE = re.compile(catalog.PHONE)

# The world's error codes as the service words its failures (rcode 3 FRACASO, 5 CuentaInvalida)
FAILURES: dict[str, tuple[int, str]] = {
    "INVALID_NUMBER": (5, "Cuenta invalida: el numero no existe o no puede recibir la recarga"),
    "CARRIER_DOWN": (3, "Carrier no disponible, intente mas tarde"),
    "RECENT_TOPUP": (3, "Recarga reciente al mismo numero"),
    "CARRIER_REJECTED": (3, "Transaccion rechazada por el carrier"),
    "DEALER_BUSY": (3, "Sistema saturado, intente mas tarde"),
}
NOT_FOUND = (8, "TRequestID no encontrado")
NOT_YET = (7, "No existe transaccion asociada al TRequestID")
ANOTHER = (6, "TRequestID invalido")


def user_terminal(world: World, user: str, password: str) -> str | None:
    """The terminal whose user this is, when the password is right."""
    return next((tid for tid in world.terminals
                 if world.check_credentials(tid, user, password)), None)


def request_id(world: World, ids: RequestIds, call: Call, *,
               licence_required: bool = False) -> str:
    """GetTRequestID: a new id, or an empty one for credentials not accepted (what public
    integrators meet: "credenciales erróneas o sistema en mantenimiento"). The licence may be
    empty: RecargasTae and the zeep demo send ``""`` and the service hands them ids; one that
    is sent must be the terminal's. ``licence_required`` plays a deployment that wants one."""
    terminal = user_terminal(world, call.get("username"), call.get("password"))
    licence = call.get("licence")
    if terminal is None or (licence and LICENCES.get(licence) != terminal) or (
            licence_required and not licence):
        return ""
    return ids.issue(call.get("username"), terminal, world.now())


def balance_document(world: World) -> str:
    sign = "-" if world.balance < 0 else ""
    return (f"<response><balance>{sign}{abs(world.balance) // 100}."
            f"{abs(world.balance) % 100:02d}</balance></response>")


def centavos(monto: str) -> int:
    """``monto`` (an xs:float of pesos) as whole centavos; BadCall as .NET would fail it."""
    try:
        value = Decimal(monto.strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value * 100 != (value * 100).to_integral_value():
        raise BadCall("Server was unable to read request. ---> There is an error in XML "
                      "document. ---> Input string was not in a correct format.")
    return int(value * 100)


def precheck(world: World, call: Call) -> tuple[int, str] | None:
    """The refusals the service makes before a sale is taken: the account's pattern, a bill's
    limits. None: the world takes it from here."""
    sku, account = call.get("skuCode"), call.get("op_account")
    pattern = catalog.bill_pattern(sku)
    if pattern is not None:
        if not re.fullmatch(pattern, account):
            return 5, "Referencia invalida para el servicio"
        if not catalog.BILL_MIN <= centavos(call.get("monto")) <= catalog.BILL_MAX:
            return 3, "Monto no valido para el servicio"
    elif world.product(sku) is not None and not _PHONE.fullmatch(account):
        return 5, "Cuenta invalida: el numero debe tener 10 digitos"
    return None


def refusal(error: SimError) -> tuple[int, str]:
    """A world refusal of DoT before anything was taken."""
    return {"REF_MISMATCH": (6, "TRequestID ya utilizado con otros datos"),
            "UNKNOWN_SKU": (3, "Producto no valido"),
            "AMOUNT_MISMATCH": (3, "Monto no valido para el producto")}.get(
        error.code, (4, "Error general"))


def _money(centavos: int) -> str:
    return f"${centavos // 100:,}.{centavos % 100:02d}"


def ticket(world: World, record: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The ``printData`` of a sale: what the dealer wants on the customer's ticket."""
    product = world.product(str(record["sku"])) or {}
    bill = catalog.bill_pattern(str(record["sku"])) is not None
    when = datetime.fromisoformat(str(record["updated_at"]))
    return (("", "PAGO DE SERVICIO" if bill else "RECARGA ELECTRONICA"),
            ("Producto", str(product.get("description", record["sku"]))),
            ("Referencia" if bill else "Numero", str(record["msisdn"])),
            ("Monto", _money(int(record["amount"]))),
            ("Autorizacion", authorization(record)),
            ("Folio", str(transaction_number(record))),
            ("Fecha", f"{when:%d/%m/%Y %H:%M:%S}"),
            ("", "Conserve este ticket como comprobante"))


def transaction_number(record: dict[str, Any]) -> int:
    return int(str(record["topup_id"]).lstrip("T"))


def authorization(record: dict[str, Any]) -> str:
    """The carrier's authorization as the service writes it: six digits (502735, 644439), the
    last six of the world's folio."""
    return str(record["carrier_folio"])[-6:]


def answer_of(world: World, record: dict[str, Any]) -> TFields:
    """The TResponse the service gives for the world's record of a sale."""
    account = str(record["msisdn"])
    if record["status"] == "success":
        return TFields(0, "Transaccion Exitosa", account, transaction_number(record),
                       authorization=authorization(record),
                       ticket=ticket(world, record))
    if record["status"] == "pending":
        return TFields(2, "Transaccion en proceso", account, transaction_number(record))
    code = str((record.get("error") or {}).get("code", ""))
    if code == "INSUFFICIENT_BALANCE":
        return TFields(3, f"Sin Saldo {_money(max(world.balance, 0))}", account, detail=code)
    rcode, text = FAILURES.get(code, (4, "Error general"))
    return TFields(rcode, text, account, detail=code)


def plain(rcode_text: tuple[int, str], account: str) -> TFields:
    return TFields(rcode_text[0], rcode_text[1], account)


def bytes_of(operation: str, fields: TFields, version: Version = SOAP11) -> bytes:
    return envelopes.tresponse(operation, fields, version)
