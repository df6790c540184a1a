"""A power cut at any instant loses nothing (R03), proven by replaying every crash state.

The journal's file-system calls are recorded through a first start (its folders made), sales
across three days, a damaged day repaired at the next start, and a last reopen. For every
prefix of those calls, ``power_cut.crash_states`` builds what the disk may hold after the power
went at that instant, under the strict POSIX model and under ext4's ordered one. Each state is
opened as the app opens it: read-only first (a second copy, ``journal export``), then
``journal check``, then as the writer (recovery at start), then ``journal check`` again. The
test fails when

- a step whose ``record`` had returned is missing, or the sale went back to an earlier step
  (past the one generation the deliberately damaged day loses by design: its ``.prev``);
- a day whose every write was synced is called damaged, or recovery repairs it;
- the read-only copy shows another history, or other unfinished sales, than the writer;
- the writer's recovery leaves a journal that ``journal check`` calls damaged;
- the damaged day file, once on disk, is gone (recovery sets it aside, never deletes it).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from journal_factory import MX, T0, captured, walk
from power_cut import Disk, Recorder, crash_states

from recarga_tui.domain.sale import EventKind, Sale, State
from recarga_tui.journal import Journal
from recarga_tui.journal.check import check_folder
from recarga_tui.journal.layout import TABLE, day_file, prev_file
from recarga_tui.journal.rules import stored_form
from recarga_tui.journal.storage import decode

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the POSIX file-system calls")

JOURNAL = Path("data") / "recarga-tui" / "journal"  # every folder made by the first start
DAY1, DAY2, DAY3 = T0.date(), T0.date() + timedelta(days=1), T0.date() + timedelta(days=2)

Steps = tuple[tuple[Any, ...], tuple[Any, ...]]  # a stored sale's history and events


def _steps(sale: Sale) -> Steps:
    doc = stored_form(sale)
    return tuple(map(_frozen, doc["history"])), tuple(map(_frozen, doc.get("events", [])))


def _frozen(step: dict[str, Any]) -> Any:
    return repr(sorted(step.items()))


@dataclass
class Scenario:
    """What was recorded: the calls, and what each point of them promised."""

    recorder: Recorder

    def expected(self, k: int) -> dict[str, Steps]:
        """Each sale's steps acknowledged by the time ``ops[:k]`` were made: the last
        ``record`` that had returned, or, for the day damaged on purpose, its ``.prev``."""
        want: dict[str, Steps] = {}
        for at, kind, payload in self.recorder.marks:
            if at > k:
                break
            if kind == "ack":
                ref, steps = payload
                want[ref] = steps
            elif kind == "damage":
                for ref in payload["refs"]:
                    want.pop(ref, None)
                want.update(payload["prev"])
        return want

    def damaged_bytes(self, k: int) -> bytes | None:
        """The damaged day file's bytes once the damage is on disk: recovery sets such a file
        aside for a person and never deletes it, so from then on some file holds them."""
        return next((raw for at, kind, raw in self.recorder.marks
                     if kind == "damage_synced" and at <= k), None)

    def damaged_window(self) -> tuple[int, int, date]:
        start = next(at for at, kind, _ in self.recorder.marks if kind == "damage")
        end = next(at for at, kind, _ in self.recorder.marks if kind == "repaired")
        day = next(p["day"] for _, kind, p in self.recorder.marks if kind == "damage")
        return start, end, day


def _record(journal: Journal, recorder: Recorder, *sales: Sale) -> None:
    for sale in sales:
        journal.record(sale)
        recorder.mark("ack", (sale.ref, _steps(sale)))


def _damage(recorder: Recorder, folder: Path, day: date) -> None:
    """A disk error on a closed journal: garbage over the start of a day file, made durable
    (through the recorded calls, so the replay knows of it). What that day may lose is its
    last generation: from here on it is promised only what its ``.prev`` holds."""
    path = day_file(folder, day)
    prev = decode(prev_file(path).read_bytes(), "")[TABLE]
    current = decode(path.read_bytes(), "")[TABLE]
    recorder.mark("damage", {
        "day": day, "refs": [doc["ref"] for doc in current.values()],
        "prev": {doc["ref"]: _steps(Sale.from_dict(doc)) for doc in prev.values()}})
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, b"\x00" * 48)
        os.fsync(fd)
    finally:
        os.close(fd)
    recorder.mark("damage_synced", path.read_bytes())


def _run(home: Path, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    recorder = Recorder(home)
    folder = home / JOURNAL
    with monkeypatch.context() as patched:
        recorder.install(patched)
        # First start: data/, recarga-tui/ and journal/ are made here.
        with Journal.open(folder, tz=MX) as j:
            a = captured(token="0000000a")
            b = captured(at=T0 + timedelta(minutes=3), token="0000000b", msisdn="5512345678")
            a_steps = walk(a, State.ACCEPTED, State.PAID, State.SENDING, State.CONFIRMED)
            printed = a_steps[-1].note(EventKind.PRINTED, a_steps[-1].updated_at,
                                       printer="usb")  # an event: it changes no state
            _record(j, recorder, a, *a_steps, printed)
            b_steps = walk(b, State.ACCEPTED, State.PAID, State.SENDING)
            _record(j, recorder, b, *b_steps)  # left sending: the next start checks it
            c = captured(at=T0 + timedelta(days=1), token="0000000c")
            d = captured(at=T0 + timedelta(days=1, minutes=4), token="0000000d")
            _record(j, recorder, c, *walk(c, State.ACCEPTED, State.PAID, State.SENDING,
                                          State.REJECTED))
            d_steps = walk(d, State.ACCEPTED, State.PAID)
            _record(j, recorder, d, *d_steps)
        _damage(recorder, folder, DAY1)
        # The next start repairs day 1 from its .prev, and the sales go on.
        with Journal.open(folder, tz=MX) as j:
            recorder.mark("repaired", DAY1)
            b_now = j.get(b.ref)
            assert b_now is not None and b_now.state is State.PAID  # its .prev: one step back
            _record(j, recorder, *walk(b_steps[-1], State.UNKNOWN, State.CONFIRMED))
            _record(j, recorder, *walk(d_steps[-1], State.SENDING, State.CONFIRMED))
            e = captured(at=T0 + timedelta(days=2), token="0000000e")
            _record(j, recorder, e, *walk(e, State.ACCEPTED))
        # And a last reopen.
        with Journal.open(folder, tz=MX):
            pass
    return Scenario(recorder)


def _views(journal: Journal) -> tuple[dict[str, Steps], set[str]]:
    sales = journal.sales_between(date.min, date.max)
    return {s.ref: _steps(s) for s in sales}, {s.ref for s in journal.unfinished_sales()}


def _lost(want: Steps, have: Steps | None) -> bool:
    return have is None or have[0][: len(want[0])] != want[0] or \
        have[1][: len(want[1])] != want[1]


def _synced_days(scenario: Scenario, disk: Disk, k: int,
                 pending_names: frozenset[str]) -> set[date]:
    """The days whose every write was synced at this point: no change to their names waits
    for a folder's fsync, and not the day damaged on purpose while it is damaged."""
    start, end, damaged = scenario.damaged_window()
    days = set()
    for rel, _ in disk.files:
        name = Path(rel).name
        if Path(rel).parent != JOURNAL or not name.endswith(".json") or "index" in name:
            continue
        day = date.fromisoformat(name[:10])
        if any(day.isoformat() in n for n in pending_names):
            continue
        if day == damaged and start <= k < end:
            continue
        days.add(day)
    return days


