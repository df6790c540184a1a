"""A benchmark stopped from outside leaves nothing running: its children (the app and the
minimal app in their pseudo-terminals, the simulated dealer) end with it, whether it is told
to stop (SIGTERM, as ``timeout`` does; SIGINT, Ctrl+C) or killed outright (SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

STARTUP = Path(__file__).resolve().parents[2] / "benchmarks" / "startup.py"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the process tree from /proc")


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
                         ids=["sigterm", "sigint", "sigkill"])
def test_a_stopped_startup_benchmark_leaves_no_child_running(sig, tmp_path):
    bench = subprocess.Popen([sys.executable, str(STARTUP), "--runs", "3", "--idle-seconds",
                              "30", "--sales", "5"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        seen: set[int] = set()
        deadline = time.monotonic() + 60
        # The dealer and at least one app in its pseudo-terminal.
        while len(seen) < 2 and time.monotonic() < deadline:
            seen |= descendants(bench.pid)
            time.sleep(0.1)
        assert len(seen) >= 2, "the benchmark never started its children"
        seen |= descendants(bench.pid)
        bench.send_signal(sig)
        bench.wait(30)
        deadline = time.monotonic() + 15
        while any(alive(pid) for pid in seen) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in seen if alive(pid)]
        assert left == [], f"still running after the benchmark ended: {left}"
    finally:
        if bench.poll() is None:
            os.killpg(bench.pid, signal.SIGKILL)
            bench.wait()
