"""The log rotates (docs/instalacion.md, section 6): written through the app's loggers past its
limit, it stays at 5 files of at most 1 MB, the oldest lines are the ones dropped, and no
password or token is in any file, rotated or current (R12). A restart keeps rotating the same
files."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from recarga_tui import logs

ROOT = Path(__file__).resolve().parents[2]
FILES = [logs.LOG_NAME] + [f"{logs.LOG_NAME}.{n}" for n in range(1, logs.BACKUPS + 1)]
FILLER = "x" * 900
SECRETS = ("hunter2", "t0k3n", "s3cr3t-bearer", "contraseña-de-caja")


def _close(path: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "log")
    assert path is not None
    yield path
    _close(path)


def _write(count: int, start: int = 0) -> None:
    """About 1 KB a line, each carrying secrets the way a careless message would."""
    log = logging.getLogger("recarga_tui.dealer.v1.client")
    for i in range(start, start + count):
        log.info("line %07d: login password=hunter2-%d token=t0k3n-%d "
                 "Authorization: Bearer s3cr3t-bearer.%d contraseña: contraseña-de-caja %s",
                 i, i, i, i, FILLER)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"line (\d{7}):", text)]


def test_the_limits_are_the_ones_the_guide_states():
    guide = (ROOT / "docs" / "instalacion.md").read_text(encoding="utf-8")
    assert len(FILES) == 5 and logs.MAX_BYTES == 1_000_000
    assert "5 archivos de 1 MB" in guide


def test_the_log_rotates_into_five_files_of_one_megabyte_without_secrets(log_file):
    lines = 8 * logs.MAX_BYTES // 1000          # some 8 MB: past the 5 MB the files hold
    _write(lines)
    folder = log_file.parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    texts = {}
    for name in FILES:
        path = folder / name
        assert path.stat().st_size <= logs.MAX_BYTES, name
        texts[name] = path.read_text(encoding="utf-8")
    # Newest in recarga-tui.log, then .1, .2 ...: the numbers run on across the files, the last
    # line written is kept and the first ones are gone.
    numbers = [n for name in reversed(FILES) for n in _numbers(texts[name])]
    assert numbers == list(range(numbers[0], lines))
    assert numbers[0] > 0 and len(numbers) > 4 * logs.MAX_BYTES // 1100
    for name, text in texts.items():
        for secret in SECRETS:
            assert secret not in text, (name, secret)
        assert "password=***" in text and "Authorization: ***" in text


def test_a_restart_appends_and_keeps_rotating_the_same_five_files(log_file):
    _write(1500)
    _close(log_file)
    assert logs.setup(log_file.parent) == log_file
    _write(6000, start=1500)
    names = sorted(p.name for p in log_file.parent.iterdir())
    assert names == sorted(FILES)
    current = log_file.read_text(encoding="utf-8")
    assert _numbers(current)[-1] == 7499
    assert not any(s in current for s in SECRETS)


def test_the_read_only_copy_logs_to_a_file_of_its_own(tmp_path):
    # The control desk's copy over SSH runs as the cashier's user: two processes must not
    # rotate one file under each other.
    folder = tmp_path / "log"
    cashier = logs.setup(folder)
    desk = logs.setup(folder, read_only=True)
    try:
        assert cashier != desk and desk.name == logs.READ_ONLY_LOG_NAME
        assert cashier.parent == desk.parent == folder
    finally:
        _close(cashier)
        _close(desk)


# --- the log is the user's alone (R12): it names phone numbers and references ---------------

posix_only = pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX modes")


@pytest.fixture
def loose_umask():
    import os

    old = os.umask(0o022)  # the usual one: 0644 files, 0755 folders
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@posix_only
def test_r12_the_log_its_rotated_files_and_its_folders_are_the_users_alone(tmp_path,
                                                                          loose_umask):
    folder = tmp_path / "state" / "recarga-tui" / "log"
    path = logs.setup(folder)
    desk = logs.setup(folder, read_only=True)
    try:
        _write(6000)  # past the limit: every generation made once at least
        logging.getLogger("recarga_tui").info("desk")
    finally:
        _close(path)
        _close(desk)
    names = sorted(p.name for p in folder.iterdir())
    assert set(FILES) | {logs.READ_ONLY_LOG_NAME} <= set(names)
    assert {name: _mode(folder / name) for name in names} == {name: 0o600 for name in names}
    for made in (folder, folder.parent, folder.parent.parent):
        assert _mode(made) == 0o700, made


@posix_only
def test_r12_an_older_versions_readable_log_is_tightened_at_start_and_the_log_says_so(
        tmp_path, loose_umask):
    """The app's own log files are tightened; a folder it did not make keeps its mode (the
    app never changes the mode of what it did not make) and the log says how to close it."""
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)
    old = [folder / logs.LOG_NAME, folder / f"{logs.LOG_NAME}.1"]
    for file in old:
        file.write_text("2026-11-25 10:00:00 INFO x: sale DEMO-01-261125-1a2b3c4d: paid\n")
        file.chmod(0o644)
    theirs = folder / "otro.txt"
    theirs.write_text("x")
    theirs.chmod(0o644)
    path = logs.setup(folder)
    _close(path)
    assert _mode(folder) == 0o755 and _mode(theirs) == 0o644
    assert all(_mode(file) == 0o600 for file in old)
    tightened, left = path.read_text(encoding="utf-8").splitlines()[-2:]
    assert "only this user's" in tightened and str(old[1]) in tightened
    assert f"log folder readable by others, left as it is (R12): {folder} 0755" in left
    assert f"chmod 700 {folder}" in left


def test_the_logs_times_are_the_shops_whatever_zone_the_pc_is_on(tmp_path, monkeypatch):
    """A PC left on UTC: the log says the shop's time, with its offset, as the screens do."""
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        shop = ZoneInfo("America/Mexico_City")
        path = logs.setup(tmp_path / "log", tz=shop)
        assert path is not None
        try:
            logging.getLogger("recarga_tui.test").warning("a line")
            stamp = path.read_text(encoding="utf-8").splitlines()[-1][:29]
        finally:
            _close(path)
        said = datetime.fromisoformat(stamp)
        assert said.utcoffset() == datetime.now(shop).utcoffset()
        assert abs((datetime.now(shop) - said).total_seconds()) < 60
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
