"""Every slip as plain lines, from the records: pure functions, no printer, no clock.

A slip is what the printer prints and the preview shows alike: lines of at most ``width``
characters (32 on 58 mm paper, 48 on 80 mm), each with a style the printer renders (a title
in large letters, centred lines, bold) and, where the printer can, the folio as a QR code or
a barcode. Times are given already in the shop's zone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from msgspec import Struct

from ..domain import phone
from ..domain.catalog import Category
from ..domain.close import CashClose, net_paid
from ..domain.earnings import Earnings, summarize
from ..domain.money import pesos
from ..domain.sale import Sale, State
from ..domain.shift import Row as ShiftRow
from ..i18n import t, tc

WHEN = "%d/%m/%Y %H:%M:%S"


class Style(StrEnum):
    PLAIN = "plain"
    TITLE = "title"      # large, bold, centred: the shop's name, REIMPRESIÓN
    CENTER = "center"
    BOLD = "bold"        # the number and the amount: what the customer checks first
    RULE = "rule"        # a line of dashes across the paper
    CODE = "code"        # the folio as a QR code or barcode; its text in the preview


class Line(Struct, frozen=True):
    text: str = ""
    style: Style = Style.PLAIN


class Slip(Struct, frozen=True):
    kind: str                  # sale, reprint, deferred, money_back, cash_close, shift
    lines: tuple[Line, ...]
    width: int
    ref: str = ""              # the sale it is of ("" for the cash close; a shift's id)


class Shop(Struct, frozen=True):
    """Who prints: the shop's own name ("" when none is set), the terminal and the shop's
    zone."""

    name: str
    terminal: str
    tz: tzinfo


# --- small pieces -------------------------------------------------------------------------


def pair(label: str, value: str, width: int, style: Style = Style.PLAIN) -> list[Line]:
    """``label ....... value`` on one line; a value too long goes on its own line(s), to
    the right, so nothing is ever cut off the paper."""
    if len(label) + 1 + len(value) <= width:
        return [Line(label + value.rjust(width - len(label)), style)]
    lines = [Line(label[:width], style)]
    lines += [Line(part.rjust(width), style) for part in textwrap.wrap(value, width) or [""]]
    return lines


def para(text: str, width: int, style: Style = Style.PLAIN) -> list[Line]:
    return [Line(part, style) for part in textwrap.wrap(text, width)]


def rule(width: int) -> Line:
    return Line("-" * width, Style.RULE)


def shown(at: datetime | None, tz: tzinfo) -> str:
    return at.astimezone(tz).strftime(WHEN) if at else "—"


def dealer_time(data: Mapping[str, Any], fallback: datetime | None) -> datetime | None:
    """When the dealer made the top-up; the step's time if it did not say."""
    raw = data.get("dealer_at")
    if isinstance(raw, str):
        try:
            return datetime.fromisoformat(raw)
        except ValueError:
            pass
    return fallback


