"""The demo's day can start at a chosen time of day, so the peak hours (R15) can be shown, or
kept out of a demo or a test, whatever the hour on the wall."""

from __future__ import annotations

import pytest

from recarga_tui.config import Settings
from recarga_tui.domain.slowness import SlowReason
from recarga_tui.wiring import DEMO_START_ENV, build, demo_settings, demo_start


@pytest.mark.parametrize(("text", "expected"), [
    ("20:00", (20, 0)), ("9:05", (9, 5)), ("23:59", (23, 59)),
    ("24:00", None), ("8", None), ("ocho", None), ("", None),
])
def test_the_demo_start_is_read_as_hh_mm(monkeypatch, text, expected):
    monkeypatch.setenv(DEMO_START_ENV, text)
    assert demo_start() == expected


@pytest.mark.parametrize(("start", "peak"), [("20:00", True), ("10:00", False)])
def test_r15_the_demo_started_at_a_time_of_day_is_in_or_out_of_the_peak(
        monkeypatch, tmp_path, start, peak):
    monkeypatch.setenv(DEMO_START_ENV, start)
    services = build(demo_settings(Settings(), tmp_path / "journal"), demo=True)
    try:
        now = services.clock.now()
        assert (now.hour, now.minute) == tuple(map(int, start.split(":")))
        dealer_now = services.sim_app.state.world.clock.now()
        assert abs((dealer_now - now).total_seconds()) < 5  # one time for shop and dealer
        assert (SlowReason.PEAK_HOURS in services.health.slowness().reasons) is peak
    finally:
        services.close_journal()
