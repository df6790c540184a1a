"""The ``[printer]`` section of the config: which printer, how it is reached, the paper and
the code page, and when the sale ticket is printed.

Kept apart from ``config.py`` so the printer's settings and their checks live in one place;
``config.py`` only names the section. Each check returns the converted value or None, as the
other sections' checks do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

KINDS = ("none", "usb", "serial", "network", "cups", "file")
# Paper width in millimetres -> characters a line holds in the printer's standard font A.
COLUMNS = {58: 32, 80: 48}
# Code pages that print Spanish (á é í ó ú ñ ¿ ¡), as python-escpos names them.
CODE_PAGES = ("CP858", "CP850", "CP437", "CP1252", "ISO_8859-15")
WHEN = ("auto", "key")
CODES = ("none", "qr", "barcode")


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = "none"
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_device: str = ""
    serial_baudrate: int = 9600
    network_host: str = ""
    network_port: int = 9100
    cups_printer: str = ""
    file_path: str = ""
    paper_mm: int = 58
    code_page: str = "CP858"  # prints á é ñ ¿ (and €) on most thermal printers
    sale_ticket: str = "key"  # "auto": printed as the sale is confirmed; "key": on P
    codes: str = "none"       # the folio as a QR or barcode, where the printer can
    cut: bool = True
    timeout_seconds: float = 10.0

    @property
    def columns(self) -> int:
        return COLUMNS[self.paper_mm]

    @property
    def enabled(self) -> bool:
        return self.kind != "none"


def _one_of(choices: tuple[Any, ...]) -> Callable[[Any], Any]:
    return lambda v: v if v in choices and not isinstance(v, bool) else None


def _usb_id(v: Any) -> Any:
    """0x0416 in TOML is already a number; "0x0416" or "0416" as text is read as hex (how
    ``lsusb`` shows it). 0 is "not set" (the default): a USB printer needs both."""
    if isinstance(v, str) and re.fullmatch(r"(0x)?[0-9A-Fa-f]{1,4}", v):
        v = int(v, 16)
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 0xFFFF else None


def _text(v: Any) -> Any:
    return v if isinstance(v, str) else None


def _port(v: Any) -> Any:
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536 else None


def _baudrate(v: Any) -> Any:
    rates = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
    return v if v in rates and not isinstance(v, bool) else None


def _flag(v: Any) -> Any:
    return v if isinstance(v, bool) else None


def _seconds(v: Any) -> Any:
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and 0 < v <= 120
    return float(v) if ok else None


PRINTER_CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "kind": (_one_of(KINDS), "config.expect.printer.kind"),
    "usb_vendor_id": (_usb_id, "config.expect.printer.usb_id"),
    "usb_product_id": (_usb_id, "config.expect.printer.usb_id"),
    "serial_device": (_text, "config.expect.string"),
    "serial_baudrate": (_baudrate, "config.expect.printer.baudrate"),
    "network_host": (_text, "config.expect.string"),
    "network_port": (_port, "config.expect.printer.port"),
    "cups_printer": (_text, "config.expect.string"),
    "file_path": (_text, "config.expect.string"),
    "paper_mm": (_one_of(tuple(COLUMNS)), "config.expect.printer.paper"),
    "code_page": (_one_of(CODE_PAGES), "config.expect.printer.code_page"),
    "sale_ticket": (_one_of(WHEN), "config.expect.printer.when"),
    "codes": (_one_of(CODES), "config.expect.printer.codes"),
    "cut": (_flag, "config.expect.bool"),
    "timeout_seconds": (_seconds, "config.expect.printer.timeout"),
}

# What each kind of printer cannot do without: the key that must be set.
NEEDS = {"usb": ("usb_vendor_id", "usb_product_id"), "serial": ("serial_device",),
         "network": ("network_host",), "cups": ("cups_printer",), "file": ("file_path",)}


def missing_setting(printer: PrinterSettings) -> str | None:
    """The first key the chosen kind needs and the file left out (None: nothing missing)."""
    for name in NEEDS.get(printer.kind, ()):
        if not getattr(printer, name):
            return name
    return None
