"""benchmarks/keys.py, run briefly: one sale and one round of the minimal app after the warm-up.
Only what it prints is checked (each kind of key, the last line's fields), never how fast:
times on a shared machine say nothing about the code. A frame counts as painted after 15 ms
of quiet on the terminal (the benchmark's own default is 100): a key that changes screen
still waits for a text of the new screen, so the sale walks the same screens; only the
figures, which the test does not read, lose precision."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

KEYS = Path(__file__).resolve().parents[2] / "benchmarks" / "keys.py"
LAST = re.compile(r"key_p95_ms=(\d+\.\d) screen_change_p95_ms=(\d+\.\d) "
                  r"minimal_screen_change_p95_ms=(\d+\.\d) screen_change_ratio=(\d+\.\d\d)")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="pseudo-terminals and /proc")


@pytest.mark.slow
def test_the_keys_benchmark_prints_each_kind_of_key_and_the_ratio_last(tmp_path):
    done = subprocess.run([sys.executable, str(KEYS), "--sales", "1", "--quiet-ms", "15",
                           "--today", "5"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    match = LAST.fullmatch(lines[-1])
    assert match, lines[-1]
    key_p95, screen_p95, floor_p95, ratio = map(float, match.groups())
    assert ratio == pytest.approx(screen_p95 / floor_p95, rel=0.01, abs=0.02)
    text = done.stdout
    for kind in ("stays on its screen", "changes screen", "sends (with the dealer's answer)"):
        assert kind in text
    for key in ("F2 (capture)", "4 (read-back)", "A (payment)", "Enter (home)", "F2 (push)"):
        assert key in text
    # A sale of one key for the category, one for the company, 10 digits twice, two Enters, a
    # bill: 25 keys that stay on their screen.
    assert re.search(r"stays on its screen +n=25 +p50 +\d+\.\d ms +p95 +\d+\.\d ms", text)
