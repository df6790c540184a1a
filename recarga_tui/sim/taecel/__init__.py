"""The simulator's Taecel face: Taecel's web service over the simulator's one world.

See docs/dealer-simulator.md (Taecel) and docs/dealers/taecel.md.
"""

from .app import ACCOUNT, DEMO_KEY, DEMO_LOGIN, DEMO_NIP, make_app

__all__ = ["ACCOUNT", "DEMO_KEY", "DEMO_LOGIN", "DEMO_NIP", "make_app"]