def _verify(scenario: Scenario, k: int, disk: Disk, at: Path,
            pending_names: frozenset[str]) -> list[str]:
    """What is wrong with one crash state, as the app and ``journal check`` see it."""
    try:
        return _wrong(scenario, k, disk, at, pending_names)
    except Exception as exc:  # a state the app cannot even open: that is the failure
        return [f"{type(exc).__name__}: {exc}"]


def _wrong(scenario: Scenario, k: int, disk: Disk, at: Path,
           pending_names: frozenset[str]) -> list[str]:
    disk.build(at)
    folder = at / JOURNAL
    wrong = []
    want = scenario.expected(k)
    damaged = scenario.damaged_bytes(k)
    held = dict(disk.contents)
    if damaged is not None and not any(held[ino] == damaged for _, ino in disk.files):
        wrong.append("the damaged day file is gone: nothing holds it for a person any more")
    with Journal.open(folder, tz=MX, read_only=True) as reader:
        read, read_open = _views(reader)
    if folder.is_dir():
        before = check_folder(folder)
        for day in _synced_days(scenario, disk, k, pending_names):
            name = day_file(folder, day).name
            for file in before.files:
                if file.name == name and file.problems:
                    wrong.append(f"{name}, whose writes were all synced, called damaged: "
                                 f"{[n.text('en') for n in file.problems]}")
    elif want:
        wrong.append("the journal's folder is gone")
    with Journal.open(folder, tz=MX) as writer:
        written, written_open = _views(writer)
        repaired = {n.params.get("day") for n in writer.recovered
                    if n.key in ("journal.recovered.day_from_prev", "journal.recovered.day_lost",
                                 "journal.recovered.prev_restored")}
    for day in _synced_days(scenario, disk, k, pending_names):
        if day.isoformat() in repaired:
            wrong.append(f"day {day}, whose writes were all synced, was repaired at start")
    for ref, steps in want.items():
        if _lost(steps, written.get(ref)):
            wrong.append(f"sale {ref}: acknowledged step missing or gone back for the writer")
        if _lost(steps, read.get(ref)):
            wrong.append(f"sale {ref}: acknowledged step missing or gone back for a reader")
    differ = sorted({ref for ref in {*read, *written} if read.get(ref) != written.get(ref)}
                    | (read_open ^ written_open))
    if differ:
        wrong.append(f"a reader shows another notebook than the writer: {differ}")
    after = check_folder(folder)
    if not after.ok:
        wrong.append("after the writer's recovery, journal check finds damage: " + "; ".join(
            f"{f.name}: {n.text('en')}" for f in after.damaged for n in f.problems))
    return wrong


