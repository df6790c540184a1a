"""The shop's settings: TOML (stdlib ``tomllib``) read into typed, frozen settings.

A wrong file never produces a traceback: :class:`ConfigError` carries one line that names the
file, the key and what is expected, in the cashier's language.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time, tzinfo
from pathlib import Path
from typing import Any, Callable

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

# Each check returns the converted value, or None when the value does not fit; the second
# element is the catalog key of what is expected.
Check = tuple[Callable[[Any], Any], str]


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _string(v: Any) -> Any:
    return v if isinstance(v, str) else None


def _language(v: Any) -> Any:
    return v if v in ("es", "en") else None


def _url(v: Any) -> Any:
    return v if isinstance(v, str) and re.match(r"^https?://[^\s/]+", v) else None


def _positive_int(v: Any) -> Any:
    return v if isinstance(v, int) and not _is_bool(v) and v > 0 else None


def _positive_number(v: Any) -> Any:
    if isinstance(v, (int, float)) and not _is_bool(v) and v > 0:
        return float(v)
    return None


def _time_of_day(v: Any) -> Any:
    if isinstance(v, str) and (m := _TIME_RE.match(v)):
        return time(int(m.group(1)), int(m.group(2)))
    if isinstance(v, time) and v.tzinfo is None:
        return v.replace(second=0, microsecond=0)
    return None


def _string_list(v: Any) -> Any:
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return tuple(v)
    return None


def _ca_bundle(v: Any) -> Any:
    """Empty (the system's certificates) or a PEM file that loads: a wrong path must stop the
    start, not turn every call to the dealer into a "connection lost"."""
    if not isinstance(v, str):
        return None
    if not v:
        return v
    import ssl

    path = str(Path(v).expanduser())
    try:
        ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError):
        return None
    return path


def zone_named(name: str) -> tzinfo:
    """The zone of an IANA name, from the system's database or the tzdata package (a Windows
    shop PC has no database of its own)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _timezone(v: Any) -> Any:
    if not isinstance(v, str) or not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", v):
        return None
    try:
        zone_named(v)
    except (ValueError, OSError, LookupError):  # ZoneInfoNotFoundError is a KeyError
        return None
    return v


def _terminal_id(v: Any) -> Any:
    return v if isinstance(v, str) and re.match(r"^[A-Za-z0-9_-]{1,32}$", v) else None


SCHEMA: dict[str, tuple[type, dict[str, Check]]] = {
    "app": (
        AppSettings,
        {
            "language": (_language, "config.expect.language"),
            "journal_dir": (_string, "config.expect.string"),
            "claims_days": (_positive_int, "config.expect.positive_int"),
            "duplicate_warning_minutes": (_positive_int, "config.expect.positive_int"),
            "timezone": (_timezone, "config.expect.timezone"),
        },
    ),
    "dealer": (
        DealerSettings,
        {
            "url": (_url, "config.expect.url"),
            "terminal_id": (_terminal_id, "config.expect.terminal_id"),
            "ca_bundle": (_ca_bundle, "config.expect.ca_bundle"),
            "connect_timeout": (_positive_number, "config.expect.seconds"),
            "read_timeout": (_positive_number, "config.expect.seconds"),
            "send_timeout": (_positive_number, "config.expect.seconds"),
            "notices_refresh_seconds": (_positive_int, "config.expect.positive_int"),
        },
    ),
    "procedure": (
        ProcedureSettings,
        {
            "peak_start": (_time_of_day, "config.expect.time"),
            "peak_end": (_time_of_day, "config.expect.time"),
            "slow_latency_seconds": (_positive_number, "config.expect.seconds"),
            "reflection_minutes": (_positive_int, "config.expect.positive_int"),
            "deferral_minutes": (_positive_int, "config.expect.positive_int"),
        },
    ),
    "cash": (
        CashSettings,
        {
            "large_bill_pesos": (_positive_int, "config.expect.pesos"),
            "small_topup_pesos": (_positive_int, "config.expect.pesos"),
            "check_bill_pesos": (_positive_int, "config.expect.pesos"),
        },
    ),
    "contacts": (
        ContactSettings,
        {
            "email": (_string, "config.expect.string"),
            "chat": (_string_list, "config.expect.string_list"),
            "phone": (_string, "config.expect.string"),
            "address": (_string, "config.expect.string"),
            "admin_email": (_string, "config.expect.string"),
        },
    ),
    "printer": (PrinterSettings, PRINTER_CHECKS),  # its checks: printing/settings.py
}


def _fail(file: Path, key: str, expect_key: str, got: Any, lang: str) -> ConfigError:
    return ConfigError(
        t(
            "config.bad_value",
            lang=lang,
            file=str(file),
            key=key,
            expected=t(expect_key, lang=lang),
            got=_show(got),
        )
    )


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def parse(data: dict[str, Any], file: Path) -> Settings:
    """Typed settings from parsed TOML, or one :class:`ConfigError` for the first problem."""
    raw_lang = data.get("app", {}).get("language") if isinstance(data.get("app"), dict) else None
    lang = raw_lang if raw_lang in ("es", "en") else "es"
    sections: dict[str, Any] = {}
    for name in data:
        if name not in SCHEMA:
            raise ConfigError(
                t("config.unknown_section", lang=lang, file=str(file), key=name,
                  known=", ".join(SCHEMA))
            )
    for name, (cls, checks) in SCHEMA.items():
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise _fail(file, f"[{name}]", "config.expect.table", table, lang)
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in checks:
                raise ConfigError(
                    t("config.unknown_key", lang=lang, file=str(file), key=f"{name}.{key}",
                      known=", ".join(checks))
                )
            convert, expect = checks[key]
            converted = convert(value)
            if converted is None:
                raise _fail(file, f"{name}.{key}", expect, value, lang)
            values[key] = converted
        sections[name] = cls(**values)
    settings = Settings(**sections, source=str(file))
    _check_together(settings, file, lang)
    return settings


def _check_together(s: Settings, file: Path, lang: str) -> None:
    """Rules that span two keys."""
    if s.procedure.peak_start == s.procedure.peak_end:
        raise _fail(file, "procedure.peak_end", "config.expect.peak_end",
                    s.procedure.peak_end.strftime("%H:%M"), lang)
    if s.cash.small_topup_pesos >= s.cash.large_bill_pesos:
        raise _fail(file, "cash.small_topup_pesos", "config.expect.small_below_large",
                    s.cash.small_topup_pesos, lang)
    if (needed := missing_setting(s.printer)) is not None:
        raise _fail(file, f"printer.{needed}", f"config.expect.printer.needs.{s.printer.kind}",
                    getattr(s.printer, needed), lang)


def load(path: Path | str | None = None, *, required: bool = False) -> Settings:
    """Read the settings from ``path`` (or the default place).

    With no path and no file at the default place, the defaults are used, so a fresh shop PC
    starts; a path that was asked for must exist.
    """
    file = Path(path).expanduser() if path else default_config_path()
    if not file.exists():
        if path is None and not required:
            return Settings()
        raise ConfigError(t("config.missing_file", file=str(file)))
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(t("config.unreadable", file=str(file), reason=exc.strerror or exc))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(t("config.not_utf8", file=str(file)))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(t("config.bad_toml", file=str(file), reason=str(exc)))
    return parse(data, file)


def readable_by_others(path: Path) -> bool:
    """True when users other than the owner may read the file (it names the terminal id)."""
    try:
        return os.name == "posix" and bool(path.stat().st_mode & 0o044)
    except OSError:
        return False
