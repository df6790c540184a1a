"""What each ``rcode`` of a ``DoT`` or ``CheckTransaction`` answer means for the procedure.

The public sources (docs/dealers/transact.md) show ``0`` done, ``2`` in progress and ``3`` a
failure ("Sin Saldo $0.00"); the WSDL of one deployment names the codes in order (its ``RCode``
enumeration: EXITO, PENDIENTE, EN_PROCESO, FRACASO, ErrorGeneral, CuentaInvalida,
TRequestID_invalido, NoExisteTransaccionAsociadaATRequestID, TRequestID_noEncontrado,
ErrorRuteandoTransaccion), which agrees with the three seen. Only the codes that say for
certain that nothing was sold are rejections; everything else, and every code not listed, is
unknown and must be looked up (R16, R19).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import NamedTuple

from ...domain.faults import Origin


class Kind(StrEnum):
    DONE = "done"            # sold: the carrier's authorization is the proof
    PENDING = "pending"      # taken, not final: look it up with CheckTransaction
    FAILED = "failed"        # definitely not sold
    NOT_FOUND = "not_found"  # (lookup) nothing under that id, yet
    UNKNOWN = "unknown"      # the dealer does not say: look it up


class Meaning(NamedTuple):
    name: str
    kind: Kind
    origin: Origin = Origin.DEALER


RCODES: dict[int, Meaning] = {
    0: Meaning("EXITO", Kind.DONE),
    1: Meaning("PENDIENTE", Kind.PENDING),
    2: Meaning("EN_PROCESO", Kind.PENDING),
    3: Meaning("FRACASO", Kind.FAILED),  # the origin comes from the description (below)
    4: Meaning("ErrorGeneral", Kind.UNKNOWN),
    5: Meaning("CuentaInvalida", Kind.FAILED, Origin.CONSUMER),
    # On a DoT these three are unknown: a service that refuses a repeated id may say so
    # about an id whose first DoT went through. On a lookup 7 and 8 are "nothing yet".
    6: Meaning("TRequestID_invalido", Kind.UNKNOWN),
    7: Meaning("NoExisteTransaccionAsociadaATRequestID", Kind.NOT_FOUND),
    8: Meaning("TRequestID_noEncontrado", Kind.NOT_FOUND),
    9: Meaning("ErrorRuteandoTransaccion", Kind.UNKNOWN, Origin.NETWORK),
    # A bill payment that asks for the DoC step (seen in one integrator): not final.
    10: Meaning("RequiereComprobacion", Kind.UNKNOWN),
}


def meaning(rcode: int) -> Meaning:
    return RCODES.get(rcode, Meaning(f"rcode {rcode}", Kind.UNKNOWN))


class Refusal(NamedTuple):
    """A definite failure as the cashier sees it: origin, catalog key, class (R01)."""

    origin: Origin
    key: str
    error_class: str


# In order: the first whose words all appear in the description decides.
_WORDS: tuple[tuple[tuple[str, ...], Refusal], ...] = (
    (("saldo",), Refusal(Origin.SHOP, "dealer.code.insufficient_balance", "refused")),
    (("saturad",), Refusal(Origin.DEALER, "dealer.code.dealer_busy", "transient")),
    (("no disponible",), Refusal(Origin.CARRIER, "dealer.code.carrier_down", "transient")),
    (("fuera de servicio",), Refusal(Origin.CARRIER, "dealer.code.carrier_down", "transient")),
    (("reciente",), Refusal(Origin.CARRIER, "dealer.code.recent_topup", "refused")),
    (("monto",), Refusal(Origin.SHOP, "dealer.code.amount_mismatch", "invalid")),
    (("producto",), Refusal(Origin.SHOP, "dealer.code.unknown_sku", "invalid")),
    (("sku",), Refusal(Origin.SHOP, "dealer.code.unknown_sku", "invalid")),
    (("numero", "invalid"), Refusal(Origin.CONSUMER, "dealer.code.invalid_number", "invalid")),
    (("numero", "no valid"), Refusal(Origin.CONSUMER, "dealer.code.invalid_number", "invalid")),
    (("cuenta", "invalid"), Refusal(Origin.CONSUMER, "dealer.code.invalid_number", "invalid")),
    (("referencia", "invalid"), Refusal(Origin.CONSUMER, "dealer.code.invalid_number",
                                        "invalid")),
)
_CARRIER = Refusal(Origin.CARRIER, "dealer.code.carrier_rejected", "refused")
_ACCOUNT = Refusal(Origin.CONSUMER, "dealer.code.invalid_number", "invalid")


def _plain(text: str) -> str:
    """Lower case without accents: "Número inválido" and "NUMERO INVALIDO" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def refusal(rcode: int, description: str) -> Refusal:
    """Who refused a definite failure. The service gives one failure code (3) for all
    causes, so the cause is read from its words; a failure whose words say nothing known is
    the carrier's refusal, the most common cause."""
    if rcode == 5:
        return _ACCOUNT
    plain = _plain(description)
    for words, found in _WORDS:
        if all(word in plain for word in words):
            return found
    return _CARRIER
