"""SIGKILL at random moments: the journal always opens and keeps every step it confirmed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recarga_tui.journal import Journal
from recarga_tui.journal.check import check_folder

CHILD = Path(__file__).with_name("journal_child.py")
# One round in four kills blind, within the child's first ~0.16 s: that hits its start and
# the resumption of unfinished sales. The others wait for its first confirmed step (however
# slow a loaded machine makes the start), then kill somewhere among the writes that follow.
BLIND_WINDOW = (0.04, 0.16)
AFTER_FIRST_STEP = (0.0, 0.08)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _reported(out: str) -> dict[str, int]:
    """ref -> steps the child said were recorded; a line cut by the kill does not count."""
    seen: dict[str, int] = {}
    for line in out.splitlines(keepends=True):
        if not line.endswith("\n") or line.count(" ") != 1:
            continue
        ref, steps = line.split()
        seen[ref] = max(seen.get(ref, 0), int(steps))
    return seen


def _one_round(folder: Path, rnd: random.Random) -> tuple[bool, int]:
    """Kill one child; returns (whether it waited for a first step, steps reported)."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(folder), str(rnd.randrange(10**6))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    blind = rnd.random() < 0.25
    first = ""
    if blind:
        time.sleep(rnd.uniform(*BLIND_WINDOW))
    else:
        assert child.stdout is not None
        first = child.stdout.readline()
        time.sleep(rnd.uniform(*AFTER_FIRST_STEP))
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate()
    out = first + out
    assert child.returncode == -signal.SIGKILL, err
    reported = _reported(out)
    with Journal.open(folder) as journal:
        assert not journal.read_only
        assert {n.key for n in journal.recovered} <= {"journal.recovered.temp_removed"}
        for ref, steps in reported.items():
            sale = journal.get(ref)
            assert sale is not None, ref
            assert len(sale.history) >= steps, (ref, steps, sale.history)
    if not blind:
        assert reported, (first, err)  # a round that waited saw at least its first step
    return not blind, len(reported)


def _rounds(folder: Path, rounds: int, seed: int) -> None:
    rnd = random.Random(seed)
    results = [_one_round(folder, rnd) for _ in range(rounds)]
    waited = sum(1 for w, _ in results if w)
    written = sum(n for _, n in results)
    assert waited > rounds // 2 and written >= waited  # the kills did land among the writes
    report = check_folder(folder)
    assert report.ok, [(f.name, [n.text() for n in f.problems]) for f in report.damaged]


def test_r03_steps_survive_sigkill_at_random_moments(tmp_path):
    _rounds(tmp_path, 30, seed=3)


@pytest.mark.slow
def test_r03_steps_survive_200_sigkills(tmp_path):
    _rounds(tmp_path, 200, seed=200)
