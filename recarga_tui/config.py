"""The shop's settings: TOML (stdlib ``tomllib``) read into typed, frozen settings.

Each setting is declared once, as a field of its section (below; the printer's in
``printing/settings.py``, each dealer's ``[dealer.<kind>]`` in ``dealer/<kind>/kind.py``):
its type with its bounds, its default, and the words of what it expects (``setting.py``).
A wrong file never produces a traceback: :class:`ConfigError` carries one line a problem that
names the file, the key and what is expected, in the cashier's language, every problem of the
file at once.
"""

from __future__ import annotations

import codecs
import errno
import math
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, time, tzinfo
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, get_type_hints

from msgspec import Meta

from .i18n import Language, t
from .printing.settings import PrinterSettings, missing_setting
from .setting import NOT_IN_FILE, Expect, Setting, Unfit, one_line, settings_of

APP_NAME = "recarga-tui"


class ConfigError(Exception):
    """What is wrong with the config, already worded for the person who set up the shop PC:
    one line a problem (``lines``), every problem of the file at once."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)


# --- what a type cannot say by itself -------------------------------------------------------

_TIME_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")
_HOST_RE = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b",
            "\f": "\\f"}
_SHOWN_CHARS = 40  # how much of a wrong value or key a message quotes
_PATH_CHARS = 1024
_URL_CHARS = 2048
_CA_BYTES = 16 * 1024 * 1024  # far above any real bundle; a bigger file is not one
_DAY_MINUTES = 24 * 60


def _journal_folder(v: str) -> str | None:
    """The journal's folder: "~name" must name a user of this PC (or pathlib raises when it
    is used), and a path that exists must be a folder: the app never makes its notebook in,
    nor changes the mode of, a file it is pointed at."""
    if v.startswith("~") and os.path.expanduser(v) == v:
        return None
    if v:
        try:
            is_folder = stat.S_ISDIR(os.stat(os.path.expanduser(v)).st_mode)
        except FileNotFoundError:
            is_folder = True  # made at start
        except NotADirectoryError:
            is_folder = False  # a part of the path is a file
        except (OSError, ValueError):
            is_folder = True  # not this check's to say (a permission): the start says it
        if not is_folder:
            raise Unfit("config.expect.folder_not_file", v)
    return v


def _url(v: Any) -> Any:
    """The dealer's base address: http(s), a host, and nothing the HTTP client would mangle or
    send in the clear (a space, a control character, a query, a user and password)."""
    if not isinstance(v, str) or len(v) > _URL_CHARS:
        return None
    if "@" in v:  # before parsing: no refusal may quote the password back
        scheme = v.partition(":")[0]
        raise Unfit("config.expect.url_no_credentials", f"{scheme}://***@{v.rpartition('@')[2]}")
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(v)
        port = parts.port  # ValueError unless a number from 0 to 65535
    except ValueError:
        return None
    if not v.isprintable() or " " in v or parts.scheme not in ("http", "https"):
        return None
    if parts.query or parts.fragment or port == 0 or not _host(parts.hostname):
        return None
    return v


def _host(name: str | None) -> bool:
    if not name:
        return False
    if ":" in name:  # an IPv6 address, written [..] in the URL
        import ipaddress

        try:
            ipaddress.IPv6Address(name)
        except ValueError:
            return False
        return True
    try:
        ascii_name = name.encode("idna").decode("ascii")  # "recargás.mx" is a fine host
    except UnicodeError:
        return False
    return _HOST_RE.fullmatch(ascii_name) is not None


def _hh_mm(v: Any) -> Any:
    """A time of day as text, "HH:MM" (00:00 to 23:59); TOML's own times pass as they are."""
    if isinstance(v, str):
        m = _TIME_RE.fullmatch(v)
        return time(int(m.group(1)), int(m.group(2))) if m else None
    return v


def _to_the_minute(v: time) -> time:
    return v.replace(second=0, microsecond=0)


def _ca_bundle(v: str) -> str | None:
    """Empty (the system's certificates) or a PEM file that loads: a wrong path must stop the
    start, not turn every call to the dealer into a "connection lost"."""
    if not v:
        return v
    import ssl

    path = os.path.expanduser(v)
    try:
        # ssl reads whatever the path names: a FIFO would block the start, /dev/zero never ends.
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _CA_BYTES:
            return None
        ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError, ValueError):
        return None
    return path


