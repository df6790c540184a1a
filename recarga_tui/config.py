"""The shop's settings: TOML (stdlib ``tomllib``) read into typed, frozen settings.

A wrong file never produces a traceback: :class:`ConfigError` carries one line that names the
file, the key and what is expected, in the cashier's language.
"""

from __future__ import annotations

import codecs
import errno
import ipaddress
import math
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, time, tzinfo
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .i18n import t
from .printing.settings import PRINTER_CHECKS, PrinterSettings, missing_setting

APP_NAME = "recarga-tui"


class ConfigError(Exception):
    """What is wrong with the config, already worded for the person who set up the shop PC:
    one line a problem (``lines``), every problem of the file at once."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines

    def __str__(self) -> str:
        return "\n".join(self.lines)


# --- the settings --------------------------------------------------------------------------


DEFAULT_TIMEZONE = "America/Mexico_City"


@dataclass(frozen=True)
class AppSettings:
    language: str = "es"
    journal_dir: str = ""
    claims_days: int = 30
    duplicate_warning_minutes: int = 10
    # The shop's time zone: every time the cashier reads, the journal keeps and the app
    # compares is in it, whatever zone the PC's own clock is set to (many are left on UTC).
    timezone: str = DEFAULT_TIMEZONE
    # The shop's own name, as the home screen, the cash close and the tickets print it
    # ("" until set: the tickets head with the terminal; never the dealer's name).
    shop_name: str = ""

    def zone(self) -> tzinfo:
        return zone_named(self.timezone)


@dataclass(frozen=True)
class DealerSettings:
    url: str = "https://recargas.example.com.mx"
    terminal_id: str = "DEMO-01"
    ca_bundle: str = ""
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    send_timeout: float = 30.0
    notices_refresh_seconds: int = 60
    kind: str = "v1"  # which dealer: a kind of dealer/registry.py ("v1", "taecel", ...)
    # The [dealer.<kind>] sections of the file, each its kind's own settings (a frozen
    # dataclass of dealer/<kind>/kind.py): read through dealer/registry.py (section_of).
    sections: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ProcedureSettings:
    peak_start: time = time(19, 30)
    peak_end: time = time(21, 30)
    slow_latency_seconds: float = 8.0
    reflection_minutes: int = 10
    deferral_minutes: int = 60


@dataclass(frozen=True)
class CashSettings:
    large_bill_pesos: int = 500
    small_topup_pesos: int = 50
    check_bill_pesos: int = 200


@dataclass(frozen=True)
class ContactSettings:
    email: str = "clientes@infocomonline.net"
    chat: tuple[str, ...] = ("soporte_asociados@hotmail.com", "clientes@infocomonline.net")
    phone: str = "(272) 721 5380"
    address: str = (
        "Mesa de control Orizaba: Oriente 13 núm. 507 esq. Norte 10, col. Centro, Orizaba, Ver."
    )
    admin_email: str = "clientes@infocomonline.net"


@dataclass(frozen=True)
class Settings:
    app: AppSettings = field(default_factory=AppSettings)
    dealer: DealerSettings = field(default_factory=DealerSettings)
    procedure: ProcedureSettings = field(default_factory=ProcedureSettings)
    cash: CashSettings = field(default_factory=CashSettings)
    contacts: ContactSettings = field(default_factory=ContactSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    source: str = ""  # the file these settings came from ("" for the defaults)
    # What check-config says of the file besides its problems (a key read from its old place).
    notes: tuple[str, ...] = field(default=(), compare=False)

    def journal_path(self) -> Path:
        if self.app.journal_dir:
            return Path(self.app.journal_dir).expanduser()
        return default_journal_dir()


# --- default places (per OS, through platformdirs) -------------------------------------------


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_journal_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "journal"


# --- validation ------------------------------------------------------------------------------

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
# Characters that would break the one line a setting is shown in, or a path given to the OS.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")
_HOST_RE = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b",
            "\f": "\\f"}
_SHOWN_CHARS = 40  # how much of a wrong value or key a message quotes
_PATH_CHARS = 1024
_URL_CHARS = 2048
_CA_BYTES = 16 * 1024 * 1024  # far above any real bundle; a bigger file is not one
_DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Check:
    """How one setting is checked: ``convert`` returns the typed value, or None when the value
    does not fit; ``expect`` is the catalog key of what is expected, filled with ``params``."""

    convert: Callable[[Any], Any]
    expect: str
    params: dict[str, object] = field(default_factory=dict)
    secret: bool = False  # never shown back, even when wrong (R12)


class _Unfit(Exception):
    """Raised by a check whose refusal needs its own words, or whose value must not be shown
    as written (a password in the dealer's address)."""

    def __init__(self, expect: str, shown: Any, **params: object) -> None:
        super().__init__(expect)
        self.expect = expect
        self.shown = shown
        self.params = params


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _whole(low: int, high: int, expect: str) -> Check:
    """A whole number from ``low`` to ``high``: an unbounded one overflows later (a timedelta
    of 2**63 minutes), a float is not a count."""

    def convert(v: Any) -> Any:
        return v if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high else None

    return Check(convert, expect, {"low": low, "high": high})


def _seconds(low: float, high: float) -> Check:
    """A number of seconds from ``low`` to ``high``. The comparisons also refuse inf (a wait
    that never ends) and nan (which compares false with everything)."""

    def convert(v: Any) -> Any:
        return float(v) if _is_number(v) and low <= v <= high else None

    return Check(convert, "config.expect.seconds", {"low": f"{low:g}", "high": f"{high:g}"})


def _one_line(v: Any, high: int) -> bool:
    return isinstance(v, str) and len(v) <= high and _CONTROL_RE.search(v) is None


def _text(high: int) -> Check:
    """A text shown on screen: one line (a newline or NUL would break the layout) and short."""
    return Check(lambda v: v if _one_line(v, high) else None, "config.expect.text",
                 {"high": high})


def _text_list(most: int, high: int) -> Check:
    def convert(v: Any) -> Any:
        if isinstance(v, list) and len(v) <= most and all(_one_line(x, high) for x in v):
            return tuple(v)
        return None

    return Check(convert, "config.expect.text_list", {"most": most, "high": high})


def _language(v: Any) -> Any:
    return v if v in ("es", "en") else None


def _folder(v: Any) -> Any:
    """A folder path; "~name" must name a user of this PC, or pathlib raises when it is used."""
    if not _one_line(v, _PATH_CHARS):
        return None
    if v.startswith("~") and os.path.expanduser(v) == v:
        return None
    return v


def _journal_folder(v: Any) -> Any:
    """The journal's folder: a folder path (``_folder``) that, when it exists, is a folder;
    the app never makes its notebook in, nor changes the mode of, a file it is pointed at."""
    if _folder(v) is None:
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
            raise _Unfit("config.expect.folder_not_file", v)
    return v


def _url(v: Any) -> Any:
    """The dealer's base address: http(s), a host, and nothing the HTTP client would mangle or
    send in the clear (a space, a control character, a query, a user and password)."""
    if not isinstance(v, str) or len(v) > _URL_CHARS:
        return None
    if "@" in v:  # before parsing: no refusal may quote the password back
        scheme = v.partition(":")[0]
        raise _Unfit("config.expect.url_no_credentials", f"{scheme}://***@{v.rpartition('@')[2]}")
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


def _time_of_day(v: Any) -> Any:
    if isinstance(v, str) and (m := _TIME_RE.match(v)):
        return time(int(m.group(1)), int(m.group(2)))
    if isinstance(v, time) and v.tzinfo is None:
        return v.replace(second=0, microsecond=0)
    return None


def _ca_bundle(v: Any) -> Any:
    """Empty (the system's certificates) or a PEM file that loads: a wrong path must stop the
    start, not turn every call to the dealer into a "connection lost"."""
    if not _one_line(v, _PATH_CHARS):
        return None
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


def _timezone(v: Any) -> Any:
    if not isinstance(v, str) or len(v) > 64:
        return None
    if not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", v):
        return None
    try:
        zone_named(v)
    except (ValueError, OSError, LookupError):  # ZoneInfoNotFoundError is a KeyError
        return None
    return v


def _dealer_kind(v: Any) -> Any:
    from .dealer.registry import names

    if isinstance(v, str) and v in names():
        return v
    raise _Unfit("config.expect.dealer_kind", v, kinds=", ".join(f'"{n}"' for n in names()))


def text_setting(high: int) -> Check:
    """A text shown on screen: one line and at most ``high`` characters."""
    return _text(high)


def secret_setting(pattern: str, expect: str) -> Check:
    """A secret (a key, a nip, a licence) that ``pattern`` describes whole: never shown back,
    even in the line that says it is wrong (R12)."""
    compiled = re.compile(pattern)

    def convert(v: Any) -> Any:
        return v if isinstance(v, str) and compiled.fullmatch(v) else None

    return Check(convert, expect, secret=True)


def _terminal_id(v: Any) -> Any:
    # fullmatch: with match and "$", a trailing newline would pass.
    return v if isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,32}", v) else None


