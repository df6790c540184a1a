"""Money in integer centavos: what the cashier types, the change, the cash warnings (R05-R07).

Amounts are ``int`` centavos everywhere; a float is refused with ``TypeError`` because a
binary fraction cannot hold 0.10 exactly and a drawer must add up to the centavo.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, NamedTuple

from msgspec import Struct, field

from recarga_tui.domain.sale import SaleError

CENTAVOS = 100  # centavos in a peso

# What a cashier may plausibly type at the counter; more is a slip of the finger.
MAX_AMOUNT = 100_000 * CENTAVOS


class MoneyError(SaleError):
    """An amount refused by a money rule; ``code`` is a catalog key, ``params`` fill it in."""


class Kind(StrEnum):
    BILL = "bill"
    COIN = "coin"


class Denomination(NamedTuple):
    value: int  # centavos
    kind: Kind


# The Mexican bills and coins in circulation that a shop's drawer holds. The 20-peso coin
# exists next to the 20-peso bill; the 10 and 20 centavo coins are left out: no shop gives them.
BILLS: tuple[int, ...] = tuple(p * CENTAVOS for p in (1000, 500, 200, 100, 50, 20))
COINS: tuple[int, ...] = (2000, 1000, 500, 200, 100, 50)

# Greedy change uses the bill for 20 pesos: it is the more common of the two.
CHANGE_DENOMINATIONS: tuple[Denomination, ...] = tuple(
    [Denomination(v, Kind.BILL) for v in BILLS]
    + [Denomination(v, Kind.COIN) for v in COINS if v < 20 * CENTAVOS]
)


def _require_int(name: str, value: object) -> int:
    # bool is an int subclass; True pesos is a bug, not an amount.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be int centavos, not {type(value).__name__}")
    return value


def from_pesos(pesos: int) -> int:
    """Whole pesos (as the config gives thresholds) in centavos."""
    return _require_int("pesos", pesos) * CENTAVOS


def pesos(amount: int) -> str:
    """``$1,234.50``: the same in es-MX and en; negative as ``-$10.00``."""
    amount = _require_int("amount", amount)
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount), CENTAVOS)
    return f"{sign}${whole:,}.{cents:02d}"


# The sale's currency: the counter sells, and the cashier is paid, in Mexican pesos.
PESOS_CODE = "MXN"
_CODE = re.compile(r"[A-Z]{3}")


def is_pesos(currency: str) -> bool:
    """Whether ``currency`` (an ISO 4217 code, as a dealer names it) is the sale's pesos."""
    return currency.strip().upper() == PESOS_CODE


def in_currency(amount: int, currency: str) -> str:
    """A balance as the dealer keeps it (hundredths of ``currency``): ``$1,234.50`` in pesos,
    ``1,234.50 USD`` in any other currency, never a ``$`` that would read as pesos. A code
    that is not three letters is shown as ``???``: a currency the app cannot name."""
    if is_pesos(currency):
        return pesos(amount)
    amount = _require_int("amount", amount)
    code = currency.strip().upper()
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(amount), CENTAVOS)
    return f"{sign}{whole:,}.{cents:02d} {code if _CODE.fullmatch(code) else '???'}"


# --- what the cashier types ---

_NUMBER = re.compile(r"(?P<whole>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?P<frac>\d*))?")


def parse(text: str, limit: int = MAX_AMOUNT) -> int:
    """Centavos from what a cashier types: ``"50"``, ``"50.00"``, ``"$1,000"``, ``"1000.5"``.

    Commas are thousands separators and must sit every three digits ("1,00" is refused, not
    guessed); the point is the decimal point, as on Mexican receipts.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    body = text.strip()
    if body.startswith("$"):
        body = body[1:].lstrip()
    if not body:
        raise MoneyError("money.empty")
    if body.startswith(("-", "\u2212")):
        raise MoneyError("money.negative")
    letters = list(dict.fromkeys(ch for ch in body if ch.isalpha()))
    if letters:
        raise MoneyError("money.letters", chars=" ".join(letters))
    others = list(dict.fromkeys(ch for ch in body if ch not in "0123456789,."))
    if others:
        raise MoneyError("money.bad_chars", chars=" ".join(others))
    match = _NUMBER.fullmatch(body)
    if match is None or not (match["whole"] or match["frac"]):
        raise MoneyError("money.bad_format", text=text.strip())
    frac = match["frac"] or ""
    if len(frac) > 2:
        raise MoneyError("money.too_many_decimals")
    whole = int(match["whole"].replace(",", "") or "0")
    amount = whole * CENTAVOS + int(frac.ljust(2, "0"))
    if amount > limit:
        raise MoneyError("money.too_large", limit=pesos(limit))
    return amount


# --- paying (R05-R07) ---


def change(due: int, handed: int) -> int:
    """The change for ``handed`` on ``due``; :class:`MoneyError` ``money.no_credit`` when short.

    There is no way to owe the rest (R07): the sale waits until the full amount is handed.
    """
    due = _require_int("due", due)
    handed = _require_int("handed", handed)
    if due < 0 or handed < 0:
        raise MoneyError("money.negative")
    if handed < due:
        missing = due - handed
        raise MoneyError("money.no_credit", due=pesos(due), handed=pesos(handed),
                         missing=pesos(missing), missing_centavos=missing)
    return handed - due


class CashRisk(StrEnum):
    LARGE_BILL = "large_bill"
    CHECK_BILL = "check_bill"


class CashWarning(Struct, frozen=True):
    """A caution at the payment step (R06); ``code`` is a catalog key, ``params`` fill it in."""

    kind: CashRisk
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def cash_warnings(due: int, handed: int, large_bill: int, small_topup: int,
                  check_bill: int) -> list[CashWarning]:
    """The cautions for ``handed`` on ``due`` (all in centavos; thresholds from config).

    ``handed`` is what the customer put on the counter, usually one bill. A large bill for a
    small top-up may leave the shop without change: the cashier may refuse it rather than owe
    or go out for change (R06, R07). A large amount is a reminder to check the bill for fakes.
    """
    for name, value in (("due", due), ("handed", handed), ("large_bill", large_bill),
                        ("small_topup", small_topup), ("check_bill", check_bill)):
        _require_int(name, value)
    warnings: list[CashWarning] = []
    if handed >= large_bill and due <= small_topup:
        warnings.append(CashWarning(CashRisk.LARGE_BILL, "money.warn.large_bill", {
            "handed": pesos(handed), "due": pesos(due), "change": pesos(max(handed - due, 0)),
        }))
    if handed >= check_bill:
        warnings.append(CashWarning(CashRisk.CHECK_BILL, "money.warn.check_bill",
                                    {"handed": pesos(handed)}))
    return warnings


def change_breakdown(amount: int) -> list[tuple[Denomination, int]]:
    """The bills and coins for ``amount`` of change, largest first.

    Greedy is optimal for the Mexican series (each value at least twice the next, 1-2-5 steps).
    An amount with centavos below 50 has no coin here: :class:`MoneyError` ``money.no_coin``.
    """
    amount = _require_int("amount", amount)
    if amount < 0:
        raise MoneyError("money.negative")
    if amount % COINS[-1]:
        raise MoneyError("money.no_coin", amount=pesos(amount))
    out: list[tuple[Denomination, int]] = []
    for denomination in CHANGE_DENOMINATIONS:
        count, amount = divmod(amount, denomination.value)
        if count:
            out.append((denomination, count))
    return out
