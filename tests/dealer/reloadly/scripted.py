"""A scripted Reloadly behind an httpx MockTransport, for the adapter's tests."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import reloadly_samples as doc

from recarga_tui.config import ContactSettings
from recarga_tui.dealer.reloadly.adapter import ReloadlyDealer
from recarga_tui.dealer.reloadly.settings import ReloadlySettings

CLIENT_ID, SECRET = "cl13nt-1d", "s3cr3t-Del-Cl1ente"
Answer = tuple[int, str | bytes] | Callable[[httpx.Request], httpx.Response]

ROUTES = (
    ("token", "POST", r"/oauth/token"),
    ("async", "POST", r"/topups-async"),
    ("topup", "POST", r"/topups"),
    ("status", "GET", r"/topups/[0-9]+/status"),
    ("report", "GET", r"/topups/reports/transactions"),
    ("balance", "GET", r"/accounts/balance"),
    ("operators", "GET", r"/operators/countries/[A-Z]+"),
    ("detect", "GET", r"/operators/auto-detect/phone/[^/]+/countries/[A-Z]+"),
)


@dataclass
class Seen:
    route: str
    request: httpx.Request

    @property
    def json(self) -> Any:
        return json.loads(self.request.content)

    @property
    def params(self) -> dict[str, str]:
        return dict(self.request.url.params)


@dataclass
class Reloadly:
    """Each route answers the next of its list (the last one again when it runs out)."""

    answers: dict[str, list[Answer]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    tokens: int = 0

    def __post_init__(self) -> None:
        self.answers.setdefault("token", [self.new_token])

    def new_token(self, request: httpx.Request) -> httpx.Response:
        self.tokens += 1
        body = json.loads(doc.TOKEN_OA)
        body["access_token"] = f"token-{self.tokens}"
        body["expires_in"] = 3600
        return httpx.Response(200, json=body)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        route = next(name for name, method, path in ROUTES
                     if request.method == method and re.fullmatch(path, request.url.path))
        self.seen.append(Seen(route, request))
        queue = self.answers[route]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if callable(answer):
            return answer(request)
        status, body = answer
        return httpx.Response(status, content=body.encode() if isinstance(body, str) else body)

    def of(self, route: str) -> list[Seen]:
        return [s for s in self.seen if s.route == route]


class Now:
    """The shop's clock, moved by the test."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


def dealer(script: Reloadly, now: Now | None = None, **settings: Any) -> ReloadlyDealer:
    options: dict[str, Any] = {"client_id": CLIENT_ID, "client_secret": SECRET,
                               "send_timeout": 2.0, "read_timeout": 2.0,
                               "connect_timeout": 0.5}
    options.update(settings)
    return ReloadlyDealer(ReloadlySettings(**options),
                          contacts=ContactSettings(phone="800 123 4567",
                                                   email="mesa@ejemplo.mx"),
                          transport=httpx.MockTransport(script), now=now or Now(),
                          poll_pause=0.001)
