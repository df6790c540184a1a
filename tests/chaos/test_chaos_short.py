"""A short chaos run: sales through the services against the simulated dealer's chaos
scenario in its own process, the selling program killed with SIGKILL at random moments
(R02, R16, R17, R19). The long run is ``benchmarks/chaos.py --sales 1000``.

The protocol v1 run goes at 3000 simulated seconds a real one (the benchmark's default is
600): the 10-minute reflection window passes in 0.2 s, so the last driver resolves what the
kills left open in seconds instead of waiting on the wall clock, and the run still meets
lost answers, checks found in the sales report, deferred sales and sales sent again (the
counts it prints; the lost answers and the checks are asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

CHAOS = Path(__file__).resolve().parents[2] / "benchmarks" / "chaos.py"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_r02_r16_r19_no_sale_lost_doubled_or_wrongly_refunded_across_kills():
    done = subprocess.run([sys.executable, str(CHAOS), "--sales", "30", "--kills", "5",
                           "--seed", "7", "--time-scale", "3000"], capture_output=True,
                          text=True, timeout=240)
    last = done.stdout.strip().splitlines()[-1]
    found = re.fullmatch(r"chaos lost=(\d+) doubles=(\d+) wrong_refunds=(\d+) sales=(\d+) "
                         r"kills=(\d+)", last)
    assert found, done.stdout + done.stderr
    lost, doubles, wrong, sales, kills = map(int, found.groups())
    assert (lost, doubles, wrong) == (0, 0, 0), done.stdout
    assert sales == 30 and kills == 5, done.stdout
    counts = dict(re.findall(r"^  (\w+) +(\d+)$", done.stdout, re.M))
    assert int(counts["unknown_ever"]) > 0, done.stdout          # answers were lost
    assert int(counts["found_in_report"]) + int(counts["found_in_lookup"]) > 0, done.stdout
    assert done.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_r02_r16_r19_through_a_transact_dealer_the_request_id_survives_the_kills():
    done = subprocess.run([sys.executable, str(CHAOS), "--dealer", "transact", "--sales", "30",
                           "--kills", "5", "--seed", "7"], capture_output=True, text=True,
                          timeout=240)
    last = done.stdout.strip().splitlines()[-1]
    assert last == "chaos lost=0 doubles=0 wrong_refunds=0 sales=30 kills=5", done.stdout
    assert done.returncode == 0
