"""The simulated dealer: protocol v1 with a clock, scenarios, test numbers and a ledger."""

from .app import make_app
from .clock import SimClock
from .world import DEMO_PASSWORD, DEMO_TERMINAL, DEMO_USER, World

__all__ = ["DEMO_PASSWORD", "DEMO_TERMINAL", "DEMO_USER", "SimClock", "World", "make_app"]
