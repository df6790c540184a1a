"""One SOAP call over HTTP: POST the envelope to ``.../transact.asmx``, read a bounded answer.

The exchange is every dealer's (``dealer/http.py``): a deadline on every call, also over
transports that ignore httpx's timeouts (the demo's in-process simulator); no retries and no
redirects, so a repeated ``DoT`` is only ever the caller's decision; at most ``max_bytes`` of
an answer read. What went wrong is an ``http.Failure`` whose ``reason`` says whether anything
can have left the shop (``not_sent``, ``untrusted``: nothing did).

The body of a call may hold the password; it is never logged (R12).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec import Struct

from ..http import Http
from .build import Request

if TYPE_CHECKING:
    import httpx

PATH = "/transact.asmx"


class Reply(Struct, frozen=True):
    status: int
    body: bytes


class Wire(Http):
    """The HTTP client of one transact service, made at the first call."""

    def __init__(self, url: str, *, connect_timeout: float, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_bytes: int = 1_000_000) -> None:
        super().__init__(connect_timeout=connect_timeout, ca_bundle=ca_bundle,
                         transport=transport, max_answer_bytes=max_bytes)
        self.url = url

    async def call(self, request: Request, read_timeout: float,
                   max_bytes: int | None = None) -> Reply:
        """POST ``request``; its answer, whatever the HTTP status (ASMX answers its faults
        with 500), or ``http.Failure``."""
        answer = await self.exchange("POST", self.url, read_timeout=read_timeout,
                                     cap=max_bytes, label=request.operation,
                                     content=request.body, headers=request.headers)
        return Reply(answer.status, answer.body)


def endpoint(url: str) -> str:
    """The service's address: ``url`` as configured, ``/transact.asmx`` added when the
    configured one names only the host (or a folder)."""
    url = url.rstrip("/")
    return url if url.lower().endswith(".asmx") else url + PATH
