"""A day file's own list of what it holds, so ``journal check`` sees what the JSON survives.

Every write of a day file ends it with one more table, ``contents``: for each document id,
the sale's reference, how many steps and events it has and the start of its check; and the
same of the counter's own records (shifts, locks) under ``desk`` where the day has some::

    "contents": {
    "1": {"sales":{"1":["DEMO-01-261125-1a2b3c4d",5,0,"9f2c41d07a3be811"],"2":[...]},
          "desk":{"1":["DEMO-01-261125-t5e6f7a8b",2,0,"0c1d2e3f4a5b6c7d"]}}
    }

A line deleted (a sale gone), a history step removed with its check, the day's last line
dropped: each keeps the JSON valid and each document whole, and each disagrees with this list,
which names the sale. The app itself never reads it (TinyDB reads only the ``sales`` table);
a day written by an older version has none, and ``check`` says so as a note.
"""

from __future__ import annotations

from typing import Any

from .layout import DESK, TABLE
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


def of(sales: dict[str, dict[str, Any]],
       desk: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """The ``contents`` table for a day's ``sales`` table, as written beside it, and for its
    ``desk`` table (shifts and locks, by their ``id``) where the day has one."""
    listing: dict[str, Any] = {"sales": {
        doc_id: [str(doc.get("ref", "")), _count(doc.get("history")), _count(doc.get("events")),
                 short_check(doc)]
        for doc_id, doc in sales.items()}}
    if desk:
        listing[DESK] = {doc_id: [str(doc.get("id", "")), _count(doc.get("history")), 0,
                                  short_check(doc)] for doc_id, doc in desk.items()}
    return {_KEY: listing}


def listed(tables: dict[str, dict[str, Any]], part: str = "sales"
           ) -> dict[str, tuple[str, int, int, str]] | None:
    """What a day file's ``contents`` says it holds, by document id, of its sales (or of
    its ``desk`` records: ``part``); None when it has none (an older version wrote it) or
    when it is not one (then every sale is named missing)."""
    table = tables.get(NAME)
    if table is None:
        return None
    if part == DESK and isinstance(table.get(_KEY), dict) and DESK not in table[_KEY]:
        return {}  # a day with no desk record lists none
    entries = table.get(_KEY, {}).get(part) if isinstance(table.get(_KEY), dict) else None
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
    out[NAME] = of(out.get(TABLE, {}), out.get(DESK))
    return out
