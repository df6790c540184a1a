"""A repair cut short cannot hide a day (R03).

The writer repairs a damaged day by moving it aside and writing its ``.prev`` back in its
place. A crash or a power cut between the two leaves only ``<day>.json.prev`` and
``<day>.json.damaged-*``: that day is a damaged day for every reader, used and named as the
writer uses it, never an empty day, and its unfinished sale is never called finished.
"""

from __future__ import annotations

import csv
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk

from recarga_tui import cli, i18n
from recarga_tui.domain.sale import Sale, State
from recarga_tui.journal import Journal, recovery
from recarga_tui.journal.check import check_folder
from recarga_tui.journal.layout import day_file, prev_file

DAY = T0.date()


def _cut_repair(folder: Path) -> tuple[Sale, Sale, Sale]:
    """Day 1 with a confirmed sale and one left sending; its file moved aside as the repair
    does, and nothing written back: what a cut inside ``recovery.repair_day`` leaves."""
    with Journal.open(folder, tz=MX) as j:
        done = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        sending = record_walk(j, captured(at=T0 + timedelta(minutes=2), token="00000002"),
                              State.ACCEPTED, State.PAID, State.SENDING)
        later = record_walk(j, captured(at=T0 + timedelta(days=1), token="00000003"),
                            *TO_CONFIRMED)
    path = day_file(folder, DAY)
    path.write_bytes(b"\x00" * 32)  # the disk damaged it ...
    os.replace(path, path.with_name(path.name + ".damaged-20261126T081500"))  # ... set aside
    assert prev_file(path).exists() and not path.exists()
    return done, sending, later


def _cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    config = tmp_path / "config.toml"
    config.write_text(f'[app]\njournal_dir = "{tmp_path / "journal"}"\nlanguage = "en"\n')
    try:
        code = cli.main(["--config", str(config), "journal", *args])
    finally:
        i18n.set_language("es")
    out, err = capsys.readouterr()
    return code, out, err


def test_r03_a_read_only_copy_shows_a_day_that_has_only_its_prev_and_says_so(tmp_path):
    folder = tmp_path / "journal"
    done, sending, later = _cut_repair(folder)
    with Journal.open(folder, tz=MX, read_only=True) as reader:
        assert reader.days() == [DAY, DAY + timedelta(days=1)]
        shown = {s.ref: s.state for s in reader.sales_of_day(DAY)}
        # The .prev lacks at most the last step written: here the send of "sending".
        assert shown == {done.ref: State.CONFIRMED, sending.ref: State.PAID}
        assert [s.ref for s in reader.unfinished_sales()] == [sending.ref]
        assert [n.key for n in reader.recovered] == ["journal.recovered.damaged_read_only"]
        assert "2026-11-25" in reader.recovered[0].text("en")
    assert not day_file(folder, DAY).exists()  # a reader repairs nothing


def test_r03_export_of_a_day_with_only_its_prev_exports_it_says_so_and_exits_2(
        tmp_path, capsys):
    done, sending, later = _cut_repair(tmp_path / "journal")
    code, out, err = _cli(tmp_path, capsys, "export")
    assert code == 2
    assert [r["ref"] for r in csv.DictReader(io.StringIO(out))] == \
        [done.ref, sending.ref, later.ref]
    (line,) = err.strip().splitlines()
    assert "day 2026-11-25 damaged: its previous copy (.prev)" in line


def test_r03_check_calls_a_day_with_only_its_prev_damaged_never_its_sales_finished(
        tmp_path, capsys):
    done, sending, later = _cut_repair(tmp_path / "journal")
    code, out, _ = _cli(tmp_path, capsys, "check")
    assert code == 1
    assert "2026-11-25.json: the day's file is missing and only its previous copy " \
           "(2026-11-25.json.prev) is there" in out
    assert "already finished" not in out and "1 damaged" in out
    report = check_folder(tmp_path / "journal")
    (day,) = [f for f in report.files if f.name == "2026-11-25.json"]
    assert day.sales == 2


def test_r03_the_writer_puts_the_prev_back_at_start_and_when_it_meets_it_later(tmp_path):
    folder = tmp_path / "journal"
    done, sending, later = _cut_repair(folder)
    with Journal.open(folder, tz=MX) as writer:
        assert [n.key for n in writer.recovered] == ["journal.recovered.prev_restored"]
        assert writer.get(sending.ref).state is State.PAID
        # The same cut while the writer runs (another day met later) is mended the same way.
        path = day_file(folder, later.created_at.date())
        os.replace(path, path.with_name(path.name + ".damaged-x"))
        assert writer.get(later.ref).state is State.SENDING
        assert writer.recovered[-1].key == "journal.recovered.prev_restored"
    assert check_folder(folder).ok


def test_r03_the_repair_syncs_the_folder_right_after_moving_the_damaged_day_aside(
        tmp_path, monkeypatch):
    """Before anything else is written: else a power cut may keep the day written back (its
    rename) and lose the move aside, and with it the damaged file."""
    folder = tmp_path / "journal"
    with Journal.open(folder, tz=MX) as j:
        record_walk(j, captured(), State.ACCEPTED, State.PAID)
    path = day_file(folder, DAY)
    path.write_bytes(b"torn")
    calls: list[str] = []
    real_replace, real_sync = recovery.replace, recovery.fsync_dir
    monkeypatch.setattr(recovery, "replace",
                        lambda a, b: (calls.append(f"move {Path(b).name}"), real_replace(a, b)))
    monkeypatch.setattr(recovery, "fsync_dir",
                        lambda f: (calls.append("sync"), real_sync(f)))
    monkeypatch.setattr(recovery, "write_durably",
                        lambda p, raw: calls.append(f"write {Path(p).name}"))
    recovery.repair_day(folder, DAY)
    assert calls[0].startswith("move 2026-11-25.json.damaged-")
    assert calls[1:] == ["sync", "write 2026-11-25.json"]
