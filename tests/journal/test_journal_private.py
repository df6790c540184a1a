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


# --- what the app did not make, it never changes; what it makes survives a power cut -------


def test_r12_check_config_refuses_a_journal_dir_that_is_a_file_in_one_line(tmp_path, capsys):
    from recarga_tui import cli

    target = tmp_path / "ventas.txt"
    target.write_text("not a folder")
    target.chmod(0o644)
    for journal_dir in (target, target / "journal"):
        config = tmp_path / "config.toml"
        config.write_text(f'[app]\njournal_dir = "{journal_dir}"\nlanguage = "en"\n')
        assert cli.main(["check-config", str(config)]) == 2
        _, err = capsys.readouterr()
        (line,) = err.strip().splitlines()
        assert line.startswith(f"{config}: app.journal_dir must be a folder, and that path "
                               f"is a file (or goes through one): name a folder, not ")
    assert _mode(target) == 0o644


@pytest.mark.parametrize("read_only", [False, True])
def test_r12_the_app_refuses_a_journal_dir_that_is_a_file_and_changes_not_its_mode(
        tmp_path, read_only):
    from recarga_tui.journal import JournalError
    from recarga_tui.wiring import JournalUnavailable, open_journal

    target = tmp_path / "passwd"
    target.write_text("root:x:0:0\n")
    target.chmod(0o644)
    with pytest.raises(JournalUnavailable) as refused:
        open_journal(target, read_only)
    (line,) = refused.value.text().splitlines()
    assert str(target) in line and "journal_dir" in line
    if not read_only:
        with pytest.raises(JournalError) as err:
            Journal.open(target, tz=MX)
        assert err.value.params["file"] == str(target)
    assert _mode(target) == 0o644 and target.read_text() == "root:x:0:0\n"


def test_r12_a_folder_the_app_did_not_make_keeps_its_mode_its_files_are_private(tmp_path):
    folder = tmp_path / "compartida"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    _fill(folder)
    assert _mode(folder) == 0o755
    assert set(_modes(folder).values()) == {0o600}


def test_r03_every_folder_the_app_makes_is_synced_into_its_parent_before_it_is_used(
        tmp_path, monkeypatch):
    from recarga_tui import private

    calls: list[str] = []
    real_mkdir, real_sync = os.mkdir, private.sync_folder
    monkeypatch.setattr(os, "mkdir", lambda p, mode=0o777: (
        calls.append(f"mkdir {Path(p).relative_to(tmp_path)}"), real_mkdir(p, mode)))
    monkeypatch.setattr(private, "sync_folder", lambda f: (
        calls.append(f"sync {Path(f).relative_to(tmp_path.parent)}"), real_sync(f)))
    with Journal.open(tmp_path / "data" / "recarga-tui" / "journal", tz=MX) as j:
        calls.append("open")
        j.record(captured())
    top = tmp_path.name
    journal = f"sync {top}/data/recarga-tui/journal"
    assert calls[:6] == [
        "mkdir data", f"sync {top}", "mkdir data/recarga-tui", f"sync {top}/data",
        "mkdir data/recarga-tui/journal", f"sync {top}/data/recarga-tui"]
    # Then every write (the index at start; the index and the day of the sale) is a rename
    # made durable by a sync of its folder.
    assert calls[6:] == [journal, "open", journal, journal]


def test_r12_the_cash_close_files_are_private_and_durable_like_the_journal(
        tmp_path, monkeypatch):
    from types import SimpleNamespace

    from recarga_tui import private
    from recarga_tui.config import AppSettings, Settings
    from recarga_tui.services import cash_close

    synced: list[Path] = []
    real_sync = private.sync_folder
    monkeypatch.setattr(private, "sync_folder", lambda f: (synced.append(Path(f)),
                                                           real_sync(f)))
    services = SimpleNamespace(settings=Settings(app=AppSettings(
        journal_dir=str(tmp_path / "recarga" / "journal"))))
    period = SimpleNamespace(start=T0, end=T0 + timedelta(days=1))
    printed = cash_close.write(services, period, "CORTE", "kind,ref\n")  # type: ignore[arg-type]
    folder = tmp_path / "recarga" / "cortes"
    assert printed.text.parent == folder and printed.csv.parent == folder
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700
    assert _modes(folder) == {printed.text.name: 0o600, printed.csv.name: 0o600}
    assert printed.text.read_text() == "CORTE\n"
    # Made durable before anything is written in it, and each file's rename after it.
    assert synced == [tmp_path, tmp_path / "recarga", folder, folder]


def test_r03_a_folder_that_cannot_be_made_opens_the_notebook_read_only_never_a_traceback(
        tmp_path, monkeypatch):
    def refuse(path, mode=0o777):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "mkdir", refuse)
    with Journal.open(tmp_path / "data" / "journal", tz=MX) as j:
        assert j.read_only_reason == "journal.read_only_disk"
        assert j.days() == []
