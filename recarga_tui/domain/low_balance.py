"""A pool of the dealer's running low, said before it bites (R14): the evening peak is no
time to find the airtime pool empty.

The shop sets a threshold per pool (``[cash]``): one for every pool, and one per pool named
by its id or by its name as the balance shows it ("Pago de Servicios"). A pool under its
threshold is warned on the home screen; a sale that would take its pool under it is warned
before the money is collected. Neither is refused: only a pool that cannot cover the sale
is (``catalog.pool_covers``). Pure: centavos in, the pools that are low out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from msgspec import Struct


class Held(Struct, frozen=True):
    """One pool as last read: its id ("" the main one), its name and what it holds."""

    id: str
    name: str
    available: int  # centavos


class Low(Struct, frozen=True):
    """A pool under its threshold (now, or after a sale: ``available`` is then what it
    would hold)."""

    id: str
    name: str
    available: int
    threshold: int  # centavos


class Thresholds(Struct, frozen=True):
    """The shop's thresholds, in centavos: ``every`` pool's (0: none), and ``per_pool`` by
    a pool's id or name (matched without case or surrounding spaces), which wins."""

    every: int = 0
    per_pool: Mapping[str, int] | None = None

    def of(self, pool_id: str, name: str) -> int:
        named = {_key(k): v for k, v in (self.per_pool or {}).items()}
        for key in (_key(pool_id), _key(name)):
            if key and key in named:
                return named[key]
        return self.every


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def low_pools(pools: Iterable[Held], thresholds: Thresholds) -> list[Low]:
    """The pools holding less than their threshold, in the dealer's order."""
    found = []
    for pool in pools:
        limit = thresholds.of(pool.id, pool.name)
        if limit > 0 and pool.available < limit:
            found.append(Low(pool.id, pool.name, pool.available, limit))
    return found


def goes_low(pool: Held, amount: int, thresholds: Thresholds) -> Low | None:
    """The pool as a sale of ``amount`` would leave it, when that is under its threshold
    and the pool can still cover the sale (one that cannot is refused, not warned)."""
    limit = thresholds.of(pool.id, pool.name)
    after = pool.available - amount
    if limit <= 0 or after < 0 or after >= limit:
        return None
    return Low(pool.id, pool.name, after, limit)
