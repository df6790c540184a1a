"""What the simulated Taecel answers: its published test numbers, and its error answers.

Taecel's test matrix (gogl92/taecel: tests/Unit/TaecelTest.php, result.csv,
logs/laravel.log) uses ``55555555`` and two digits. The real service took every one with
RequestTXN and told their fate in StatusTXN, after as many seconds as the two digits say
(its ``Timeout``: 5.03, 10.04, 15.02...); it took 5555555565 too (the matrix's ninth row,
MOV120), whose fate the log does not show. **Choice:** two digits the table does not list are
delivered after as many seconds. Any other number, ``555555xxxx`` ones included, goes to the
world: its own test rows (docs/dealer-simulator.md) and its scenario.
"""

from __future__ import annotations

from ..numbers import Plan

TAECEL_PREFIX = "55555555"
# The ending whose first StatusTXN answers, on purpose, something that is not JSON.
GARBLED_ENDINGS = frozenset({"20"})

TEST_NUMBERS: dict[str, tuple[str, Plan]] = {
    "05": ("delivered after 5 s", Plan("success", settle_after=5.0)),
    "10": ("invalid number after 10 s: error 1", Plan("failed", "INVALID_NUMBER", 10.0)),
    "15": ("delivered after 15 s", Plan("success", settle_after=15.0)),
    "20": ("StatusTXN's first answer is not JSON; delivered after 20 s",
           Plan("success", settle_after=20.0)),
    "25": ("delivered after 25 s", Plan("success", settle_after=25.0)),
    "30": ("delivered after 30 s", Plan("success", settle_after=30.0)),
    "40": ("invalid amount after 40 s: error 3", Plan("failed", "AMOUNT_MISMATCH", 40.0)),
    "60": ("delivered after 60 s", Plan("success", settle_after=60.0)),
}

# Taecel's answer for a world's failure: (error, message, Nota). The first three are the
# real ones; the 9xxx codes are the simulator's own, for failures whose code no source shows:
# the decoder rightly reads them as unknown outcomes.
FAILURES: dict[str, tuple[str, str, str]] = {
    "INVALID_NUMBER": ("1", "Teléfono no valido", ""),
    "AMOUNT_MISMATCH": ("3", "Monto Invalido", ""),
    "INSUFFICIENT_BALANCE": ("2130", "No cuenta con saldo suficiente para realizar la "
                             "transacción", "Saldo insuficiente"),
    "CARRIER_DOWN": ("9001", "Servicio no disponible por el momento", ""),
    "RECENT_TOPUP": ("9002", "El carrier reporta una recarga reciente a este número", ""),
    "CARRIER_REJECTED": ("9003", "Recarga rechazada por el carrier", ""),
    "DEALER_BUSY": ("9004", "Sistema saturado, intente más tarde", ""),
}
OTHER_FAILURE = ("9009", "Transacción no realizada", "")

# Refusals of a request (never recorded). 1 and 3 are Taecel's; 3128 is Taecel's 10-minute
# guard, worded as it answers; 405 and 90xx are the simulator's (see docs/dealers/taecel.md).
BAD_CREDENTIALS = ("405", "Acceso no autorizado, verifique su key y nip")
RECENT_TOPUP = ("3128", "Numero recargado en menos de 10 minutos, por favor revise su "
                "reporte de ventas o espere para intentarlo nuevamente")
INVALID_PHONE = ("1", "Teléfono no valido")
INVALID_AMOUNT = ("3", "Monto Invalido")
UNKNOWN_PRODUCT = ("9010", "Producto no valido")
INVALID_REFERENCE = ("9011", "Referencia no valida")
UNKNOWN_TRANSACTION = ("9020", "Transacción no encontrada")
BAD_PARAMETERS = ("9030", "Parámetros no validos")

# The body of StatusTXN for 5555555520, as Taecel sent it (gogl92/taecel logs/laravel.log).
GARBLED = (":( \nError intencional en formato de respuesta, se debe de ejecutar nuevamente el "
           "Método StatusTXN para Revisar el Status de la Transacción\n :/")


def ending(number: str) -> str | None:
    """The two digits of a Taecel test number, or None."""
    if len(number) == 10 and number.startswith(TAECEL_PREFIX) and number[8:].isdigit():
        return number[8:]
    return None


def fixed_plan(number: str) -> Plan | None:
    """Taecel's plan for its test number, or None: the world decides (its rows, scenario)."""
    end = ending(number)
    if end is None:
        return None
    if end not in TEST_NUMBERS:
        return Plan("success", settle_after=float(end))
    return TEST_NUMBERS[end][1]


def garbled_first(number: str) -> bool:
    return ending(number) in GARBLED_ENDINGS


def failure(plan: Plan) -> tuple[str, str, str]:
    return FAILURES.get(plan.error or "", OTHER_FAILURE)

