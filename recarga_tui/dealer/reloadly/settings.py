"""Reloadly's settings: the account's client id and secret, where its two services are, and
how long the shop waits for them.

The client secret is a secret (R12) and the client id is kept as quiet: both are read from
the environment (:data:`CLIENT_ID_ENV`, :data:`CLIENT_SECRET_ENV`) or typed at the login
(the id as the user, the secret as the password), held in memory only, and never shown, logged,
journaled or exported. See docs/dealers/reloadly.md.
"""

from __future__ import annotations

import os
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
CLIENT_ID_ENV = "RECARGA_RELOADLY_CLIENT_ID"
CLIENT_SECRET_ENV = "RECARGA_RELOADLY_CLIENT_SECRET"
# The secrets' environment names, by setting (for the config's checks and notes).
SECRETS = {"client_id": CLIENT_ID_ENV, "client_secret": CLIENT_SECRET_ENV}
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
    the id and secret from the environment. A ``[dealer] url`` of its own is where both
    services are (the simulator's, ``recarga-tui sim --dealer reloadly``), or the sandbox when
    it names Reloadly's sandbox."""
    from ...config import DealerSettings

    env = os.environ if environ is None else environ
    d = settings.dealer
    auth, topups, audience = AUTH_URL, TOPUPS_URL, TOPUPS_URL
    if d.url != DealerSettings().url:
        topups = d.url.rstrip("/")
        audience = topups if topups in AUDIENCES else TOPUPS_URL
        auth = AUTH_URL if _reloadly_host(topups) else topups
    return ReloadlySettings(
        client_id=env.get(CLIENT_ID_ENV, ""), client_secret=env.get(CLIENT_SECRET_ENV, ""),
        auth_url=auth, topups_url=topups, audience=audience, name=d.name or NAME,
        connect_timeout=d.connect_timeout, read_timeout=d.read_timeout,
        send_timeout=d.send_timeout, ca_bundle=d.ca_bundle)


def _reloadly_host(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host == "reloadly.com" or host.endswith(".reloadly.com")
