"""Recovery at start: temp files, torn or garbage day files, a missing current generation."""

from __future__ import annotations

import errno
import json
import os
from datetime import timedelta

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, dead_pid, record_walk, walk

from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal, JournalError, recovery
from recarga_tui.journal.layout import day_file, prev_file


def _two_generations(folder):
    """A day whose current file holds one step more than its previous generation."""
    with Journal.open(folder, tz=MX) as j:
        sale = record_walk(j, captured(), State.ACCEPTED, State.PAID)
        sending = walk(sale, State.SENDING)[0]
        j.record(sending)
    return sale, sending, day_file(folder, T0.date())


def _damaged(folder):
    return [n for n in os.listdir(folder) if ".damaged-" in n]


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],            # torn mid-write
    lambda raw: b"",                             # a rename that outlived its data
    lambda raw: os.urandom(len(raw)),            # garbage
    lambda raw: b'{"sales": [1, 2]}',            # JSON, but not a day of sales
])
def test_a_damaged_day_file_is_recovered_from_its_previous_generation(tmp_path, damage):
    paid, sending, path = _two_generations(tmp_path)
    broken = damage(path.read_bytes())
    path.write_bytes(broken)
    with Journal.open(tmp_path, tz=MX) as j:
        (note,) = j.recovered
        assert note.key == "journal.recovered.day_from_prev"
        assert note.params["day"] == "2026-11-25"
        assert j.get(paid.ref) == paid  # the step written last is lost with the torn file
        assert [s.ref for s in j.open_sales()] == [paid.ref]
        j.record(sending)  # and the sale goes on from there
    (aside,) = _damaged(tmp_path)
    assert aside.startswith("2026-11-25.json.damaged-")
    assert note.params["file"] == aside
    assert (tmp_path / aside).read_bytes() == broken  # kept for a person, never deleted


def test_a_damaged_day_without_a_good_previous_generation_is_set_aside(tmp_path):
    paid, _, path = _two_generations(tmp_path)
    path.write_bytes(b"\x00" * 10)
    prev_file(path).write_bytes(b"\x00" * 10)
    with Journal.open(tmp_path, tz=MX) as j:
        lost, named = j.recovered
        assert lost.key == "journal.recovered.day_lost"
        # R03: the unfinished sale the index knew is named, not dropped as if finished.
        assert named.key == "journal.recovered.unfinished_lost"
        assert named.params["refs"] == paid.ref and paid.ref in named.text()
        assert j.unfinished_sales() == []
        assert j.sales_of_day(T0.date()) == []
        fresh = captured(token="0000fe11")
        j.record(fresh)
        assert j.get(fresh.ref) == fresh
    assert len(_damaged(tmp_path)) == 1


def test_a_missing_current_file_is_restored_from_its_previous_generation(tmp_path):
    paid, _, path = _two_generations(tmp_path)
    path.unlink()
    with Journal.open(tmp_path, tz=MX) as j:
        assert [n.key for n in j.recovered] == ["journal.recovered.prev_restored"]
        assert j.get(paid.ref) == paid


def test_stray_temp_files_are_removed_and_nothing_else(tmp_path):
    paid, sending, path = _two_generations(tmp_path)
    stray = tmp_path / f".{path.name}.{dead_pid()}.deadbeef.tmp"
    stray.write_bytes(b'{"sales": {')
    with Journal.open(tmp_path, tz=MX) as j:
        assert [n.key for n in j.recovered] == ["journal.recovered.temp_removed"]
        assert j.get(paid.ref) == sending
    assert not stray.exists()
    assert prev_file(path).exists()


def test_a_final_sale_brought_back_unfinished_is_pending_again(tmp_path):
    """The previous generation may hold a sale before its last step: it must be resumed."""
    with Journal.open(tmp_path, tz=MX) as j:
        sale = record_walk(j, captured(), *TO_CONFIRMED)
        assert j.unfinished_sales() == []
    day_file(tmp_path, T0.date()).write_bytes(b"torn")
    with Journal.open(tmp_path, tz=MX) as j:
        (back,) = j.unfinished_sales()
        assert back.ref == sale.ref and back.state is State.SENDING


def test_a_read_only_copy_reads_the_previous_generation_and_renames_nothing(tmp_path):
    paid, _, path = _two_generations(tmp_path)
    path.write_bytes(b"torn")
    with Journal.open(tmp_path, read_only=True) as reader:
        assert reader.get(paid.ref) == paid
        assert [n.key for n in reader.recovered] == ["journal.recovered.damaged_read_only"]
    assert path.read_bytes() == b"torn"
    assert _damaged(tmp_path) == []


def test_an_unreadable_document_is_skipped_and_noted(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        good = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
    path = day_file(tmp_path, T0.date())
    tables = json.loads(path.read_text())
    tables["sales"]["2"] = {"ref": "X"}
    path.write_text(json.dumps(tables))
    with Journal.open(tmp_path, tz=MX) as j:
        assert j.sales_of_day(T0.date()) == [good]
        assert [n.key for n in j.recovered] == ["journal.recovered.bad_document"]


def test_recovery_also_covers_the_previous_days_written_last(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        yesterday = record_walk(j, captured(at=T0 - timedelta(days=1)), *TO_CONFIRMED)
        record_walk(j, captured(), *TO_CONFIRMED)
    day_file(tmp_path, yesterday.created_at.date()).write_bytes(b"")
    with Journal.open(tmp_path, tz=MX) as j:
        assert [n.key for n in j.recovered] == ["journal.recovered.day_from_prev"]


def test_a_disk_error_during_recovery_is_a_worded_journal_error(tmp_path, monkeypatch):
    (tmp_path / f".2026-11-25.json.{dead_pid()}.ab.tmp").write_text("half")

    def refuse(path):
        raise PermissionError(errno.EROFS, "read-only file system", str(path))

    monkeypatch.setattr(recovery.os, "unlink", refuse)
    with pytest.raises(JournalError) as err:
        Journal.open(tmp_path)
    assert err.value.code == "journal.disk_read_only"
    monkeypatch.undo()
    with Journal.open(tmp_path) as j:  # the lock was released
        assert not j.read_only
