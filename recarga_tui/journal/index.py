"""The index of unfinished sales: ref -> the day file that holds it.

It lets the app find every unfinished sale at start by reading one small file and the few
days it names, however many days are kept. It is kept a superset of the truth: a ref is added
before the day file is written and removed only after the sale's final step is on disk, so a
crash in between leaves at worst a stale entry, which readers skip.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .errors import DamagedFile
from .storage import read_file, write_durably

VERSION = 1


def decode(raw: bytes, path: str) -> dict[str, date]:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}")
        return {str(ref): date.fromisoformat(day) for ref, day in data["unfinished"].items()}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DamagedFile(path, str(exc)) from None


def encode(entries: dict[str, date]) -> bytes:
    body = {"version": VERSION,
            "unfinished": {ref: day.isoformat() for ref, day in sorted(entries.items())}}
    return (json.dumps(body, indent=1) + "\n").encode("utf-8")


class IndexFile:
    """The index on disk, re-read whenever another process may have replaced it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._cache: tuple[tuple[int, ...], dict[str, date]] | None = None

    def read(self) -> dict[str, date] | None:
        """The entries, None when there is no index; :class:`DamagedFile` when unreadable."""
        got = read_file(self.path)
        if got is None:
            return None
        identity, raw = got
        if self._cache is None or self._cache[0] != identity:
            self._cache = (identity, decode(raw, str(self.path)))
        return dict(self._cache[1])

    def write(self, entries: dict[str, date]) -> None:
        self._cache = None
        write_durably(self.path, encode(entries))
