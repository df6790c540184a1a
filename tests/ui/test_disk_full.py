"""The journal's disk fills up after the dealer answered (R02, R03, R16): the dealer's answer is
shown as it is, the cashier is told the notebook could not write it and what to do, and the app
writes it by itself as soon as the disk takes it, without a restart."""

from __future__ import annotations

import errno
import os

import pytest
from ui_helpers import capture, fast, login, only_sale, screen_text, told, wait_for, world

from recarga_tui.domain.sale import State
from recarga_tui.journal import storage
from recarga_tui.ui.screens.home import HomeScreen
from recarga_tui.ui.screens.pending import PendingScreen
from recarga_tui.ui.screens.receipt import ReceiptScreen
from recarga_tui.ui.screens.rejected import RejectedScreen

SIZE = (80, 24)
INSTANT = "5555550000"
REJECTED = "5555550007"


class FullDisk:
    """A disk that refuses every write of a day file holding the given state's step."""

    def __init__(self, monkeypatch, state: str) -> None:
        self.full = True
        self.refused = 0
        real = storage._write_synced
        marker = f'"state":"{state}"'.encode()

        def write(path, payload):
            if self.full and marker in payload:
                self.refused += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(path, payload)

        monkeypatch.setattr(storage, "_write_synced", write)


def on_disk(app, ref):
    """The sale as the day file holds it (not what the app keeps in memory)."""
    return app.services.notebook.journal.get(ref)


async def test_r16_a_delivered_top_up_shows_its_receipt_when_the_disk_is_full(shop, monkeypatch):
    app = fast(shop())
    disk = FullDisk(monkeypatch, "confirmed")
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReceiptScreen))
        sale = only_sale(app)
        folio = sale.last(State.CONFIRMED).data["carrier_folio"]
        text = screen_text(app)
        assert "Recarga realizada" in text and folio in text
        assert "NO pudo anotar" in text and "disco lleno" in text
        assert "no se hizo nada" not in text.lower()
        assert disk.refused >= 1 and on_disk(app, sale.ref).state is State.SENDING
        assert [e["client_ref"] for e in world(app).ledger] == [sale.ref]
        assert "SIN ANOTAR: 1" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, PendingScreen))
        assert "Enviándose" not in screen_text(app)      # the notebook knows it was delivered
        await pilot.press("escape")
        disk.full = False                                 # space freed: no restart
        await wait_for(pilot, lambda: on_disk(app, sale.ref).state is State.CONFIRMED)
        stored = on_disk(app, sale.ref).last(State.CONFIRMED).data
        assert stored["carrier_folio"] == folio
        await wait_for(pilot, lambda: "Ya quedó anotada en el cuaderno" in told(app))
        assert app.unwritten_count == 0


async def test_r01_a_rejection_is_shown_as_it_is_when_the_disk_is_full(shop, monkeypatch):
    app = fast(shop())
    disk = FullDisk(monkeypatch, "rejected")
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, REJECTED)
        await pilot.press("a", "f3", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RejectedScreen))
        text = screen_text(app)
        assert "NO pudo anotar" in text
        sale = only_sale(app)
        assert sale.state is State.REJECTED and on_disk(app, sale.ref).state is State.SENDING
        disk.full = False
        await wait_for(pilot, lambda: on_disk(app, sale.ref).state is State.REJECTED)
        await wait_for(pilot, lambda: "Ya quedó anotada en el cuaderno" in screen_text(app))


@pytest.mark.parametrize("step", ["captured", "paid", "sending"])
async def test_r05_a_step_that_announces_an_action_is_refused_when_the_disk_is_full(
        shop, monkeypatch, step):
    """Write-ahead stays: nothing is sent (or taken) on a step the disk refused."""
    app = fast(shop())
    FullDisk(monkeypatch, step)
    async with app.run_test(size=SIZE) as pilot:
        await login(pilot)
        await capture(pilot, INSTANT)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("f3", "enter")
        await pilot.pause()
        await wait_for(pilot, lambda: "Disco lleno" in screen_text(app) + told(app))
        assert world(app).ledger == []
