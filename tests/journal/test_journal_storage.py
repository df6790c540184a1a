"""The atomic storage: whole generations only, the previous one kept, disk errors clean."""

from __future__ import annotations

import errno
import os

import pytest
from journal_factory import MX, T0, captured, walk
from tinydb import TinyDB

from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal, JournalError, storage
from recarga_tui.journal.errors import DamagedFile
from recarga_tui.journal.layout import INDEX_NAME, day_file, prev_file
from recarga_tui.journal.storage import AtomicJSONStorage, decode, encode


def test_tinydb_over_the_storage_keeps_the_previous_generation(tmp_path):
    path = tmp_path / "d.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("sales").insert({"n": 1})
    assert not prev_file(path).exists()
    first = path.read_bytes()
    db.table("sales").insert({"n": 2})
    assert prev_file(path).read_bytes() == first
    assert [d["n"] for d in TinyDB(path, storage=AtomicJSONStorage).table("sales").all()] == [1, 2]
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []


def test_a_reader_sees_every_replacement_by_another_writer(tmp_path):
    path = tmp_path / "d.json"
    writer = AtomicJSONStorage(path)
    reader = AtomicJSONStorage(path, read_only=True)
    assert reader.read() is None
    for n in range(5):
        writer.write({"sales": {"1": {"n": n}}})
        assert reader.read() == {"sales": {"1": {"n": n}}}


def test_reads_hand_out_copies_the_caller_may_change(tmp_path):
    s = AtomicJSONStorage(tmp_path / "d.json")
    s.write({"sales": {"1": {"n": 1}}})
    got = s.read()
    got["sales"]["1"]["n"] = 99
    got["sales"]["2"] = {}
    assert s.read() == {"sales": {"1": {"n": 1}}}


def test_a_read_only_storage_never_writes(tmp_path):
    with pytest.raises(OSError):
        AtomicJSONStorage(tmp_path / "d.json", read_only=True).write({})
    assert os.listdir(tmp_path) == []


def test_the_file_is_one_document_a_line_and_decodes_back():
    tables = {"sales": {"1": {"ref": "a", "n": "ñ"}, "2": {"ref": "b"}}, "empty": {}}
    raw, _ = encode(tables)
    assert raw.count(b"\n") == 5
    assert decode(raw, "x") == tables
    with pytest.raises(DamagedFile):
        decode(b'{"sales": {"1": 3}}', "x")


def test_without_hard_links_the_previous_generation_is_copied(tmp_path, monkeypatch):
    def no_links(*args):
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(storage.os, "link", no_links)
    path = tmp_path / "d.json"
    storage.write_durably(path, b"one")
    storage.write_durably(path, b"two", keep_prev=True)
    assert path.read_bytes() == b"two" and prev_file(path).read_bytes() == b"one"


def test_replace_is_retried_while_windows_holds_the_file(tmp_path, monkeypatch):
    real, calls = os.replace, []

    def busy(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "in use")
        real(src, dst)

    monkeypatch.setattr(storage.os, "replace", busy)
    monkeypatch.setattr(storage.os, "name", "nt")
    monkeypatch.setattr(storage, "REPLACE_PAUSE", 0)
    src = tmp_path / "a"
    src.write_text("x")
    storage.replace(src, tmp_path / "b")
    assert len(calls) == 3 and (tmp_path / "b").read_text() == "x"


def _recorded(folder):
    j = Journal.open(folder, tz=MX)
    sale = captured()
    j.record(sale)
    return j, sale


def _failing(monkeypatch, name, code):
    real = getattr(os, name)

    def fail(fd, *args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage.os, name, fail)
    return real


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_disk_full_leaves_the_old_file_and_raises_a_journal_error(tmp_path, monkeypatch, call):
    j, sale = _recorded(tmp_path)
    path = day_file(tmp_path, T0.date())
    before = {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)}
    _failing(monkeypatch, call, errno.ENOSPC)
    with pytest.raises(JournalError) as err:
        j.record(walk(sale, State.ACCEPTED)[0])
    assert err.value.code == "journal.disk_full"
    assert {n: (tmp_path / n).read_bytes() for n in os.listdir(tmp_path)} == before
    assert path.exists()
    monkeypatch.undo()
    assert j.get(sale.ref) == sale
    j.close()


def test_disk_full_on_a_new_sale_writes_nothing(tmp_path, monkeypatch):
    j, _ = _recorded(tmp_path)
    index = (tmp_path / INDEX_NAME).read_bytes()
    _failing(monkeypatch, "write", errno.ENOSPC)
    other = captured(token="0000beef")
    with pytest.raises(JournalError):
        j.record(other)
    monkeypatch.undo()
    assert (tmp_path / INDEX_NAME).read_bytes() == index
    assert j.get(other.ref) is None
    j.close()


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.EPERM])
def test_a_read_only_disk_raises_a_journal_error(tmp_path, monkeypatch, code):
    j, sale = _recorded(tmp_path)
    _failing(monkeypatch, "write", code)
    with pytest.raises(JournalError) as err:
        j.record(walk(sale, State.ACCEPTED)[0])
    assert err.value.code == "journal.disk_read_only"
    monkeypatch.undo()
    j.close()


def test_another_disk_error_is_still_worded(tmp_path, monkeypatch):
    j, sale = _recorded(tmp_path)
    _failing(monkeypatch, "write", errno.EIO)
    with pytest.raises(JournalError) as err:
        j.record(walk(sale, State.ACCEPTED)[0])
    assert err.value.code == "journal.write_failed" and err.value.params["reason"]
    monkeypatch.undo()
    j.close()
