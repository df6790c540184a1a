"""What the shop earned: each sale's earning, fixed when it was sold, and the sums.

A sale's terms are journaled at capture (``earning_terms``): the dealer's own figure where
its catalog gives one (transact's ``costo``, protocol v1.2's ``earning``), otherwise the rate
the shop's config sets for the product's category. The confirmed step then journals the
centavos earned (``earning``) and where they come from (``earning_source``): the dealer's
answer when it names them (a dealer that states the discount of each top-up), else the terms
of the capture. A day is summed from those journaled figures only: a rate changed later, or
a dealer's catalog changed later, never changes a past day. A sale confirmed before earnings
were journaled has none and is counted apart (``Earnings.unknown``), never guessed.

Pure: integer centavos, no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from msgspec import Struct

from .cashier import Cashier
from .catalog import BASIS, CATEGORIES, Category, Earns, Product
from .sale import Sale, State

TERMS_KEY = "earning_terms"        # the captured step: how the earning is reckoned
EARNING_KEY = "earning"            # the confirmed step: the centavos earned
SOURCE_KEY = "earning_source"      # the confirmed step: "dealer" or "rate"


class Source(StrEnum):
    DEALER = "dealer"  # the dealer's own figure: its catalog's, or its answer's
    RATE = "rate"      # the shop's configured rate for the category


class Terms(Struct, frozen=True):
    """How a sale's earning is reckoned, as fixed at its capture."""

    source: Source
    earns: Earns

    def journal(self) -> dict[str, Any]:
        figure = ({"centavos": self.earns.centavos} if self.earns.centavos is not None
                  else {"bp": self.earns.bp})
        return {"source": self.source.value, **figure}

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Terms | None:
        """The terms a captured step journaled, or None (a sale older than them)."""
        raw = data.get(TERMS_KEY)
        if not isinstance(raw, Mapping):
            return None
        try:
            source = Source(str(raw.get("source")))
            earns = Earns(_whole(raw.get("centavos")), _whole(raw.get("bp")))
        except (TypeError, ValueError):
            return None
        return cls(source, earns)


def _whole(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not a whole number")
    return value


def basis_points(percent: float) -> int:
    """A percentage as the config writes it (6.5) in basis points (650), exactly; ValueError
    for more than two decimals or outside 0 to 100."""
    try:
        value = Decimal(repr(percent)) * 100
    except (InvalidOperation, ValueError, TypeError):
        raise ValueError("not a percentage") from None
    if value != value.to_integral_value() or not 0 <= value <= BASIS:
        raise ValueError("a percentage of at most two decimals, 0 to 100")
    return int(value)


def terms_for(product: Product, rates: Mapping[Category, int]) -> Terms:
    """The terms a sale of ``product`` is sold on: the dealer's figure, else the shop's rate
    for its category (basis points; none set: 0)."""
    if product.earns is not None:
        return Terms(Source.DEALER, product.earns)
    return Terms(Source.RATE, Earns(bp=rates.get(product.category, 0)))


def confirmed_data(sale: Sale, answered: int | None,
                   rates: Mapping[Category, int]) -> dict[str, Any]:
    """What the confirmed step of ``sale`` journals of its earning: the dealer's answer's
    figure when it gave one, else the terms of the capture (a sale captured before terms
    were journaled: the rate of today, the nearest there is to the time of the sale)."""
    if answered is not None and answered >= 0:
        return {EARNING_KEY: answered, SOURCE_KEY: Source.DEALER.value}
    terms = captured_terms(sale)
    if terms is None:
        terms = Terms(Source.RATE, Earns(bp=rates.get(sale.category, 0)))
    return {EARNING_KEY: terms.earns.of(sale.amount), SOURCE_KEY: terms.source.value}


def captured_terms(sale: Sale) -> Terms | None:
    for step in reversed(sale.history):
        if step.state is State.CAPTURED:
            return Terms.of(step.data)
    return None


class Earned(Struct, frozen=True):
    centavos: int
    source: Source


def earned(sale: Sale) -> Earned | None:
    """What a confirmed sale journaled that it earned; None when it is not confirmed, or was
    confirmed before earnings were journaled."""
    step = sale.last(State.CONFIRMED)
    if step is None:
        return None
    raw, source = step.data.get(EARNING_KEY), step.data.get(SOURCE_KEY)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        return None
    try:
        return Earned(raw, Source(str(source)))
    except ValueError:
        return None


class Earnings(Struct, frozen=True):
    """The earnings of some sales: the total, per category (in the counter's order), per
    cashier (who sold it; ``None`` a sale with no cashier named), per source, and how many
    confirmed sales journaled none (``unknown``: sold before earnings were journaled)."""

    total: int = 0
    count: int = 0
    by_category: tuple[tuple[Category, int], ...] = ()
    by_cashier: tuple[tuple[Cashier | None, int], ...] = ()
    by_source: tuple[tuple[Source, int], ...] = ()
    unknown: int = 0


def summarize(sales: Iterable[Sale]) -> Earnings:
    """The sum of what the confirmed ``sales`` journaled they earned."""
    total = count = unknown = 0
    categories: dict[Category, int] = {}
    cashiers: dict[Cashier | None, int] = {}
    sources: dict[Source, int] = {}
    for sale in sales:
        if sale.state is not State.CONFIRMED:
            continue
        got = earned(sale)
        if got is None:
            unknown += 1
            continue
        count += 1
        total += got.centavos
        categories[sale.category] = categories.get(sale.category, 0) + got.centavos
        who = sale.cashier
        cashiers[who] = cashiers.get(who, 0) + got.centavos
        sources[got.source] = sources.get(got.source, 0) + got.centavos
    return Earnings(
        total, count,
        tuple((c, categories[c]) for c in CATEGORIES if c in categories),
        tuple(sorted(cashiers.items(), key=lambda kv: (kv[0] is None,
                                                       kv[0].name if kv[0] else ""))),
        tuple((s, sources[s]) for s in Source if s in sources),
        unknown)