_TIMEOUT = _seconds(0.1, 600)
_MINUTES = _whole(1, _DAY_MINUTES, "config.expect.minutes")
_PESOS = _whole(1, 10_000, "config.expect.pesos")
_CONTACT = _text(200)

SCHEMA: dict[str, tuple[type, dict[str, Check]]] = {
    "app": (
        AppSettings,
        {
            "language": Check(_language, "config.expect.language"),
            "journal_dir": Check(_journal_folder, "config.expect.folder", {"high": _PATH_CHARS}),
            "claims_days": _whole(1, 366, "config.expect.days"),
            "duplicate_warning_minutes": _MINUTES,
            "timezone": Check(_timezone, "config.expect.timezone"),
            "shop_name": _text(60),
        },
    ),
    "dealer": (
        DealerSettings,
        {
            "url": Check(_url, "config.expect.url"),
            "terminal_id": Check(_terminal_id, "config.expect.terminal_id"),
            "ca_bundle": Check(_ca_bundle, "config.expect.ca_bundle"),
            "connect_timeout": _TIMEOUT,
            "read_timeout": _TIMEOUT,
            "send_timeout": _TIMEOUT,
            "notices_refresh_seconds": _whole(5, 3600, "config.expect.whole_seconds"),
            "kind": Check(_dealer_kind, "config.expect.dealer_kind"),
            # and a [dealer.<kind>] section for each kind (dealer/registry.py)
        },
    ),
    "procedure": (
        ProcedureSettings,
        {
            "peak_start": Check(_time_of_day, "config.expect.time"),
            "peak_end": Check(_time_of_day, "config.expect.time"),
            "slow_latency_seconds": _TIMEOUT,
            "reflection_minutes": _MINUTES,
            "deferral_minutes": _MINUTES,
        },
    ),
    "cash": (
        CashSettings,
        {
            "large_bill_pesos": _PESOS,
            "small_topup_pesos": _PESOS,
            "check_bill_pesos": _PESOS,
        },
    ),
    "contacts": (
        ContactSettings,
        {
            "email": _CONTACT,
            "chat": _text_list(10, 200),
            "phone": _CONTACT,
            "address": _text(300),
            "admin_email": _CONTACT,
        },
    ),
    # Its checks live with the printer (printing/settings.py).
    "printer": (PrinterSettings, {key: Check(convert, expect)
                                  for key, (convert, expect) in PRINTER_CHECKS.items()}),
}


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
    sections = {name: _section(name, cls, checks, data.get(name, {}), problems)
                for name, (cls, checks) in SCHEMA.items()}
    settings = Settings(**sections, source=str(file), notes=tuple(problems.notes))
    _check_together(settings, problems)
    if problems.lines:
        raise ConfigError(*problems.lines)
    return settings


