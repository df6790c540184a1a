"""The dealer, seen from the shop: the port every adapter implements (``port.py``), the
outcomes and records any dealer gives, and one folder per kind of dealer (``registry.py``).

The names below are loaded when first used, so reading the config (which asks the registry
which kinds exist) does not load an adapter, httpx or asyncio.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "DealerClient": ".v1.client",
    "outcome_of": ".reading",
    **dict.fromkeys(("BadCredentials", "Confirmed", "DealerError", "Found", "LookupResult",
                     "NotVisible", "Pending", "Rejected", "SendOutcome", "SessionExpired",
                     "Unknown"), ".outcomes"),
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)
