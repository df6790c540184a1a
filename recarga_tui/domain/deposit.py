"""A deposit notice as the cashier types it: bank, amount, reference, date (R14).

Each refusal is a :class:`DepositError` naming the field and a catalog key that says what to
type instead (R01: the origin is the shop, the next step is in the words).
"""

from __future__ import annotations

from datetime import date

from msgspec import Struct

from . import money
from .sale import SaleError

FIELDS = ("bank", "amount", "reference", "date")
MAX_TEXT = 60  # what the dealer takes for bank and reference
DEPOSIT_LIMIT = 10_000_000 * money.CENTAVOS  # the dealer's ceiling for one notice


class DepositError(SaleError):
    def __init__(self, field: str, code: str, **params: object) -> None:
        super().__init__(code, **params)
        self.field = field


class DepositNotice(Struct, frozen=True):
    bank: str
    amount: int  # centavos
    reference: str
    deposited_on: date


def parse_day(text: str, today: date) -> date:
    """``YYYY-MM-DD``, not after ``today``."""
    body = text.strip()
    if not body:
        raise DepositError("date", "deposit.date_empty")
    try:
        if len(body) != 10:
            raise ValueError(body)
        day = date.fromisoformat(body)
    except ValueError:
        raise DepositError("date", "deposit.date_format", text=body) from None
    if day > today:
        raise DepositError("date", "deposit.date_future", today=today.isoformat())
    return day


def validate(bank: str, amount: str, reference: str, day: str, today: date) -> DepositNotice:
    """The notice, or the first field that is wrong, in the order the form asks them."""
    if not bank.strip():
        raise DepositError("bank", "deposit.bank_empty")
    if len(bank.strip()) > MAX_TEXT:
        raise DepositError("bank", "deposit.too_long", limit=MAX_TEXT)
    try:
        cents = money.parse(amount, limit=DEPOSIT_LIMIT)
    except money.MoneyError as err:
        # The money words already say what to type instead ("type numbers only, like 50").
        raise DepositError("amount", err.code, **err.params) from None
    if cents <= 0:
        raise DepositError("amount", "deposit.amount_zero")
    if not reference.strip():
        raise DepositError("reference", "deposit.reference_empty")
    if len(reference.strip()) > MAX_TEXT:
        raise DepositError("reference", "deposit.too_long", limit=MAX_TEXT)
    return DepositNotice(bank.strip(), cents, reference.strip(), parse_day(day, today))
