"""Taecel's web service on the wire: one form-encoded POST, its answer read at most 1 MB.

The exchange is every dealer's (``dealer/http.py``): a connection never made (``not_sent``),
a certificate refused (``untrusted``), no answer in time (``timeout``), a connection cut
(``dropped``), an answer too large (``too_large``). The HTTP status is not read: Taecel
answers 200 whatever happened, and its body is the only word it gives.

The form carries the account's key and nip (R12): it is handed to httpx as the request body
and nowhere else. httpx logs a request by its method and URL only, its repr shows no body,
and :class:`Wire` keeps no form; the key and nip are held by the adapter with ``repr=False``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..http import MAX_ANSWER_BYTES, Http
from . import api

if TYPE_CHECKING:
    import httpx


class Wire(Http):
    """The HTTP client of one Taecel account: no retries, no redirects, no cookies kept (a
    re-sent RequestTXN is a second sale: Taecel takes no reference)."""

    def __init__(self, base_url: str, *, connect_timeout: float, ca_bundle: str = "",
                 transport: httpx.AsyncBaseTransport | None = None,
                 max_answer_bytes: int = MAX_ANSWER_BYTES) -> None:
        super().__init__(connect_timeout=connect_timeout, ca_bundle=ca_bundle,
                         transport=transport, max_answer_bytes=max_answer_bytes,
                         headers={"Accept": "application/json"})
        self.service_url = base_url.rstrip("/")

    async def post(self, operation: str, form: dict[str, str], read_timeout: float) -> bytes:
        """The body of Taecel's answer to ``operation``; ``http.Failure`` when none came."""
        answer = await self.exchange(
            "POST", api.url(self.service_url, operation), read_timeout=read_timeout,
            label=f"Taecel {operation}", data=form,
            headers={"Content-Type": api.CONTENT_TYPE})
        return answer.body
