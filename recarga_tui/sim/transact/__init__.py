"""The simulated dealer speaking the transact.asmx SOAP service, over the shared world."""

from .app import make_app

__all__ = ["make_app"]
