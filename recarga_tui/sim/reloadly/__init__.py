"""The simulator's Reloadly face: Reloadly's token service and airtime API over the
simulator's one world. See docs/dealer-simulator.md and docs/dealers/reloadly.md.
"""

from .app import ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_LOGIN, make_app

__all__ = ["ACCOUNT", "DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "DEMO_LOGIN", "make_app"]
