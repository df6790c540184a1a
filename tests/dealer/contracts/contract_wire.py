"""A public client's exact request, sent to a simulator's face in-process.

Each contract test writes the bytes a public client puts on the wire (its headers in their
order, its body byte for byte, as its source builds them) and sends them through httpx's
ASGI transport: nothing is added but ``Host`` and ``Content-Length``, which every client
sends. The answer is then read by the rules of that client's own parser, transcribed beside
it, never by the app's decoders.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from recarga_tui.sim import SimClock

HOST = "sim.test"
FAST = 1000.0  # simulated seconds per real second: StatusTXN's 60 s hold takes 60 ms


def fast_clock(hour: int = 10) -> SimClock:
    """A clock at ``hour`` (outside the peak) running a thousand times faster."""
    return SimClock.at(hour, scale=FAST)


@dataclass(frozen=True)
class Wire:
    """One request as a client writes it."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""


async def send(app: Any, wire: Wire, timeout: float = 10.0) -> httpx.Response:
    """``wire`` sent to ``app`` as it is: the client's headers only, in its order."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as http:
        request = httpx.Request(wire.method, f"http://{HOST}{wire.path}",
                                headers=wire.headers, content=wire.body)
        return await asyncio.wait_for(http.send(request), timeout)


def form(fields: list[tuple[str, str]]) -> bytes:
    """``key=v&...`` with nothing to escape: every value these clients send here is plain
    letters, digits, ``-`` and ``.`` (the encoders of PHP, axios and curl agree on those)."""
    assert all(v.replace("-", "").replace(".", "").isalnum() for _, v in fields)
    return "&".join(f"{k}={v}" for k, v in fields).encode("ascii")
