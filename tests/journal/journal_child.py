"""A cashier's process that records steps as fast as it can until it is killed.

Run as ``python journal_child.py FOLDER SEED``. It first finishes the sales a previous run
left unfinished (as the app's recovery would), then sells. After every ``record`` returns it
prints ``<ref> <steps>``, flushed: the parent holds the journal to every line it read.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from recarga_tui.domain.sale import Sale, State, new_ref
from recarga_tui.journal import Journal

MX = timezone(timedelta(hours=-6))
ENDINGS = (
    (State.ACCEPTED, State.PAID, State.SENDING, State.CONFIRMED),
    (State.ACCEPTED, State.PAID, State.SENDING, State.UNKNOWN, State.NOT_FOUND, State.REFUNDED),
    (State.ACCEPTED, State.PAID, State.SENDING, State.REJECTED, State.REFUNDED),
    (State.ACCEPTED, State.ABANDONED),
)
# The way on from each unfinished state to a final one.
ONWARD = {
    State.CAPTURED: State.ABANDONED, State.ACCEPTED: State.ABANDONED,
    State.PAID: State.REFUNDED, State.DEFERRED: State.REFUNDED, State.SENDING: State.UNKNOWN,
    State.UNKNOWN: State.NOT_FOUND, State.NOT_FOUND: State.REFUNDED,
    State.REJECTED: State.REFUNDED,
}


def now() -> datetime:
    return datetime.now(MX)


def main(folder: Path, seed: int) -> int:
    rnd = random.Random(seed)
    with Journal.open(folder, tz=MX) as journal:
        if journal.read_only:
            print("read-only", flush=True)
            return 3

        def record(sale: Sale) -> Sale:
            journal.record(sale)
            print(f"{sale.ref} {len(sale.history)}", flush=True)
            return sale

        for sale in journal.unfinished_sales():
            while not sale.is_final:
                sale = record(sale.advance(ONWARD[sale.state], now(), resumed=True))
        while True:
            at = now()
            sale = record(Sale.capture(new_ref("KILL-01", at), f"55{rnd.randrange(10**8):08d}",
                                       "telcel", "TEL20", 2000, at))
            for state in rnd.choice(ENDINGS):
                sale = record(sale.advance(state, now(), n=rnd.randrange(1000)))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
