"""Taecel's web service on the wire: one form-encoded POST, its answer read at most 1 MB.

The transport failures are protocol v1's (``dealer/client.py``): a connection never made
(``not_sent``), a certificate refused (``untrusted``), no answer in time (``timeout``), a
connection cut (``dropped``), an answer too large (``too_large``). The HTTP status is not
read: Taecel answers 200 whatever happened, and its body is the only word it gives.

The form carries the account's key and nip (R12): it is handed to httpx as the request body
and nowhere else. httpx logs a request by its method and URL only, its repr shows no body,
and :class:`Wire` keeps no form; the key and nip are held by the adapter with ``repr=False``.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from typing import TYPE_CHECKING

from ..client import (
    LATENCY_WINDOW,
    MAX_ANSWER_BYTES,
    _certificate_refused,
    _Failure,
    _httpx,
    _tls,
    _TooLarge,
    read_within,
)
from ..detached import detached
from . import api

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


class Wire:
    """The HTTP client of one Taecel account: no retries, no redirects, no cookies kept."""

    def __init__(self, base_url: str, *, connect_timeout: float, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        self.base_url = base_url.rstrip("/")
        self.connect_timeout = connect_timeout
        self.max_answer_bytes = max_answer_bytes
        self.latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._transport = transport
        self._ca_bundle = ca_bundle
        self._client: httpx.AsyncClient | None = None

    @property
    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            httpx = _httpx()
            # A re-sent RequestTXN is a second sale (Taecel takes no reference): only ever the
            # caller's decision, so httpx never retries nor follows a redirect with the form.
            self._client = httpx.AsyncClient(
                transport=self._transport,
                verify=_tls(self._ca_bundle) if self._transport is None else True,
                follow_redirects=False,
                headers={"Accept": "application/json", "User-Agent": "recarga-tui"})
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def post(self, operation: str, form: dict[str, str], read_timeout: float) -> bytes:
        """The body of Taecel's answer to ``operation``; :class:`_Failure` when none came.

        The overall deadline also covers a transport that ignores httpx's timeouts (the
        in-process one of the demo) and an answer that trickles in byte by byte."""
        httpx = _httpx()
        timeout = httpx.Timeout(connect=self.connect_timeout, read=read_timeout,
                                write=read_timeout, pool=self.connect_timeout)
        started = time.monotonic()
        try:
            request = self._http.build_request(
                "POST", api.url(self.base_url, operation), data=form,
                headers={"Content-Type": api.CONTENT_TYPE}, timeout=timeout)
            deadline = self.connect_timeout + read_timeout
            response, body = await detached(read_within(self._http, request, deadline,
                                                        self.max_answer_bytes))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise _Failure("untrusted" if _certificate_refused(exc) else "not_sent") from None
        except (TimeoutError, httpx.TimeoutException):
            raise _Failure("timeout") from None
        except _TooLarge:
            log.warning("Taecel %s: the answer was larger than %d bytes; not read", operation,
                        self.max_answer_bytes)
            raise _Failure("too_large") from None
        except Exception as exc:  # a broken transport may raise anything: a lost answer
            log.warning("Taecel %s: connection lost (%s)", operation, type(exc).__name__)
            raise _Failure("dropped") from None
        finally:
            self.latencies.append(time.monotonic() - started)
        log.debug("Taecel %s -> %s in %.3f s", operation, response.status_code,
                  self.latencies[-1])
        return body
