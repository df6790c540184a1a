"""benchmarks/sale.py and benchmarks/profile_keys.py, run briefly: each must still type a whole
sale through today's screens (a new step at capture once left both waiting for a receipt that
never came). Only what they print is checked, never how fast.

They run in the test's own process (``runpy``, as ``python benchmarks/<script>`` would), so
Pilot waits for the app as every screen test does (tests/conftest.py): what they print is the
same, only the figures shrink with Pilot's own sleeps."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SALE_LAST = re.compile(r"sale_wall_ms=(\d+\.\d) dealer_ms=(\d+\.\d) journal_ms=(\d+\.\d) "
                       r"pilot_floor_ms=(\d+\.\d) app_overhead_ms=(-?\d+\.\d)")


def run(script: str, *args: str, monkeypatch, capsys) -> str:
    """What ``python benchmarks/<script> <args>`` prints."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    monkeypatch.setattr(sys, "argv", [str(BENCHMARKS / script), *args])
    runpy.run_path(str(BENCHMARKS / script), run_name="__main__")
    return capsys.readouterr().out


@pytest.mark.slow
def test_the_sale_benchmark_sells_and_prints_its_figures_last(monkeypatch, capsys):
    out = run("sale.py", "--sales", "1", monkeypatch=monkeypatch, capsys=capsys)
    match = SALE_LAST.fullmatch(out.strip().splitlines()[-1])
    assert match, out
    wall, dealer, _journal, floor, overhead = map(float, match.groups())
    assert overhead == pytest.approx(wall - dealer - floor, abs=0.2)


@pytest.mark.slow
def test_the_profile_of_a_sale_names_the_apps_own_functions(monkeypatch, capsys):
    # The keys typed at capture: they walk the same sale as the screen changes do.
    out = run("profile_keys.py", "--sales", "1", "--top", "200", "--stay",
              monkeypatch=monkeypatch, capsys=capsys)
    assert "function calls" in out
    assert "capture.py" in out, out[-2000:]
