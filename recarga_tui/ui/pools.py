"""The shop's balance pools in one line, as home and the account screen show them (R14)."""

from __future__ import annotations

from typing import Any

from ..domain.money import in_currency


def pools_text(balance: Any) -> str | None:
    """"Tiempo Aire $1,000.00 · Pago de Servicios $500.00" for a dealer that keeps several
    pools (airtime, bill payments); None for one balance, which the status line shows. Each
    in the currency the dealer keeps them in (``1,000.00 USD`` when it is not pesos)."""
    if balance is None or len(balance.pools) < 2:
        return None
    return " · ".join(f"{pool.name or '-'} {in_currency(pool.available, balance.currency)}"
                      for pool in balance.pools)
