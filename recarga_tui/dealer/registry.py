"""Every kind of dealer the app speaks to, one line each, and what each kind brings.

A kind is a folder under ``dealer/`` whose ``kind.py`` declares ``KIND``, a :class:`Kind`:

* its settings: the ``[dealer.<kind>]`` section of the config file, a frozen dataclass whose
  every key is declared once with its type, bounds, default and words (``setting.py``: the
  same one-line errors as every setting), and the old ``[dealer]`` keys still read as its own;
* its secrets: which of those keys are secret (never shown back, R12) and the environment
  variable that gives each instead of the file (the environment wins);
* its factory: the adapter (``port.Dealer``) made from the settings, over the network or to
  its simulator in-process (the demo);
* its simulator face (``"module:factory"``, started only by the command line and the
  composition, ``sim/faces.py``), what the demo's cashier types at its login, and its section
  in the demo (the simulator's account).

Adding a dealer is its folder and one line in :data:`KINDS` (docs/architecture.md). A kind's
module is imported when asked for, so the app loads only the dealers it uses, and ``kind.py``
imports its adapter only in its factory: reading the config never loads httpx.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from importlib import import_module
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from ..config import ConfigError, DealerSettings, Settings
from ..i18n import t
from ..setting import settings_of

if TYPE_CHECKING:
    from .port import Dealer

# kind -> the module that declares it (its ``KIND``). One line a dealer.
KINDS: dict[str, str] = {
    "v1": "recarga_tui.dealer.v1.kind",              # protocol v1 (docs/dealer-api.md)
    "taecel": "recarga_tui.dealer.taecel.kind",      # TAECEL's web service
    "transact": "recarga_tui.dealer.transact.kind",  # transact.asmx (Pagaqui and siblings)
    "reloadly": "recarga_tui.dealer.reloadly.kind",  # Reloadly's airtime API
}
DEFAULT = "v1"
# The address of the demo's dealer: the simulator, reached in-process.
DEMO_URL = "http://sim.demo"
DEMO_TERMINAL = "DEMO-01"


class Secret(Struct, frozen=True):
    """A secret setting of a kind: a key of its section, never shown back (R12)."""

    key: str        # its key in [dealer.<kind>]
    env: str        # the environment variable that gives it instead (and wins)
    what: str       # catalog key: how the words name it ("la llave (key)")
    missing: str    # catalog key: what it means when neither the file nor the environment has it
    # The secret the lock and the session's modal ask when the dealer's login reads no typed
    # password (it logs in with this one, from the config): typed there, compared in the app
    # and sent nowhere (services/access.py).
    unlocks: bool = False


class Reach(Struct, frozen=True):
    """How an adapter reaches its dealer: over the network at the settings' address, or
    in-process to a simulator's ASGI app (``sim_app``, the demo); either way a dealer whose
    clock may run ``scale`` times faster than the wall's (a simulator: the demo, the chaos
    run); ``now`` is the shop's clock."""

    sim_app: Any = None
    now: Callable[[], datetime] | None = None
    scale: float = 1.0

    def seconds(self, dealer_seconds: float) -> float:
        """Real seconds for ``dealer_seconds`` of the dealer's time (a pause between two looks
        at a sale in progress, how long to look): shorter at a faster scale, never under
        ``SHORTEST`` (a pause that short would only spin)."""
        return max(SHORTEST, dealer_seconds / self.scale)


# The shortest pause an adapter makes, however fast its dealer's clock runs.
SHORTEST = 0.02


class Kind(Struct, frozen=True):
    """What one kind of dealer brings to the app (see the module's doc)."""

    name: str
    title: str                                        # as the words name it ("Taecel")
    settings: type                                    # [dealer.<kind>]: a frozen dataclass
                                                      # of settings (setting.py)
    factory: Callable[[Settings, Reach], Dealer]
    sim_face: str                                     # "module:factory" of its simulator face
    demo_login: tuple[str, str]                       # user and password at the demo's login
    secrets: tuple[Secret, ...] = ()
    moved: Mapping[str, str] = field(default_factory=dict)  # old [dealer] key -> its key
    demo: Callable[[Any], Any] | None = None          # its section in the demo

    def secret(self, key: str) -> Secret | None:
        return next((s for s in self.secrets if s.key == key), None)


def names() -> tuple[str, ...]:
    """The kinds the app speaks to, without loading any."""
    return tuple(KINDS)


