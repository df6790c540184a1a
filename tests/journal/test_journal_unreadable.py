"""Damaged copies open with the journal's own error (R01, R03).

A day file that is a folder, a FIFO or a link loop, a file or a folder the user may not read:
whoever opens the copy (a read-only copy of the app, ``journal export``, ``journal check``)
gets the journal's error naming the file and what to do, or the notebook without that file,
never a raw ``IsADirectoryError`` or ``PermissionError``, and never a hang.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk, walk

from recarga_tui import cli, i18n
from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal, JournalError
from recarga_tui.journal.check import check_folder
from recarga_tui.journal.layout import INDEX_NAME, prev_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX files and modes")


def _fill(folder: Path) -> list[str]:
    with Journal.open(folder, tz=MX) as j:
        done = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        waiting = record_walk(j, captured(at=T0 + timedelta(days=1), token="00000002"),
                              State.ACCEPTED, State.PAID)
    return [done.ref, waiting.ref]


def _deny(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``path`` the user may not read: its mode 000, or, for root (who reads anything), the
    ``PermissionError`` the kernel would give anyone else."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0)
        monkeypatch.undo = _restoring(monkeypatch.undo, path, mode)  # type: ignore[method-assign]
        return
    real_open, real_listdir, real_scandir = os.open, os.listdir, os.scandir

    def refused(p: object) -> bool:
        return os.path.abspath(os.fspath(p)) == str(path)  # type: ignore[arg-type]

    def denied(p: object) -> PermissionError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(p))  # type: ignore[arg-type]

    def open_(p, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if refused(p):
            raise denied(p)
        return real_open(p, flags, mode, dir_fd=dir_fd)

    def listdir(p="."):  # type: ignore[no-untyped-def]
        if refused(p):
            raise denied(p)
        return real_listdir(p)

    def scandir(p="."):  # type: ignore[no-untyped-def]
        if refused(p):
            raise denied(p)
        return real_scandir(p)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "scandir", scandir)


def _restoring(undo: Callable[[], None], path: Path, mode: int) -> Callable[[], None]:
    def both() -> None:
        path.chmod(mode)
        undo()

    return both


def _folder_instead(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "x").write_text("x")


def _fifo_instead(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _loop_instead(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


DAY1 = "2026-11-25.json"
DAMAGE: dict[str, tuple[str, Callable[[Path, pytest.MonkeyPatch], None]]] = {
    "day file is a folder": (DAY1, lambda f, mp: _folder_instead(f / DAY1)),
    "day file is a FIFO": (DAY1, lambda f, mp: _fifo_instead(f / DAY1)),
    "day file is a link to itself": (DAY1, lambda f, mp: _loop_instead(f / DAY1)),
    "day file not readable": (DAY1, lambda f, mp: _deny(f / DAY1, mp)),
    "index is a folder": (INDEX_NAME, lambda f, mp: _folder_instead(f / INDEX_NAME)),
    "index not readable": (INDEX_NAME, lambda f, mp: _deny(f / INDEX_NAME, mp)),
    "prev is a folder, day torn": (DAY1, lambda f, mp: (
        _folder_instead(prev_file(f / DAY1)), (f / DAY1).write_bytes(b"torn"))),
    "only a prev, and it is a folder": (DAY1, lambda f, mp: (
        (f / DAY1).unlink(), _folder_instead(prev_file(f / DAY1)))),
    "journal folder not readable": ("", lambda f, mp: _deny(f, mp)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_r03_a_damaged_copy_opened_read_only_gives_the_journals_error_or_its_notebook(
        tmp_path, monkeypatch, damage):
    folder = tmp_path / "journal"
    refs = _fill(folder)
    named, hurt = DAMAGE[damage]
    hurt(folder, monkeypatch)
    with Journal.open(folder, tz=MX, read_only=True) as reader:
        for call in (reader.days, lambda: reader.sales_between(date.min, date.max),
                     reader.unfinished_sales, reader.open_sales,
                     lambda: reader.get(refs[0]), lambda: reader.get(refs[1]),
                     lambda: reader.search("2727215380")):
            try:
                call()
            except JournalError as exc:
                words = i18n.t(exc.code, lang="en", **exc.params)
                assert str(folder / named) in words and "control desk" in words, words
    report = check_folder(folder) if damage != "journal folder not readable" else None
    if report is not None:
        assert not report.ok or named == INDEX_NAME


@pytest.mark.parametrize("damage", ["day file is a folder", "day file not readable",
                                    "journal folder not readable"])
def test_r03_export_of_such_a_copy_is_one_line_naming_the_file(
        tmp_path, monkeypatch, capsys, damage):
    folder = tmp_path / "journal"
    _fill(folder)
    named, hurt = DAMAGE[damage]
    hurt(folder, monkeypatch)
    config = tmp_path / "config.toml"
    config.write_text(f'[app]\njournal_dir = "{folder}"\nlanguage = "en"\n')
    try:
        code = cli.main(["--config", str(config), "journal", "export"])
    finally:
        i18n.set_language("es")
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(f"The notebook cannot read {folder / named} (") and \
        "Traceback" not in err


def test_r03_check_names_a_day_file_it_cannot_read_and_the_unfinished_sales_it_held(
        tmp_path):
    folder = tmp_path / "journal"
    refs = _fill(folder)
    path = folder / "2026-11-26.json"
    _folder_instead(path)
    prev_file(path).unlink()
    report = check_folder(folder)
    (day,) = [f for f in report.files if f.name == path.name]
    assert [n.text("en") for n in day.problems] == [
        "cannot be read (Is a directory)",
        f"unfinished sale {refs[1]} (by the index): this day cannot be read, so how it ended "
        f"is not known; look it up in the dealer's sales report"]


def test_r03_a_day_file_turned_unreadable_under_the_writer_is_a_refused_write(
        tmp_path, monkeypatch):
    """The services keep a dealer's answer in memory when the disk refuses it: a day file
    the writer can no longer read is such a refusal, worded with the file."""
    from recarga_tui.services.notebook import DISK_REFUSED

    folder = tmp_path / "journal"
    with Journal.open(folder, tz=MX) as j:
        sale = record_walk(j, captured(token="00000001"), State.ACCEPTED)
    with Journal.open(folder, tz=MX) as j:
        _deny(folder / DAY1, monkeypatch)
        with pytest.raises(JournalError) as refused:
            j.record(walk(sale, State.PAID)[0])
    assert refused.value.code in DISK_REFUSED
    assert str(folder / DAY1) in i18n.t(refused.value.code, lang="en", **refused.value.params)
