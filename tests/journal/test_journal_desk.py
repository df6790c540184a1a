"""The counter's own records in the notebook: shifts and cashiers' locks, in the day file's
``desk`` table, written ahead and durable like a sale's steps, sealed, listed in the day's
contents, read by a read-only copy and held by ``journal check`` (R03, R12). A day with no
desk record reads and is checked exactly as before."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk

from recarga_tui.domain import shift as desk
from recarga_tui.domain.cashier import Cashier
from recarga_tui.domain.close import close
from recarga_tui.journal import Journal, JournalError
from recarga_tui.journal.check import check_folder
from recarga_tui.journal.layout import day_file, prev_file
from recarga_tui.journal.storage import encode

ANA, BETO = Cashier("c01", "Ana"), Cashier("c02", "Beto")


def shift_of(who: Cashier, at=T0, token="0000aaaa", opening=10_000) -> desk.Shift:
    return desk.Shift.open(desk.new_id("DEMO-01", at, token), who, at, opening)


def ended(shift: desk.Shift, counted: int, minutes: int = 60) -> desk.Shift:
    at = shift.opened_at + timedelta(minutes=minutes)
    found = desk.figures([], shift.opened_at, at, shift.opening)
    return shift.closed(at, counted, found)


def tables_of(folder: Path) -> dict[str, Any]:
    return json.loads(day_file(folder, T0.date()).read_text("utf-8"))


def rewrite(folder: Path, tables: dict[str, Any]) -> None:
    day_file(folder, T0.date()).write_bytes(encode(tables)[0])


def _day(folder: Path) -> tuple[desk.Shift, desk.Shift, desk.Lock]:
    with Journal.open(folder, tz=MX) as j:
        record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        first = shift_of(ANA)
        j.record_desk(first)
        first = ended(first, 9_500)
        j.record_desk(first)
        lock = desk.Lock.new(desk.new_id("DEMO-01", T0, "0000bbbb"), BETO,
                             T0 + timedelta(minutes=61), T0 + timedelta(minutes=76), 5)
        j.record_desk(lock)
        second = shift_of(BETO, T0 + timedelta(minutes=62), "0000cccc", 9_500)
        j.record_desk(second)
    return first, second, lock


def test_r03_shifts_and_locks_are_written_sealed_listed_and_read_back(tmp_path):
    first, second, lock = _day(tmp_path)
    with Journal.open(tmp_path, tz=MX) as j:
        assert j.desk_of_day(T0.date()) == [first, lock, second]
        assert j.latest_shift() == second and second.is_open
        assert j.latest_shift(since=T0.date() + timedelta(days=1)) is None
        assert len(j.sales_of_day(T0.date())) == 1  # the sales are where they were
    tables = tables_of(tmp_path)
    assert [d["id"] for d in tables["desk"].values()] == [first.id, lock.id, second.id]
    assert all(d["check"].startswith("sha256:") for d in tables["desk"].values())
    listed = tables["contents"]["1"]["desk"]
    assert [(v[0], v[1]) for v in listed.values()] == [(first.id, 2), (lock.id, 1),
                                                       (second.id, 1)]
    report = check_folder(tmp_path)
    assert report.ok, [n.text("en") for f in report.files for n in f.problems]


def test_r03_a_read_only_copy_reads_the_shifts(tmp_path):
    first, second, lock = _day(tmp_path)
    with Journal.open(tmp_path, tz=MX) as writer, \
            Journal.open(tmp_path, tz=MX, read_only=True) as reader:
        assert reader.desk_of_day(T0.date()) == [first, lock, second]
        with pytest.raises(JournalError) as refused:
            reader.record_desk(ended(second, 0))
        assert refused.value.code == "journal.read_only_asked"
        writer.record_desk(ended(second, 9_000))
        assert reader.latest_shift().figure("counted") == 9_000


def test_r03_a_shift_step_is_never_rewritten_nor_recorded_twice(tmp_path):
    first, second, _ = _day(tmp_path)
    with Journal.open(tmp_path, tz=MX) as j:
        j.record_desk(first)  # the same history again: harmless
        with pytest.raises(JournalError) as stale:
            j.record_desk(desk.Shift(desk.Record(
                desk.Kind.SHIFT, first.id, ANA, first.record.history[:1])))
        assert stale.value.code == "journal.stale_history"
        other_end = ended(shift_of(ANA), 1)
        with pytest.raises(JournalError) as rewritten:
            j.record_desk(other_end)  # the same id, another end
        assert rewritten.value.code == "journal.stale_history"
    assert [d.get("id") for d in tables_of(tmp_path)["desk"].values()].count(first.id) == 1


def test_r12_a_desk_record_that_names_a_pin_is_never_written(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        record = desk.Record(desk.Kind.SHIFT, "S1", ANA, (desk.Entry(
            desk.Step.OPEN, T0, {"opening": 0, "pin": "1357"}),))
        with pytest.raises(JournalError) as refused:
            j.record_desk(desk.Shift(record))
        assert refused.value.code == "journal.secret_refused"
        with pytest.raises(JournalError) as illegal:
            j.record_desk(desk.Shift(desk.Record(desk.Kind.SHIFT, "S2", ANA, (desk.Entry(
                desk.Step.CLOSED, T0, {"counted": 0}),))))
        assert illegal.value.code == "journal.illegal_history"
    assert not day_file(tmp_path, T0.date()).exists()


def _edit(tmp_path: Path, change) -> list[str]:
    _day(tmp_path)
    tables = tables_of(tmp_path)
    change(tables)
    rewrite(tmp_path, tables)
    report = check_folder(tmp_path)
    return [n.key for f in report.files for n in f.problems]


def test_r03_journal_check_sees_a_shift_removed_changed_or_made_illegal(tmp_path):
    def removed(t):
        t["desk"].pop("3")

    def changed(t):
        t["desk"]["1"]["history"][1]["data"]["counted"] = 99_999

    def step_dropped(t):
        doc = t["desk"]["1"]
        doc["history"] = doc["history"][:1]
        del doc["check"]

    def illegal(t):
        doc = t["desk"]["3"]
        doc["history"][0]["state"] = "closed"
        del doc["check"]

    def secret(t):
        doc = t["desk"]["2"]
        doc["history"][0]["data"]["nip"] = "1357"
        del doc["check"]

    seen = {}
    for name, change in (("removed", removed), ("changed", changed),
                         ("step_dropped", step_dropped), ("illegal", illegal),
                         ("secret", secret)):
        seen[name] = _edit(tmp_path / name, change)
    assert "journal.check.desk.missing_sale" in seen["removed"]
    assert "journal.check.desk.check_failed" in seen["changed"]
    assert "journal.check.desk.steps_missing" in seen["step_dropped"]
    assert "journal.check.bad_desk" in seen["illegal"]
    assert "journal.check.desk.secret" in seen["secret"]


def test_r03_a_day_repaired_from_its_prev_keeps_its_shifts(tmp_path):
    first, second, lock = _day(tmp_path)
    path = day_file(tmp_path, T0.date())
    assert prev_file(path).exists()
    path.write_bytes(b"\0" * 64)  # a power cut's torn day
    with Journal.open(tmp_path, tz=MX) as j:
        # The .prev lacks only the last write: the second shift's opening.
        assert j.desk_of_day(T0.date()) == [first, lock]
    assert check_folder(tmp_path).ok


def test_r03_the_shifts_drawer_is_the_close_of_its_sales(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        sale = record_walk(j, captured(at=T0 + timedelta(minutes=5), token="00000001"),
                           *TO_CONFIRMED)
    shift = shift_of(ANA)
    found = desk.figures([sale], shift.opened_at, T0 + timedelta(hours=1), shift.opening)
    assert found.expected == shift.opening + close([sale], T0, T0 + timedelta(hours=1)).drawer
    assert found.expected == 10_000 + 5_000 - 3_000
    done = shift.closed(T0 + timedelta(hours=1), 11_900, found)
    assert (done.figure("expected"), done.figure("difference")) == (12_000, -100)
