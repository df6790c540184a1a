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
from collections.abc import Callable
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
    """A config problem, already worded for the person who set up the shop PC."""


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
    kind: str = "v1"  # which protocol the dealer speaks: "v1", "taecel", "transact"
    name: str = ""    # how the screens name the dealer ("Pagaqui"); "" for the kind's own
    # transact: the licence GetTRequestID asks for; a secret like a password (R12), also
    # from the environment (LICENCE_ENV), which wins
    licence: str = field(default="", repr=False)
    # Taecel's account: secrets (R12), better given in the environment (RECARGA_TAECEL_KEY,
    # RECARGA_TAECEL_NIP); the nip may also be typed at the login instead.
    taecel_key: str = field(default="", repr=False)
    taecel_nip: str = field(default="", repr=False)


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


class _Unfit(Exception):
    """Raised by a check whose refusal needs its own words, or whose value must not be shown
    as written (a password in the dealer's address)."""

    def __init__(self, expect: str, shown: str) -> None:
        super().__init__(expect)
        self.expect = expect
        self.shown = shown


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


DEALER_KINDS = ("v1", "taecel", "transact")
LICENCE_ENV = "RECARGA_DEALER_LICENCE"
# Never shown back, even in the line that says they are wrong (R12).
SECRET_KEYS = frozenset({"dealer.taecel_key", "dealer.taecel_nip", "dealer.licence"})


def _dealer_kind(v: Any) -> Any:
    return v if v in DEALER_KINDS else None


def _licence(v: Any) -> Any:
    """A licence as distributors hand them out: letters, digits and a few signs, no blanks."""
    return v if isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_.:@+/=-]{0,128}", v) else None


def dealer_licence(settings: DealerSettings) -> str:
    """The licence to send: the environment's when set (a valid one), else the config's."""
    found = _licence(os.environ.get(LICENCE_ENV, ""))
    return found or settings.licence


def _secret(v: Any) -> Any:
    """A key or nip: printable, no spaces, at most 128 characters (never shown back)."""
    return v if isinstance(v, str) and re.fullmatch(r"[!-~]{0,128}", v) else None


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
            "journal_dir": Check(_folder, "config.expect.folder", {"high": _PATH_CHARS}),
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
            "name": _text(60),
            "licence": Check(_licence, "config.expect.licence"),
            "taecel_key": Check(_secret, "config.expect.secret"),
            "taecel_nip": Check(_secret, "config.expect.secret"),
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


def _fail(where: str, key: str, expect: str, got: Any, lang: str,
          **params: object) -> ConfigError:
    return ConfigError(
        t(
            "config.bad_value",
            lang=lang,
            file=where,
            key=key,
            expected=t(expect, lang=lang, **params),
            got=t("config.hidden", lang=lang) if key in SECRET_KEYS else _show(got),
        )
    )


def parse(data: dict[str, Any], file: Path) -> Settings:
    """Typed settings from parsed TOML, or one :class:`ConfigError` for the first problem."""
    raw_lang = data.get("app", {}).get("language") if isinstance(data.get("app"), dict) else None
    lang = raw_lang if raw_lang in ("es", "en") else "es"
    where = shown_path(file)
    _check_top_level(data, where, lang)
    sections = {name: _section(name, cls, checks, data.get(name, {}), where, lang)
                for name, (cls, checks) in SCHEMA.items()}
    settings = Settings(**sections, source=str(file))
    _check_together(settings, where, lang)
    return settings


def _check_top_level(data: dict[str, Any], where: str, lang: str) -> None:
    """Outside any section only the known sections stand; a loose key is told where it goes."""
    for name, value in data.items():
        if name in SCHEMA:
            continue
        if isinstance(value, dict):
            raise ConfigError(t("config.unknown_section", lang=lang, file=where,
                                key=_key(name), known=", ".join(SCHEMA)))
        home = next((s for s, (_, checks) in SCHEMA.items() if name in checks), "app")
        raise ConfigError(t("config.top_level_key", lang=lang, file=where, key=_key(name),
                            section=home))


def _section(name: str, cls: type, checks: dict[str, Check], table: Any, where: str,
             lang: str) -> Any:
    if not isinstance(table, dict):
        raise _fail(where, f"[{name}]", "config.expect.table", table, lang)
    values: dict[str, Any] = {}
    for key, value in table.items():
        check = checks.get(key)
        if check is None:
            raise ConfigError(t("config.unknown_key", lang=lang, file=where,
                                key=f"{name}.{_key(key)}", known=", ".join(checks)))
        values[key] = _checked(check, f"{name}.{key}", value, where, lang)
    return cls(**values)


def _checked(check: Check, key: str, value: Any, where: str, lang: str) -> Any:
    try:
        converted = check.convert(value)
    except _Unfit as unfit:
        raise _fail(where, key, unfit.expect, unfit.shown, lang) from None
    if converted is None:
        raise _fail(where, key, check.expect, value, lang, **check.params)
    return converted


def _check_together(s: Settings, where: str, lang: str) -> None:
    """Rules that span two keys."""
    if s.procedure.peak_start == s.procedure.peak_end:
        raise _fail(where, "procedure.peak_end", "config.expect.peak_end",
                    s.procedure.peak_end.strftime("%H:%M"), lang)
    if s.cash.small_topup_pesos >= s.cash.large_bill_pesos:
        raise _fail(where, "cash.small_topup_pesos", "config.expect.small_below_large",
                    s.cash.small_topup_pesos, lang)
    if (needed := missing_setting(s.printer)) is not None:
        raise _fail(where, f"printer.{needed}", f"config.expect.printer.needs.{s.printer.kind}",
                    getattr(s.printer, needed), lang)


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
_TWICE_RE = re.compile(r"Cannot declare \((.*)\) twice")


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
    """tomllib's reason, naming a table as TOML writes it ([app]) rather than a Python tuple."""
    return shown_path(_TWICE_RE.sub(_table_declared_twice, str(exc)))


def _table_declared_twice(match: re.Match[str]) -> str:
    import ast

    try:
        keys = ast.literal_eval(f"({match.group(1)})")
    except (ValueError, SyntaxError):
        return match.group(0)
    return f"Cannot declare [{'.'.join(_key(str(k)) for k in keys)}] twice"


def readable_by_others(path: Path) -> bool:
    """True when users other than the owner may read the file (it names the terminal id)."""
    try:
        return os.name == "posix" and bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
