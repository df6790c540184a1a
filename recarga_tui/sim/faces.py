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
    "taecel": "recarga_tui.sim.taecel:make_app",
    "transact": "recarga_tui.sim.transact.app:make_app",  # SOAP transact.asmx (Pagaqui...)
}
DEFAULT = "v1"


def names() -> tuple[str, ...]:
    return tuple(FACES)


def demo_login(face: str = DEFAULT) -> str:
    """How to log in to ``face``'s demo account, for the banner of ``recarga-tui sim``."""
    module = import_module(FACES[face].split(":")[0])
    login = getattr(module, "DEMO_LOGIN", None)
    if login is None:  # protocol v1's: the world's demo terminal
        from .world import DEMO_PASSWORD, DEMO_TERMINAL, DEMO_USER

        login = f"terminal {DEMO_TERMINAL}, user {DEMO_USER}, password {DEMO_PASSWORD}"
    return str(login)


def make(face: str = DEFAULT, **options: Any) -> Any:
    """The simulator speaking ``face``'s protocol; ``options`` as for ``sim.app.make_app``."""
    try:
        module, factory = FACES[face].split(":")
    except KeyError:
        raise ValueError(f"unknown simulated dealer {face!r}; one of {', '.join(FACES)}") from None
    return getattr(import_module(module), factory)(**options)
