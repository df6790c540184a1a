"""The dealer's sales report beside the shop's notebook: what agrees and what differs (R19).

Three kinds of difference matter to the shop:

* a top-up in the report that the notebook does not have (someone sold it on this terminal
  without the app, or a sale was lost from the notebook);
* a sale the notebook holds as confirmed that the report lacks, counted only once the
  reflection window has passed since its confirmation (a top-up may take that long to show);
* a sale in both whose number, amount or carrier folio differ, or which the report shows as
  done while the notebook says it is not (unknown, given back...).

Pure: the report lines and the sales come in as plain data, ``now`` is an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from msgspec import Struct

from .sale import Sale, State


class Kind(StrEnum):
    MATCH = "match"                # in both, and they agree
    ONLY_REPORT = "only_report"    # in the report, not in the notebook
    MISSING = "missing"            # confirmed in the notebook, absent after the window
    WAITING = "waiting"            # confirmed in the notebook, the window has not passed yet
    DIFFERENT = "different"        # in both, and something differs
    NOTEBOOK = "notebook"          # the notebook's side alone: the report could not be asked


# What may differ between a report line and the sale in the notebook.
FIELDS = ("msisdn", "amount", "carrier_folio", "state")


class ReportLine(Struct, frozen=True):
    """One line of the dealer's sales report, as plain data."""

    client_ref: str
    msisdn: str
    amount: int  # centavos
    carrier_id: str
    carrier_folio: str
    created_at: datetime


class Row(Struct, frozen=True):
    """One top-up as the two sides see it."""

    kind: Kind
    ref: str
    at: datetime
    sale: Sale | None
    line: ReportLine | None
    differs: tuple[str, ...] = ()  # which of FIELDS differ, for DIFFERENT

    @property
    def is_difference(self) -> bool:
        return self.kind in (Kind.ONLY_REPORT, Kind.MISSING, Kind.DIFFERENT)

    @property
    def msisdn(self) -> str:
        return self._side().msisdn

    @property
    def amount(self) -> int:
        return self._side().amount

    def _side(self) -> ReportLine | Sale:
        """The report's line where there is one, else the notebook's sale (a row has one of
        them at least)."""
        side = self.line or self.sale
        if side is None:
            raise ValueError(f"row {self.ref}: neither a sale nor a report line")
        return side


def carrier_folio(sale: Sale) -> str:
    """The carrier folio the notebook holds for a confirmed sale ("" when none)."""
    step = sale.last(State.CONFIRMED)
    return str(step.data.get("carrier_folio") or "") if step else ""


def _differs(sale: Sale, line: ReportLine) -> tuple[str, ...]:
    found: list[str] = []
    if sale.msisdn != line.msisdn:
        found.append("msisdn")
    if sale.amount != line.amount:
        found.append("amount")
    folio = carrier_folio(sale)
    if folio and line.carrier_folio and folio != line.carrier_folio:
        found.append("carrier_folio")
    if sale.state is not State.CONFIRMED:
        found.append("state")
    return tuple(found)


def reconcile(sales: Iterable[Sale], lines: Iterable[ReportLine], now: datetime,
              reflection: timedelta) -> list[Row]:
    """Every top-up of either side, oldest first, with what it is.

    Sales that never claimed to reach the carrier and are not in the report (abandoned,
    rejected, given back, still unknown) are not the report's business and are left out.
    """
    by_ref = {sale.ref: sale for sale in sales}
    rows: list[Row] = []
    seen: set[str] = set()
    for line in lines:
        if line.client_ref in seen:
            continue
        seen.add(line.client_ref)
        sale = by_ref.get(line.client_ref)
        if sale is None:
            rows.append(Row(Kind.ONLY_REPORT, line.client_ref, line.created_at, None, line))
            continue
        differs = _differs(sale, line)
        kind = Kind.DIFFERENT if differs else Kind.MATCH
        rows.append(Row(kind, sale.ref, line.created_at, sale, line, differs))
    for sale in by_ref.values():
        if sale.ref in seen or sale.state is not State.CONFIRMED:
            continue
        confirmed = sale.last(State.CONFIRMED)
        assert confirmed is not None
        kind = Kind.MISSING if now - confirmed.at >= reflection else Kind.WAITING
        rows.append(Row(kind, sale.ref, confirmed.at, sale, None))
    rows.sort(key=lambda row: (row.at, row.ref))
    return rows


def differences(rows: Iterable[Row]) -> list[Row]:
    return [row for row in rows if row.is_difference]


def notebook_rows(sales: Iterable[Sale]) -> list[Row]:
    """The day's paid sales as the notebook has them, with no report beside them."""
    paid = [s for s in sales if s.first(State.PAID) is not None]
    return [Row(Kind.NOTEBOOK, s.ref, s.created_at, s, None) for s in
            sorted(paid, key=lambda s: s.created_at)]
