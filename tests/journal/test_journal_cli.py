"""``recarga-tui journal export|check|backup``, and the rules the notebook serves (R03, R12)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk, walk

from recarga_tui import cli
from recarga_tui.config import AppSettings, Settings
from recarga_tui.domain.sale import State
from recarga_tui.journal import Journal, JournalError
from recarga_tui.journal import cli as journal_cli
from recarga_tui.journal.layout import INDEX_NAME, day_file, prev_file


def _config(tmp_path: Path, folder: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[app]\njournal_dir = "{folder}"\nlanguage = "en"\n')
    return path


@pytest.fixture
def run(tmp_path, capsys):
    """The real command line against a journal in ``tmp_path / 'journal'``."""
    folder = tmp_path / "journal"
    config = _config(tmp_path, folder)

    def call(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--config", str(config), "journal", *args])
        out, err = capsys.readouterr()
        return code, out, err

    call.folder = folder  # type: ignore[attr-defined]
    yield call
    from recarga_tui import i18n

    i18n.set_language("es")


def _fill(folder: Path) -> dict[str, object]:
    with Journal.open(folder, tz=MX) as j:
        done = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        rejected = record_walk(j, captured(at=T0 + timedelta(days=1), token="00000002",
                                           msisdn="5512345678", amount=10000),
                               State.ACCEPTED, State.PAID, State.SENDING, State.REJECTED)
        waiting = record_walk(j, captured(at=T0 + timedelta(days=2), token="00000003"),
                              State.ACCEPTED)
    return {"done": done, "rejected": rejected, "waiting": waiting}


def test_export_csv_one_row_per_sale_amounts_in_pesos(run):
    sales = _fill(run.folder)
    code, out, _ = run("export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["ref"] for r in rows] == [sales[k].ref for k in ("done", "rejected", "waiting")]
    done, rejected, waiting = rows
    assert done["amount"] == "20.00" and done["handed"] == "50.00" and done["change"] == "30.00"
    assert done["state"] == "confirmed" and done["attempts"] == "1"
    assert (done["carrier_folio"], done["dealer_folio"], done["found_in"]) == \
        ("TC123456", "D-998", "answer")
    assert done["ended_at"] == done["updated_at"] != ""
    assert done["first_sent_at"] == done["last_sent_at"] != ""
    assert rejected["fault_origin"] == "carrier" and rejected["amount"] == "100.00"
    assert waiting["accepted_at"] and not waiting["paid_at"] and not waiting["ended_at"]


def test_export_jsonl_between_days_to_a_file(run, tmp_path):
    sales = _fill(run.folder)
    target = tmp_path / "out.jsonl"
    code, _, err = run("export", "--format", "jsonl", "--from", "2026-11-26", "--to",
                       "2026-11-26", "-o", str(target))
    assert code == 0 and "1 sales exported" in err
    (row,) = map(json.loads, target.read_text().splitlines())
    assert row["ref"] == sales["rejected"].ref and row["amount_centavos"] == 10000
    assert len(row["history"]) == 5


@pytest.mark.parametrize("args", [["--from", "25/11/2026"], ["--to", "2026-13-01"],
                                  ["--from", "2026-11-26", "--to", "2026-11-25"]])
def test_a_bad_day_gives_one_clear_line_and_exit_2(run, args):
    _fill(run.folder)
    code, out, err = run("export", *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_check_passes_on_a_good_journal(run):
    _fill(run.folder)
    code, out, _ = run("check")
    assert code == 0
    assert out.strip().splitlines()[-1].endswith("0 damaged")


def test_check_names_the_damaged_file_and_exits_non_zero(run):
    _fill(run.folder)
    day_file(run.folder, T0.date()).write_text('{"sales": {"1": {"ref": "x"')
    code, out, _ = run("check", str(run.folder))
    assert code == 1
    assert "2026-11-25.json: cannot be read" in out
    assert "previous copy (.prev) is fine" in out


def test_check_finds_illegal_histories_and_index_gaps(run):
    sales = _fill(run.folder)
    path = day_file(run.folder, T0.date() + timedelta(days=2))
    tables = json.loads(path.read_text())
    tables["sales"]["1"]["history"][1]["state"] = "confirmed"  # captured -> confirmed
    path.write_text(json.dumps(tables))
    (run.folder / INDEX_NAME).write_text('{"version": 1, "unfinished": {}}')
    code, out, _ = run("check")
    assert code == 1
    assert f"sale {sales['waiting'].ref}: step 2 goes from «captured» to «confirmed»" in out
    assert f"unfinished sale {sales['rejected'].ref}" in out


def test_check_repair_rebuilds_the_index(tmp_path, capsys):
    folder = tmp_path / "journal"
    sales = _fill(folder)
    (folder / INDEX_NAME).write_text('{"version": 1, "unfinished": {}}')
    args = argparse.Namespace(journal_command="check", path=str(folder), repair=True)
    assert journal_cli.main(args, Settings()) == 0
    assert "2" in capsys.readouterr().out
    assert sales["waiting"].ref in (folder / INDEX_NAME).read_text()


def test_check_repair_refuses_while_the_app_runs(tmp_path, capsys):
    folder = tmp_path / "journal"
    _fill(folder)
    with Journal.open(folder):
        args = argparse.Namespace(journal_command="check", path=str(folder), repair=True)
        assert journal_cli.main(args, Settings(app=AppSettings(language="en"))) == 1


def test_backup_while_the_app_writes_keeps_its_lock_and_checks_the_copy(run, tmp_path):
    _fill(run.folder)
    dest = tmp_path / "usb"
    with Journal.open(run.folder, tz=MX) as app:
        extra = record_walk(app, captured(at=T0 + timedelta(days=2), token="00000004"),
                            State.ACCEPTED, State.PAID)
        code, out, _ = run("backup", str(dest))
        assert code == 0 and "Copy made in" in out and out.strip().endswith("0 damaged")
        assert not app.read_only
        with Journal.open(run.folder) as other:
            assert other.read_only  # the backup did not take the lock away
        app.record(walk(extra, State.SENDING)[0])
    with Journal.open(dest, tz=MX) as copy:
        assert copy.recovered == []
        assert copy.get(extra.ref).state is State.PAID
        assert {s.ref for s in copy.unfinished_sales()} >= {extra.ref}
    assert sorted(os.listdir(dest)) == sorted(
        ["2026-11-25.json", "2026-11-26.json", "2026-11-27.json", INDEX_NAME, "journal.lock"])


def test_backup_into_the_journal_itself_is_refused(run):
    _fill(run.folder)
    code, _, err = run("backup", str(run.folder))
    assert code == 1 and "own folder" in err


def test_a_missing_journal_folder_is_one_line(run):
    code, _, err = run("export")
    assert code == 1 and "does not exist" in err


# --- the rules -----------------------------------------------------------------------------


def test_r03_every_step_kept_time_stamped_across_a_crash_searchable_exportable(run):
    """The notebook: a process killed mid-sale leaves every step it wrote, with its time."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from pathlib import Path
        from journal_factory import MX, captured, record_walk
        from recarga_tui.domain.sale import State
        from recarga_tui.journal import Journal
        j = Journal.open(Path({str(run.folder)!r}), tz=MX)
        sale = record_walk(j, captured(), State.ACCEPTED, State.PAID, State.SENDING)
        print(sale.ref, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)  # a crash in the middle of sending
    """)
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL
    ref = child.stdout.strip()
    with Journal.open(run.folder, tz=MX) as j:
        sale = j.get(ref)
        assert [s.state for s in sale.history] == \
            [State.CAPTURED, State.ACCEPTED, State.PAID, State.SENDING]
        assert all(s.at.tzinfo is not None for s in sale.history)
        assert [s.ref for s in j.open_sales()] == [ref]
        assert j.search("272 721 5380") == [sale]
        j.record(walk(sale, State.UNKNOWN)[0])
    code, out, _ = run("export")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["ref"] == ref and row["msisdn"] == "2727215380" and row["state"] == "unknown"
    assert row["captured_at"] and row["accepted_at"] and row["paid_at"] and row["first_sent_at"]


@pytest.mark.parametrize("field", ["password", "dealer_token", "Authorization", "api_secret",
                                   "nip"])
def test_r12_no_password_or_token_is_ever_journaled(tmp_path, field):
    with Journal.open(tmp_path, tz=MX) as j:
        sale = captured()
        j.record(sale)
        bad = sale.advance(State.ACCEPTED, T0 + timedelta(seconds=3),
                           dealer={"session": {field: "s3cr3t-VALUE"}})
        with pytest.raises(JournalError) as err:
            j.record(bad)
        assert err.value.code == "journal.secret_refused" and err.value.params["key"] == field
        assert j.get(sale.ref) == sale
    for name in os.listdir(tmp_path):
        assert b"s3cr3t-VALUE" not in (tmp_path / name).read_bytes()


def test_r12_no_password_or_token_reaches_an_export_even_from_a_hand_edited_file(run):
    _fill(run.folder)
    path = day_file(run.folder, T0.date())
    tables = json.loads(path.read_text())
    tables["sales"]["1"]["history"][2]["data"]["token"] = "s3cr3t-VALUE"
    path.write_text(json.dumps(tables))
    for fmt in ("csv", "jsonl"):
        code, out, _ = run("export", "--format", fmt)
        assert code == 0 and "s3cr3t-VALUE" not in out and '"token"' not in out
    code, out, _ = run("check")
    assert code == 1 and "token" in out


# --- damage the JSON survives, and damage it does not (R03) --------------------------------

DAMAGE = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "zeroed": lambda raw: b"\x00" * len(raw),
}


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("prev", ["good_prev", "no_prev"])
def test_r03_export_of_a_damaged_day_says_which_and_what_was_used_and_exits_2(
        run, tmp_path, fmt, damage, prev):
    sales = _fill(run.folder)
    path = day_file(run.folder, T0.date())
    path.write_bytes(DAMAGE[damage](path.read_bytes()))
    if prev == "no_prev":
        prev_file(path).unlink()
    code, out, err = run("export", "--format", fmt)
    assert code == 2 and "Traceback" not in err
    (line,) = err.strip().splitlines()  # one line for the one bad day
    assert "day 2026-11-25 damaged" in line
    refs = [r["ref"] for r in (csv.DictReader(io.StringIO(out)) if fmt == "csv"
                               else map(json.loads, out.splitlines()))]
    others = [sales["rejected"].ref, sales["waiting"].ref]
    if prev == "good_prev":
        # The older generation is exported, and said to be older, with the time it was written.
        at = datetime.fromtimestamp(prev_file(path).stat().st_mtime)
        stamp = at.strftime("%H:%M" if at.date() == T0.date() else "%Y-%m-%d %H:%M")
        assert f"previous copy (.prev) of {stamp}" in line and "may be missing" in line
        assert refs == [sales["done"].ref, *others]
    else:
        assert "its sales are not in the export" in line
        assert refs == others  # what could be read is still exported
    # And to a file: the same line, after the count.
    target = tmp_path / f"out.{fmt}"
    code, _, err = run("export", "--format", fmt, "-o", str(target))
    assert code == 2 and err.strip().splitlines()[1:] == [line]


def test_r03_export_words_for_a_damaged_day_in_spanish():
    from recarga_tui.i18n import t

    assert t("journal.export.day_from_prev", lang="es", day="2026-11-25", time="12:03") == (
        "día 2026-11-25 dañado: se usó la copia anterior (.prev) de las 12:03; puede faltar "
        "lo último")
    assert t("journal.export.day_lost", lang="es", day="2026-11-25") == (
        "día 2026-11-25 dañado: no se pudo leer; sus ventas no están en la exportación")


def _edit_line(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes of a real day file in place, as a disk or a hand would: the JSON stays
    valid."""
    raw = path.read_bytes()
    assert raw.count(old) >= 1
    path.write_bytes(raw.replace(old, new, 1))
    json.loads(path.read_bytes())


