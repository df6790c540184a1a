"""The modal that asks for the password when the session lapsed (see ``password.py``)."""

from .password import ReloginScreen

__all__ = ["ReloginScreen"]
