"""benchmarks/sale.py and benchmarks/profile_keys.py, run briefly: each must still type a whole
sale through today's screens (a new step at capture once left both waiting for a receipt that
never came). Only what they print is checked, never how fast."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SALE_LAST = re.compile(r"sale_wall_ms=(\d+\.\d) dealer_ms=(\d+\.\d) journal_ms=(\d+\.\d) "
                       r"pilot_floor_ms=(\d+\.\d) app_overhead_ms=(-?\d+\.\d)")


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


@pytest.mark.slow
def test_the_sale_benchmark_sells_and_prints_its_figures_last(tmp_path):
    done = run("sale.py", "--sales", "1", cwd=tmp_path)
    match = SALE_LAST.fullmatch(done.stdout.strip().splitlines()[-1])
    assert match, done.stdout
    wall, dealer, _journal, floor, overhead = map(float, match.groups())
    assert overhead == pytest.approx(wall - dealer - floor, abs=0.2)


@pytest.mark.slow
def test_the_profile_of_a_sale_names_the_apps_own_functions(tmp_path):
    # The keys typed at capture: they walk the same sale as the screen changes do.
    done = run("profile_keys.py", "--sales", "1", "--top", "200", "--stay", cwd=tmp_path)
    assert "function calls" in done.stdout
    assert "capture.py" in done.stdout, done.stdout[-2000:]
