"""``recarga-tui journal export|check|backup``: the notebook from the command line.

Export and check never take the writer lock, so they run beside the app; only
``check --repair`` needs the app closed.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import date
from pathlib import Path
from typing import Protocol

from ..i18n import t
from .backup import backup
from .check import CheckReport, check_folder
from .errors import JournalError
from .export import write_csv, write_jsonl
from .journal import Journal
from .recovery import Note
from .storage import write_durably

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _BadArgument(Exception):
    pass


class Where(Protocol):
    """What the notebook's command line needs of the settings: the journal's folder."""

    def journal_path(self) -> Path: ...


def main(args: argparse.Namespace, settings: Where) -> int:
    folder = settings.journal_path()
    run = {"export": _export, "check": _check, "backup": _backup}[args.journal_command]
    try:
        return run(args, folder)
    except _BadArgument as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except JournalError as exc:
        print(t(exc.code, **exc.params), file=sys.stderr)
        return 1
    except OSError as exc:
        print(t("journal.os_error", file=str(exc.filename or folder),
                reason=exc.strerror or str(exc)), file=sys.stderr)
        return 1


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if not _DAY.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _BadArgument(t("journal.bad_day", value=value)) from None


# --- export -------------------------------------------------------------------------------


def _export(args: argparse.Namespace, folder: Path) -> int:
    first, last = parse_day(args.from_day), parse_day(args.to_day)
    if first and last and first > last:
        raise _BadArgument(t("journal.bad_range", first=first.isoformat(), last=last.isoformat()))
    if not folder.is_dir():
        raise JournalError("journal.no_folder", folder=str(folder))
    with Journal.open(folder, read_only=True) as journal:
        days = journal.days()
        sales = journal.sales_between(first or (days[0] if days else date.min),
                                      last or (days[-1] if days else date.max))
        damage = [line for line in map(_damage_line, journal.recovered) if line]
    text = io.StringIO()
    count = (write_jsonl if args.format == "jsonl" else write_csv)(sales, text)
    if args.output:
        out = Path(args.output).expanduser()
        write_durably(out, text.getvalue().encode("utf-8"))
        print(t("journal.export.done", count=count, file=str(out)), file=sys.stderr)
    else:
        sys.stdout.write(text.getvalue())
    # What could be read is exported; what could not is said, one line a day, and the exit
    # code says the export is not the whole notebook.
    for line in damage:
        print(line, file=sys.stderr)
    return 2 if damage else 0


# What the reading copy noted -> the export's line about it.
_DAMAGE_LINES = {
    "journal.recovered.damaged_read_only": "journal.export.day_from_prev",
    "journal.recovered.damaged_read_only_lost": "journal.export.day_lost",
    "journal.recovered.bad_document": "journal.export.bad_document",
}


def _damage_line(note: Note) -> str | None:
    key = _DAMAGE_LINES.get(note.key)
    return t(key, **note.params) if key else None


# --- check --------------------------------------------------------------------------------


def _check(args: argparse.Namespace, folder: Path) -> int:
    target = Path(args.path).expanduser() if args.path else folder
    if not target.is_dir():
        raise JournalError("journal.no_folder", folder=str(target))
    if getattr(args, "repair", False):
        _repair(target)
    report = check_folder(target)
    print_report(report)
    return 0 if report.ok else 1


def _repair(folder: Path) -> None:
    """Recover as the app would at start, then rebuild the index from every day."""
    with Journal.open(folder) as journal:
        if journal.read_only:
            raise JournalError("journal.check.app_running")
        for note in journal.recovered:
            print(note.text())
        count = journal.rebuild_index()
    print(t("journal.check.index_rebuilt", count=count))


def print_report(report: CheckReport) -> None:
    for file in report.files:
        for note in file.problems:
            print(f"{file.name}: {note.text()}")
        for note in file.notes:
            print(f"{file.name}: {t('journal.check.note')}: {note.text()}")
    print(t("journal.check.summary", files=len(report.files), damaged=len(report.damaged)))


# --- backup -------------------------------------------------------------------------------


def _backup(args: argparse.Namespace, folder: Path) -> int:
    dest = Path(args.dest).expanduser()
    copied, report = backup(folder, dest)
    print(t("journal.backup.done", days=copied, dest=str(dest)))
    print_report(report)
    return 0 if report.ok else 1
