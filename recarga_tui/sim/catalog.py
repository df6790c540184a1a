"""The simulated dealer's carriers and products: Mexican carriers, typical amounts."""

from __future__ import annotations

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


def products() -> list[dict[str, object]]:
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
