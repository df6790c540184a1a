"""Today's sales and the open ones, as the home screen and the status line count them, kept in
memory from the notebook's own steps instead of read from disk at every screen change.

The journal is read once (the first time a count is asked, or a new day's); after that every
step the notebook records, on disk or kept in memory, reaches :meth:`Tally.heard` through the
notebook's listeners, so the counts stay what a fresh read would give while the cashier types.
A read-only copy is not told of the writer's steps (another process): it reads the journal
each time, as before.
"""

from __future__ import annotations

import threading
from datetime import date

from ..domain.sale import Sale, State
from .events import Event
from .notebook import Notebook


class Tally:
    def __init__(self, notebook: Notebook) -> None:
        self.notebook = notebook
        # The checker and the deferred queue record from their own loop: one lock for both.
        self._lock = threading.Lock()
        self._day: date | None = None
        # The day's confirmed sales, reference -> amount: all the home screen shows of them,
        # and little to keep in memory for a day of hundreds of sales.
        self._confirmed: dict[str, int] = {}
        self._open: dict[str, Sale] | None = None
        notebook.events.add(self.heard)

    @property
    def _live(self) -> bool:
        return not self.notebook.read_only

    def heard(self, event: Event) -> None:
        """A step the notebook recorded: the sale's newest state replaces the one counted."""
        sale = event.sale
        with self._lock:
            if self._open is not None:
                if sale.is_open:
                    self._open[sale.ref] = sale
                else:
                    self._open.pop(sale.ref, None)
            if self._day is not None and self.notebook.journal.day_of(sale) == self._day:
                self._count(sale)

    def _count(self, sale: Sale) -> None:
        if sale.state is State.CONFIRMED:
            self._confirmed[sale.ref] = sale.amount
        else:
            self._confirmed.pop(sale.ref, None)

    def open_sales(self) -> list[Sale]:
        """The notebook's open sales (the pending count), oldest first."""
        if not self._live:
            return self.notebook.open_sales()
        with self._lock:
            if self._open is None:
                self._open = {s.ref: s for s in self.notebook.open_sales()}
            return sorted(self._open.values(), key=lambda s: s.created_at)

    def confirmed_of_day(self, day: date) -> tuple[int, int]:
        """How many sales of ``day`` were confirmed and their total in centavos; the journal
        is read for a new day only."""
        if not self._live:
            return _summed(self.notebook.sales_of_day(day))
        with self._lock:
            if day != self._day:
                self._confirmed = {}
                for sale in self.notebook.sales_of_day(day):
                    self._count(sale)
                self._day = day
            return len(self._confirmed), sum(self._confirmed.values())


def _summed(sales: list[Sale]) -> tuple[int, int]:
    done = [s.amount for s in sales if s.state is State.CONFIRMED]
    return len(done), sum(done)
