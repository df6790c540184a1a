"""The simulator's error answers, in the protocol's shape and in Spanish."""

from __future__ import annotations

from typing import Any

from ..dealer.protocol import ERROR_CODES

MESSAGES: dict[str, str] = {
    "BAD_REQUEST": "Solicitud no válida.",
    "BAD_CREDENTIALS": "Terminal, usuario o contraseña incorrectos.",
    "NO_SESSION": "No hay sesión; inicie sesión.",
    "SESSION_EXPIRED": "La sesión venció; inicie sesión de nuevo.",
    "NOT_FOUND": "No existe.",
    "TOPUP_NOT_VISIBLE": "La recarga no aparece (todavía).",
    "REF_MISMATCH": "La referencia ya se usó con otros datos.",
    "UNKNOWN_SKU": "Producto desconocido.",
    "AMOUNT_MISMATCH": "El monto no corresponde al producto.",
    "INVALID_NUMBER": "Número inválido o no susceptible de recarga.",
    "CARRIER_DOWN": "La compañía no está disponible; no se realizó ningún cargo.",
    "RECENT_TOPUP": "El número recibió una recarga recientemente.",
    "CARRIER_REJECTED": "La compañía rechazó la recarga.",
    "INSUFFICIENT_BALANCE": "Saldo insuficiente.",
    "DEALER_BUSY": "Sistema saturado; intente más tarde.",
    "SYSTEM_DOWN": "Red de distribución no disponible.",
    "INTERNAL": "Error interno.",
}

RETRY_AFTER: dict[str, int] = {"CARRIER_DOWN": 300, "DEALER_BUSY": 60, "SYSTEM_DOWN": 300}


class SimError(Exception):
    """An error the simulated dealer answers with."""

    def __init__(self, code: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail
        self.status = status or ERROR_CODES[code][0]

    def body(self) -> dict[str, Any]:
        return {"error": error_object(self.code, self.detail)}


def error_object(code: str, detail: str = "") -> dict[str, Any]:
    _, error_class, origin = ERROR_CODES[code]
    message = MESSAGES[code] + (f" {detail}" if detail else "")
    error: dict[str, Any] = {"code": code, "class": error_class, "origin": origin,
                             "message": message}
    if code in RETRY_AFTER:
        error["retry_after"] = RETRY_AFTER[code]
    return error
