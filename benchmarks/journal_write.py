"""How long a durable step takes, with an empty journal and with a year of history.

    python benchmarks/journal_write.py [--days 365] [--per-day 300] [--sales 50] [--plain-writes 20]

Measures ``Journal.record`` (fsynced) for sales of today, first in an empty journal, then in
one holding a year (days x sales x 6 steps), then the same year in one plain TinyDB
``JSONStorage`` file (which rewrites the whole year on every write, and does not even fsync),
and the start-up (open + unfinished sales). Everything happens in a temp folder, removed at
the end. The last line is ``journal_write_ratio_1y_vs_empty=<x>``: the goal is <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from recarga_tui.domain.sale import Sale, State, new_ref
from recarga_tui.journal import Journal
from recarga_tui.journal.index import IndexFile
from recarga_tui.journal.layout import INDEX_NAME, day_file
from recarga_tui.journal.storage import encode, write_durably

MX = timezone(timedelta(hours=-6))
TODAY = date(2026, 11, 25)
# Six steps a sale: an unknown outcome found later in the report is the longest usual path.
STEPS: tuple[tuple[State, int, dict[str, Any]], ...] = (
    (State.ACCEPTED, 20, {}),
    (State.PAID, 40, {"handed": 5000, "change": 3000}),
    (State.SENDING, 60, {"attempt": 1}),
    (State.UNKNOWN, 90, {"origin": "dealer", "reason": "timeout"}),
    (State.CONFIRMED, 300, {"carrier_folio": "TC123456", "dealer_folio": "D-998",
                            "found_in": "report"}),
)
# Sales of the history left unfinished (one in each of so many days, spread over the history),
# as a real shop would have; the same number whatever the length, so start-ups compare.
UNFINISHED_DAYS = 5


def _doc(day: date, n: int, final: bool = True) -> dict[str, Any]:
    """A sale document as ``Sale.to_dict`` writes it, built directly (a year is 100k sales)."""
    at = datetime(day.year, day.month, day.day, 8, tzinfo=MX) + timedelta(seconds=120 * n)
    ref = new_ref("BENCH-01", at, f"{n:08x}")
    msisdn = f"55{(day.toordinal() * 1000 + n) % 10**8:08d}"
    history = [{"state": "captured", "at": at.isoformat(),
                "data": {"msisdn": msisdn, "carrier_id": "telcel", "sku": "TEL20", "amount": 2000}}]
    steps = STEPS if final else STEPS[:-1]
    history += [{"state": s.value, "at": (at + timedelta(seconds=dt)).isoformat(), "data": d}
                for s, dt, d in steps]
    return {"ref": ref, "msisdn": msisdn, "carrier_id": "telcel", "sku": "TEL20", "amount": 2000,
            "state": history[-1]["state"], "created_at": history[0]["at"],
            "updated_at": history[-1]["at"], "history": history}


def _history_days(days: int) -> list[tuple[date, bool]]:
    """The days of the history, oldest first, each with whether it keeps an unfinished sale."""
    waiting = {days * k // UNFINISHED_DAYS for k in range(UNFINISHED_DAYS)}
    return [(TODAY - timedelta(days=days - n), n in waiting) for n in range(days)]


def _day_docs(day: date, per_day: int, waiting: bool) -> list[dict[str, Any]]:
    docs = [_doc(day, n) for n in range(per_day)]
    if waiting:
        docs[-1] = _doc(day, per_day - 1, final=False)
    return docs


def make_history(folder: Path, days: int, per_day: int) -> int:
    """Day files written in bulk through the journal's storage, and their index."""
    unfinished: dict[str, date] = {}
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for day, waiting in _history_days(days):
        docs = _day_docs(day, per_day, waiting)
        payload, _ = encode({"sales": {str(i): d for i, d in enumerate(docs, start=1)}})
        write_durably(day_file(folder, day), payload)
        size += len(payload)
        unfinished.update({d["ref"]: day for d in docs if d["state"] != "confirmed"})
    IndexFile(folder / INDEX_NAME).write(unfinished)
    return size


def make_plain(path: Path, days: int, per_day: int) -> int:
    docs = (d for day, waiting in _history_days(days) for d in _day_docs(day, per_day, waiting))
    table = {str(i): d for i, d in enumerate(docs, start=1)}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"_default": table}, f)
    return path.stat().st_size


