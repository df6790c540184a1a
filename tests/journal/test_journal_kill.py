"""SIGKILL at random moments, and right after every file-system call the journal makes: the
journal always opens and keeps every step it confirmed.

The random rounds kill a whole new process from outside, at moments a loaded machine makes
(its start, its resumption of unfinished sales, its writes). The sweep reaches every crash
point in order instead of by chance: a child forked from this process (the journal already
imported: a few milliseconds a round, not a Python start) counts the calls that change the
disk (open, write, fsync, replace, rename, link, unlink, mkdir) and kills itself with SIGKILL
right after the k-th returns, for every k over a first start and its first sales, and over
starts that find sales left unfinished by the round before. A kill in the middle of a call
leaves what the call had done or not, as at one of these points."""

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
# The calls a crash can fall between: those that change what is on the disk.
DISK_CALLS = ("open", "write", "fsync", "replace", "rename", "link", "unlink", "mkdir")
# A first start in an empty folder takes about 20 such calls before its first step is
# recorded, and each step about 8 (temp file, write, fsync, the previous generation, replace,
# the folder's fsync), with the index every few steps: 100 calls hold the start and a dozen
# steps, every kind of write among them.
FIRST_START_CALLS = 100
# Starts that find what the round before left: unfinished sales resumed, then new ones.
AGAIN_CALLS = 120
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


def _killed_after_call(folder: Path, k: int, seed: int) -> str:
    """Fork a child that runs journal_child.main on ``folder`` and SIGKILLs itself right after
    its k-th disk call returns; returns what it reported (its ``<ref> <steps>`` lines)."""
    import journal_child  # beside this file: the same code the random rounds run

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            os.dup2(write_end, 1)
            sys.stdout = os.fdopen(1, "w", buffering=1)
            _die_after(k)
            journal_child.main(folder, seed)
        finally:
            os._exit(70)  # not killed: main returned or raised (read-only, an error)
    os.close(write_end)
    with os.fdopen(read_end) as reports:
        out = reports.read()
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (k, status, out)
    return out


def _die_after(k: int) -> None:
    """Replace the disk calls of ``os`` with counting ones; the k-th kills the process."""
    count = 0

    def counted(call):
        def calling(*args, **kwargs):
            nonlocal count
            result = call(*args, **kwargs)
            count += 1
            if count == k:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return calling

    for name in DISK_CALLS:
        setattr(os, name, counted(getattr(os, name)))


def _holds_what_was_reported(folder: Path, out: str) -> None:
    with Journal.open(folder) as journal:
        assert not journal.read_only
        assert {n.key for n in journal.recovered} <= {"journal.recovered.temp_removed"}
        for ref, steps in _reported(out).items():
            sale = journal.get(ref)
            assert sale is not None, ref
            assert len(sale.history) >= steps, (ref, steps, sale.history)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the sweep forks its children")
def test_r03_steps_survive_a_sigkill_after_every_disk_call_of_a_first_start(tmp_path):
    reported = 0
    for k in range(1, FIRST_START_CALLS + 1):
        folder = tmp_path / f"after-{k}"
        folder.mkdir()
        out = _killed_after_call(folder, k, seed=k)
        _holds_what_was_reported(folder, out)
        reported += len(_reported(out))
        report = check_folder(folder)
        assert report.ok, (k, [(f.name, [n.text() for n in f.problems]) for f in report.damaged])
    assert reported >= FIRST_START_CALLS // 2  # most rounds got as far as a recorded step


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the sweep forks its children")
def test_r03_steps_survive_a_sigkill_after_every_disk_call_of_a_start_that_resumes(tmp_path):
    resumed = 0
    for k in range(1, AGAIN_CALLS + 1):
        with Journal.open(tmp_path) as journal:
            resumed += bool(journal.unfinished_sales())
        out = _killed_after_call(tmp_path, k, seed=k)
        _holds_what_was_reported(tmp_path, out)
    assert resumed > AGAIN_CALLS // 2  # most starts had a sale of the round before to finish
    report = check_folder(tmp_path)
    assert report.ok, [(f.name, [n.text() for n in f.problems]) for f in report.damaged]
