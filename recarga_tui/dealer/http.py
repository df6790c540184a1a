"""The HTTP every dealer adapter shares: one exchange with a deadline and a cap on the answer.

Whatever the dealer's protocol (protocol v1's JSON, Taecel's forms, transact's SOAP), an
exchange keeps the same promises:

* no retries and no redirects: a top-up sent again is only ever the caller's decision, never
  httpx's;
* a deadline on the whole exchange (connection plus answer), which also holds over
  transports that ignore httpx's timeouts (the demo's in-process simulator) and answers that
  trickle in byte by byte;
* at most ``cap`` bytes of an answer read (:class:`TooLarge` past them);
* TLS verified against the system's certificates or the config's ``ca_bundle``;
* what went wrong is a :class:`Failure` whose ``reason`` says whether anything can have left
  the shop: ``not_sent`` (no connection was made) and ``untrusted`` (the certificate was
  refused before the request) mean nothing did; ``timeout``, ``dropped`` and ``too_large``
  mean the dealer may have acted (R16).

A request's body may hold a password, a key or a licence: it is handed to httpx and logged
nowhere (R12).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from ..domain.faults import Certainty, Fault, Origin
from .detached import detached
from .outcomes import DealerError, SendOutcome
from .reading import refused_here, unknown_outcome

if TYPE_CHECKING:
    # httpx (with h11, httpcore, TLS set-up) is a tenth of a second of start-up on an old shop
    # PC: it is imported when the first request is made, not when the app starts.
    import ssl

    import httpx

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 1_000_000  # no dealer's ordinary answer comes near this; more is garbage
LATENCY_WINDOW = 20           # how many exchanges' times the slowness measure looks at (R15)
IN_PROCESS_URL = "http://dealer.sim"  # the base address of a simulator reached in-process
USER_AGENT = "recarga-tui"

# Why an exchange produced no answer. The first two: nothing left the shop.
NOT_SENT = "not_sent"
UNTRUSTED = "untrusted"
TIMEOUT = "timeout"
DROPPED = "dropped"
TOO_LARGE = "too_large"


class TooLarge(Exception):
    """The answer is longer than the exchange may read."""


class Failure(Exception):
    """The exchange did not produce an answer; ``reason`` says how (the names above)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Answer(Struct, frozen=True):
    """What came back: the HTTP status, the headers and the body (at most the cap)."""

    status: int
    headers: httpx.Headers
    body: bytes


def httpx_module() -> Any:
    """httpx, imported at the first exchange rather than at start. Its package also loads its
    own command line (its ``main``: click, pygments, rich's progress and syntax), which the
    app never uses: 2.5 MiB and 40-50 ms once, measured in docs/performance.md, taken as they
    are rather than hidden from the whole process."""
    import httpx

    return httpx


def tls(ca_bundle: str) -> ssl.SSLContext | bool:
    """How the dealer's certificate is verified: the config's bundle, else the system's."""
    import ssl

    return ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True


def in_process(app: Any) -> httpx.AsyncBaseTransport:
    """A transport to an ASGI app (the simulator) without a socket: the demo."""
    transport: httpx.AsyncBaseTransport = httpx_module().ASGITransport(app=app)
    return transport


