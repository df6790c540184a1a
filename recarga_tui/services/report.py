"""The dealer's sales report for a day beside the notebook (R14, R19), and a clarification
for a difference (R11)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from msgspec import Struct, field

from ..dealer.records import Clarification, SaleLine
from ..domain import phone
from ..domain.earnings import Earnings, summarize
from ..domain.money import pesos
from ..domain.reconcile import ReportLine, Row, notebook_rows, reconcile
from ..i18n import t
from .clock import day_bounds

if TYPE_CHECKING:
    from .shop import Services


def to_line(raw: SaleLine) -> ReportLine:
    return ReportLine(raw.client_ref, raw.msisdn, raw.amount, raw.carrier_id,
                      raw.carrier_folio, raw.created_at)


class DayReport(Struct, frozen=True):
    day: date
    rows: list[Row]
    total: int  # the report's own total for the day's lines, centavos
    # What the day's confirmed sales earned, per category and per cashier (each as
    # journaled when it was sold; a row's sale names its cashier: ``Sale.cashier``).
    earnings: Earnings = field(default_factory=Earnings)


async def day_report(services: Services, day: date) -> DayReport:
    """Ask the dealer for the day's report and set it beside the notebook's sales of that day.

    A sale created late and sent after midnight shows in the next day's report: the query
    reaches one day further and keeps those lines only when the notebook's day has them.
    """
    now = services.clock.now()
    start, end = day_bounds(day, now.tzinfo)
    reach = min(end + timedelta(days=1), max(now, end))
    report = await services.dealer.sales_report(start, reach)
    sales = services.notebook.sales_of_day(day)
    refs = {sale.ref for sale in sales}
    lines = [to_line(raw) for raw in report.lines
             if raw.created_at <= end or raw.client_ref in refs]
    window = timedelta(minutes=services.settings.procedure.reflection_minutes)
    rows = reconcile(sales, lines, now, window)
    return DayReport(day, rows, sum(line.amount for line in lines), summarize(sales))


def notebook_day(services: Services, day: date) -> DayReport:
    """The day's sales from the notebook alone, when the dealer cannot be asked."""
    sales = services.notebook.sales_of_day(day)
    return DayReport(day, notebook_rows(sales), 0, summarize(sales))


def clarification_text(row: Row, day: date) -> str:
    """What the control desk reads, in Spanish: the difference and both sides' data."""
    kind = t(f"report.kind.{row.kind.value}", lang="es")
    parts = [t("report.clarify.text", lang="es", day=day.isoformat(), kind=kind, ref=row.ref,
               number=phone.group(row.msisdn), amount=pesos(row.amount))]
    if row.differs:
        parts.append(", ".join(t(f"report.field.{f}", lang="es") for f in row.differs))
    return ". ".join(parts)


async def ask_about(services: Services, row: Row, day: date) -> Clarification:
    """File a clarification on a top-up of the report (topic "topup", with its reference)."""
    return await services.support.ask_clarification("topup", clarification_text(row, day),
                                                    client_ref=row.ref)
