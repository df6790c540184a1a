"""R15: the app knows when the system is slow, before the cashier sends."""

from datetime import datetime, time, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from recarga_tui.domain.slowness import SlowReason, assess, in_window

TZ = timezone(timedelta(hours=-6))
PEAK = dict(peak_start=time(19, 30), peak_end=time(21, 30), slow_latency=8.0)


def at(hh: int, mm: int) -> datetime:
    return datetime(2026, 11, 25, hh, mm, tzinfo=TZ)


def calm(**over):
    args = dict(system_level="normal", carrier_status="up", latencies=[0.4, 0.5], **PEAK)
    args.update(over)
    return args


def test_r15_the_peak_window_makes_the_system_slow():
    assert assess(at(20, 0), **calm()).reasons == (SlowReason.PEAK_HOURS,)
    assert assess(at(19, 30), **calm()).slow
    assert not assess(at(21, 30), **calm()).slow
    assert not assess(at(19, 29), **calm()).slow


def test_r15_notices_carrier_status_and_measured_latency_each_count():
    assert assess(at(12, 0), **calm(system_level="slow")).reasons == (SlowReason.NOTICE_SLOW,)
    assert assess(at(12, 0), **calm(system_level="down")).down
    assert assess(at(12, 0), **calm(carrier_status="degraded")).reasons == (
        SlowReason.CARRIER_DEGRADED,)
    assert assess(at(12, 0), **calm(carrier_status="down")).down
    slow = assess(at(12, 0), **calm(latencies=[0.5, 9.0, 10.0, 12.0, 0.4]))
    assert slow.reasons == (SlowReason.MEASURED_LATENCY,)


def test_one_slow_answer_among_fast_ones_is_noise():
    assert not assess(at(12, 0), **calm(latencies=[0.3, 0.4, 30.0, 0.5, 0.4])).slow


def test_nothing_measured_yet_is_not_slow():
    assert not assess(at(12, 0), **calm(latencies=[], system_level=None, carrier_status=None)).slow


@given(st.times(), st.times(), st.times())
def test_a_window_crossing_midnight_is_its_complement(t, start, end):
    if start != end:
        assert in_window(t, start, end) != in_window(t, end, start)
