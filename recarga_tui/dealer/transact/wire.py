"""One SOAP call over HTTP: POST the envelope to ``.../transact.asmx``, read a bounded answer.

The same promises as protocol v1's exchange (``dealer/client.py``): a deadline on every call,
also over transports that ignore httpx's timeouts (the demo's in-process simulator); no
retries and no redirects, so a repeated ``DoT`` is only ever the caller's decision; at most
``max_bytes`` of an answer read. What went wrong is a :class:`Failure` whose ``reason`` says
whether anything can have left the shop (``not_sent``, ``untrusted``: nothing did).

The body of a call may hold the password; it is never logged (R12).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..client import _certificate_refused, _httpx, _tls, _TooLarge, read_within
from ..detached import detached
from .build import Request

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

PATH = "/transact.asmx"
LATENCY_WINDOW = 20


class Failure(Exception):
    """No answer came: ``not_sent`` | ``untrusted`` | ``timeout`` | ``dropped`` |
    ``too_large``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes


class Wire:
    """The HTTP client of one transact service, made at the first call."""

    def __init__(self, url: str, *, connect_timeout: float, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_bytes: int = 1_000_000) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self.max_bytes = max_bytes
        self.latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._ca_bundle = ca_bundle
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            httpx = _httpx()
            self._client = httpx.AsyncClient(
                transport=self._transport, follow_redirects=False,
                verify=_tls(self._ca_bundle) if self._transport is None else True,
                headers={"User-Agent": "recarga-tui"})
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def call(self, request: Request, read_timeout: float,
                   max_bytes: int | None = None) -> Reply:
        """POST ``request``; its answer, whatever the HTTP status (ASMX answers its faults
        with 500), or :class:`Failure`."""
        httpx = _httpx()
        timeout = httpx.Timeout(connect=self.connect_timeout, read=read_timeout,
                                write=read_timeout, pool=self.connect_timeout)
        started = time.monotonic()
        try:
            return await detached(self._post(request, timeout, max_bytes or self.max_bytes,
                                             self.connect_timeout + read_timeout))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise Failure("untrusted" if _certificate_refused(exc) else "not_sent") from None
        except (TimeoutError, httpx.TimeoutException):
            raise Failure("timeout") from None
        except _TooLarge:
            log.warning("%s: the answer was larger than allowed; not read", request.operation)
            raise Failure("too_large") from None
        except Exception as exc:  # a broken transport may raise anything: a lost answer
            log.warning("%s: connection lost (%s)", request.operation, type(exc).__name__)
            raise Failure("dropped") from None
        finally:
            self.latencies.append(time.monotonic() - started)

    async def _post(self, request: Request, timeout: httpx.Timeout, cap: int,
                    deadline: float) -> Reply:
        http = self._http()
        built = http.build_request("POST", self.url, content=request.body,
                                   headers=request.headers, timeout=timeout)
        response, body = await read_within(http, built, deadline, cap)
        log.debug("%s -> %s", request.operation, response.status_code)
        return Reply(response.status_code, body)


def endpoint(url: str) -> str:
    """The service's address: ``url`` as configured, ``/transact.asmx`` added when the
    configured one names only the host (or a folder)."""
    url = url.rstrip("/")
    return url if url.lower().endswith(".asmx") else url + PATH
