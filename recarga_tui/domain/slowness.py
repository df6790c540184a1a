"""Is the system slow right now? (R15)

The carriers saturate in a known window (19:30-21:30 by default); the dealer's blue notice
may say so; a carrier may be marked degraded or down; and the app measures how long the dealer
takes to answer. Any one of these is reason enough to tell the customer before sending, not
after (R15, R17, R18).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from enum import StrEnum
from statistics import median

from msgspec import Struct


class SlowReason(StrEnum):
    PEAK_HOURS = "peak_hours"
    NOTICE_SLOW = "notice_slow"
    NOTICE_DOWN = "notice_down"
    CARRIER_DEGRADED = "carrier_degraded"
    CARRIER_DOWN = "carrier_down"
    MEASURED_LATENCY = "measured_latency"


# How many of the latest measured answers decide the "measured latency" reason: one slow answer
# is noise, the median of the latest few is the system's mood.
LATENCY_SAMPLE = 5


class Slowness(Struct, frozen=True):
    reasons: tuple[SlowReason, ...]

    @property
    def slow(self) -> bool:
        return bool(self.reasons)

    @property
    def down(self) -> bool:
        """Sending now is pointless: the carrier or the whole system is down."""
        return bool({SlowReason.NOTICE_DOWN, SlowReason.CARRIER_DOWN} & set(self.reasons))


def in_window(at: time, start: time, end: time) -> bool:
    """Whether ``at`` falls in [start, end); a window may cross midnight (22:00-01:00)."""
    if start <= end:
        return start <= at < end
    return at >= start or at < end


def assess(
    now: datetime,
    *,
    peak_start: time,
    peak_end: time,
    system_level: str | None,
    carrier_status: str | None,
    latencies: Sequence[float],
    slow_latency: float,
) -> Slowness:
    """Every reason, at ``now`` (shop local time), to treat the system as slow."""
    reasons: list[SlowReason] = []
    if in_window(now.time().replace(tzinfo=None), peak_start, peak_end):
        reasons.append(SlowReason.PEAK_HOURS)
    if system_level == "slow":
        reasons.append(SlowReason.NOTICE_SLOW)
    elif system_level == "down":
        reasons.append(SlowReason.NOTICE_DOWN)
    if carrier_status == "degraded":
        reasons.append(SlowReason.CARRIER_DEGRADED)
    elif carrier_status == "down":
        reasons.append(SlowReason.CARRIER_DOWN)
    recent = list(latencies)[-LATENCY_SAMPLE:]
    if recent and median(recent) >= slow_latency:
        reasons.append(SlowReason.MEASURED_LATENCY)
    return Slowness(tuple(reasons))
