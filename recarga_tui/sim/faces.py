"""The dealers the simulator can play: one face each over the same world (its clock,
scenarios, test numbers, ledger), so the demo, the chaos run and the tests behave the same way
whatever the dealer.

Each kind of dealer names its face in the registry (``dealer/registry.py``: ``sim_face``,
``"module:factory"``); the factory ``make_app(seed=, scenario=, time_scale=, clock=,
balance=)`` returns an ASGI app whose ``state.world`` is the
:class:`~recarga_tui.sim.world.World`. Faces are imported only when asked for, so serving one
never loads the others.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..dealer import registry

DEFAULT = registry.DEFAULT


def names() -> tuple[str, ...]:
    return registry.names()


def _face(face: str) -> tuple[str, str]:
    if face not in registry.names():
        raise ValueError(f"unknown simulated dealer {face!r}; one of {', '.join(names())}")
    module, factory = registry.get(face).sim_face.split(":")
    return module, factory


def demo_login(face: str = DEFAULT) -> str:
    """How to log in to ``face``'s demo account, for the banner of ``recarga-tui sim``."""
    module = import_module(_face(face)[0])
    login = getattr(module, "DEMO_LOGIN", None)
    if login is None:  # protocol v1's: the world's demo terminal
        from .world import DEMO_PASSWORD, DEMO_TERMINAL, DEMO_USER

        login = f"terminal {DEMO_TERMINAL}, user {DEMO_USER}, password {DEMO_PASSWORD}"
    return str(login)


def make(face: str = DEFAULT, **options: Any) -> Any:
    """The simulator speaking ``face``'s protocol; ``options`` as for ``sim.app.make_app``."""
    module, factory = _face(face)
    return getattr(import_module(module), factory)(**options)