def zone_named(name: str) -> tzinfo:
    """The zone of an IANA name, from the system's database or the tzdata package (a Windows
    shop PC has no database of its own)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _known_zone(v: str) -> str | None:
    try:
        zone_named(v)
    except (ValueError, OSError, LookupError):  # ZoneInfoNotFoundError is a KeyError
        return None
    return v


def _whole_float(v: Any) -> Any:
    """6 is 6.0: a percentage written without its point is the same percentage."""
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v


def _two_decimals(v: float) -> float | None:
    """A percentage of at most two decimals (6.25), as money is counted; 6.255 is refused."""
    from decimal import Decimal

    return v if (Decimal(repr(v)) * 100) % 1 == 0 else None


def _dealer_kind(v: Any) -> Any:
    from .dealer.registry import names

    if isinstance(v, str) and v in names():
        return v
    raise Unfit("config.expect.dealer_kind", v, kinds=", ".join(f'"{n}"' for n in names()))


# --- the settings, each with its type, bounds, words and default -------------------------------

Minutes = Annotated[int, Meta(ge=1, le=_DAY_MINUTES), Expect("config.expect.minutes")]
Days = Annotated[int, Meta(ge=1, le=366), Expect("config.expect.days")]
Pesos = Annotated[int, Meta(ge=1, le=10_000), Expect("config.expect.pesos")]
Seconds = Annotated[float, Meta(ge=0.1, le=600), Expect("config.expect.seconds")]
WholeSeconds = Annotated[int, Meta(ge=5, le=3600), Expect("config.expect.whole_seconds")]
TimeOfDay = Annotated[time, Meta(tz=False),
                      Expect("config.expect.time", read=_hh_mm, then=_to_the_minute)]
Contact = Annotated[str, one_line(200), Expect("config.expect.text")]
Address = Annotated[str, one_line(300), Expect("config.expect.text")]
Contacts = Annotated[tuple[Annotated[str, one_line(200)], ...], Meta(max_length=10),
                     Expect("config.expect.text_list")]
JournalFolder = Annotated[str, one_line(_PATH_CHARS),
                          Expect("config.expect.folder", then=_journal_folder)]
ZoneName = Annotated[str, Meta(max_length=64, pattern=r"\A[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*\Z"),
                     Expect("config.expect.timezone", then=_known_zone)]
Url = Annotated[str, Expect("config.expect.url", read=_url)]
# \A and \Z, never ^ and $: "$" lets a trailing newline pass.
TerminalId = Annotated[str, Meta(pattern=r"\A[A-Za-z0-9_-]{1,32}\Z"),
                       Expect("config.expect.terminal_id")]
CaBundle = Annotated[str, one_line(_PATH_CHARS), Expect("config.expect.ca_bundle", then=_ca_bundle)]
DealerKind = Annotated[str, Expect("config.expect.dealer_kind", read=_dealer_kind)]
_POOL_PESOS = Meta(ge=0, le=1_000_000)
PoolPesos = Annotated[int, _POOL_PESOS, Expect("config.expect.pool_pesos")]
PoolThresholds = Annotated[dict[Annotated[str, one_line(60)], Annotated[int, _POOL_PESOS]],
                           Meta(max_length=10), Expect("config.expect.pool_thresholds")]
Percent = Annotated[float, Meta(ge=0, le=100),
                    Expect("config.expect.percent", read=_whole_float, then=_two_decimals)]

DEFAULT_TIMEZONE = "America/Mexico_City"


@dataclass(frozen=True)
class AppSettings:
    language: Annotated[Language, Expect("config.expect.language")] = "es"
    journal_dir: JournalFolder = ""
    claims_days: Days = 30
    duplicate_warning_minutes: Minutes = 10
    # The shop's time zone: every time the cashier reads, the journal keeps and the app
    # compares is in it, whatever zone the PC's own clock is set to (many are left on UTC).
    timezone: ZoneName = DEFAULT_TIMEZONE
    # The shop's own name, as the home screen, the cash close and the tickets print it
    # ("" until set: the tickets head with the terminal; never the dealer's name).
    shop_name: Annotated[str, one_line(60), Expect("config.expect.text")] = ""

    def zone(self) -> tzinfo:
        return zone_named(self.timezone)


@dataclass(frozen=True)
class DealerSettings:
    url: Url = "https://recargas.example.com.mx"
    terminal_id: TerminalId = "DEMO-01"
    ca_bundle: CaBundle = ""
    connect_timeout: Seconds = 5.0
    read_timeout: Seconds = 15.0
    send_timeout: Seconds = 30.0
    notices_refresh_seconds: WholeSeconds = 60
    # Which dealer: a kind of dealer/registry.py ("v1", "taecel", ...).
    kind: DealerKind = "v1"
    # The [dealer.<kind>] sections of the file, each its kind's own settings (a frozen
    # dataclass of dealer/<kind>/kind.py): read through dealer/registry.py (section_of).
    sections: tuple[Any, ...] = field(default=(), metadata=NOT_IN_FILE)


@dataclass(frozen=True)
class ProcedureSettings:
    peak_start: TimeOfDay = time(19, 30)
    peak_end: TimeOfDay = time(21, 30)
    slow_latency_seconds: Seconds = 8.0
    reflection_minutes: Minutes = 10
    deferral_minutes: Minutes = 60


@dataclass(frozen=True)
class CashSettings:
    large_bill_pesos: Pesos = 500
    small_topup_pesos: Pesos = 50
    check_bill_pesos: Pesos = 200
    # A pool of the dealer's under this many pesos is warned before it runs dry: every pool
    # (0: none), and per pool by its id or name as the balance shows it, which wins.
    low_balance_pesos: PoolPesos = 0
    low_balance_pools: PoolThresholds = field(default_factory=dict)


@dataclass(frozen=True)
class EarningSettings:
    """What the shop earns on a sale whose dealer does not say it: a percentage of the
    amount per category of product (0: not known, counted as nothing earned)."""

    airtime_percent: Percent = 0.0
    bundle_percent: Percent = 0.0
    bill_percent: Percent = 0.0


@dataclass(frozen=True)
class CashierSettings:
    """Repeated wrong PINs lock that cashier: after how many in a row, for how long."""

    pin_attempts: Annotated[int, Meta(ge=2, le=20), Expect("config.expect.attempts")] = 5
    pin_lock_minutes: Minutes = 15


@dataclass(frozen=True)
class ContactSettings:
    email: Contact = "clientes@infocomonline.net"
    chat: Contacts = ("soporte_asociados@hotmail.com", "clientes@infocomonline.net")
    phone: Contact = "(272) 721 5380"
    address: Address = (
        "Mesa de control Orizaba: Oriente 13 núm. 507 esq. Norte 10, col. Centro, Orizaba, Ver."
    )
    admin_email: Contact = "clientes@infocomonline.net"


@dataclass(frozen=True)
class Settings:
    """Every section of the file (each field a ``[section]``), and where they came from."""

    app: AppSettings = field(default_factory=AppSettings)
    dealer: DealerSettings = field(default_factory=DealerSettings)
    procedure: ProcedureSettings = field(default_factory=ProcedureSettings)
    cash: CashSettings = field(default_factory=CashSettings)
    earnings: EarningSettings = field(default_factory=EarningSettings)
    cashiers: CashierSettings = field(default_factory=CashierSettings)
    contacts: ContactSettings = field(default_factory=ContactSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    # The file these settings came from ("" for the defaults).
    source: str = field(default="", metadata=NOT_IN_FILE)
    # What check-config says of the file besides its problems (a key read from its old place).
    notes: tuple[str, ...] = field(default=(), compare=False, metadata=NOT_IN_FILE)

    def journal_path(self) -> Path:
        if self.app.journal_dir:
            return Path(self.app.journal_dir).expanduser()
        return default_journal_dir()


@cache
def sections() -> Mapping[str, type]:
    """The sections of the file, ``[app]`` to ``[printer]``: the fields of :class:`Settings`."""
    hints = get_type_hints(Settings)
    return {f.name: hints[f.name] for f in fields(Settings) if f.metadata.get("in_file", True)}


# --- default places (per OS, through platformdirs) -------------------------------------------


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_journal_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "journal"


# --- how a message shows what the file says ----------------------------------------------------


def shown_path(file: Path | str) -> str:
    """The file's name for a message: what cannot be printed (a newline, bytes that are not
    UTF-8 in the name) is escaped, so the message stays one line and prints everywhere."""
    text = str(file)
    return text if text.isprintable() else "".join(map(_printable, text))


def _printable(c: str) -> str:
    if c.isprintable():
        return c
    return f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}"


def _quoted(text: str) -> str:
    """A TOML basic string, cut early: a huge value is never copied whole into a message."""
    body = text[:_SHOWN_CHARS]
    return '"' + "".join(_ESCAPES.get(c) or _printable(c) for c in body) + '"'


def _key(name: str) -> str:
    return _clip(name if _BARE_KEY_RE.fullmatch(name) else _quoted(name))


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 3] + "..."


def _show(value: Any) -> str:
    """The value as TOML writes it (never Python's repr), on one line and cut short."""
    return _clip(_toml(value, 0))


def _toml(value: Any, depth: int) -> str:
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _toml_float(value)
    if isinstance(value, (date, time)):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return _toml_nested(value, depth)
    return str(value)


def _toml_float(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _toml_nested(value: list[Any] | dict[str, Any], depth: int) -> str:
    # Deep enough to recognise, never so deep the showing itself recurses without end; as
    # many items as the cut can show.
    if isinstance(value, list):
        if depth >= 3:
            return "[...]"
        return "[" + ", ".join(_toml(x, depth + 1) for x in value[:_SHOWN_CHARS]) + "]"
    if depth >= 3:
        return "{...}"
    pairs = islice(value.items(), _SHOWN_CHARS)
    inner = ", ".join(f"{_key(k)} = {_toml(v, depth + 1)}" for k, v in pairs)
    return f"{{ {inner} }}" if inner else "{}"


# --- checking the parsed file ------------------------------------------------------------------


class _Problems:
    """Every problem of one file, a line each in the file's language, and the keys they are
    about (a rule that spans two keys is not judged on a key already wrong)."""

    def __init__(self, where: str, lang: str) -> None:
        self.where = where
        self.lang = lang
        self.lines: list[str] = []
        self.keys: set[str] = set()
        self.notes: list[str] = []  # not problems: what check-config says besides

    def say(self, about: str, code: str, **params: object) -> None:
        self.lines.append(t(code, lang=self.lang, file=self.where, **params))
        self.keys.add(about)

    def bad(self, key: str, expect: str, got: Any, *, secret: bool = False,
            **params: object) -> None:
        shown = t("config.hidden", lang=self.lang) if secret else _show(got)
        self.say(key, "config.bad_value", key=key, got=shown,
                 expected=t(expect, lang=self.lang, **params))

    def note(self, code: str, **params: object) -> None:
        self.notes.append(t(code, lang=self.lang, file=self.where, **params))

    def clean(self, *keys: str) -> bool:
        """None of ``keys`` was found wrong: neither the key, nor its section, nor (for a
        section) any key of it."""
        return not any(seen == key or seen.startswith(key + ".") or key.startswith(seen + ".")
                       for key in keys for seen in self.keys)


def parse(data: dict[str, Any], file: Path) -> Settings:
    """Typed settings from parsed TOML, or a :class:`ConfigError` with every problem."""
    raw_lang = data.get("app", {}).get("language") if isinstance(data.get("app"), dict) else None
    lang = raw_lang if raw_lang in ("es", "en") else "es"
    problems = _Problems(shown_path(file), lang)
    _check_top_level(data, problems)
    read = {name: _section(name, cls, data.get(name, {}), problems)
            for name, cls in sections().items()}
    settings = Settings(**read, source=str(file), notes=tuple(problems.notes))
    _check_together(settings, problems)
    if problems.lines:
        raise ConfigError(*problems.lines)
    return settings


def _check_top_level(data: dict[str, Any], problems: _Problems) -> None:
    """Outside any section only the known sections stand; a loose key is told where it goes."""
    known = sections()
    for name, value in data.items():
        if name in known:
            continue
        if isinstance(value, dict):
            problems.say(name, "config.unknown_section", key=_key(name), known=", ".join(known))
            continue
        home = next((s for s, cls in known.items() if name in settings_of(cls)), "app")
        problems.say(name, "config.top_level_key", key=_key(name), section=home)


def _section(name: str, cls: type, table: Any, problems: _Problems) -> Any:
    if not isinstance(table, dict):
        problems.bad(f"[{name}]", "config.expect.table", table)
        problems.keys.add(name)  # none of its keys is judged with another
        return cls()
    if cls is DealerSettings:
        return _dealer(table, problems)
    own = settings_of(cls)
    values: dict[str, Any] = {}
    for key, value in table.items():
        setting = own.get(key)
        if setting is None:
            problems.say(f"{name}.{key}", "config.unknown_key", key=f"{name}.{_key(key)}",
                         known=_known(own, problems.lang))
            continue
        _judged(setting, f"{name}.{key}", value, problems, values)
    return cls(**values)


def _known(keys: Iterable[str], lang: str) -> str:
    return ", ".join(keys) or t("config.no_keys", lang=lang)


def _judged(setting: Setting, key: str, value: Any, problems: _Problems,
            into: dict[str, Any]) -> None:
    """``into[setting.name]`` the typed value, or the problem said (the default stays)."""
    try:
        into[setting.name] = setting.judge(value)
    except Unfit as unfit:
        problems.bad(key, unfit.expect, unfit.shown, secret=setting.expect.secret,
                     **unfit.params)


def _dealer(table: dict[str, Any], problems: _Problems) -> DealerSettings:
    """``[dealer]``: the keys every dealer has, and a ``[dealer.<kind>]`` section per kind
    (dealer/registry.py). An old key of a kind's, still written in ``[dealer]``, is read as
    its own section's, and check-config says where it goes now."""
    from .dealer import registry

    own = settings_of(DealerSettings)
    values: dict[str, Any] = {}
    tables: dict[str, dict[str, tuple[str, Any]]] = {}  # kind -> key -> (as written, value)
    for key, value in table.items():
        setting = own.get(key)
        if setting is not None:
            _judged(setting, f"dealer.{key}", value, problems, values)
        elif key in registry.names() and isinstance(value, dict):
            section = tables.setdefault(key, {})
            for inner, v in value.items():
                if inner in section:  # set in [dealer] already, under its old name
                    problems.say(f"dealer.{key}.{inner}", "config.moved_twice",
                                 old=f"dealer.{section[inner][0]}", key=f"dealer.{key}.{inner}")
                section[inner] = (f"{key}.{inner}", v)
        elif isinstance(value, dict):
            problems.say(f"dealer.{key}", "config.unknown_section", key=f"dealer.{_key(key)}",
                         known=", ".join(f"dealer.{n}" for n in registry.names()))
        elif (moved := registry.moved_from_dealer(key)) is not None:
            kind, new = moved
            section = tables.setdefault(kind.name, {})
            if new in section:
                problems.say(f"dealer.{key}", "config.moved_twice", old=f"dealer.{key}",
                             key=f"dealer.{kind.name}.{new}")
            else:
                section[new] = (key, value)
            problems.note("config.moved_key", old=key, kind=kind.name, key=new)
        else:
            known = [*own, *(f"[dealer.{n}]" for n in registry.names())]
            problems.say(f"dealer.{key}", "config.unknown_key", key=f"dealer.{_key(key)}",
                         known=", ".join(known))
    kinds = tuple(_kind_section(registry.get(name).settings, name, found, problems)
                  for name, found in tables.items())
    return DealerSettings(**values, sections=kinds)


def _kind_section(cls: type, name: str, found: dict[str, tuple[str, Any]],
                  problems: _Problems) -> Any:
    own = settings_of(cls)
    values: dict[str, Any] = {}
    for key, (written, value) in found.items():
        setting = own.get(key)
        if setting is None:
            problems.say(f"dealer.{written}", "config.unknown_key",
                         key=f"dealer.{name}.{_key(key)}", known=_known(own, problems.lang))
            continue
        _judged(setting, f"dealer.{written}", value, problems, values)
    return cls(**values)


def _check_together(s: Settings, problems: _Problems) -> None:
    """Rules that span two keys, judged only on keys that are right themselves."""
    start, end = "procedure.peak_start", "procedure.peak_end"
    if problems.clean(start, end) and s.procedure.peak_start == s.procedure.peak_end:
        problems.bad(end, "config.expect.peak_end", s.procedure.peak_end.strftime("%H:%M"))
    small, large = "cash.small_topup_pesos", "cash.large_bill_pesos"
    if problems.clean(small, large) and s.cash.small_topup_pesos >= s.cash.large_bill_pesos:
        problems.bad(small, "config.expect.small_below_large", s.cash.small_topup_pesos)
    needed = missing_setting(s.printer)
    if problems.clean("printer") and needed is not None:
        problems.bad(f"printer.{needed}", f"config.expect.printer.needs.{s.printer.kind}",
                     getattr(s.printer, needed))


# --- reading the file ----------------------------------------------------------------------------

MAX_CONFIG_BYTES = 256 * 1024  # a real config is a few KiB; more is the wrong file
# O_NONBLOCK: opening a FIFO must not wait for a writer. O_BINARY: Windows must not turn
# CRLF into LF behind tomllib's back. Each is 0 where the OS has no such flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "config.kind.folder"),
    (stat.S_ISFIFO, "config.kind.fifo"),
    (stat.S_ISCHR, "config.kind.device"),
    (stat.S_ISBLK, "config.kind.device"),
    (stat.S_ISSOCK, "config.kind.socket"),
)


def load(path: Path | str | None = None, *, required: bool = False) -> Settings:
    """Read the settings from ``path`` (or the default place).

    With no path and no file at the default place, the defaults are used, so a fresh shop PC
    starts; a path that was asked for must exist.
    """
    # os.path.expanduser leaves an unknown "~name" as it is; pathlib's raises RuntimeError.
    file = Path(os.path.expanduser(path)) if path else default_config_path()
    raw = _read(file, missing_ok=path is None and not required)
    if raw is None:
        return Settings()
    return parse(_parse_toml(raw, shown_path(file)), file)


def _read(file: Path, *, missing_ok: bool) -> bytes | None:
    """The file's bytes, or None when it is missing and may be. Only a regular file is read:
    a FIFO would block the start for ever and a device such as /dev/zero never ends."""
    where = shown_path(file)
    try:
        # Refused before it is opened: opening a device or a FIFO can have effects of its own.
        _refuse_special(os.stat(file).st_mode, where)
        fd = os.open(file, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        if missing_ok and _is_missing(exc, file):
            return None
        raise _unopenable(exc, file, where) from None
    try:
        return _read_regular(fd, where)
    except OSError as exc:
        raise _unreadable(exc, where) from None
    finally:
        os.close(fd)


def _read_regular(fd: int, where: str) -> bytes:
    info = os.fstat(fd)
    _refuse_special(info.st_mode, where)  # the name may lead elsewhere since the stat
    if info.st_size > MAX_CONFIG_BYTES:
        raise _too_big(where)
    chunks: list[bytes] = []
    size = 0
    # One byte past the cap is enough to know: a file that grows, or tells no size, is capped.
    while size <= MAX_CONFIG_BYTES and (chunk := os.read(fd, MAX_CONFIG_BYTES + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_CONFIG_BYTES:
        raise _too_big(where)
    return b"".join(chunks)


def _refuse_special(mode: int, where: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((key for test, key in _KINDS if test(mode)), "config.kind.other")
    raise ConfigError(t("config.not_regular", file=where, kind=t(kind)))


def _too_big(where: str) -> ConfigError:
    return ConfigError(t("config.too_big", file=where, cap=MAX_CONFIG_BYTES // 1024))


def _is_missing(exc: Exception, file: Path) -> bool:
    missing = isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENOTDIR)
    return missing and not os.path.islink(file)  # a link to nowhere is a mistake to tell


def _unopenable(exc: Exception, file: Path, where: str) -> ConfigError:
    code = getattr(exc, "errno", None)
    if code in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(file):
            return ConfigError(t("config.dangling_link", file=where, target=_link_target(file)))
        return ConfigError(t("config.missing_file", file=where))
    if code == errno.ELOOP:
        return ConfigError(t("config.link_loop", file=where))
    if code in (errno.EACCES, errno.EPERM):
        return ConfigError(t("config.no_permission", file=where))
    return _unreadable(exc, where)


def _link_target(file: Path) -> str:
    try:
        return shown_path(os.readlink(file))
    except OSError:
        return "?"


def _unreadable(exc: Exception, where: str) -> ConfigError:
    reason = getattr(exc, "strerror", None) or str(exc)
    return ConfigError(t("config.unreadable", file=where, reason=shown_path(reason)))


def _parse_toml(raw: bytes, where: str) -> dict[str, Any]:
    text = _decoded(raw, where)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(t("config.bad_toml", file=where, reason=_toml_reason(exc))) from None
    except ValueError:  # after its subclass TOMLDecodeError: int() refuses over 4300 digits
        raise ConfigError(t("config.number_too_long", file=where)) from None
    except (RecursionError, MemoryError):  # lists or tables nested thousands deep
        raise ConfigError(t("config.too_deep", file=where)) from None


def _decoded(raw: bytes, where: str) -> str:
    """UTF-8 text. A byte-order mark at the start (Windows Notepad writes one) is dropped:
    tomllib would call it an invalid statement."""
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[:exc.start].count(b"\n") + 1
        raise ConfigError(t("config.not_utf8", file=where, line=line)) from None


def _toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib's reason (always English) in the cashier's language: what is wrong and where,
    a table named as TOML writes it ([app]) rather than a Python tuple."""
    found = re.fullmatch(_TOML_AT, str(exc), re.S)
    reason, line, column = (found.group(1), found.group(2), found.group(3)) if found else \
        (str(exc), None, None)
    at = t("config.toml.at", line=line, column=column) if line else t("config.toml.at_end")
    for pattern, key in _toml_reasons():
        if (match := pattern.fullmatch(reason)) is not None:
            params = {"table": _table_named(match.group(1))} if pattern.groups else {}
            return f"{at}: {t(key, **params)}"
    return f"{at}: {t('config.toml.other')}"


def _table_named(tuple_text: str) -> str:
    import ast

    try:
        keys = ast.literal_eval(f"({tuple_text})")
    except (ValueError, SyntaxError):
        return "?"
    return shown_path(".".join(_key(str(k)) for k in keys))


# Where tomllib says its reason is, and each reason it gives (the messages of its parser, the
# same from Python 3.11 to 3.13; a test holds this list to the installed parser's source).
# Compiled when a file first fails to parse, not at every start.
_TOML_AT = r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)"


@cache
def _toml_reasons() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.S), key) for pattern, key in _TOML_REASON_TEXTS)


_TOML_REASON_TEXTS: tuple[tuple[str, str], ...] = (
    (r"Cannot declare \((.*)\) twice", "config.toml.table_twice"),
    (r"Invalid statement", "config.toml.invalid_statement"),
    (r"Expected newline or end of document after a statement",
     "config.toml.after_statement"),
    (r"Expected '=' after a key in a key/value pair", "config.toml.no_equals"),
    (r"Expected '\]' at the end of a table declaration", "config.toml.unclosed_section"),
    (r"Expected '\]\]' at the end of an array declaration",
     "config.toml.unclosed_section"),
    (r"Cannot overwrite a value|Duplicate inline table key .*", "config.toml.key_twice"),
    (r"Cannot mutate immutable namespace .*|Cannot redefine namespace .*",
     "config.toml.redefined"),
    (r"Invalid initial character for a key part", "config.toml.bad_key"),
    (r"Unclosed array", "config.toml.unclosed_array"),
    (r"Unclosed inline table", "config.toml.unclosed_inline_table"),
    (r"Unescaped '\\' in a string", "config.toml.backslash"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value",
     "config.toml.bad_escape"),
    # A line break inside a one-line text: its closing quote is missing.
    (r"Unterminated string|Expected .*|(?:Illegal|Found invalid) character '\\n'",
     "config.toml.unterminated_string"),
    (r"Illegal character .*|Found invalid character .*", "config.toml.illegal_character"),
    (r"Invalid date or datetime", "config.toml.bad_date"),
    (r"Invalid value", "config.toml.bad_value"),
)


def readable_by_others(path: Path) -> bool:
    """True when users other than the owner may read the file (it names the terminal id)."""
    try:
        return os.name == "posix" and bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
