"""The ids ``GetTRequestID`` hands out: one per sale, before the sale.

An id is the sale's reference at the world (``World.submit``'s ``client_ref``), so a repeated
``DoT`` under one id finds the sale already taken and never tops up twice. Ids are numbers of
ten digits, like the published ones, counted from one point so that a run is reproducible;
they do not lapse (the sources say nothing of a lapse).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

FIRST = 3_200_000_000


@dataclass(frozen=True)
class Issued:
    user: str
    terminal_id: str
    at: datetime


class RequestIds:
    def __init__(self) -> None:
        self._issued: dict[str, Issued] = {}
        self._numbers = itertools.count(FIRST + 1)

    def issue(self, user: str, terminal_id: str, at: datetime) -> str:
        request_id = str(next(self._numbers))
        self._issued[request_id] = Issued(user, terminal_id, at)
        return request_id

    def get(self, request_id: str) -> Issued | None:
        return self._issued.get(request_id)

    def __len__(self) -> int:
        return len(self._issued)