class Http:
    """One dealer's HTTP client, made at the first exchange, and the times its exchanges took
    (``latencies``, the measure of a slow system, R15)."""

    def __init__(self, *, connect_timeout: float, base_url: str = "", ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES,
                 headers: dict[str, str] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.connect_timeout = connect_timeout
        self.max_answer_bytes = max_answer_bytes
        self.latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)
        self._transport = transport
        self._ca_bundle = ca_bundle
        self._headers = {"User-Agent": USER_AGENT, **(headers or {})}
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            httpx = httpx_module()
            # No retries and no redirects: a re-sent POST must only ever be the caller's
            # decision, and a redirect would carry the form (and its secrets) elsewhere.
            self._client = httpx.AsyncClient(
                base_url=self.base_url,
                transport=self._transport,
                verify=tls(self._ca_bundle) if self._transport is None else True,
                follow_redirects=False,
                headers=self._headers)
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def timeout(self, read: float) -> httpx.Timeout:
        """httpx's timeouts of one exchange whose answer may take ``read`` seconds."""
        timeout: httpx.Timeout = httpx_module().Timeout(
            connect=self.connect_timeout, read=read, write=read, pool=self.connect_timeout)
        return timeout

    async def exchange(self, method: str, url: str, *, read_timeout: float,
                       cap: int | None = None, label: str = "",
                       **request: Any) -> Answer:
        """Send one request (``request`` as for ``httpx.AsyncClient.build_request``) and read
        at most ``cap`` bytes of its answer, all within the connect and ``read_timeout``
        seconds; :class:`Failure` when no answer came. ``label`` names the exchange in the
        log (never its body)."""
        httpx = httpx_module()
        cap = cap or self.max_answer_bytes
        label = label or f"{method} {url}"
        timeout = self.timeout(read_timeout)
        started = time.monotonic()
        try:
            built = self.client.build_request(method, url, timeout=timeout, **request)
            response, body = await detached(read_within(
                self.client, built, self.connect_timeout + read_timeout, cap))
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise Failure(UNTRUSTED if certificate_refused(exc) else NOT_SENT) from None
        except (TimeoutError, httpx.TimeoutException):
            raise Failure(TIMEOUT) from None
        except TooLarge:
            log.warning("%s: the answer was larger than %d bytes; not read", label, cap)
            raise Failure(TOO_LARGE) from None
        except Exception as exc:  # a broken transport may raise anything: a lost answer
            log.warning("%s: connection lost (%s)", label, type(exc).__name__)
            raise Failure(DROPPED) from None
        finally:
            self.latencies.append(time.monotonic() - started)
        log.debug("%s -> %s in %.3f s", label, response.status_code, self.latencies[-1])
        return Answer(response.status_code, response.headers, body)


async def read_within(http: httpx.AsyncClient, request: httpx.Request, deadline: float,
                      cap: int) -> tuple[httpx.Response, bytes]:
    """The answer to ``request`` and its body (closed): at most ``cap`` bytes
    (:class:`TooLarge` past them), all read within ``deadline`` seconds."""
    async with asyncio.timeout(deadline):
        response = await http.send(request, stream=True)
        try:
            return response, await _read_capped(response, cap)
        finally:
            await response.aclose()


async def _read_capped(response: httpx.Response, cap: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise TooLarge()
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:
            raise TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def certificate_refused(exc: BaseException) -> bool:
    """Whether a failed connection was the dealer's certificate failing verification."""
    import ssl

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# No connection at all may be the shop's internet, the network or the dealer being down: the
# words say what to check first (the shop's internet) and whom to call.
_QUERY_FAILURES = {
    NOT_SENT: (Origin.NETWORK, "dealer.query.unreachable"),
    UNTRUSTED: (Origin.NETWORK, "dealer.query.untrusted"),
    TIMEOUT: (Origin.NETWORK, "dealer.query.timeout"),
    DROPPED: (Origin.NETWORK, "dealer.query.dropped"),
    TOO_LARGE: (Origin.DEALER, "dealer.query.too_large"),
}


def query_failure(reason: str) -> DealerError:
    """A query that got no answer, as the error the screens say (R01)."""
    origin, key = _QUERY_FAILURES[reason]
    return DealerError(Fault(origin, key, certainty=Certainty.NONE), error_class="transient")


def send_failure(reason: str) -> SendOutcome:
    """A top-up that got no answer: refused when nothing left the shop, else unknown (R16)."""
    if reason == NOT_SENT:
        # The connection was never made, so not a byte of the top-up left the shop; why (the
        # shop's internet, the network, the dealer down) the words help to find out.
        return refused_here(Origin.NETWORK, "dealer.send.not_sent", "transient")
    if reason == UNTRUSTED:
        # The TLS handshake failed before the request: nothing left the shop either.
        return refused_here(Origin.NETWORK, "dealer.send.untrusted", "refused")
    return unknown_outcome(reason, Origin.DEALER if reason == TOO_LARGE else Origin.NETWORK)
