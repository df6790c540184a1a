"""The simulator's own clock: real time times a scale from a start, plus manual jumps.

With ``scale=1000`` a 40-second carrier answer takes 0.04 s of real time, so tests and demos
never wait for the reflection window (R19); ``advance`` jumps the clock to skip it outright.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone

# Central Mexico has kept UTC-6 all year since 2022.
MEXICO = timezone(timedelta(hours=-6), "CST")

_POLL_REAL_SECONDS = 0.02


class SimClock:
    def __init__(self, start: datetime | None = None, scale: float = 1.0,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        if scale <= 0:
            raise ValueError("the time scale must be above zero")
        self.start = (start or datetime.now(MEXICO)).astimezone(MEXICO)
        self.scale = scale
        self._monotonic = monotonic
        self._real_start = monotonic()
        self._offset = 0.0

    @classmethod
    def at(cls, hour: int, minute: int = 0, scale: float = 1.0) -> SimClock:
        """A clock starting today at ``hour:minute`` Mexico time (tests pin the peak window)."""
        today = datetime.now(MEXICO).replace(hour=hour, minute=minute, second=0, microsecond=0)
        return cls(today, scale)

    @classmethod
    def frozen_at(cls, hour: int, minute: int = 0) -> SimClock:
        """A clock that moves only by :meth:`advance`: tests that must not depend on speed."""
        clock = cls.at(hour, minute)
        clock._monotonic = lambda: 0.0
        clock._real_start = 0.0
        return clock

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed())

    def elapsed(self) -> float:
        """Simulated seconds since the start."""
        return (self._monotonic() - self._real_start) * self.scale + self._offset

    def advance(self, seconds: float) -> datetime:
        if seconds < 0:
            raise ValueError("the simulated clock only goes forward")
        self._offset += seconds
        return self.now()

    def real_seconds(self, simulated: float) -> float:
        return simulated / self.scale

    async def sleep_until(self, when: datetime,
                          gave_up: Callable[[], Awaitable[bool]] | None = None) -> bool:
        """Wait until the simulated time ``when``; False if ``gave_up`` said the caller left.

        Polls in small real steps so that ``advance`` also releases the wait.
        """
        while True:
            remaining = (when - self.now()).total_seconds()
            if remaining <= 0:
                return True
            if gave_up is not None and await gave_up():
                return False
            await asyncio.sleep(min(self.real_seconds(remaining), _POLL_REAL_SECONDS))
