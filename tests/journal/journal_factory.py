"""Sales to record in the journal tests: a fixed zone, fixed times, the usual paths."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from recarga_tui.domain.sale import Sale, State, new_ref

MX = timezone(timedelta(hours=-6))  # Mexico City, no DST since 2022
T0 = datetime(2026, 11, 25, 10, 0, tzinfo=MX)
TERMINAL = "DEMO-01"

STEP_DATA: dict[State, dict[str, Any]] = {
    State.PAID: {"handed": 5000, "change": 3000},
    State.SENDING: {"attempt": 1},
    State.CONFIRMED: {"carrier_folio": "TC123456", "dealer_folio": "D-998", "found_in": "answer"},
    State.REJECTED: {"origin": "carrier", "code": "bad_number"},
    State.UNKNOWN: {"origin": "dealer", "reason": "timeout"},
    State.NOT_FOUND: {"looked": 3},
    State.REFUNDED: {"reason": "not_found", "returned": 5000},
    State.ABANDONED: {"reason": "left"},
    State.DEFERRED: {"promised_at": "2026-11-25T11:00:00-06:00"},
}

TO_CONFIRMED = (State.ACCEPTED, State.PAID, State.SENDING, State.CONFIRMED)


def captured(at: datetime = T0, msisdn: str = "2727215380", token: str | None = None,
             amount: int = 2000) -> Sale:
    return Sale.capture(new_ref(TERMINAL, at, token), msisdn, "telcel", f"TEL{amount // 100}",
                        amount, at)


def walk(sale: Sale, *states: State, step: timedelta = timedelta(seconds=7)) -> list[Sale]:
    """The sale after each of ``states``, one step apart in time."""
    out = []
    for state in states:
        sale = sale.advance(state, sale.updated_at + step, **STEP_DATA.get(state, {}))
        out.append(sale)
    return out


def record_walk(journal: Any, sale: Sale, *states: State) -> Sale:
    journal.record(sale)
    for nxt in walk(sale, *states):
        journal.record(nxt)
        sale = nxt
    return sale


@lru_cache(maxsize=1)
def dead_pid() -> int:
    """The pid of a process that has ended: a temp file named with it was left by a crash."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)
