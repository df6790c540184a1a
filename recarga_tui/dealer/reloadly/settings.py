"""Reloadly's settings as the adapter uses them: the account's client id and secret, where its
two services are, and how long the shop waits for them.

The client secret is a secret (R12) and the client id is kept as quiet: both are read from
``[dealer.reloadly]`` or, first, the environment (``kind.py``: ``RECARGA_RELOADLY_CLIENT_ID``,
``RECARGA_RELOADLY_CLIENT_SECRET``, through the registry), or typed at the login (the id as the
user, the secret as the password), held in memory only, and never shown, logged, journaled or
exported. See docs/dealers/reloadly.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ...config import Settings

# Where Reloadly's documents put the token service and the airtime service (the OpenAPI
# document of Reloadly/reloadly-api-documentation, openapi/openapi.yaml).
AUTH_URL = "https://auth.reloadly.com"
TOPUPS_URL = "https://topups.reloadly.com"
SANDBOX_URL = "https://topups-sandbox.reloadly.com"
AUDIENCES = (TOPUPS_URL, SANDBOX_URL)
COUNTRY = "MX"     # the operators sold are the country's; numbers are sent with its code
DIAL_CODE = "52"
NAME = "Reloadly"


@dataclass(frozen=True)
class ReloadlySettings:
    client_id: str = field(default="", repr=False)
    client_secret: str = field(default="", repr=False)
    auth_url: str = AUTH_URL
    topups_url: str = TOPUPS_URL
    audience: str = TOPUPS_URL  # the product the token is for: production or the sandbox
    country: str = COUNTRY
    dial_code: str = DIAL_CODE
    name: str = NAME            # as the screens name the dealer
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    send_timeout: float = 30.0  # the whole sale: the top-up and the look at its status
    ca_bundle: str = ""
    # The top-up as Reloadly's asynchronous call (/topups-async, then its status), or the
    # synchronous one (/topups).
    asynchronous: bool = True

    def __repr__(self) -> str:
        return (f"ReloadlySettings(topups_url={self.topups_url!r}, "
                f"audience={self.audience!r}, configured={bool(self.client_id)})")


def from_app(settings: Settings, environ: Mapping[str, str] | None = None) -> ReloadlySettings:
    """Reloadly's settings out of the app's: the timeouts and the certificates of ``[dealer]``,
    the id, secret and name of ``[dealer.reloadly]`` (the environment's id and secret first).
    A ``[dealer] url`` of its own is where both services are (the simulator's,
    ``recarga-tui sim --dealer reloadly``), or the sandbox when it names Reloadly's sandbox."""
    from ...config import DealerSettings
    from .. import registry

    d = settings.dealer
    own = registry.resolved(d, "reloadly", environ)
    auth, topups, audience = AUTH_URL, TOPUPS_URL, TOPUPS_URL
    if d.url != DealerSettings().url:
        topups = d.url.rstrip("/")
        audience = topups if topups in AUDIENCES else TOPUPS_URL
        auth = AUTH_URL if reloadly_host(topups) else topups
    return ReloadlySettings(
        client_id=own.client_id, client_secret=own.client_secret,
        auth_url=auth, topups_url=topups, audience=audience, name=own.name or NAME,
        connect_timeout=d.connect_timeout, read_timeout=d.read_timeout,
        send_timeout=d.send_timeout, ca_bundle=d.ca_bundle)


def reloadly_host(url: str) -> bool:
    """Whether ``url`` is one of Reloadly's own services (not a simulator's address)."""
    host = urlsplit(url).hostname or ""
    return host == "reloadly.com" or host.endswith(".reloadly.com")