def _check_top_level(data: dict[str, Any], problems: _Problems) -> None:
    """Outside any section only the known sections stand; a loose key is told where it goes."""
    for name, value in data.items():
        if name in SCHEMA:
            continue
        if isinstance(value, dict):
            problems.say(name, "config.unknown_section", key=_key(name),
                         known=", ".join(SCHEMA))
            continue
        home = next((s for s, (_, checks) in SCHEMA.items() if name in checks), "app")
        problems.say(name, "config.top_level_key", key=_key(name), section=home)


def _section(name: str, cls: type, checks: dict[str, Check], table: Any,
             problems: _Problems) -> Any:
    if not isinstance(table, dict):
        problems.bad(f"[{name}]", "config.expect.table", table)
        problems.keys.add(name)  # none of its keys is judged with another
        return cls()
    if name == "dealer":
        return _dealer(table, checks, problems)
    values: dict[str, Any] = {}
    for key, value in table.items():
        check = checks.get(key)
        if check is None:
            problems.say(f"{name}.{key}", "config.unknown_key", key=f"{name}.{_key(key)}",
                         known=_known(checks, problems.lang))
            continue
        _checked(check, f"{name}.{key}", value, problems, values, key)
    return cls(**values)


def _known(keys: Iterable[str], lang: str) -> str:
    return ", ".join(keys) or t("config.no_keys", lang=lang)


