"""The simulated dealer's carriers and products: Mexican carriers, typical amounts."""

from __future__ import annotations

from typing import Any

CARRIERS: tuple[tuple[str, str], ...] = (
    ("telcel", "Telcel"),
    ("movistar", "Movistar"),
    ("att", "AT&T"),
    ("unefon", "Unefon"),
    ("bait", "Bait"),
    ("virgin", "Virgin Mobile"),
)

_PESOS: dict[str, tuple[int, ...]] = {
    "telcel": (10, 20, 30, 50, 100, 150, 200, 300, 500),
    "movistar": (10, 20, 30, 50, 100, 150, 200, 300, 500),
    "att": (10, 20, 30, 50, 100, 150, 200, 300, 500),
    "unefon": (10, 20, 30, 50, 100, 150, 200, 300, 500),
    "bait": (30, 50, 100, 150, 200, 300),
    "virgin": (20, 30, 50, 100, 150, 200, 300),
}

_PREFIX = {"telcel": "TEL", "movistar": "MOV", "att": "ATT", "unefon": "UNE", "bait": "BAI",
           "virgin": "VIR"}


def products() -> list[dict[str, Any]]:
    names = dict(CARRIERS)
    return [
        {
            "sku": f"{_PREFIX[cid]}-{pesos:03d}",
            "carrier_id": cid,
            "amount": pesos * 100,
            "description": f"Recarga {names[cid]} ${pesos}",
        }
        for cid, _ in CARRIERS
        for pesos in _PESOS[cid]
    ]


# --- protocol v1.1: data bundles and bill payments ------------------------------------------

# The pool bills are paid from, apart from the main balance (the world's name and the shown one).
SERVICES_POOL, SERVICES_POOL_NAME = "servicios", "Pago de Servicios"
MAIN_POOL_NAME = "Tiempo Aire"
SERVICES_BALANCE = 5_000_000  # $50,000.00

# (carrier, sku, pesos, name, validity, description)
BUNDLES: tuple[tuple[str, str, int, str, str, str], ...] = (
    ("telcel", "ASL-050", 50, "Amigo Sin Límite 50", "7 días",
     "1.5 GB, redes sociales, llamadas y SMS ilimitados"),
    ("telcel", "ASL-100", 100, "Amigo Sin Límite 100", "15 días",
     "3 GB, redes sociales, llamadas y SMS ilimitados"),
    ("telcel", "INA-030", 30, "Internet Amigo 30", "3 días", "1 GB para navegar"),
    ("movistar", "MPQ-050", 50, "Movistar Paquete 50", "10 días",
     "2 GB, llamadas y SMS ilimitados"),
)

# The billers: (id, name, the reference's label, shortest, longest, most pesos)
BILLERS: tuple[tuple[str, str, str, int, int, int], ...] = (
    ("cfe", "CFE", "Número de servicio", 12, 30, 10_000),
    ("telmex", "Telmex", "Número telefónico", 10, 10, 5_000),
    ("agua", "Agua (SACMEX)", "Número de cuenta", 12, 16, 5_000),
)


def _reference(label: str, shortest: int, longest: int) -> dict[str, object]:
    return {"name": "referencia", "label": label, "kind": "reference",
            "min_length": shortest, "max_length": longest, "required": True, "confirm": True}


def v11_carriers() -> list[tuple[str, str]]:
    """The billers beside the carriers: a bill's company is its service."""
    return [(bid, name) for bid, name, *_ in BILLERS]


def v11_products() -> list[dict[str, Any]]:
    """Bundles (fixed amounts to a phone) and bills (an open amount to a reference)."""
    bundles = [{"sku": sku, "carrier_id": cid, "amount": pesos * 100, "category": "bundle",
                "name": name, "validity": validity, "description": what}
               for cid, sku, pesos, name, validity, what in BUNDLES]
    bills = [{"sku": f"PAGO-{bid.upper()}", "carrier_id": bid, "amount": 0, "category": "bill",
              "name": f"Pago {name}", "description": f"Pago de recibo {name}",
              "pool": SERVICES_POOL, "fields": [_reference(label, low, high)],
              "min_amount": 100, "max_amount": most * 100}
             for bid, name, label, low, high, most in BILLERS]
    return bundles + bills


# --- protocol v1.2: what the shop earns on each product -----------------------------------------

# The simulated dealer's commission on airtime, per carrier (percent of the amount), and on
# bundles; a bill earns a fixed amount per payment, but the water bill a share of it.
AIRTIME_PERCENT = {"telcel": 6, "movistar": 7, "att": 7, "unefon": 7, "bait": 8, "virgin": 8}
BUNDLE_PERCENT = 5
BILL_EARNING = {"cfe": 400, "telmex": 350}  # centavos a payment
BILL_EARNING_RATE = {"agua": 100}            # basis points of the amount (1 %)


def earning_of(product: dict[str, Any]) -> dict[str, int]:
    """The v1.2 fields of a product of this catalog: ``earning`` (centavos a sale) or
    ``earning_rate`` (basis points of an open amount)."""
    cid, amount = str(product["carrier_id"]), int(product["amount"])
    if product.get("category") == "bill":
        if cid in BILL_EARNING_RATE:
            return {"earning_rate": BILL_EARNING_RATE[cid]}
        return {"earning": BILL_EARNING[cid]} if cid in BILL_EARNING else {}
    percent = BUNDLE_PERCENT if product.get("category") == "bundle" else AIRTIME_PERCENT[cid]
    return {"earning": amount * percent // 100}