def heading(shop: Shop, width: int) -> list[Line]:
    """The shop's name as the title (none when it has no name: never the dealer's), then the
    terminal. A title prints in double-width letters: half as many fit a line."""
    lines = [Line(part, Style.TITLE) for part in textwrap.wrap(shop.name, width // 2)]
    return lines + para(t("print.terminal", terminal=shop.terminal), width, Style.CENTER)


def what_was_sold(sale: Sale, carrier: str, product: str, width: int) -> list[Line]:
    bill = sale.category is Category.BILL  # a bill: its service and payment reference
    validity = sale.sold.validity  # a bundle: how long it lasts
    return (pair(t("receipt.service" if bill else "receipt.carrier"), carrier, width)
            + (pair(t("print.product"), product, width) if product else [])
            + (pair(t("print.validity"), validity, width) if validity else [])
            + pair(t("receipt.bill_reference" if bill else "receipt.number"),
                   phone.group(sale.msisdn), width, Style.BOLD)
            + pair(t("receipt.amount"), pesos(sale.amount), width, Style.BOLD))


def dealer_lines(raw: Any, width: int) -> list[Line]:
    """The dealer's own ticket text (a transact ``printData``), as the sale's confirmed step
    carries it in ``ticket`` (lines, or ``[label, data]`` pairs)."""
    lines: list[Line] = []
    for item in raw if isinstance(raw, (list, tuple)) else ():
        if isinstance(item, (list, tuple)) and len(item) == 2:
            label, value = (str(x).strip() for x in item)
            lines += pair(f"{label} " if label else "", value, width) if value else \
                para(label, width)
        elif isinstance(item, str) and item.strip():
            lines += para(item, width)
    return lines


# --- the slips ------------------------------------------------------------------------------


def sale_ticket(sale: Sale, shop: Shop, *, carrier: str, product: str, width: int,
                reprint_at: datetime | None = None, code: bool = False) -> Slip:
    """The customer's ticket of a confirmed top-up; ``reprint_at`` marks a copy."""
    step = sale.last(State.CONFIRMED)
    data: Mapping[str, Any] = step.data if step else {}
    lines = heading(shop, width)
    if reprint_at is not None:
        lines += [Line(t("print.reprint"), Style.TITLE),
                  *para(t("print.reprinted_at", time=shown(reprint_at, shop.tz)), width,
                        Style.CENTER)]
    lines += [*para(tc("print.sale_title", sale.category), width, Style.CENTER), rule(width)]
    lines += pair(t("print.date"), shown(dealer_time(data, step.at if step else None),
                                         shop.tz), width)
    lines += what_was_sold(sale, carrier, product, width)
    folio = str(data.get("carrier_folio") or "")
    lines += pair(tc("receipt.carrier_folio", sale.category), folio or "—", width)
    lines += pair(t("receipt.dealer_folio"), str(data.get("dealer_folio") or "—"), width)
    lines += pair(t("receipt.reference"), sale.ref, width)
    if data.get("found_in") == "report" and step is not None:
        lines += para(t("print.found_in_report", time=shown(step.at, shop.tz)), width)
    if extra := dealer_lines(data.get("ticket"), width):
        lines += [rule(width), *extra]
    lines.append(rule(width))
    if code and folio:
        lines.append(Line(folio, Style.CODE))
    lines += para(tc("print.no_claims", sale.category), width)
    lines += [Line(""), *para(t("print.thanks"), width, Style.CENTER)]
    return Slip("reprint" if reprint_at else "sale", tuple(lines), width, sale.ref)


def deferred_slip(sale: Sale, shop: Shop, *, carrier: str, product: str, width: int,
                  promised: datetime | None) -> Slip:
    """What the customer takes home for a paid sale left to be sent later (R17): the
    promised time, and the money back if it cannot be sent."""
    paid = sale.first(State.PAID)
    lines = heading(shop, width) + para(t("print.deferred_title"), width, Style.CENTER)
    lines.append(rule(width))
    lines += pair(t("print.paid_at"), shown(paid.at if paid else None, shop.tz), width)
    lines += what_was_sold(sale, carrier, product, width)
    lines += pair(t("print.paid"), pesos(net_paid(sale)), width)
    lines += pair(t("receipt.reference"), sale.ref, width)
    lines.append(rule(width))
    lines += pair(t("print.promised"), shown(promised, shop.tz), width, Style.BOLD)
    lines += para(t("print.deferred_promise", amount=pesos(net_paid(sale))), width)
    lines += [Line(""), *para(t("print.not_the_topup"), width)]
    return Slip("deferred", tuple(lines), width, sale.ref)


def money_back_slip(sale: Sale, shop: Shop, *, carrier: str, width: int) -> Slip:
    """The money given back for a top-up that never reached the carrier (R02)."""
    step = sale.last(State.REFUNDED)
    returned = int(step.data.get("returned", net_paid(sale))) if step else net_paid(sale)
    lines = heading(shop, width) + para(t("print.money_back_title"), width, Style.CENTER)
    lines.append(rule(width))
    lines += pair(t("print.date"), shown(step.at if step else None, shop.tz), width)
    lines += what_was_sold(sale, carrier, "", width)
    lines += pair(t("print.returned"), pesos(returned), width, Style.BOLD)
    lines += pair(t("receipt.reference"), sale.ref, width)
    lines += [rule(width), *para(t("print.money_back_why"), width)]
    return Slip("money_back", tuple(lines), width, sale.ref)


def _by_category(c: CashClose, width: int) -> list[Line]:
    """Each category's part once more than one was sold: done, and what the drawer holds."""
    if len(c.by_category) < 2:
        return []
    lines = [rule(width), *para(t("close.print.by_category"), width)]
    for category, part in c.by_category:
        lines += pair(f"{t(f'category.{category.value}')} x{part.confirmed_count} ",
                      pesos(part.confirmed_total), width)
        lines += pair(f"  {t('close.print.col.drawer')} ", pesos(part.drawer), width)
    return lines


def cash_close_slip(c: CashClose, shop: Shop, *, names: Mapping[str, str], kind: str,
                    used: int | None, offline: bool, width: int,
                    no_statement: str = "") -> Slip:
    """The cash close (corte de caja) on paper: the same figures as the screen."""
    lines = heading(shop, width) + para(t("print.close_title", kind=kind), width, Style.CENTER)
    lines += para(t("close.print.period", start=shown(c.start, shop.tz),
                    end=shown(c.end, shop.tz)), width)
    lines += [rule(width), *para(tc("close.print.by_carrier", c.sold_kinds), width)]
    for item in c.by_carrier:
        lines += pair(f"{names.get(item.carrier_id, item.carrier_id)} x{item.count} ",
                      pesos(item.total), width)
    if not c.by_carrier:
        lines.append(Line(t("close.print.none")))
    lines += pair(f"{t('close.print.total')} x{c.confirmed_count} ", pesos(c.confirmed_total),
                  width, Style.BOLD)
    lines += _by_category(c, width)
    lines.append(rule(width))
    lines += _money(c, width)
    lines += _owed(c, shop, width)
    lines += _used(c, used, offline, width, no_statement)
    lines += _earned(summarize(c.sales), width)
    return Slip("cash_close", tuple(lines), width)


def _earned(e: Earnings, width: int) -> list[Line]:
    """What the sales earned, as each journaled it: the total, per category and cashier."""
    lines = [rule(width), *pair(t("earnings.title") + " ", pesos(e.total), width, Style.BOLD)]
    if len(e.by_category) > 1:
        for category, amount in e.by_category:
            lines += pair(f"  {t(f'category.{category.value}')} ", pesos(amount), width)
    if any(who is not None for who, _ in e.by_cashier):
        lines += para(t("earnings.by_cashier"), width)
        for who, amount in e.by_cashier:
            lines += pair(f"  {who.name if who else t('earnings.no_cashier')} ", pesos(amount),
                          width)
    if e.unknown:
        lines += para(t("earnings.unknown", count=e.unknown), width)
    return lines


def _money(c: CashClose, width: int) -> list[Line]:
    rows = [("close.print.cash_taken", c.cash_taken),
            ("close.print.change_given", -c.change_given),
            ("close.print.given_back", -c.given_back)]
    lines = [line for key, amount in rows for line in pair(t(key), pesos(amount), width)]
    lines += pair(t("close.print.drawer"), pesos(c.drawer), width, Style.BOLD)
    if c.carried_in or c.carried_out:
        lines += pair(t("close.print.carried_in").strip(), pesos(c.carried_in), width)
        lines += pair(t("close.print.carried_out").strip(), pesos(c.carried_out), width)
    return lines


def _owed(c: CashClose, shop: Shop, width: int) -> list[Line]:
    if not c.owed:
        return [rule(width), *para(t("close.print.owed_none"), width)]
    lines = [rule(width), *para(t("close.print.owed", count=len(c.owed),
                                  total=pesos(c.owed_total)), width)]
    for sale in c.owed:
        lines += pair(f"{sale.created_at.astimezone(shop.tz):%H:%M} "
                      f"{phone.group(sale.msisdn)} ", pesos(net_paid(sale)), width)
    return lines


def _used(c: CashClose, used: int | None, offline: bool, width: int,
          no_statement: str) -> list[Line]:
    lines = [rule(width), *pair(t("close.print.used_journal"), pesos(c.confirmed_total), width)]
    if no_statement:
        return lines + para(no_statement, width)
    if used is None:
        return lines + para(t("close.print.used_offline" if offline
                              else "close.print.used_unknown"), width)
    lines += pair(t("close.print.used_statement"), pesos(used), width)
    diff = used - c.confirmed_total
    return lines + (para(t("close.print.used_same"), width) if diff == 0
                    else pair(t("close.print.used_diff"), pesos(diff), width))


def shift_slip(row: ShiftRow, shop: Shop, *, width: int) -> Slip:
    """The slip of an ended shift, for the cashier who hands over and the one who takes the
    drawer: who, from-to, what it sold and gave back, the drawer expected against the cash
    counted and the difference (to the centavo), and what it earned."""
    shift = row.shift
    lines = heading(shop, width)
    lines += para(t("shift.print.title"), width, Style.CENTER)
    lines += pair(t("shift.print.cashier"), shift.cashier.name, width, Style.BOLD)
    lines += pair(t("shift.print.from"), shown(row.start, shop.tz), width)
    lines += pair(t("shift.print.to"), shown(row.end, shop.tz), width)
    if shift.handed_to is not None:
        lines += pair(t("shift.print.handed_to"), shift.handed_to.name, width)
    lines.append(rule(width))
    lines += pair(t("shift.print.sales", count=row.confirmed_count),
                  pesos(row.confirmed_total), width)
    lines += pair(t("shift.print.money_back", count=row.given_back_count),
                  pesos(-row.given_back), width)
    lines.append(rule(width))
    lines += pair(t("shift.print.opening"), pesos(row.opening), width)
    lines += pair(t("shift.print.expected"), pesos(row.expected), width, Style.BOLD)
    if row.counted is not None and row.difference is not None:
        lines += pair(t("shift.print.counted"), pesos(row.counted), width, Style.BOLD)
        lines += pair(t(_difference_key(row.difference)), pesos(row.difference), width,
                      Style.BOLD)
    lines.append(rule(width))
    lines += pair(t("shift.print.earned"), pesos(row.earning), width)
    if len(row.earning_by_category) > 1:
        for category, amount in row.earning_by_category:
            lines += pair(f"  {t(f'category.{category.value}')} ", pesos(amount), width)
    return Slip("shift", tuple(lines), width, shift.id)


def _difference_key(difference: int) -> str:
    if difference == 0:
        return "shift.print.even"
    return "shift.print.over" if difference > 0 else "shift.print.short"


# --- the preview ----------------------------------------------------------------------------


def as_text(slip: Slip) -> str:
    """The slip as the paper shows it, for the screen: centred lines centred, the code as its
    text in brackets."""
    return "\n".join(_text_line(line, slip.width) for line in slip.lines)


def _text_line(line: Line, width: int) -> str:
    if line.style is Style.CODE:
        return f"[{line.text}]".center(width)
    if line.style in (Style.TITLE, Style.CENTER):
        return line.text.center(width)
    return line.text

