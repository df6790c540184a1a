"""``journal check`` sees every edit that keeps the JSON valid, and names the day and the sale
(R03).

A day file ends with its own list of contents (each sale's reference, how many steps and
events, the start of its check), document ids run 1, 2, 3..., and the day's ``.prev`` is at
hand: a line deleted, the day's last line dropped, a step removed together with the record's
check, each disagrees with one of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from journal_factory import MX, T0, TO_CONFIRMED, captured, record_walk, walk

from recarga_tui.domain.sale import EventKind, Sale, State
from recarga_tui.journal import Journal
from recarga_tui.journal.check import CheckReport, check_folder
from recarga_tui.journal.layout import day_file
from recarga_tui.journal.storage import encode

Tables = dict[str, Any]


def _day(folder: Path) -> dict[str, Sale]:
    """One day of three sales; the third one's capture is the day's last write, so its
    ``.prev`` does not have it."""
    with Journal.open(folder, tz=MX) as j:
        done = record_walk(j, captured(token="00000001"), *TO_CONFIRMED)
        printed = done.note(EventKind.PRINTED, done.updated_at, printer="usb")
        j.record(printed)
        checked = record_walk(j, captured(at=T0 + timedelta(minutes=1), token="00000002"),
                              State.ACCEPTED, State.PAID, State.SENDING, State.UNKNOWN,
                              State.UNKNOWN, State.CONFIRMED)
        last = captured(at=T0 + timedelta(minutes=2), token="00000003")
        j.record(last)
    return {"done": printed, "checked": checked, "last": last}


def _by_ref(tables: Tables, ref: str) -> dict[str, Any]:
    return next(doc for doc in tables["sales"].values() if doc["ref"] == ref)


def _drop(tables: Tables, ref: str) -> None:
    tables["sales"] = {i: d for i, d in tables["sales"].items() if d["ref"] != ref}


def _unseal(doc: dict[str, Any]) -> None:
    del doc["check"]  # as docs/journal.md tells a person mending a line to do


# Each edit keeps the JSON valid and every remaining document whole: what the sale it hurts is.
EDITS: dict[str, tuple[str, Callable[[Tables, dict[str, Sale]], None]]] = {
    "amount changed": ("done", lambda t, s: _by_ref(t, s["done"].ref).update(amount=9900)),
    "amount changed, check removed": (
        "done", lambda t, s: (_by_ref(t, s["done"].ref).update(amount=9900),
                              _unseal(_by_ref(t, s["done"].ref)))),
    "a sale's line deleted": ("checked", lambda t, s: _drop(t, s["checked"].ref)),
    "the day's last line dropped": ("last", lambda t, s: _drop(t, s["last"].ref)),
    "a middle step removed with its check": (
        "checked", lambda t, s: (_by_ref(t, s["checked"].ref)["history"].pop(4),
                                 _unseal(_by_ref(t, s["checked"].ref)))),
    "the last step removed with its check": (
        "checked", lambda t, s: (_by_ref(t, s["checked"].ref)["history"].pop(),
                                 _by_ref(t, s["checked"].ref).update(state="unknown"),
                                 _unseal(_by_ref(t, s["checked"].ref)))),
    "an event removed with its check": (
        "done", lambda t, s: (_by_ref(t, s["done"].ref)["events"].clear(),
                              _unseal(_by_ref(t, s["done"].ref)))),
    "a sale copied in under a new id": (
        "done", lambda t, s: t["sales"].update({"4": dict(_by_ref(t, s["done"].ref))})),
    "a sale's id changed": (
        "last", lambda t, s: t["sales"].update({"7": t["sales"].pop("3")})),
}


def _rewrite(path: Path, edit: Callable[[Tables], None]) -> None:
    """The day file edited as a person would in a text editor: one sale a line kept."""
    tables = json.loads(path.read_bytes())
    edit(tables)
    path.write_bytes(encode(tables)[0])


def _problems(report: CheckReport, name: str) -> str:
    return " | ".join(n.text("en") for f in report.files if f.name == name for n in f.problems)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_r03_check_finds_every_edit_that_keeps_the_json_valid_and_names_the_sale(
        tmp_path, edit):
    sales = _day(tmp_path)
    assert check_folder(tmp_path).ok
    hurt, change = EDITS[edit]
    _rewrite(day_file(tmp_path, T0.date()), lambda tables: change(tables, sales))
    report = check_folder(tmp_path)
    said = _problems(report, "2026-11-25.json")
    assert not report.ok and sales[hurt].ref in said, said


def test_r03_a_deleted_line_is_named_even_without_the_days_contents_by_its_missing_id(
        tmp_path):
    """A day written by an older version has no contents: ids that skip one, and the
    ``.prev``, still show what is gone."""
    sales = _day(tmp_path)

    def edit(tables: Tables) -> None:
        del tables["contents"]
        _drop(tables, sales["checked"].ref)

    _rewrite(day_file(tmp_path, T0.date()), edit)
    said = _problems(check_folder(tmp_path), "2026-11-25.json")
    assert f"sale {sales['checked'].ref} (document 2) is missing, and the day had it" in said


def test_r03_without_the_contents_the_prev_still_knows_a_step_removed(tmp_path):
    sales = _day(tmp_path)

    def edit(tables: Tables) -> None:
        del tables["contents"]
        doc = _by_ref(tables, sales["done"].ref)
        doc["events"].clear()
        _unseal(doc)

    _rewrite(day_file(tmp_path, T0.date()), edit)
    said = _problems(check_folder(tmp_path), "2026-11-25.json")
    assert f"sale {sales['done'].ref}: it has 5 steps and the day knows of 6" in said


def test_r03_a_gap_in_the_ids_is_damage_named_with_the_id(tmp_path):
    _day(tmp_path)

    def edit(tables: Tables) -> None:
        del tables["contents"]
        tables["sales"]["5"] = tables["sales"].pop("3")

    _rewrite(day_file(tmp_path, T0.date()), edit)
    said = _problems(check_folder(tmp_path), "2026-11-25.json")
    assert "document 3 is missing" in said and "document 4 is missing" in said


def test_r03_every_generation_the_app_writes_passes_its_own_check(tmp_path):
    """No false alarm: after every step of every sale, and after a repair from ``.prev``."""
    with Journal.open(tmp_path, tz=MX) as j:
        sale = captured()
        j.record(sale)
        assert check_folder(tmp_path).ok
        for nxt in walk(sale, State.ACCEPTED, State.PAID, State.SENDING, State.UNKNOWN,
                        State.NOT_FOUND, State.SENDING, State.CONFIRMED):
            j.record(nxt)
            report = check_folder(tmp_path)
            assert report.ok, [n.text("en") for f in report.damaged for n in f.problems]
    day_file(tmp_path, T0.date()).write_bytes(b"torn")
    with Journal.open(tmp_path, tz=MX):
        pass
    assert check_folder(tmp_path).ok
