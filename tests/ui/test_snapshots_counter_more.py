"""The counter's other screens at 80x24, as SVG snapshots (pytest-textual-snapshot): sales
report, claims, account, deposit notices, support, fault report, clarification, cash close,
help searched, lock and a lapsed session.

The simulator's clock is frozen (it moves only when a step moves it) and the data is made
through the journal and the dealer client, so a snapshot changes only when what the cashier
sees changes. Update them after a deliberate change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from counter_more_helpers import confirmed_in_journal, frozen, sku, world
from ui_helpers import login, wait_for

from recarga_tui.dealer.match import Sent
from recarga_tui.services.counter import Product
from recarga_tui.sim.world import iso

SIZE = (80, 24)


async def dealer_sells(app, ref: str, msisdn: str, amount: int) -> None:
    """A top-up the dealer makes, its clock moved on a second at a time until it answers."""
    task = asyncio.ensure_future(app.services.dealer.send_topup(
        Sent(ref, msisdn, sku(app, amount), amount)))
    while not task.done():
        world(app).clock.advance(1.0)
        await asyncio.sleep(0.005)
    await task


async def start(pilot) -> None:
    frozen(pilot.app)
    await login(pilot)


async def shown(pilot, predicate) -> None:
    await wait_for(pilot, predicate)
    await pilot.pause()


async def at_report(pilot):
    app = pilot.app
    await start(pilot)
    agree = confirmed_in_journal(app, "a0000001", "2727215380", 5000)
    await dealer_sells(app, agree.ref, "2727215380", 5000)
    differs = confirmed_in_journal(app, "a0000002", "2727215382", 5000)
    await dealer_sells(app, differs.ref, "2727215382", 10000)
    await dealer_sells(app, "DEMO-01-261125-b0000001", "2727215383", 3000)
    confirmed_in_journal(app, "a0000003", "2727215381", 2000)
    world(app).clock.advance(900)
    app.services.clock.advance(900)
    await pilot.press("f4")
    await shown(pilot, lambda: len(app.screen.rows) == 4)
    await pilot.press("down")


async def at_claims(pilot):
    app = pilot.app
    await start(pilot)
    confirmed_in_journal(app, "a0000001", "2727215380", 5000, folio="4820017731")
    await pilot.press("f5", *"5380", "enter")
    await pilot.pause()


async def at_account(pilot):
    app = pilot.app
    await start(pilot)
    await dealer_sells(app, "DEMO-01-261125-b0000001", "2727215380", 5000)
    await pilot.press("f6")
    await shown(pilot, lambda: app.screen.query_one("#account-table").row_count == 2)


async def at_deposit(pilot):
    await start(pilot)
    await pilot.press("f6", "f2")
    await pilot.press(*"BBVA", "enter", *"1,00", "enter", *"FICHA-1", "enter", "enter")
    await pilot.pause()


async def at_support(pilot):
    app = pilot.app
    await start(pilot)
    now = app.services.clock.now()
    world(app).clarifications.extend([
        {"id": "ACL00001", "topic": "deposit", "client_ref": None,
         "text": "Depósito del lunes sin abonar", "created_at": iso(now - timedelta(hours=30)),
         "due_at": iso(now - timedelta(hours=6)), "status": "open", "answer": None,
         "answered_at": None},
        {"id": "ACL00002", "topic": "charge", "client_ref": None, "text": "Cargo doble",
         "created_at": iso(now - timedelta(hours=2)), "due_at": iso(now + timedelta(hours=22)),
         "status": "answered", "answer": "Se abonó la diferencia.", "answered_at": iso(now)},
    ])
    await pilot.press("f7")
    await shown(pilot, lambda: len(app.screen.items) == 2)


async def at_fault(pilot):
    app = pilot.app
    await start(pilot)
    confirmed_in_journal(app, "a0000001", "2727215380", 5000, folio="4820017731")
    await pilot.press("f7", "f2", "3", *"No carga el reporte", "enter", "1")
    await pilot.pause()


async def at_clarify(pilot):
    await start(pilot)
    await pilot.press("f7", "f3")
    await pilot.pause()


async def at_cash_close(pilot):
    app = pilot.app
    await start(pilot)
    confirmed_in_journal(app, "a0000001", "2727215380", 5000, folio="4820017731")
    counter = app.services.counter
    kept = counter.start("2727215381", Product(sku(app, 2000), "telcel", 2000))
    counter.defer(counter.pay(counter.accept(kept), 5000))
    await pilot.press("f8")
    await shown(pilot, lambda: app.screen.used is not None)


async def at_help_search(pilot):
    await start(pilot)
    await pilot.press("f1", *"deposito")
    await pilot.pause()


async def at_lock(pilot):
    await start(pilot)
    await pilot.press("ctrl+l", *"clave")
    await pilot.pause()


async def at_relogin(pilot):
    from recarga_tui.ui.screens.relogin import ReloginScreen

    await start(pilot)
    await pilot.press("f5", *"5380", "enter")
    pilot.app.push_screen(ReloginScreen())
    await pilot.pause()


CASES = {
    "report": at_report,
    "claims": at_claims,
    "account": at_account,
    "deposit": at_deposit,
    "support": at_support,
    "fault": at_fault,
    "clarify": at_clarify,
    "cash_close": at_cash_close,
    "help_search": at_help_search,
    "lock": at_lock,
    "relogin": at_relogin,
}


@pytest.mark.parametrize("name", list(CASES))
def test_screen_at_80x24(name, shop, snap_compare):
    assert snap_compare(shop(), terminal_size=SIZE, run_before=CASES[name])
