"""The cash close's text keeps its columns whatever the names in it: a company or product name
longer than its column is shortened with an ellipsis, and the counts and totals stay under
their headings (R14: the close is read at a glance, at 80 columns)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from recarga_tui import i18n
from recarga_tui.domain.close import close
from recarga_tui.domain.sale import Sale, State
from recarga_tui.services.cash_close import render

TZ = timezone(timedelta(hours=-6))
AT = datetime(2026, 11, 25, 12, 0, tzinfo=TZ)
LONG = "Paquete Amigo Sin Limite 500 MB"


@pytest.fixture(autouse=True)
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


def delivered(ref: str, carrier: str, amount: int) -> Sale:
    sale = Sale.capture(ref, "2727215380", carrier, "SKU", amount, AT)
    sale = sale.advance(State.ACCEPTED, AT).advance(State.PAID, AT, handed=amount, change=0)
    sale = sale.advance(State.SENDING, AT, attempt=1)
    return sale.advance(State.CONFIRMED, AT, carrier_folio="F1", found_in="answer")


def test_r14_a_long_name_never_pushes_the_close_columns():
    sales = [delivered("DEMO-01-261125-00000001", "amigo", 5000),
             delivered("DEMO-01-261125-00000002", "telcel", 2000)]
    text = render(close(sales, AT - timedelta(hours=1), AT + timedelta(hours=1)),
                  {"amigo": LONG, "telcel": "Telcel"},
                  {"terminal": "DEMO-01", "shop": "Abarrotes", "kind": "DEL DÍA"}, None)
    lines = text.splitlines()
    heading = next(line for line in lines if "Cantidad" in line)
    long_row = next(line for line in lines if line.strip().startswith("Paquete"))
    short_row = next(line for line in lines if line.strip().startswith("Telcel"))
    assert LONG not in text and "Paquete Amigo Sin L…" in long_row
    for row in (long_row, short_row):
        assert len(row) == len(heading)                        # the totals end together
        assert row.index("1") + 1 == heading.index("Cantidad") + len("Cantidad")
    assert max(len(line) for line in lines) <= 78