def todays_sales(count: int) -> list[list[Sale]]:
    """Each sale of today as its successive versions, one a step."""
    out = []
    for n in range(count):
        at = datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=MX) + timedelta(minutes=n)
        sale = Sale.capture(new_ref("BENCH-01", at, f"f{n:07x}"), "2727215380", "telcel",
                            "TEL20", 2000, at)
        versions = [sale]
        for state, dt, data in STEPS:
            versions.append(versions[-1].advance(state, at + timedelta(seconds=dt), **data))
        out.append(versions)
    return out


def timed(calls: list[Callable[[], Any]]) -> list[float]:
    spent = []
    for call in calls:
        start = time.perf_counter()
        call()
        spent.append(time.perf_counter() - start)
    return spent


def journal_writes(folder: Path, sales: int) -> list[float]:
    with Journal.open(folder, tz=MX) as journal:
        return timed([lambda s=s: journal.record(s) for v in todays_sales(sales) for s in v])


def plain_writes(path: Path, writes: int) -> list[float]:
    db = TinyDB(path)
    table = db.table("_default")
    calls: list[Callable[[], Any]] = []
    for versions in todays_sales(writes // len(versions_of_one()) + 1):
        ids: list[int] = []
        calls.append(lambda v=versions[0], ids=ids: ids.append(table.insert(v.to_dict())))
        calls += [lambda v=v, ids=ids: table.update(v.to_dict(), doc_ids=ids)
                  for v in versions[1:]]
    spent = timed(calls[:writes])
    db.close()
    return spent


def versions_of_one() -> list[Sale]:
    return todays_sales(1)[0]


def startup(folder: Path, times: int = 20) -> list[float]:
    def once() -> None:
        with Journal.open(folder, tz=MX) as journal:
            journal.unfinished_sales()

    return timed([once] * times)


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[max(0, -(-99 * len(ordered) // 100) - 1)]
    return (f"median {statistics.median(ordered) * 1000:8.2f} ms   p99 {p99 * 1000:8.2f} ms"
            f"   ({len(ordered)} samples)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--per-day", type=int, default=300)
    p.add_argument("--sales", type=int, default=50, help="sales of today recorded (x6 steps)")
    p.add_argument("--plain-writes", type=int, default=20)
    a = p.parse_args()
    steps = len(STEPS) + 1
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        size = make_history(root / "year", a.days, a.per_day)
        print(f"history: {a.days} days x {a.per_day} sales x {steps} steps = "
              f"{a.days * a.per_day * steps} steps, {size / 1e6:.0f} MB of day files, "
              f"made in {time.perf_counter() - start:.1f} s")
        make_history(root / "month", min(30, a.days), a.per_day)

        empty = journal_writes(root / "empty", a.sales)
        year = journal_writes(root / "year", a.sales)
        print(f"journal, empty        record: {ms(empty)}")
        print(f"journal, {a.days:3d} days    record: {ms(year)}")

        plain_empty = plain_writes(root / "plain-empty.json", a.plain_writes)
        size = make_plain(root / "plain-year.json", a.days, a.per_day)
        plain_year = plain_writes(root / "plain-year.json", a.plain_writes)
        print(f"plain TinyDB, empty   record: {ms(plain_empty)}   (no fsync)")
        print(f"plain TinyDB, {a.days:3d} days record: {ms(plain_year)}   "
              f"(no fsync, {size / 1e6:.0f} MB file)")
        ratio_plain = statistics.median(plain_year) / statistics.median(year)
        print(f"plain_tinydb_vs_journal_1y={ratio_plain:.0f}x (goal >= 20)")

        print(f"start-up, empty       open + unfinished: {ms(startup(root / 'empty'))}")
        print(f"start-up, 30 days     open + unfinished: {ms(startup(root / 'month'))}")
        print(f"start-up, {a.days:3d} days    open + unfinished: {ms(startup(root / 'year'))}")
    ratio = statistics.median(year) / statistics.median(empty)
    print(f"journal_write_ratio_1y_vs_empty={ratio:.2f}")


if __name__ == "__main__":
    main()