def get(name: str) -> Kind:
    """The kind called ``name``; ConfigError for one this version does not speak."""
    module = KINDS.get(name)
    if module is None:
        raise ConfigError(t("config.dealer_kind_unavailable", kind=name))
    kind: Kind = import_module(module).KIND
    return kind


def every() -> Iterable[Kind]:
    return (get(name) for name in KINDS)


def moved_from_dealer(key: str) -> tuple[Kind, str] | None:
    """The kind whose section an old ``[dealer]`` key now belongs to, and its key there."""
    for kind in every():
        if key in kind.moved:
            return kind, kind.moved[key]
    return None


# --- the sections of a config --------------------------------------------------------------


def kind_of(section: Any) -> str:
    """The kind whose section ``section`` is (its class says: ``KIND``)."""
    return str(type(section).KIND)


def section_of(dealer: DealerSettings, name: str | None = None) -> Any:
    """The ``[dealer.<name>]`` settings (``name`` defaults to the configured kind): the
    file's, else the kind's defaults."""
    name = name or dealer.kind
    for section in dealer.sections:
        if kind_of(section) == name:
            return section
    return get(name).settings()


def with_section(dealer: DealerSettings, section: Any) -> DealerSettings:
    """``dealer`` with ``section`` as its kind's settings (replacing the one it had)."""
    name = kind_of(section)
    others = tuple(s for s in dealer.sections if kind_of(s) != name)
    return replace(dealer, sections=(*others, section))


def env_value(kind: Kind, secret: Secret, environ: Mapping[str, str] | None = None) -> str:
    """The secret's value in the environment, when set and valid for its key; else ""."""
    env = os.environ if environ is None else environ
    value = env.get(secret.env, "")
    if not value or not settings_of(kind.settings)[secret.key].fits(value):
        return ""
    return value


def resolved(dealer: DealerSettings, name: str | None = None,
             environ: Mapping[str, str] | None = None) -> Any:
    """The kind's settings as its adapter uses them: each secret from the environment when it
    is set there, else from the file (R12: neither needs to be written in a file)."""
    kind = get(name or dealer.kind)
    section = section_of(dealer, kind.name)
    given = {s.key: value for s in kind.secrets if (value := env_value(kind, s, environ))}
    return replace(section, **given) if given else section


def secret_sources(dealer: DealerSettings, environ: Mapping[str, str] | None = None
                   ) -> list[tuple[Secret, str]]:
    """Where each secret of the configured kind comes from: "env", "file" or "missing"."""
    kind = get(dealer.kind)
    section = section_of(dealer, kind.name)
    found = []
    for secret in kind.secrets:
        if env_value(kind, secret, environ):
            found.append((secret, "env"))
        else:
            found.append((secret, "file" if getattr(section, secret.key) else "missing"))
    return found


def unlock_secret(dealer: DealerSettings, environ: Mapping[str, str] | None = None
                  ) -> tuple[str, str] | None:
    """The configured kind's secret that unlocks (``Secret.unlocks``): the words naming it
    and its value (the environment's, else the file's); None when the kind has none."""
    kind = get(dealer.kind)
    secret = next((s for s in kind.secrets if s.unlocks), None)
    if secret is None:
        return None
    return secret.what, str(getattr(resolved(dealer, kind.name, environ), secret.key))


def keys_of(kind: Kind) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind.settings))


# --- making the adapter ----------------------------------------------------------------------


def make(settings: Settings, *, sim_app: Any = None,
         now: Callable[[], datetime] | None = None, scale: float = 1.0) -> Dealer:
    """The adapter of ``settings.dealer.kind``; with ``sim_app``, talking to it in-process
    (a simulator running ``scale`` times faster than the wall clock). Nothing is sent yet."""
    return get(settings.dealer.kind).factory(settings, Reach(sim_app, now, scale))


def demo_account(dealer: DealerSettings) -> DealerSettings:
    """``dealer`` with its kind's section as the simulator's demo account wants it."""
    kind = get(dealer.kind)
    if kind.demo is None:
        return dealer
    return with_section(dealer, kind.demo(section_of(dealer, kind.name)))


def demo_dealer(dealer: DealerSettings) -> DealerSettings:
    """The dealer's settings in the demo: the simulator's terminal and address, and the
    kind's demo account."""
    return demo_account(replace(dealer, terminal_id=DEMO_TERMINAL, url=DEMO_URL))
