"""The cash close (corte de caja) of a day or a shift: the totals from the notebook, the
balance the dealer's statement used, and the printable text and CSV written to a folder."""

from __future__ import annotations

import csv
import errno
import io
import textwrap
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from .. import private
from ..domain import phone
from ..domain.close import CashClose, balance_used, close, net_paid
from ..domain.earnings import Earnings, earned, summarize
from ..domain.money import pesos
from ..domain.sale import State
from ..i18n import t, tc
from .clock import day_period as day_period  # a close's day, where its callers look for it

if TYPE_CHECKING:
    from .shop import Services

FOLDER_NAME = "cortes"
PRINT_WIDTH = 78  # the close's printable lines, whole on the 80-column screen


def compute(services: Services, start: datetime, end: datetime) -> CashClose:
    """The close of the sales paid in ``[start, end)``, from the notebook.

    A sale is filed under the day it was created, so the day before the start is read too:
    a sale captured before midnight and paid after it belongs to this period.
    """
    first = (start - timedelta(days=1)).date()
    last = (end - timedelta(microseconds=1)).date()
    return close(services.notebook.sales_between(first, last), start, end)


async def statement_used(services: Services, start: datetime, end: datetime) -> int:
    statement = await services.dealer.statement(start, end - timedelta(milliseconds=1))
    return balance_used(statement.movements)


class Printed(Struct, frozen=True):
    text: Path
    csv: Path


def folder(services: Services) -> Path:
    """Beside the journal's folder, never inside it: the journal holds only its own files."""
    return Path(services.settings.journal_path().parent) / FOLDER_NAME


def render(c: CashClose, names: dict[str, str], header: dict[str, str],
           used: int | None, offline: bool = False, no_statement: str = "") -> str:
    """The close as printable lines, 78 columns at most (fits the 80-column screen too).
    ``no_statement``: the line said in place of the statement, for a dealer that gives none
    (``services/promises.py``)."""
    w = 44
    title = "close.print.title" if header.get("shop") else "close.print.title_unnamed"
    lines = [t(title, **header),
             t("close.print.period", start=c.start.strftime("%Y-%m-%d %H:%M"),
               end=c.end.strftime("%Y-%m-%d %H:%M")), "",
             tc("close.print.by_carrier", c.sold_kinds)]

    def row(name: str, count: object, total: str) -> str:
        # The headings and the numbers share one format, so each heading sits over its column;
        # a name longer than its column is shortened, never pushing the numbers out of it.
        return f"  {fit(name, 20):<20} {count!s:>8}  {total:>14}"

    lines.append(row(tc("close.print.col.company", c.sold_kinds), t("close.print.col.count"),
                     t("close.print.col.total")))
    for item in c.by_carrier:
        name = names.get(item.carrier_id, item.carrier_id)
        lines.append(row(name, item.count, pesos(item.total)))
    if not c.by_carrier:
        lines.append("  " + t("close.print.none"))
    lines.append(row(t("close.print.total"), c.confirmed_count, pesos(c.confirmed_total)))
    lines.append("")
    lines += by_category_lines(c)

    def money_line(key: str, amount: int) -> str:
        return f"{t(key):<{w}}{pesos(amount):>16}"

    lines += [money_line("close.print.cash_taken", c.cash_taken),
              money_line("close.print.change_given", -c.change_given),
              money_line("close.print.given_back", -c.given_back),
              money_line("close.print.drawer", c.drawer)]
    if c.carried_in or c.carried_out:
        lines.append(money_line("close.print.carried_in", c.carried_in))
        lines.append(money_line("close.print.carried_out", c.carried_out))
    lines.append("")
    lines.append(t("close.print.owed", count=len(c.owed), total=pesos(c.owed_total))
                 if c.owed else t("close.print.owed_none"))
    for sale in c.owed:
        lines.append(f"  {sale.created_at:%H:%M} {phone.group(sale.msisdn)}  "
                     f"{pesos(net_paid(sale)):>10}  {t(f'claims.state.{sale.state.value}')}")
    if c.refunded:
        lines.append(t("close.print.refunded", count=len(c.refunded)))
    lines.append("")
    lines.append(money_line("close.print.used_journal", c.confirmed_total))
    if no_statement:
        lines.append(no_statement)
    elif used is None:
        lines.append(t("close.print.used_offline" if offline else "close.print.used_unknown"))
    else:
        lines.append(money_line("close.print.used_statement", used))
        diff = used - c.confirmed_total
        lines.append(t("close.print.used_same") if diff == 0
                     else money_line("close.print.used_diff", diff))
    if not c.balanced:
        lines.append(t("close.print.unbalanced"))
    lines += earnings_lines(summarize(c.sales), w + 16)
    return "\n".join(lines)


