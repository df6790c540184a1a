"""The shop's clock, injectable so tests and the simulator can move time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Protocol


def day_bounds(day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """The first and last instant of a local day."""
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start, start + timedelta(days=1) - timedelta(milliseconds=1)


def day_period(day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """A local day as a half-open period: its start and the next day's."""
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start, start + timedelta(days=1)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current shop-local time, with its UTC offset."""
        ...


class SystemClock:
    """The PC's clock, read in the shop's time zone (``[app] timezone``): a PC left on UTC
    still shows, journals and compares Mexico's time. Without a zone, the PC's own."""

    def __init__(self, tz: tzinfo | None = None) -> None:
        self.tz = tz

    def now(self) -> datetime:
        return datetime.now(self.tz) if self.tz is not None else datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> datetime:
        self._now += timedelta(seconds=seconds)
        return self._now
