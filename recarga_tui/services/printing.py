"""Printing the customer's ticket and the other slips, never in the sale's way.

A sale is done before anything is printed: printing only reads the notebook, and writes one
event after the paper came out (``printed``, or ``reprinted`` for a copy). It never creates,
changes or sends a sale (R02). The printer is slow and may hang (a USB cable pulled, a
jammed roll), so :meth:`Printing.print` blocks in the caller's thread (the screens run it in
a thread worker) and gives up after the configured seconds; a printer still busy with a job
that hung refuses the next one rather than print two at once.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from msgspec import Struct

from ..config import Settings
from ..domain import shift as desk
from ..domain.close import CashClose
from ..domain.sale import EventKind, Sale, State
from ..printing.device import Opener, PrinterFault, open_printer, send, where
from ..printing.settings import PrinterSettings
from .clock import Clock
from .desk import Desk, NoCashiers, named
from .health import Health
from .notebook import Notebook

if TYPE_CHECKING:
    # The slips' layout is loaded with the first slip, not at start (docs/performance.md).
    from ..printing.slips import Shop, Slip

log = logging.getLogger(__name__)


class Printed(Struct, frozen=True):
    """How a print went: ``fault`` None when the whole slip came out."""

    slip: Slip
    fault: PrinterFault | None = None

    @property
    def ok(self) -> bool:
        return self.fault is None


class Printing:
    """The slips of the shop, laid out from the notebook and sent to the configured printer."""

    def __init__(self, settings: Settings, notebook: Notebook, clock: Clock, health: Health,
                 opener: Opener = open_printer, desk: Desk | None = None) -> None:
        self.settings = settings
        self.notebook = notebook
        self.clock = clock
        self.health = health
        self.opener = opener
        self.desk: Desk = desk or NoCashiers()  # who reprinted it, in a shop with cashiers
        self._busy = threading.Lock()

    # --- what is set ---

    @property
    def printer(self) -> PrinterSettings:
        return self.settings.printer

    @property
    def enabled(self) -> bool:
        """A printer is set, and this copy may use it: a read-only copy (the control desk
        over SSH) never prints on the shop's printer."""
        return bool(self.printer.enabled) and not getattr(self.notebook, "read_only", False)

    @property
    def auto(self) -> bool:
        """The sale ticket comes out by itself as the sale is confirmed."""
        return self.enabled and self.printer.sale_ticket == "auto"

    @property
    def where(self) -> str:
        return where(self.printer)

    # --- the slips ---

    def shop(self, name: str) -> Shop:
        from ..printing.slips import Shop

        return Shop(name, self.settings.dealer.terminal_id,
                    self.clock.now().tzinfo or self.settings.app.zone())

    def sale_ticket(self, sale: Sale, shop_name: str, *, reprint: bool = False) -> Slip:
        """The ticket of a confirmed sale; a copy once one was printed, or when asked."""
        from ..printing import slips

        sale = self.fresh(sale)
        copy = reprint or self.was_printed(sale)
        return slips.sale_ticket(
            sale, self.shop(shop_name), carrier=self.health.company_of(sale),
            product=self.product(sale), width=self.printer.columns,
            reprint_at=self.clock.now() if copy else None, code=self.printer.codes != "none")

    def deferred_slip(self, sale: Sale, shop_name: str) -> Slip:
        from ..printing import slips
        from .deferred import promised_at

        sale = self.fresh(sale)
        return slips.deferred_slip(sale, self.shop(shop_name),
                                   carrier=self.health.company_of(sale),
                                   product=self.product(sale), width=self.printer.columns,
                                   promised=promised_at(sale))

    def money_back_slip(self, sale: Sale, shop_name: str) -> Slip:
        from ..printing import slips

        sale = self.fresh(sale)
        return slips.money_back_slip(sale, self.shop(shop_name),
                                     carrier=self.health.company_of(sale),
                                     width=self.printer.columns)

    def cash_close_slip(self, close: CashClose, shop_name: str, *, kind: str,
                        used: int | None, offline: bool, no_statement: str = "") -> Slip:
        from ..printing import slips

        return slips.cash_close_slip(close, self.shop(shop_name),
                                     names=self.health.carrier_names(close.sales), kind=kind,
                                     used=used, offline=offline, width=self.printer.columns,
                                     no_statement=no_statement)

    def shift_slip(self, shift: desk.Shift, shop_name: str) -> Slip:
        """The slip of an ended shift: who, from-to, the drawer expected, counted and the
        difference, what it sold and gave back, and what it earned."""
        from ..printing import slips

        return slips.shift_slip(desk.row_of(shift), self.shop(shop_name),
                                width=self.printer.columns)

    def preview(self, slip: Slip) -> str:
        from ..printing import slips

        return slips.as_text(slip)

    def product(self, sale: Sale) -> str:
        """The product by its name, as the sale was journaled with it (the receipt's), else
        as the catalog names or describes it, else its code."""
        if sale.sold.name:
            return sale.sold.name
        for item in getattr(self.health.catalog, "products", ()):
            if item.sku == sale.sku:
                return str(item.name or item.description)
        return sale.sold.description or sale.sku

    def fresh(self, sale: Sale) -> Sale:
        return self.notebook.get(sale.ref) or sale

    @staticmethod
    def was_printed(sale: Sale) -> bool:
        return bool(sale.events_of(EventKind.PRINTED, EventKind.REPRINTED))

    # --- printing (blocks: run it in a thread worker) ---

    def print(self, slip: Slip) -> Printed:
        """Send ``slip`` to the printer and wait at most ``timeout_seconds``."""
        from ..printing.escpos_out import compose

        if not self.enabled:
            return Printed(slip, PrinterFault("missing", "no printer set"))
        if not self._busy.acquire(blocking=False):
            return Printed(slip, PrinterFault("busy"))
        outcome: list[PrinterFault | None] = []

        def job() -> None:
            try:
                send(self.printer, compose(slip, self.printer), self.opener)
                outcome.append(None)
            except PrinterFault as fault:
                outcome.append(fault)
            except Exception as exc:  # composing failed: a bug, said as one, logged whole
                log.exception("slip %s could not be composed", slip.kind)
                outcome.append(PrinterFault("unexpected", type(exc).__name__))
            finally:
                self._busy.release()

        worker = threading.Thread(target=job, name="printer", daemon=True)
        worker.start()
        worker.join(self.printer.timeout_seconds)
        fault = outcome[0] if outcome else PrinterFault("not_answering", "timeout")
        self._log(slip, fault)
        return Printed(slip, fault)

    def _log(self, slip: Slip, fault: PrinterFault | None) -> None:
        # By reference only: the customer's number stays in the notebook (logs.py).
        if fault is None:
            log.info("slip %s %s printed to %s", slip.kind, slip.ref or "-", self.where)
        else:
            log.warning("slip %s %s not printed to %s: %s%s %s", slip.kind, slip.ref or "-",
                        self.where, fault.reason, " (partway)" if fault.partway else "",
                        fault.detail)

    # --- the notebook ---

    def journal(self, printed: Printed) -> Sale | None:
        """A sale ticket that came out, as an event of its sale (nothing else changes). Only
        a confirmed sale's ticket is journaled; the disk refusing it never undoes the print."""
        slip = printed.slip
        if not printed.ok or slip.kind not in ("sale", "reprint") or not slip.ref:
            return None
        sale = self.notebook.get(slip.ref)
        if sale is None or sale.state is not State.CONFIRMED:
            return None
        kind = EventKind.REPRINTED if slip.kind == "reprint" else EventKind.PRINTED
        noted = sale.note(kind, self.clock.now(), printer=self.printer.kind, **named(self.desk))
        try:
            self.notebook.record_outcome(noted)
        except Exception as exc:  # a print is never worth a failed sale screen
            log.error("sale %s: the %s event not journaled: %s", sale.ref, kind.value, exc)
            return None
        return noted
