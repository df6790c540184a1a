"""``journal export``: one row per sale, as CSV (amounts in pesos) or JSON lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..domain.catalog import Category
from ..domain.earnings import earned
from ..domain.sale import Sale, State
from .rules import strip_secrets

COLUMNS = (
    "ref", "captured_at", "accepted_at", "paid_at", "first_sent_at", "last_sent_at",
    "ended_at", "updated_at", "msisdn", "carrier_id", "sku", "amount", "handed", "change",
    "state", "attempts", "carrier_folio", "dealer_folio", "found_in", "fault_origin",
    # What the sale was sold as (journaled at capture; an older sale: airtime, no product).
    "category", "product", "fields",
    # Who sold it (the cashier who took the money; "" in a shop without cashiers), and what
    # it earned as journaled when it was confirmed ("" when it was not, or before earnings).
    "cashier", "cashier_id", "earning", "earning_source",
)
MONEY = ("amount", "handed", "change")
MAYBE_MONEY = ("earning",)  # money that may be unknown: "" rather than 0.00


def pesos(centavos: int) -> str:
    sign = "-" if centavos < 0 else ""
    whole, cents = divmod(abs(centavos), 100)
    return f"{sign}{whole}.{cents:02d}"


def _at(sale: Sale, state: State, last: bool = False) -> str:
    step = sale.last(state) if last else sale.first(state)
    return step.at.isoformat() if step else ""


def _fault_origin(sale: Sale) -> str:
    for step in reversed(sale.history):
        if step.state in (State.REJECTED, State.UNKNOWN) and "origin" in step.data:
            return str(step.data["origin"])
    return ""


def _product(sale: Sale) -> str:
    sold = sale.sold
    named = sold.name or sold.description
    return named or ("" if sale.category is Category.AIRTIME else sale.sku)


def summary(sale: Sale) -> dict[str, Any]:
    """The row of a sale; amounts in centavos, times as ISO 8601 with their offset."""
    confirmed = sale.last(State.CONFIRMED)
    proof = confirmed.data if confirmed else {}
    who, got = sale.cashier, earned(sale)
    return {
        "ref": sale.ref,
        "captured_at": sale.created_at.isoformat(),
        "accepted_at": _at(sale, State.ACCEPTED, last=True),  # a corrected capture is re-read
        "paid_at": _at(sale, State.PAID),
        # Sends the dealer turned away unseen (a lapsed session) are not sends of the top-up.
        "first_sent_at": sale.first_sent.at.isoformat() if sale.first_sent else "",
        "last_sent_at": sale.last_sent.at.isoformat() if sale.last_sent else "",
        "ended_at": sale.updated_at.isoformat() if sale.is_final else "",
        "updated_at": sale.updated_at.isoformat(),
        "msisdn": sale.msisdn,
        "carrier_id": sale.carrier_id,
        "sku": sale.sku,
        "amount": sale.amount,
        "handed": sale.handed,
        "change": sale.change,
        "state": sale.state.value,
        "attempts": sale.attempts,
        "carrier_folio": str(proof.get("carrier_folio", "")),
        "dealer_folio": str(proof.get("dealer_folio", "")),
        "found_in": str(proof.get("found_in", "")),
        "fault_origin": _fault_origin(sale),
        "category": sale.category.value,
        # The product's name, else its description (a catalog that names its bundles only by
        # what they give); a bundle or a bill with neither is its code, never blank.
        "product": _product(sale),
        # The fields typed (a bill's reference...) as key=value, in the order they were asked.
        "fields": " ".join(f"{k}={v}" for k, v in sale.sold.fields.items()),
        "cashier": who.name if who else "",
        "cashier_id": who.id if who else "",
        "earning": got.centavos if got else None,
        "earning_source": got.source.value if got else "",
    }


def write_csv(sales: Iterable[Sale], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for sale in sales:
        row = summary(sale)
        writer.writerow({**row, **{k: pesos(row[k]) for k in MONEY},
                         **{k: "" if row[k] is None else pesos(row[k]) for k in MAYBE_MONEY}})
        count += 1
    return count


def write_jsonl(sales: Iterable[Sale], out: TextIO) -> int:
    """Amounts in centavos (``amount_centavos``...), plus the whole history of each sale."""
    count = 0
    for sale in sales:
        row = summary(sale)
        for key in MONEY + MAYBE_MONEY:
            row[f"{key}_centavos"] = row.pop(key)
        row["history"] = strip_secrets([step.to_dict() for step in sale.history])
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
