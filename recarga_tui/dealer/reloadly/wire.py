"""Reloadly on the wire: one JSON request, its answer read at most 1 MB within a deadline.

Every call to the airtime service carries ``Accept: application/com.reloadly.topups-v1+json``
(Reloadly's documents, and its Java SDK's ``Version.AIRTIME_V1``) and the token as a bearer;
the token service is asked in plain JSON. No retries and no redirects: a top-up sent again is
only ever the adapter's decision, under the same ``customIdentifier``.

The transport failures are the other dealers' (:class:`Failure`): a connection never made
(``not_sent``), a certificate refused (``untrusted``), no answer in time (``timeout``), a
connection cut (``dropped``), an answer too large (``too_large``). The token and the client
secret travel in a header and a body handed to httpx, which logs a request by its method and
URL only; nothing here keeps them.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..detached import detached
from .http_parts import (
    LATENCY_WINDOW,
    MAX_ANSWER_BYTES,
    Failure,
    TooLarge,
    certificate_refused,
    httpx_module,
    read_within,
    tls,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

TOPUPS_V1 = "application/com.reloadly.topups-v1+json"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


class Wire:
    """The HTTP client of one Reloadly account, made at the first call."""

    def __init__(self, *, connect_timeout: float, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        self.connect_timeout = connect_timeout
        self.max_answer_bytes = max_answer_bytes
        self.latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._transport = transport
        self._ca_bundle = ca_bundle
        self._client: httpx.AsyncClient | None = None

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            httpx = httpx_module()
            self._client = httpx.AsyncClient(
                transport=self._transport, follow_redirects=False,
                verify=tls(self._ca_bundle) if self._transport is None else True,
                headers={"User-Agent": "recarga-tui"})
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def call(self, method: str, url: str, read_timeout: float, *, token: str = "",
                   json_body: Any = None, params: dict[str, str] | None = None,
                   accept: str = TOPUPS_V1) -> Answer:
        """Reloadly's answer to one request, whatever its HTTP status; :class:`Failure` when
        none came. The deadline also covers a transport that ignores httpx's timeouts (the
        demo's in-process one) and an answer that trickles in byte by byte."""
        httpx = httpx_module()
        timeout = httpx.Timeout(connect=self.connect_timeout, read=read_timeout,
                                write=read_timeout, pool=self.connect_timeout)
        headers = {"Accept": accept}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        started = time.monotonic()
        try:
            http = self._http()
            request = http.build_request(method, url, json=json_body, params=params,
                                         headers=headers, timeout=timeout)
            response, body = await detached(read_within(
                http, request, self.connect_timeout + read_timeout, self.max_answer_bytes))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise Failure("untrusted" if certificate_refused(exc) else "not_sent") from None
        except (TimeoutError, httpx.TimeoutException):
            raise Failure("timeout") from None
        except TooLarge:
            log.warning("Reloadly %s %s: the answer was larger than %d bytes; not read",
                        method, _path(url), self.max_answer_bytes)
            raise Failure("too_large") from None
        except Exception as exc:  # a broken transport may raise anything: a lost answer
            log.warning("Reloadly %s %s: connection lost (%s)", method, _path(url),
                        type(exc).__name__)
            raise Failure("dropped") from None
        finally:
            self.latencies.append(time.monotonic() - started)
        log.debug("Reloadly %s %s -> %s in %.3f s", method, _path(url), response.status_code,
                  self.latencies[-1])
        return Answer(response.status_code, body)


def _path(url: str) -> str:
    """The URL's path, for the log: never a query (it may name the sale's reference)."""
    return url.split("?", 1)[0].split("://", 1)[-1].partition("/")[2]
