"""A claim is searched over the notebook of the last ``claims_days`` days (config), by number
or by carrier folio (R03, R04)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from recarga_tui.config import Settings
from recarga_tui.domain.sale import Sale, State, new_ref
from recarga_tui.journal.journal import Journal
from recarga_tui.services import claims
from recarga_tui.services.clock import FakeClock

TZ = timezone(timedelta(hours=-6))
TODAY = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
NUMBER = "2727215380"


def confirmed_sale(at: datetime, folio: str) -> Sale:
    sale = Sale.capture(new_ref("DEMO-01", at, folio), NUMBER, "telcel", "TEL-050", 5000, at)
    for state, data in ((State.ACCEPTED, {}), (State.PAID, {"handed": 5000, "change": 0}),
                        (State.SENDING, {"attempt": 1}),
                        (State.CONFIRMED, {"carrier_folio": folio, "dealer_folio": "D"})):
        sale = sale.advance(state, at, **data)
    return sale


@pytest.fixture
def services(tmp_path):
    with Journal.open(tmp_path, tz=TZ) as journal:
        for days_ago in (0, 6, 7, 8, 40):
            journal.record(confirmed_sale(TODAY - timedelta(days=days_ago), f"F{days_ago:03d}"))
        settings = replace(Settings(), app=replace(Settings().app, claims_days=7))
        yield SimpleNamespace(notebook=journal, settings=settings, clock=FakeClock(TODAY))


def test_r03_a_claim_finds_the_sales_of_the_configured_days_and_no_older(services):
    found = [p.carrier_folio for p in claims.search(services, NUMBER)]
    assert found == ["F000", "F006", "F007"]           # newest first; 8 and 40 days are out


def test_r03_a_claim_is_found_by_its_carrier_folio(services):
    assert [p.sale.msisdn for p in claims.search(services, "F006")] == [NUMBER]
    assert claims.search(services, "F040") == []       # older than the days kept for claims