def test_r03_check_finds_a_changed_amount_the_app_still_reads_it_and_recovery_notes_it(run):
    sales = _fill(run.folder)
    ref = sales["rejected"].ref
    _edit_line(day_file(run.folder, T0.date() + timedelta(days=1)),
               b'"amount":10000,', b'"amount":19000,')
    code, out, _ = run("check")
    assert code == 1
    assert f"2026-11-26.json: sale {ref} (document 1): does not match its check" in out
    with Journal.open(run.folder, read_only=True) as reader:
        assert reader.get(ref).amount == 19000  # the notebook shows what it has
    with Journal.open(run.folder, tz=MX) as writer:
        assert [(n.key, n.params["ref"]) for n in writer.recovered] == \
            [("journal.recovered.check_failed", ref)]


def test_r03_check_finds_a_changed_reference(run):
    sales = _fill(run.folder)
    old = sales["done"].ref
    changed = old[:-1] + ("2" if old[-1] != "2" else "3")
    _edit_line(day_file(run.folder, T0.date()), f'"ref":"{old}"'.encode(),
               f'"ref":"{changed}"'.encode())
    code, out, _ = run("check")
    assert code == 1
    assert f"2026-11-25.json: sale {changed} (document 1): does not match its check" in out


def test_r03_check_finds_a_duplicated_document_id_and_names_the_hidden_sale(run):
    with Journal.open(run.folder, tz=MX) as j:
        first = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        second = record_walk(j, captured(at=T0 + timedelta(minutes=5), token="00000002"),
                             *TO_CONFIRMED)
    path = day_file(run.folder, T0.date())
    _edit_line(path, b'\n"2": {', b'\n"1": {')
    with Journal.open(run.folder, read_only=True) as reader:
        assert [s.ref for s in reader.sales_of_day(T0.date())] == [second.ref]  # one vanished
    code, out, _ = run("check")
    assert code == 1
    assert (f"2026-11-25.json: document 1 is there twice: the app reads only the last one "
            f"({second.ref}) and sale {first.ref} is hidden") in out


