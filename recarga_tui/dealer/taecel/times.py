"""Taecel's times: ``"YYYY-MM-DD HH:MM:SS"``, Mexico City local time, no offset.

Taecel writes ``Fecha`` as the wall clock of its servers in central Mexico (a RequestTXN
answered at 22:55:03 UTC says ``"fecha": "2025-05-01 16:55:03"``; gogl92/taecel,
logs/laravel.log). The app's notebook needs real instants (R03), so the time is read in the
zone America/Mexico_City from the zone database (the ``tzdata`` package on a PC without one):
Mexico dropped daylight saving time in 2022, but older sales keep their own offset. An hour
that happened twice (autumn, before 2022) is taken as its first occurrence.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

MEXICO_CITY = ZoneInfo("America/Mexico_City")
FORMAT = "%Y-%m-%d %H:%M:%S"
DAY_FORMAT = "%Y-%m-%d"
# strptime alone would take other digits than ASCII ones and single-digit fields.
_FECHA = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class TimeError(ValueError):
    """The text is not a time as Taecel writes it."""


def parse_fecha(text: str) -> datetime:
    """The aware instant of a Taecel ``Fecha`` (spaces around it are ignored)."""
    if not isinstance(text, str) or not _FECHA.fullmatch(text.strip()):
        raise TimeError("not a Taecel time")
    try:
        naive = datetime.strptime(text.strip(), FORMAT)
    except ValueError:
        raise TimeError(f"not a Taecel time: {text.strip()!r}") from None
    return naive.replace(tzinfo=MEXICO_CITY, fold=0)


def format_fecha(moment: datetime) -> str:
    """How Taecel writes an instant: its Mexico City wall clock, without offset."""
    if moment.tzinfo is None:
        raise ValueError("a naive time has no place in Mexico City")
    return moment.astimezone(MEXICO_CITY).strftime(FORMAT)


def form_day(day: date) -> str:
    """The form field ``fecha`` of getSales: the shop's business day, ``"YYYY-MM-DD"``."""
    return day.strftime(DAY_FORMAT)


def parse_form_day(text: str) -> date:
    """The day of a getSales form."""
    try:
        if not _DAY.fullmatch(text.strip()):
            raise ValueError(text)
        return datetime.strptime(text.strip(), DAY_FORMAT).date()
    except (AttributeError, ValueError):
        raise TimeError("not a day as YYYY-MM-DD") from None
