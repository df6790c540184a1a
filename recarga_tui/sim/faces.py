"""The dealers the simulator can play: one face each over the same world (its clock,
scenarios, test numbers, ledger), so the demo, the chaos run and the tests behave the same way
whatever the dealer.

Each face is a factory ``make_app(seed=, scenario=, time_scale=, clock=, balance=)`` returning
an ASGI app whose ``state.world`` is the :class:`~recarga_tui.sim.world.World`. Faces are
imported only when asked for, so serving one never loads the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name -> "module:factory"
FACES: dict[str, str] = {
    "v1": "recarga_tui.sim.app:make_app",
    "transact": "recarga_tui.sim.transact.app:make_app",  # SOAP transact.asmx (Pagaqui...)
}
DEFAULT = "v1"


def names() -> tuple[str, ...]:
    return tuple(FACES)


def make(face: str = DEFAULT, **options: Any) -> Any:
    """The simulator speaking ``face``'s protocol; ``options`` as for ``sim.app.make_app``."""
    try:
        module, factory = FACES[face].split(":")
    except KeyError:
        raise ValueError(f"unknown simulated dealer {face!r}; one of {', '.join(FACES)}") from None
    return getattr(import_module(module), factory)(**options)
