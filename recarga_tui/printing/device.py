"""The printer itself: python-escpos's printer classes opened from the ``[printer]`` settings,
and what goes wrong with them put in the shop's words.

Everything here blocks (USB, serial and sockets); the service runs it in a thread with a
timeout, never on the screen's thread. Every failure becomes a :class:`PrinterFault` with a
reason the catalog words (``print.fail.<reason>``): it is always the shop's own (R01), and the
sale it is for is already done whatever happens here.
"""

from __future__ import annotations

import errno
import logging
import socket
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, Protocol

from .settings import PrinterSettings

log = logging.getLogger(__name__)

# Why a print failed; each has its words and its next step in the catalog.
REASONS = ("missing", "permission", "not_answering", "no_paper", "stopped", "no_driver",
           "busy", "unexpected")


class PrinterFault(Exception):
    """A print that did not complete. ``partway``: some of the ticket came out."""

    def __init__(self, reason: str, detail: str = "", partway: bool = False) -> None:
        super().__init__(reason, detail)
        self.reason = reason if reason in REASONS else "unexpected"
        self.detail = detail
        self.partway = partway


class Device(Protocol):
    """What the app needs of a printer: python-escpos's printer classes have it."""

    def _raw(self, msg: bytes) -> None: ...

    def close(self) -> None: ...


Opener = Callable[[PrinterSettings], Device]


def open_printer(printer: PrinterSettings) -> Device:
    """The configured printer, opened (python-escpos opens on first use; this opens now, so
    a missing printer is found before anything is sent)."""
    device: Device = _make(printer)
    open_ = getattr(device, "open", None)
    if callable(open_):
        open_()
    return device


def _make(printer: PrinterSettings) -> Any:
    from escpos import printer as escpos_printer

    timeout = printer.timeout_seconds
    if printer.kind == "usb":
        return escpos_printer.Usb(printer.usb_vendor_id, printer.usb_product_id,
                                  timeout=int(timeout * 1000))
    if printer.kind == "serial":
        return escpos_printer.Serial(printer.serial_device, baudrate=printer.serial_baudrate,
                                     timeout=timeout)
    if printer.kind == "network":
        return escpos_printer.Network(printer.network_host, port=printer.network_port,
                                      timeout=timeout)
    if printer.kind == "cups":
        return escpos_printer.CupsPrinter(printer.cups_printer)
    if printer.kind == "file":
        return _append_file(printer.file_path)
    raise PrinterFault("missing", "no printer set")


def _append_file(path: str) -> Any:
    """python-escpos's ``File`` that adds to the file rather than emptying it: the demo's
    file keeps every ticket printed, and a device file (``/dev/usb/lp0``) takes it alike."""
    from pathlib import Path

    from escpos.exceptions import DeviceNotFoundError
    from escpos.printer import File

    class AppendFile(File):  # type: ignore[misc]  # python-escpos publishes no types
        device: BinaryIO | None

        def open(self, raise_not_found: bool = True) -> None:
            try:
                self.device = open(Path(self.devfile).expanduser(), "ab")
            except OSError as exc:
                self.device = None
                raise DeviceNotFoundError(str(exc)) from exc

    return AppendFile(path)


def send(printer: PrinterSettings, chunks: Sequence[bytes], opener: Opener = open_printer) -> None:
    """Open the printer, make sure it has paper where it can tell, send the job chunk by
    chunk, close it. Any failure is a :class:`PrinterFault`."""
    sent = 0
    device: Any = None
    try:
        device = opener(printer)
        if printer.kind == "usb":
            _check_paper(device)
        for chunk in chunks:
            device._raw(chunk)
            sent += 1
        device.close()
    except PrinterFault:
        raise
    except Exception as exc:  # the printer's library raises many kinds; all mean "not printed"
        _close_quietly(device)
        raise classify(exc, partway=sent > 0) from exc


def _check_paper(device: Any) -> None:
    """Ask a USB printer whether it has paper (it answers within a second, or not at all;
    a serial line or a socket would wait the whole timeout). One that does not answer the
    question is not refused for it: the print then says what happens."""
    ask = getattr(device, "paper_status", None)
    if not callable(ask):
        return
    try:
        status = ask()
    except Exception as exc:  # NotImplementedError for files and CUPS, timeouts for others
        log.debug("printer paper status not known: %s", type(exc).__name__)
        return
    if status == 0:
        raise PrinterFault("no_paper")


def _close_quietly(device: Any) -> None:
    if device is None:
        return
    try:
        device.close()
    except Exception:  # already failing: the first error is the one the cashier reads
        pass


def classify(exc: BaseException, partway: bool = False) -> PrinterFault:
    """What a printer library's exception means for the cashier."""
    name = type(exc).__name__
    detail = str(exc)[:200]
    if isinstance(exc, PermissionError) or getattr(exc, "errno", None) in (errno.EACCES,
                                                                          errno.EPERM):
        return PrinterFault("permission", detail, partway)
    if isinstance(exc, (TimeoutError, socket.timeout)) or "timeout" in name.lower() \
            or getattr(exc, "errno", None) == errno.ETIMEDOUT:
        return PrinterFault("not_answering", detail, partway)
    if partway:
        return PrinterFault("stopped", detail, partway)
    if name in ("DeviceNotFoundError", "USBNotFoundError") or isinstance(
            exc, (FileNotFoundError, ConnectionError, socket.gaierror)):
        return PrinterFault("missing", detail)
    if isinstance(exc, ImportError) or (isinstance(exc, RuntimeError)
                                        and "requires" in detail):
        # python-escpos without pyusb, pyserial or pycups: "... requires a usb library".
        return PrinterFault("no_driver", detail)
    if isinstance(exc, OSError):
        return PrinterFault("missing", detail)
    return PrinterFault("unexpected", f"{name}: {detail}")


def where(printer: PrinterSettings) -> str:
    """The printer as the cashier and the log name it (never a secret: there is none)."""
    if printer.kind == "usb":
        return f"USB {printer.usb_vendor_id:04x}:{printer.usb_product_id:04x}"
    if printer.kind == "serial":
        return printer.serial_device
    if printer.kind == "network":
        return f"{printer.network_host}:{printer.network_port}"
    if printer.kind == "cups":
        return printer.cups_printer
    return printer.file_path