def test_r03_a_power_cut_at_any_instant_loses_no_acknowledged_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = _run(tmp_path / "home", monkeypatch)
    ops = scenario.recorder.ops
    kinds = Counter(op.kind for op in ops)
    assert kinds["mkdir"] == 3 and kinds["link"] and kinds["rename"] and kinds["fsync"]
    # Verifying needs no durability: the states are built from the model, not the disk.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    seen: dict[tuple[Any, ...], list[str]] = {}
    failures: dict[tuple[int, str], list[str]] = {}
    points = 0
    for cut in crash_states(ops):
        points += 1
        key = (cut.disk.key(), tuple(sorted(scenario.expected(cut.k).items())),
               frozenset(_synced_days(scenario, cut.disk, cut.k, cut.waiting)))
        if key not in seen:
            seen[key] = _verify(scenario, cut.k, cut.disk, tmp_path / "state", cut.waiting)
        if seen[key]:
            failures[(cut.k, cut.label)] = seen[key]
    crash_points = {k for k, _ in failures}
    shown = "\n".join(f"call {k} ({ops[k - 1].kind if k else 'start'}), {label}: {why}"
                      for (k, label), why in list(failures.items())[:8])
    assert not failures, (f"{len(crash_points)} of {len(ops) + 1} crash points fail "
                          f"({len(failures)} of {points} states, {len(seen)} distinct):\n{shown}")
