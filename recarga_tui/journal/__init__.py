"""The shop's notebook (R03): a crash-safe journal of every sale, one TinyDB file a day."""

from .errors import JournalError
from .journal import Journal
from .recovery import Note

__all__ = ["Journal", "JournalError", "Note"]
