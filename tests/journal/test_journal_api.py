"""The journal's API: record, get, open sales, search, days; one writer; the index."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, dead_pid, record_walk, walk
from msgspec.structs import replace

from recarga_tui.domain.sale import SaleError, State, Transition
from recarga_tui.journal import Journal, JournalError
from recarga_tui.journal.layout import INDEX_NAME, day_file


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        yield j


def test_record_then_get_gives_back_the_whole_history(journal):
    sale = record_walk(journal, captured(), *TO_CONFIRMED)
    assert journal.get(sale.ref) == sale
    assert [s.state for s in journal.get(sale.ref).history] == [State.CAPTURED, *TO_CONFIRMED]


def test_get_of_an_unknown_ref_is_none(journal):
    assert journal.get("DEMO-01-261125-ffffffff") is None
    assert journal.get("no day in it") is None


def test_one_file_per_local_day_the_sale_was_created(journal, tmp_path):
    late = datetime(2026, 11, 25, 23, 30, tzinfo=MX)  # already the 26th in UTC
    sale = captured(at=late)
    journal.record(sale)
    assert day_file(tmp_path, date(2026, 11, 25)).exists()
    assert not day_file(tmp_path, date(2026, 11, 26)).exists()
    assert journal.days() == [date(2026, 11, 25)]
    assert journal.get(sale.ref) == sale


def test_steps_after_midnight_stay_in_the_day_the_sale_began(journal, tmp_path):
    sale = captured(at=datetime(2026, 11, 25, 23, 59, tzinfo=MX))
    journal.record(sale)
    nxt = sale.advance(State.ACCEPTED, datetime(2026, 11, 26, 0, 1, tzinfo=MX))
    journal.record(nxt)
    assert journal.days() == [date(2026, 11, 25)]
    assert journal.get(sale.ref) == nxt


def test_a_stale_writer_cannot_rewrite_history(journal):
    sale = captured()
    accepted, paid = walk(sale, State.ACCEPTED, State.PAID)
    journal.record(sale)
    journal.record(accepted)
    journal.record(paid)
    with pytest.raises(JournalError) as shorter:
        journal.record(accepted)
    assert shorter.value.code == "journal.stale_history"
    other = accepted.advance(State.ABANDONED, accepted.updated_at + timedelta(seconds=1))
    with pytest.raises(JournalError):
        journal.record(other)
    assert journal.get(sale.ref) == paid


def test_recording_the_same_sale_twice_is_harmless(journal):
    sale = captured()
    journal.record(sale)
    journal.record(sale)
    assert journal.get(sale.ref) == sale
    assert len(journal.sales_of_day(T0.date())) == 1


def test_an_illegal_history_is_refused(journal):
    sale = captured()
    skipped = replace(sale, history=sale.history + (Transition(State.SENDING, T0, {}),))
    with pytest.raises(JournalError) as err:
        journal.record(skipped)
    assert err.value.code == "journal.illegal_history"
    assert isinstance(err.value, SaleError)
    assert journal.get(sale.ref) is None


def test_open_and_unfinished_sales(journal):
    left = captured(token="00000001")
    journal.record(left)
    paid = record_walk(journal, captured(token="00000002"), State.ACCEPTED, State.PAID)
    unknown = record_walk(journal, captured(token="00000003"), State.ACCEPTED, State.PAID,
                          State.SENDING, State.UNKNOWN)
    record_walk(journal, captured(token="00000004"), *TO_CONFIRMED)
    assert [s.ref for s in journal.open_sales()] == [paid.ref, unknown.ref]
    assert {s.ref for s in journal.unfinished_sales()} == {left.ref, paid.ref, unknown.ref}


def test_open_sales_of_any_day_are_found(journal):
    old = record_walk(journal, captured(at=T0 - timedelta(days=200)), State.ACCEPTED,
                      State.PAID, State.DEFERRED)
    for n in range(5):
        record_walk(journal, captured(at=T0 - timedelta(days=n)), *TO_CONFIRMED)
    assert [s.ref for s in journal.open_sales()] == [old.ref]


def test_finished_sales_leave_the_index(journal, tmp_path):
    sale = captured()
    journal.record(sale)
    assert sale.ref in (tmp_path / INDEX_NAME).read_text()
    record_walk(journal, walk(sale, State.ACCEPTED)[0], State.ABANDONED)
    assert sale.ref not in (tmp_path / INDEX_NAME).read_text()
    assert journal.unfinished_sales() == []


def test_search_by_whole_number_or_last_digits(journal):
    a = record_walk(journal, captured(msisdn="2727215380", token="0000000a"), *TO_CONFIRMED)
    b = record_walk(journal, captured(at=T0 + timedelta(days=3), msisdn="5512345380",
                                      token="0000000b"), *TO_CONFIRMED)
    assert journal.search("272 721 5380") == [a]
    assert journal.search("5380") == [a, b]
    assert journal.search("5380", since=T0.date() + timedelta(days=1)) == [b]
    assert journal.search("") == []


def test_search_finds_a_corrected_number(journal):
    sale = captured(msisdn="2727215381")
    journal.record(sale)
    fixed = sale.advance(State.CAPTURED, T0 + timedelta(seconds=5), msisdn="2727215380")
    journal.record(fixed)
    assert journal.search("2727215381") == [fixed]
    assert journal.search("2727215380") == [fixed]


def test_days_sales_of_day_and_between(journal):
    for n in (0, 1, 3):
        record_walk(journal, captured(at=T0 + timedelta(days=n)), *TO_CONFIRMED)
    first = T0.date()
    assert journal.days() == [first, first + timedelta(days=1), first + timedelta(days=3)]
    assert len(journal.sales_of_day(first)) == 1
    assert journal.sales_of_day(first + timedelta(days=2)) == []
    assert len(journal.sales_between(first + timedelta(days=1), first + timedelta(days=3))) == 2


def test_a_second_copy_in_this_process_is_read_only_and_sees_new_writes(journal, tmp_path):
    sale = captured()
    journal.record(sale)
    with Journal.open(tmp_path, tz=MX) as second:
        assert second.read_only and second.read_only_reason == "journal.read_only"
        assert second.get(sale.ref) == sale
        accepted = walk(sale, State.ACCEPTED)[0]
        journal.record(accepted)
        assert second.get(sale.ref) == accepted
        assert [s.ref for s in second.unfinished_sales()] == [sale.ref]
        with pytest.raises(JournalError) as err:
            second.record(walk(accepted, State.PAID)[0])
        assert err.value.code == "journal.read_only"
    assert journal.get(sale.ref) == accepted


def test_a_second_process_opens_read_only(journal, tmp_path):
    sale = captured()
    journal.record(sale)
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from recarga_tui.journal import Journal, JournalError
        with Journal.open(Path({str(tmp_path)!r})) as j:
            sale = j.get({sale.ref!r})
            print(j.read_only, sale.state.value)
            try:
                j.record(sale)
            except JournalError as exc:
                print(exc.code)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "captured", "journal.read_only"]


def test_the_lock_is_released_on_close(tmp_path):
    with Journal.open(tmp_path) as first:
        assert not first.read_only
    with Journal.open(tmp_path) as again:
        assert not again.read_only
    with pytest.raises(JournalError):
        again.get("x")


def test_opened_read_only_on_request_takes_no_lock(tmp_path):
    with Journal.open(tmp_path, read_only=True) as reader:
        assert reader.read_only_reason == "journal.read_only_asked"
        with Journal.open(tmp_path) as writer:
            assert not writer.read_only


def test_start_reads_only_the_index_and_the_last_days(tmp_path):
    """Start-up does not read old, finished days: an unreadable one is not even noticed."""
    with Journal.open(tmp_path, tz=MX) as j:
        old = record_walk(j, captured(at=T0 - timedelta(days=100)), *TO_CONFIRMED)
        waiting = record_walk(j, captured(at=T0 - timedelta(days=50)), State.ACCEPTED,
                              State.PAID)
        for n in range(3):
            record_walk(j, captured(at=T0 + timedelta(days=n)), *TO_CONFIRMED)
    old_file = day_file(tmp_path, old.created_at.date())
    old_file.write_text("{ not json")
    with Journal.open(tmp_path, tz=MX) as j:
        assert j.recovered == []
        assert [s.ref for s in j.open_sales()] == [waiting.ref]
        assert old_file.read_text() == "{ not json"
        # Met later, the damaged day is recovered like at start.
        assert j.get(old.ref) is not None
        assert [n.key for n in j.recovered] == ["journal.recovered.day_from_prev"]


def test_a_missing_index_is_rebuilt_from_the_days(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        waiting = record_walk(j, captured(at=T0 - timedelta(days=9)), State.ACCEPTED)
        record_walk(j, captured(), *TO_CONFIRMED)
    (tmp_path / INDEX_NAME).unlink()
    with Journal.open(tmp_path, tz=MX) as j:
        assert [n.key for n in j.recovered] == ["journal.recovered.index_rebuilt"]
        assert [s.ref for s in j.unfinished_sales()] == [waiting.ref]
    assert waiting.ref in (tmp_path / INDEX_NAME).read_text()


def test_a_damaged_index_is_rebuilt_from_the_days(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        waiting = record_walk(j, captured(at=T0 - timedelta(days=9)), State.ACCEPTED,
                              State.PAID)
    (tmp_path / INDEX_NAME).write_bytes(b"\x00\x00garbage")
    with Journal.open(tmp_path, tz=MX) as j:
        assert "journal.recovered.index_rebuilt" in [n.key for n in j.recovered]
        assert [s.ref for s in j.open_sales()] == [waiting.ref]


def test_a_reader_without_index_still_finds_unfinished_sales(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        waiting = record_walk(j, captured(), State.ACCEPTED)
    (tmp_path / INDEX_NAME).unlink()
    with Journal.open(tmp_path, read_only=True) as reader:
        assert [s.ref for s in reader.unfinished_sales()] == [waiting.ref]


def test_stale_index_entries_are_dropped_at_start(tmp_path):
    with Journal.open(tmp_path, tz=MX) as j:
        sale = record_walk(j, captured(), *TO_CONFIRMED)
    unfinished = {sale.ref: "2026-11-25", "GONE-261125-x": "2026-11-25"}
    (tmp_path / INDEX_NAME).write_text(json.dumps({"version": 1, "unfinished": unfinished}))
    with Journal.open(tmp_path, tz=MX) as j:
        assert j.unfinished_sales() == []
    assert sale.ref not in (tmp_path / INDEX_NAME).read_text()


def test_recovery_notes_read_as_words(tmp_path):
    name = f".2026-11-25.json.{dead_pid()}.ab.tmp"
    (tmp_path / name).write_text("half")
    with Journal.open(tmp_path) as j:
        (note,) = j.recovered
    assert note.key == "journal.recovered.temp_removed"
    assert name in note.text()
    assert note.text("en").startswith("A half-written file")
