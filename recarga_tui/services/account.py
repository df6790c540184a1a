"""The shop's account at the dealer (R14): its balance, the statement of a range of days, the
deposits it received and the notices of new ones. The screens ask here, never the dealer."""

from __future__ import annotations

from datetime import date, datetime, time

from ..dealer.port import Dealer
from ..dealer.records import Balances, Deposit, Statement
from ..domain.deposit import DepositNotice

# The day's bounds from the clock: the sales report's code is loaded when a report is asked.
from .clock import Clock, day_bounds


class Account:
    def __init__(self, dealer: Dealer, clock: Clock) -> None:
        self.dealer = dealer
        self.clock = clock

    async def balance(self) -> Balances:
        """The balance the dealer holds for the shop now."""
        return await self.dealer.balances()

    async def statement(self, first: date, last: date) -> Statement:
        """The movements from the start of ``first`` to the end of ``last``, shop time."""
        tz = self.clock.now().tzinfo
        start, _ = day_bounds(first, tz)
        _, end = day_bounds(last, tz)
        return await self.dealer.statement(start, end)

    async def deposits(self) -> tuple[Deposit, ...]:
        """The deposit notices the shop sent, newest first."""
        notices = await self.dealer.deposits()
        return tuple(sorted(notices, key=lambda d: d.created_at, reverse=True))

    async def notify_deposit(self, notice: DepositNotice) -> Deposit:
        """Tell the dealer of a deposit. The dealer wants a time, the bank slip has a day:
        noon of that day, shop time."""
        at = datetime.combine(notice.deposited_on, time(12, 0), tzinfo=self.clock.now().tzinfo)
        return await self.dealer.notify_deposit(notice.bank, notice.amount, notice.reference, at)