def test_r03_records_written_before_the_check_existed_are_noted_not_damaged(run):
    _fill(run.folder)
    for path in sorted(run.folder.glob("*.json")):
        if path.name == INDEX_NAME:
            continue
        tables = json.loads(path.read_bytes())
        for doc in tables["sales"].values():
            del doc["check"]
        del tables["contents"]  # nor did the day's list of contents
        path.write_text(json.dumps(tables))
    code, out, _ = run("check")
    assert code == 0 and out.strip().endswith("0 damaged")
    assert "2026-11-25.json: note: 1 sales without a check" in out
    assert "2026-11-25.json: note: no list of contents (written by an older version" in out


@pytest.mark.parametrize("prev", ["good_prev", "no_prev"])
def test_r03_check_never_calls_the_unfinished_sales_of_an_unreadable_day_finished(run, prev):
    with Journal.open(run.folder, tz=MX) as j:
        waiting = [record_walk(j, captured(token=f"0000000{n}", at=T0 + timedelta(minutes=n)),
                               State.ACCEPTED, State.PAID) for n in range(3)]
        late = captured(token="00000009", at=T0 + timedelta(minutes=9))
        j.record(late)  # the last write: its capture is not in the .prev
    path = day_file(run.folder, T0.date())
    path.write_bytes(b"\x00" * len(path.read_bytes()))
    if prev == "no_prev":
        prev_file(path).unlink()
    code, out, _ = run("check")
    assert code == 1
    assert "finished" not in out.replace("unfinished", "")
    if prev == "no_prev":
        for sale in [*waiting, late]:
            assert (f"2026-11-25.json: unfinished sale {sale.ref} (by the index): this day "
                    f"cannot be read") in out
    else:
        # The .prev lacks only the last step written: the latest capture is named, the
        # others are there and the app will use them.
        assert f"unfinished sale {late.ref} (by the index): it is not in the previous copy" \
            in out
        assert not any(s.ref in out for s in waiting)