def earnings_lines(e: Earnings, width: int) -> list[str]:
    """What the confirmed sales earned, as each journaled it when it was sold: the total,
    per category (more than one sold) and per cashier (a shop with cashiers); never worked
    out again from today's rates."""
    def line(label: str, amount: int, indent: str = "") -> str:
        label = fit(indent + label, width - 16)
        return f"{label:<{width - 16}}{pesos(amount):>16}"

    lines = ["", line(t("earnings.total"), e.total)]
    if len(e.by_category) > 1:
        lines += [line(t(f"category.{cat.value}"), amount, "  ") for cat, amount in e.by_category]
    if any(who is not None for who, _ in e.by_cashier):
        lines.append(t("earnings.by_cashier"))
        lines += [line(who.name if who else t("earnings.no_cashier"), amount, "  ")
                  for who, amount in e.by_cashier]
    if e.unknown:
        lines += textwrap.wrap(t("earnings.unknown", count=e.unknown), PRINT_WIDTH)
    return lines


def fit(text: str, width: int) -> str:
    """``text`` in ``width`` characters at most, ending in "…" when it was shortened."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def by_category_lines(c: CashClose) -> list[str]:
    """Each category's part of the close: done, still owed, and what the drawer holds for
    it; shown once more than one category was sold."""
    if len(c.by_category) < 2:
        return []

    def row(name: str, done: str, owed: str, drawer: str) -> str:
        return f"  {fit(name, 20):<20} {done:>16} {owed:>14} {drawer:>16}"

    lines = [t("close.print.by_category"),
             row("", t("close.print.col.done"), t("close.print.col.owed"),
                 t("close.print.col.drawer"))]
    for category, part in c.by_category:
        lines.append(row(t(f"category.{category.value}"),
                         f"{part.confirmed_count} · {pesos(part.confirmed_total)}",
                         pesos(part.owed_total), pesos(part.drawer)))
    lines.append("")
    return lines


CSV_COLUMNS = ("kind", "ref", "paid_at", "carrier_id", "msisdn", "state", "amount",
               "handed", "change", "given_back", "owed", "cashier", "earning")


def _p(centavos: int) -> str:
    sign = "-" if centavos < 0 else ""
    whole, cents = divmod(abs(centavos), 100)
    return f"{sign}{whole}.{cents:02d}"


def to_csv(c: CashClose, used: int | None) -> str:
    """One row per sale of the period, then the totals; pesos with two decimals."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    owed = {s.ref for s in c.owed}
    refunded = {s.ref for s in c.refunded}
    for sale in c.sales:
        paid = sale.first(State.PAID)
        who, got = sale.cashier, earned(sale)
        writer.writerow([
            "sale", sale.ref, paid.at.isoformat() if paid else "", sale.carrier_id,
            sale.msisdn, sale.state.value, _p(sale.amount), _p(sale.handed), _p(sale.change),
            _p(net_paid(sale) if sale.ref in refunded else 0),
            _p(net_paid(sale) if sale.ref in owed else 0), who.name if who else "",
            _p(got.centavos) if got else ""])
    for item in c.by_carrier:
        writer.writerow(["confirmed", "", "", item.carrier_id, "", "", _p(item.total),
                         "", "", "", "", "", ""])
    for category, part in c.by_category:  # each category's drawer, to the centavo
        writer.writerow([f"category_{category.value}", "", "", "", "", "",
                         _p(part.confirmed_total), _p(part.cash_taken),
                         _p(part.change_given), _p(part.given_back), _p(part.owed_total), "",
                         _p(summarize(part.sales).total)])
    earnings = summarize(c.sales)
    for who, amount in earnings.by_cashier:  # what each cashier's sales earned
        writer.writerow(["earning_cashier", who.id if who else "", "", "", "", "", "", "", "",
                         "", "", who.name if who else "", _p(amount)])
    totals = [("confirmed_total", c.confirmed_total), ("cash_taken", c.cash_taken),
              ("change_given", c.change_given), ("given_back", c.given_back),
              ("owed_total", c.owed_total), ("carried_in", c.carried_in),
              ("carried_out", c.carried_out), ("drawer", c.drawer)]
    if used is not None:
        totals.append(("statement_used", used))
    totals.append(("earning", earnings.total))
    for name, value in totals:
        writer.writerow([name, "", "", "", "", "", _p(value), "", "", "", "", "", ""])
    return out.getvalue()


def write(services: Services, c: CashClose, text: str, table: str) -> Printed:
    """Both files, each written whole and durable, the user's alone (0600 in a 0700 folder,
    made durable before anything is written in it: R12, ``private``), so a half file never
    exists and a power cut does not take a close the screen said was saved. A read-only copy
    writes nothing in the shop's folder: it is refused as a read-only disk."""
    notebook = getattr(services, "notebook", None)  # (a caller with settings alone writes)
    if notebook is not None and notebook.read_only:
        raise OSError(errno.EROFS, t("read_only.key"))
    where = folder(services)
    private.make_folder(where)
    stem = (f"corte-{services.settings.dealer.terminal_id}-{c.start:%Y%m%d-%H%M}"
            f"-{c.end:%Y%m%d-%H%M}")
    return Printed(_written(where / f"{stem}.txt", text + "\n"),
                   _written(where / f"{stem}.csv", table))


def _written(path: Path, content: str) -> Path:
    private.write_file(path, content.encode("utf-8"))
    return path
