"""The simulated Reloadly's Mexican operators, in the shape of Reloadly's operators.

The ids and the amounts are the simulator's own (Reloadly's real ones are in the account's
dashboard); their shape is Reloadly's: one operator per brand and kind ("Telcel Mexico",
"Telcel Mexico Bundles"), FIXED operators with ``localFixedAmounts`` in pesos and their
descriptions, a RANGE operator with ``localMinAmount``..``localMaxAmount``, a PIN operator and
one priced in dollars only (the app sells neither). Each sits on a carrier of the world
(``sim/catalog.py``), whose status an outage scenario takes down.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

ACCOUNT_CURRENCY = ("USD", "US Dollar", "$")
FX_RATE = Decimal("17.2500")  # pesos a dollar, the simulated account's rate
CENT = Decimal("0.01")
NO_DISCOUNT = Decimal("0.00")  # the simulated account earns no commission: costs add up


@dataclass(frozen=True)
class SimOperator:
    id: int
    name: str
    carrier: str                       # the world's carrier (sim/catalog.py)
    pesos: tuple[int, ...] = ()        # FIXED: its local amounts
    span: tuple[int, int] | None = None  # RANGE: its local minimum and maximum
    bundle: bool = False
    pin: bool = False
    local: bool = True                 # supportsLocalAmounts
    words: dict[int, str] = field(default_factory=dict)

    @property
    def fixed(self) -> bool:
        return self.span is None

    def takes(self, centavos: int) -> bool:
        """Whether a local amount is one this operator sells."""
        if centavos <= 0 or centavos % 100 and self.fixed:
            return False
        if self.span is not None:
            return self.span[0] * 100 <= centavos <= self.span[1] * 100
        return centavos in {p * 100 for p in self.pesos}


_TOPUPS = (10, 20, 30, 50, 100, 150, 200, 300, 500)
OPERATORS: tuple[SimOperator, ...] = (
    SimOperator(9101, "Telcel Mexico", "telcel", span=(10, 500)),
    SimOperator(9102, "Telcel Mexico Bundles", "telcel", pesos=(30, 50, 100, 200),
                bundle=True, words={
                    30: "Internet Amigo 30: 1 GB, 3 días",
                    50: "Amigo Sin Límite 50: 1.5 GB y redes sociales, 7 días",
                    100: "Amigo Sin Límite 100: 3 GB y redes sociales, 15 días",
                    200: "Amigo Sin Límite 200: 6 GB y redes sociales, 30 días"}),
    SimOperator(9103, "Movistar Mexico", "movistar", pesos=_TOPUPS),
    SimOperator(9104, "AT&T Mexico", "att", pesos=_TOPUPS),
    SimOperator(9105, "Unefon Mexico", "unefon", pesos=_TOPUPS),
    SimOperator(9106, "Bait Mexico", "bait", pesos=(30, 50, 100, 150, 200, 300)),
    SimOperator(9107, "Virgin Mobile Mexico", "virgin", pesos=(20, 30, 50, 100, 150, 200)),
    SimOperator(9108, "Telcel Mexico PIN", "telcel", pesos=(100, 200), pin=True),
    SimOperator(9109, "Movistar Mexico Dollars", "movistar", pesos=(5, 10), local=False),
)
BY_ID = {op.id: op for op in OPERATORS}
# Who a number belongs to, for the auto-detection: the share of each brand's airtime operator.
_SHARES = ((9101, 0.62), (9103, 0.14), (9104, 0.13), (9105, 0.05), (9106, 0.04), (9107, 0.02))


def detect(seed: int, number: str) -> SimOperator | None:
    """The operator of a 10-digit number: the same every time for one seed. The world's test
    numbers (555555...) are Telcel's; a number that starts with 0 or 1 is nobody's."""
    if len(number) != 10 or not number.isdigit() or number[0] in "01":
        return None
    if number.startswith("555555"):
        return BY_ID[9101]
    draw = random.Random(f"{seed}:reloadly-detect:{number}").random()
    for op_id, share in _SHARES:
        if draw < share:
            return BY_ID[op_id]
        draw -= share
    return BY_ID[9101]


def dollars(centavos: int) -> Decimal:
    """What pesos cost in the account's dollars, before the discount."""
    return (Decimal(centavos) / 100 / FX_RATE).quantize(CENT, rounding=ROUND_HALF_UP)


def body(op: SimOperator) -> dict[str, Any]:
    """The operator as Reloadly answers it (the fields the Java SDK's fixtures carry)."""
    usd, name, symbol = ACCOUNT_CURRENCY
    local = op.local and not op.fixed
    fixed_local = [Decimal(p) for p in op.pesos] if op.local and op.fixed else []
    return {
        "id": op.id, "operatorId": op.id, "name": op.name, "bundle": op.bundle,
        "data": op.bundle, "pin": op.pin, "supportsLocalAmounts": op.local,
        "supportsGeographicalRechargePlans": False,
        "denominationType": "FIXED" if op.fixed else "RANGE",
        "senderCurrencyCode": usd, "senderCurrencySymbol": symbol,
        "destinationCurrencyCode": "MXN", "destinationCurrencySymbol": "$",
        "commission": NO_DISCOUNT, "internationalDiscount": NO_DISCOUNT,
        "localDiscount": NO_DISCOUNT, "mostPopularAmount": None,
        "mostPopularLocalAmount": None,
        "minAmount": dollars(op.span[0] * 100) if op.span else None,
        "maxAmount": dollars(op.span[1] * 100) if op.span else None,
        "localMinAmount": Decimal(op.span[0]) if local and op.span else None,
        "localMaxAmount": Decimal(op.span[1]) if local and op.span else None,
        "country": {"isoName": "MX", "name": "Mexico"},
        "fx": {"rate": FX_RATE, "currencyCode": "MXN"},
        "logoUrls": [],
        "fixedAmounts": [dollars(p * 100) for p in op.pesos] if op.fixed else [],
        "fixedAmountsDescriptions": {},
        "localFixedAmounts": fixed_local,
        "localFixedAmountsDescriptions": {f"{p}.00": text for p, text in op.words.items()},
        "suggestedAmounts": [], "suggestedAmountsMap": {}, "promotions": [],
    }
