"""A day file's own list of what it holds, so ``journal check`` sees what the JSON survives.

Every write of a day file ends it with one more table, ``contents``: for each document id,
the sale's reference, how many steps and events it has and the start of its check::

    "contents": {
    "1": {"sales":{"1":["DEMO-01-261125-1a2b3c4d",5,0,"9f2c41d07a3be811"],"2":[...]}}
    }

A line deleted (a sale gone), a history step removed with its check, the day's last line
dropped: each keeps the JSON valid and each document whole, and each disagrees with this list,
which names the sale. The app itself never reads it (TinyDB reads only the ``sales`` table);
a day written by an older version has none, and ``check`` says so as a note.
"""

from __future__ import annotations

from typing import Any

from .layout import TABLE
from .rules import CHECK, CHECK_PREFIX

NAME = "contents"
_KEY = "1"  # the table's one document
_SHOWN = 16  # hex digits of a record's check kept: enough to tell a changed one


def short_check(doc: dict[str, Any]) -> str:
    check = doc.get(CHECK)
    if not isinstance(check, str) or not check.startswith(CHECK_PREFIX):
        return ""
    return check[len(CHECK_PREFIX):][:_SHOWN]


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def of(sales: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The ``contents`` table for a day's ``sales`` table, as written beside it."""
    return {_KEY: {"sales": {
        doc_id: [str(doc.get("ref", "")), _count(doc.get("history")), _count(doc.get("events")),
                 short_check(doc)]
        for doc_id, doc in sales.items()}}}


def listed(tables: dict[str, dict[str, Any]]) -> dict[str, tuple[str, int, int, str]] | None:
    """What a day file's ``contents`` says it holds, by document id; None when it has none
    (an older version wrote it) or when it is not one (then every sale is named missing)."""
    table = tables.get(NAME)
    if table is None:
        return None
    entries = table.get(_KEY, {}).get("sales") if isinstance(table.get(_KEY), dict) else None
    if not isinstance(entries, dict):
        return {}
    out = {}
    for doc_id, entry in entries.items():
        if (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str)
                and all(isinstance(n, int) and not isinstance(n, bool) for n in entry[1:3])
                and isinstance(entry[3], str)):
            out[str(doc_id)] = (entry[0], entry[1], entry[2], entry[3])
    return out


def seal(tables: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``tables`` as a day file is written: its ``contents`` made anew, last."""
    out = {name: table for name, table in tables.items() if name != NAME}
    out[NAME] = of(out.get(TABLE, {}))
    return out
