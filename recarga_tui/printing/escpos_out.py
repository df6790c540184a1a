"""A slip as ESC/POS commands, made with python-escpos on its ``Dummy`` printer.

The whole job is composed in memory first, one chunk of bytes per line of the slip, and only
then sent to the device (``device.py``): a printer that stops partway is met between two
lines, and what was composed is the same whichever printer it goes to (the tests read it).
"""

from __future__ import annotations

from typing import Any

from .settings import PrinterSettings
from .slips import Line, Slip, Style

# python-escpos's code page names -> Python's, to read a job back (tests, the demo's file).
PYTHON_CODEC = {"CP858": "cp858", "CP850": "cp850", "CP437": "cp437", "CP1252": "cp1252",
                "ISO_8859-15": "iso8859_15"}


def compose(slip: Slip, printer: PrinterSettings) -> list[bytes]:
    """The job for ``slip``: reset, code page, each line, feed and cut; one chunk a line."""
    from escpos.printer import Dummy

    out = Dummy()
    out.hw("INIT")
    out.charcode(printer.code_page)  # fixed: no code page switches in the middle of a word
    chunks = [_take(out)]
    style: Style | None = None
    for line in slip.lines:
        style = _line(out, line, printer, style)
        chunks.append(_take(out))
    out.set_with_default()
    if printer.cut:
        out.cut()  # feeds the paper past the cutter first
    else:
        out.ln(4)
    chunks.append(_take(out))
    return [chunk for chunk in chunks if chunk]


def _take(out: Any) -> bytes:
    data: bytes = out.output
    out.clear()
    return data


STYLES: dict[Style, dict[str, Any]] = {
    Style.TITLE: {"align": "center", "bold": True, "double_width": True, "double_height": True},
    Style.CENTER: {"align": "center"},
    Style.BOLD: {"bold": True},
}


def _line(out: Any, line: Line, printer: PrinterSettings, current: Style | None) -> Style | None:
    """One line; the style is sent only where it changes (fewer bytes down a serial line).
    Returns the style the printer is left in."""
    if line.style is Style.CODE:
        _code(out, line.text, printer)
        return None
    if line.style is not current:
        out.set_with_default(**STYLES.get(line.style, {}))
    out.textln(line.text)
    return line.style


def _code(out: Any, text: str, printer: PrinterSettings) -> None:
    """The folio as a QR code or a CODE128 barcode, drawn by the printer itself (no image
    to send over a slow serial line); printers without it print nothing in its place."""
    out.set_with_default(align="center")
    if printer.codes == "qr":
        out.qr(text, size=6 if printer.columns > 32 else 4, native=True)
        out.ln()
    elif printer.codes == "barcode":
        # The renderer itself, not ``barcode()``: that one print()s "Using hardware barcode
        # renderer" to the standard output, which is the cashier's screen.
        out._hw_barcode("{B" + text, "CODE128", width=2 if printer.columns <= 32 else 3,
                        pos="BELOW", function_type="B", check=False)
        out.ln()


def decode(job: bytes, printer: PrinterSettings) -> str:
    """A job read back as text in its code page (commands show as control characters)."""
    return job.decode(PYTHON_CODEC[printer.code_page], errors="replace")
