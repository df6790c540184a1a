"""What Taecel's error codes mean for the sale, and where the failure comes from (R01).

Only the codes seen in real answers are known (docs/dealers/taecel.md gives the source of
each). A code not listed here is not a refusal: nothing says the sale was not made, so it is
an unknown outcome to be looked up (R16). Taecel publishes no catalog of its codes.
"""

from __future__ import annotations

from msgspec import Struct

from ...domain.faults import Origin

SUCCESS = "0"
# RequestTXN: "Numero recargado en menos de 10 minutos, por favor revise su reporte de
# ventas o espere para intentarlo nuevamente". Taecel's own guard against a repeated
# top-up: after a lost answer, a strong sign that the first one went through.
RECENT_TOPUP = "3128"


class Refusal(Struct, frozen=True):
    """A code that says, for certain, that the sale was not made."""

    origin: Origin
    key: str          # the cashier's words (i18n catalog)
    error_class: str  # invalid (fix the data) | refused (it will not be made as asked)


REFUSALS: dict[str, Refusal] = {
    # "Teléfono no valido" (StatusTXN of the test number 5555555510).
    "1": Refusal(Origin.CONSUMER, "dealer.code.invalid_number", "invalid"),
    # "Monto Invalido" (StatusTXN of the test number 5555555540): the amount is not the
    # product's, which the shop sent.
    "3": Refusal(Origin.SHOP, "dealer.code.amount_mismatch", "invalid"),
    # "No cuenta con saldo suficiente para realizar la transacción", Nota "Saldo
    # insuficiente": the shop's pool does not cover it; nothing was charged.
    "2130": Refusal(Origin.SHOP, "dealer.code.insufficient_balance", "refused"),
}


def code_of(error: int | str) -> str:
    """The code as text, however Taecel sent it: ``0`` and ``"0"`` are both ``"0"``."""
    if isinstance(error, bool):  # not a code at all; shapes.py refuses it already
        return repr(error)
    return str(error).strip()
