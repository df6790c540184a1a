"""Reloadly on the wire: one JSON request through the exchange every dealer shares
(``dealer/http.py``: connect and read timeouts, a deadline over the whole, at most 1 MB of an
answer, TLS, no retries or redirects, the failure kinds).

Every call to the airtime service carries ``Accept: application/com.reloadly.topups-v1+json``
(Reloadly's documents, and its Java SDK's ``Version.AIRTIME_V1``) and the token as a bearer;
the token service is asked in plain JSON. A top-up sent again is only ever the adapter's
decision, under the same ``customIdentifier``. The token and the client secret travel in a
header and a body handed to httpx; the log names a request by its method and path, never its
query (it may name the sale's reference) nor its body.
"""

from __future__ import annotations

from typing import Any

from ..http import Answer, Http

TOPUPS_V1 = "application/com.reloadly.topups-v1+json"


class Wire(Http):
    """The HTTP client of one Reloadly account: both services by their whole address."""

    async def call(self, method: str, url: str, read_timeout: float, *, token: str = "",
                   json_body: Any = None, params: dict[str, str] | None = None,
                   accept: str = TOPUPS_V1) -> Answer:
        """Reloadly's answer to one request, whatever its HTTP status; ``http.Failure`` when
        none came."""
        headers = {"Accept": accept}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return await self.exchange(method, url, read_timeout=read_timeout,
                                   label=f"Reloadly {method} {path_of(url)}", json=json_body,
                                   params=params, headers=headers)


def path_of(url: str) -> str:
    """The URL's path, for the log: never a query (it may name the sale's reference)."""
    return url.split("?", 1)[0].split("://", 1)[-1].partition("/")[2]
