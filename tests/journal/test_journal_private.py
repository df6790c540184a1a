"""The notebook holds phone numbers and references: only the user may read it (R12). Every
folder it makes is 0700 and every file 0600 whatever the umask, and what an older version left
readable by others is tightened at start, which the log says."""

from __future__ import annotations

import logging
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk

from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal
from recarga_tui.journal.backup import backup
from recarga_tui.journal.layout import INDEX_NAME, LOCK_NAME, day_file, prev_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


@pytest.fixture(autouse=True)
def loose_umask():
    """The usual umask, which would make 0644 files and 0755 folders."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: _mode(p) for p in folder.iterdir()}


def _fill(folder: Path) -> None:
    with Journal.open(folder, tz=MX) as j:
        record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        record_walk(j, captured(at=T0 + timedelta(days=1), token="00000002"), State.ACCEPTED)


def test_r12_every_folder_and_file_the_journal_makes_is_the_users_alone(tmp_path):
    folder = tmp_path / "data" / "recarga-tui" / "journal"  # parents made too
    _fill(folder)
    day_file(folder, T0.date()).write_bytes(b"torn")  # recovery sets it aside
    with Journal.open(folder, tz=MX) as j:
        assert j.recovered[0].key == "journal.recovered.day_from_prev"
    modes = _modes(folder)
    assert {LOCK_NAME, INDEX_NAME, "2026-11-25.json", "2026-11-25.json.prev",
            "2026-11-26.json", "2026-11-26.json.prev"} <= set(modes)
    assert any(".damaged-" in name for name in modes)
    assert modes == {name: 0o600 for name in modes}
    for path in (folder, folder.parent, folder.parent.parent):
        assert _mode(path) == 0o700, path


def test_r12_a_copy_and_an_export_are_the_users_alone_too(tmp_path):
    folder = tmp_path / "journal"
    _fill(folder)
    dest = tmp_path / "usb" / "recargas"
    copied, report = backup(folder, dest)
    assert copied == 2 and report.ok
    assert _mode(dest) == 0o700 and set(_modes(dest).values()) == {0o600}


def test_r12_an_older_versions_loose_journal_files_are_tightened_at_start_and_logged(
        tmp_path, caplog):
    """The app's own files are tightened; the folder, which the app may not have made (a
    ``journal_dir`` the shop chose), keeps its mode and the log says how to close it."""
    folder = tmp_path / "journal"
    _fill(folder)
    loose = [folder / LOCK_NAME, folder / INDEX_NAME, day_file(folder, T0.date()),
             prev_file(day_file(folder, T0.date()))]
    for path in loose:
        path.chmod(0o644)
    theirs = folder / "notas.txt"  # not a file the journal makes: never touched
    theirs.write_text("x")
    theirs.chmod(0o644)
    folder.chmod(0o755)
    with caplog.at_level(logging.WARNING, logger="recarga_tui.journal"):
        with Journal.open(folder, tz=MX) as j:
            assert not j.read_only
    assert _mode(folder) == 0o755
    assert _mode(theirs) == 0o644
    assert {name: mode for name, mode in _modes(folder).items() if name != theirs.name} == \
        {name: 0o600 for name in _modes(folder) if name != theirs.name}
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "only this user's" in said
    assert all(str(path) in said for path in loose)
    assert f"journal folder readable by others, left as it is (R12): {folder} 0755" in said
    assert f"chmod 700 {folder}" in said


def test_r12_a_read_only_copy_changes_nothing(tmp_path):
    folder = tmp_path / "journal"
    _fill(folder)
    day_file(folder, T0.date()).chmod(0o644)
    with Journal.open(folder, read_only=True) as reader:
        assert reader.sales_of_day(T0.date())
    assert _mode(day_file(folder, T0.date())) == 0o644  # the writer tightens it at its start
