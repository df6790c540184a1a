"""The ``[printer]`` section of the config: which printer, how it is reached, the paper and
the code page, and when the sale ticket is printed.

Kept apart from ``config.py`` so the printer's settings live in one place, each declared once
with its type, bounds and words (``setting.py``); ``config.py`` only names the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from msgspec import Meta

from ..setting import Expect

Kind = Literal["none", "usb", "serial", "network", "cups", "file"]
# Paper width in millimetres -> characters a line holds in the printer's standard font A.
COLUMNS = {58: 32, 80: 48}
# Code pages that print Spanish (á é í ó ú ñ ¿ ¡), as python-escpos names them.
CodePage = Literal["CP858", "CP850", "CP437", "CP1252", "ISO_8859-15"]
When = Literal["auto", "key"]
Codes = Literal["none", "qr", "barcode"]


def _hex(v: Any) -> Any:
    """0x0416 in TOML is already a number; "0x0416" or "0416" as text is read as hex (how
    ``lsusb`` shows it)."""
    if isinstance(v, str) and re.fullmatch(r"(0x)?[0-9A-Fa-f]{1,4}", v):
        return int(v, 16)
    return v


def _whole_float(v: Any) -> Any:
    """58.0 is 58: a whole number written with a point is read as the number."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


# 0 is "not set" (the default): a USB printer needs both.
UsbId = Annotated[int, Meta(ge=0, le=0xFFFF), Expect("config.expect.printer.usb_id", read=_hex)]
AnyText = Annotated[str, Expect("config.expect.string")]


@dataclass(frozen=True)
class PrinterSettings:
    kind: Annotated[Kind, Expect("config.expect.printer.kind")] = "none"
    usb_vendor_id: UsbId = 0
    usb_product_id: UsbId = 0
    serial_device: AnyText = ""
    serial_baudrate: Annotated[
        Literal[1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200],
        Expect("config.expect.printer.baudrate", read=_whole_float)] = 9600
    network_host: AnyText = ""
    network_port: Annotated[int, Meta(gt=0, lt=65536), Expect("config.expect.printer.port")] = 9100
    cups_printer: AnyText = ""
    file_path: AnyText = ""
    paper_mm: Annotated[Literal[58, 80],
                        Expect("config.expect.printer.paper", read=_whole_float)] = 58
    # Prints á é ñ ¿ (and €) on most thermal printers.
    code_page: Annotated[CodePage, Expect("config.expect.printer.code_page")] = "CP858"
    # "auto": printed as the sale is confirmed; "key": on P.
    sale_ticket: Annotated[When, Expect("config.expect.printer.when")] = "key"
    # The folio as a QR or barcode, where the printer can.
    codes: Annotated[Codes, Expect("config.expect.printer.codes")] = "none"
    cut: Annotated[bool, Expect("config.expect.bool")] = True
    timeout_seconds: Annotated[float, Meta(gt=0, le=120),
                               Expect("config.expect.printer.timeout")] = 10.0

    @property
    def columns(self) -> int:
        return COLUMNS[self.paper_mm]

    @property
    def enabled(self) -> bool:
        return self.kind != "none"


# What each kind of printer cannot do without: the key that must be set.
NEEDS = {"usb": ("usb_vendor_id", "usb_product_id"), "serial": ("serial_device",),
         "network": ("network_host",), "cups": ("cups_printer",), "file": ("file_path",)}


def missing_setting(printer: PrinterSettings) -> str | None:
    """The first key the chosen kind needs and the file left out (None: nothing missing)."""
    for name in NEEDS.get(printer.kind, ()):
        if not getattr(printer, name):
            return name
    return None
