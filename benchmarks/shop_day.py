"""A day of sales in a journal folder, written in bulk through the journal's own storage: what
a shop's notebook holds at closing time (300 top-ups, each captured -> confirmed)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from recarga_tui.config import AppSettings
from recarga_tui.domain.sale import Sale, State, new_ref
from recarga_tui.journal.index import IndexFile
from recarga_tui.journal.layout import INDEX_NAME, day_file
from recarga_tui.journal.rules import stored_form
from recarga_tui.journal.storage import encode, write_durably

STEPS = (
    (State.ACCEPTED, 20, {}),
    (State.PAID, 40, {"handed": 10000, "change": 5000}),
    (State.SENDING, 60, {"attempt": 1}),
    (State.CONFIRMED, 65, {"carrier_folio": "7387496697", "dealer_folio": "D261125000001"}),
)


def make_day(folder: Path, count: int = 300, terminal: str = "DEMO-01") -> int:
    """``count`` confirmed sales of today from 08:00, two minutes apart, in the shop's time zone
    (the default config's, as the benchmarks' configs set none): the day the app reads, even
    while the PC's own clock (often UTC) is already on another date."""
    now = datetime.now(AppSettings().zone())
    start = now.replace(hour=8, minute=0, second=0, microsecond=0)
    docs = {}
    for n in range(count):
        at = start + timedelta(seconds=120 * n)
        sale = Sale.capture(new_ref(terminal, at, f"{n:08x}"), f"55{n:08d}", "telcel",
                            "TEL50", 5000, at)
        for state, seconds, data in STEPS:
            sale = sale.advance(state, at + timedelta(seconds=seconds), **data)
        docs[str(n + 1)] = stored_form(sale)
    folder.mkdir(parents=True, exist_ok=True)
    payload, _ = encode({"sales": docs})
    write_durably(day_file(folder, start.date()), payload)
    IndexFile(folder / INDEX_NAME).write({})
    return count
