"""Data the counter's other screens look at, made through the journal and the simulator."""

from __future__ import annotations

from datetime import timedelta

from recarga_tui.dealer.match import Sent
from recarga_tui.domain.sale import Sale, State


def world(app):
    return app.services.sim_app.state.world


def frozen(app) -> None:
    """The simulator's clock stopped at the shop clock's time."""
    from recarga_tui.sim.clock import SimClock

    clock = SimClock(app.services.clock.now(), scale=1.0)
    clock._monotonic = lambda: 0.0
    clock._real_start = 0.0
    world(app).clock = clock


def sku(app, amount: int, carrier: str = "telcel") -> str:
    for product in app.services.health.catalog.products:
        if product.carrier_id == carrier and product.amount == amount:
            return product.sku
    raise AssertionError(f"no {carrier} product of {amount}")


def confirmed_in_journal(app, token: str, msisdn: str, amount: int, folio: str = "") -> Sale:
    """A sale the notebook has as confirmed, recorded as the counter would."""
    now = app.services.clock.now()
    ref = f"DEMO-01-{now:%y%m%d}-{token}"
    sale = Sale.capture(ref, msisdn, "telcel", sku(app, amount), amount, now)
    sale = sale.advance(State.ACCEPTED, now).advance(State.PAID, now, handed=amount, change=0)
    sale = sale.advance(State.SENDING, now, attempt=1)
    sale = sale.advance(State.CONFIRMED, now, carrier_folio=folio, found_in="answer")
    app.services.notebook.record(sale)
    return sale


async def sent_to_dealer(app, ref: str, msisdn: str, amount: int) -> None:
    """A top-up the dealer made (and will list in its report), whatever the notebook says."""
    await app.services.dealer.send_topup(Sent(ref, msisdn, sku(app, amount), amount))


def reflect(app) -> None:
    """Move the simulator past its reflection delay: every top-up shows in the report."""
    world(app).clock.advance(timedelta(minutes=15).total_seconds())


def text_of(app) -> str:
    """Everything the screen shows, tables included, as plain text."""
    from textual.widgets import DataTable
    from ui_helpers import screen_text

    parts = [screen_text(app)]
    for table in app.screen.query(DataTable):
        parts.append(" ".join(str(col.label) for col in table.columns.values()))
        for row in range(table.row_count):
            parts.append(" | ".join(str(cell) for cell in table.get_row_at(row)))
    return "\n".join(parts)
