"""Taecel's money strings, exactly, as integer centavos.

Taecel writes money as text: ``"$20.00"``, ``"$1,258.05"`` in StatusTXN, ``"899,968,134"``
(grouped whole pesos, no sign) in getBalance. The parser takes exactly that grammar — an
optional ``$``, digits grouped by commas in threes (or not grouped at all), and either no
decimals or exactly two — and refuses anything else rather than guess: ``"$4.980,00"`` (a
European grouping), ``"20.005"`` (three decimals: a thousand separator or a typo?), ``"-5"``,
``"1e3"``, ``"٣"`` (non-ASCII digits) all raise :class:`MoneyError`. Decimal arithmetic, never
floats: ``"$4,980.00"`` is 498000 centavos.
"""

from __future__ import annotations

import re
from decimal import Decimal

_MONEY = re.compile(r"\$?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]{2})?")
# What a form's ``monto`` may be: plain pesos, at most two decimals ("20", "20.5", "20.00").
_FORM_AMOUNT = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,2})?")
MAX_TEXT = 40  # no amount of money a shop handles is written longer


class MoneyError(ValueError):
    """The text is not an amount of money as Taecel writes it."""


def parse_money(text: str) -> int:
    """Integer centavos of a Taecel money string (spaces around it are ignored)."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise MoneyError("not a money string")
    bare = text.strip()
    if not _MONEY.fullmatch(bare):
        raise MoneyError(f"not a money string: {bare!r}")
    return int(Decimal(bare.lstrip("$").replace(",", "")) * 100)


def format_money(centavos: int) -> str:
    """``"$4,980.00"``: how StatusTXN writes an amount."""
    if centavos < 0:
        raise ValueError("Taecel writes no negative amounts")
    pesos, cents = divmod(centavos, 100)
    return f"${pesos:,}.{cents:02d}"


def format_pesos(centavos: int) -> str:
    """``"4,980"``: how getBalance writes a pool's balance, grouped whole pesos (rounded half
    up, as PHP's ``number_format`` does)."""
    if centavos < 0:
        raise ValueError("Taecel writes no negative amounts")
    return f"{(centavos + 50) // 100:,}"


def form_amount(centavos: int) -> str:
    """The form field ``monto`` for an amount: ``"20.00"``."""
    if centavos <= 0:
        raise ValueError("an amount to pay is above zero")
    pesos, cents = divmod(centavos, 100)
    return f"{pesos}.{cents:02d}"


def parse_form_amount(text: str) -> int:
    """Centavos of a form's ``monto`` as clients send it: ``"20"``, ``"20.00"``, ``"20.5"``."""
    if not isinstance(text, str) or not _FORM_AMOUNT.fullmatch(text.strip()):
        raise MoneyError("not an amount in pesos")
    return int(Decimal(text.strip()) * 100)
