"""A customer's claim: the notebook's sales to a number (or with a carrier folio) in the last
``claims_days`` days, with their proof (R03, R04, R19)."""

from __future__ import annotations

from datetime import timedelta, tzinfo
from typing import TYPE_CHECKING

from ..dealer.records import Clarification
from ..domain import claims, phone
from ..domain.claims import Proof
from ..domain.money import pesos
from ..i18n import t

if TYPE_CHECKING:
    from .shop import Services


def search(services: Services, query: str) -> list[Proof]:
    today = services.clock.now().date()
    first = today - timedelta(days=services.settings.app.claims_days)
    return claims.search(services.notebook.sales_between(first, today), query)


def clarification_text(found: Proof, tz: tzinfo | None = None) -> str:
    """What the control desk reads, in Spanish: the customer's claim and the notebook's proof,
    its times in the shop's zone ``tz``."""
    sale = found.sale
    what = " · ".join(part for part in (t(f"category.{sale.category.value}", lang="es"),
                                        sale.sold.name or sale.sku) if part)
    return t("claims.clarify.text", lang="es", ref=sale.ref, what=what,
             number=phone.group(sale.msisdn),
             amount=pesos(sale.amount), state=t(f"claims.state.{sale.state.value}", lang="es"),
             folio=found.carrier_folio or "—",
             accepted=found.accepted_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
             if found.accepted_at else "—")


async def ask_about(services: Services, found: Proof) -> Clarification:
    text = clarification_text(found, services.clock.now().tzinfo)
    return await services.support.ask_clarification("topup", text, client_ref=found.sale.ref)
