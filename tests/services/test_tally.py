"""The tally: the home screen's counts and the pending count without a read of the disk per
screen change, and always what a fresh read of the notebook would say."""

from datetime import timedelta, timezone

import pytest
from test_counter import TELCEL_50, confirmed, make

from recarga_tui.journal.journal import Journal
from recarga_tui.services.tally import Tally

TZ = timezone(timedelta(hours=-6))


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "journal", tz=TZ) as j:
        yield j


def refs(sales):
    return [s.ref for s in sales]


async def test_the_tally_follows_every_step_as_a_fresh_read_would(journal):
    counter, _dealer, clock = make(journal, confirmed())
    notebook = counter.journal
    tally = Tally(notebook)
    today = clock.now().date()
    assert tally.confirmed_of_day(today) == (0, 0) and tally.open_sales() == []
    sale = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 10_000)
    assert refs(tally.open_sales()) == refs(notebook.open_sales()) == [sale.ref]
    sale = await counter.send(sale)
    assert tally.open_sales() == notebook.open_sales() == []
    assert tally.confirmed_of_day(today) == (1, TELCEL_50.amount)
    assert [s.state.value for s in notebook.sales_of_day(today)] == ["confirmed"]


async def test_the_tally_reads_the_disk_once_for_a_day(journal, monkeypatch):
    counter, _dealer, clock = make(journal, confirmed())
    notebook = counter.journal
    first = counter.pay(counter.accept(counter.start("2727215380", TELCEL_50)), 10_000)
    tally = Tally(notebook)
    reads = []
    real = notebook.sales_of_day
    monkeypatch.setattr(notebook, "sales_of_day", lambda day: reads.append(day) or real(day))
    today = clock.now().date()
    for _ in range(3):
        assert tally.confirmed_of_day(today) == (0, 0)
    await counter.send(first)
    counter.start("5555550000", TELCEL_50)  # captured: not counted
    assert tally.confirmed_of_day(today) == (1, TELCEL_50.amount)
    assert reads == [today]
    tomorrow = today + timedelta(days=1)
    assert tally.confirmed_of_day(tomorrow) == (0, 0) and reads == [today, tomorrow]
