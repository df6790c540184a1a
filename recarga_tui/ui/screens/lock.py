"""The lock (Ctrl+L): see ``password.py``."""

from .password import LockScreen

__all__ = ["LockScreen"]