def _checked(check: Check, key: str, value: Any, problems: _Problems, into: dict[str, Any],
             name: str) -> None:
    """``into[name]`` the typed value, or the problem said (the default stays)."""
    try:
        converted = check.convert(value)
    except _Unfit as unfit:
        problems.bad(key, unfit.expect, unfit.shown, secret=check.secret, **unfit.params)
        return
    if converted is None:
        problems.bad(key, check.expect, value, secret=check.secret, **check.params)
        return
    into[name] = converted


def _dealer(table: dict[str, Any], checks: dict[str, Check], problems: _Problems
            ) -> DealerSettings:
    """``[dealer]``: the keys every dealer has, and a ``[dealer.<kind>]`` section per kind
    (dealer/registry.py). An old key of a kind's, still written in ``[dealer]``, is read as
    its own section's, and check-config says where it goes now."""
    from .dealer import registry

    values: dict[str, Any] = {}
    tables: dict[str, dict[str, tuple[str, Any]]] = {}  # kind -> key -> (as written, value)
    for key, value in table.items():
        check = checks.get(key)
        if check is not None:
            _checked(check, f"dealer.{key}", value, problems, values, key)
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
            known = [*checks, *(f"[dealer.{n}]" for n in registry.names())]
            problems.say(f"dealer.{key}", "config.unknown_key", key=f"dealer.{_key(key)}",
                         known=", ".join(known))
    sections = tuple(_kind_section(registry.get(name), found, problems)
                     for name, found in tables.items())
    return DealerSettings(**values, sections=sections)


def _kind_section(kind: Any, found: dict[str, tuple[str, Any]], problems: _Problems) -> Any:
    values: dict[str, Any] = {}
    for key, (written, value) in found.items():
        check = kind.checks.get(key)
        if check is None:
            problems.say(f"dealer.{written}", "config.unknown_key",
                         key=f"dealer.{kind.name}.{_key(key)}",
                         known=_known(kind.checks, problems.lang))
            continue
        _checked(check, f"dealer.{written}", value, problems, values, key)
    return kind.settings(**values)


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
    found = _TOML_AT.fullmatch(str(exc))
    reason, line, column = (found.group(1), found.group(2), found.group(3)) if found else \
        (str(exc), None, None)
    at = t("config.toml.at", line=line, column=column) if line else t("config.toml.at_end")
    for pattern, key in _TOML_REASONS:
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
_TOML_AT = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)", re.S)
_TOML_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), key) for pattern, key in (
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
    ))


def readable_by_others(path: Path) -> bool:
    """True when users other than the owner may read the file (it names the terminal id)."""
    try:
        return os.name == "posix" and bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
