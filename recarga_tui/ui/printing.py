"""Printing from a screen: the slip goes to ``services.printing`` in a thread worker of the
App (python-escpos blocks; the screen never waits, and a slip started as the screen closes
still comes out), and what happened is said where the cashier looks: on the screen's message
line while it is on top, in a corner message once it is not.

A failure is the shop's (R01) and never touches the sale, which is already done: the words
say what failed, what to do, and the key that prints again.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from textual.worker import WorkerState

from ..domain.faults import Origin, name_key
from ..domain.sale import Sale, State
from ..i18n import t
from ..printing.slips import Slip
from ..services.printing import Printed
from .screens.base import ShopScreen

log = logging.getLogger(__name__)

GROUP = "print"


def printing_now(screen: ShopScreen) -> bool:
    return any(w.group == GROUP and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
               for w in screen.app.workers)


def start_print(screen: ShopScreen, slip: Slip, key_name: str) -> None:
    """Print ``slip`` off the screen's thread; ``key_name`` is the key that prints again."""
    app = screen.app
    if printing_now(screen):
        screen.say(t("print.busy_here"), level="warning")
        return
    printing = screen.shop.services.printing
    screen.say(t("print.printing"))

    def job() -> None:
        printed = printing.print(slip)  # bounded by the printer's timeout
        try:
            app.call_from_thread(finish, printed)
        except RuntimeError:  # the app closed meanwhile: the log has it (services/printing)
            pass

    def finish(printed: Printed) -> None:
        printing.journal(printed)
        tell(screen, outcome_text(printed, printing.where, key_name), printed.ok)

    app.run_worker(job, name=f"print-{slip.kind}", group=GROUP, thread=True,
                   exit_on_error=False)


def tell(screen: ShopScreen, text: str, ok: bool) -> None:
    top: object = screen.app.screen
    if screen.is_attached and top is screen:
        screen.say(text, level="info" if ok else "error")
    else:
        screen.shop.notify(text, severity="information" if ok else "error",
                           timeout=10 if ok else 30)


def outcome_text(printed: Printed, where: str, key_name: str) -> str:
    fault = printed.fault
    if fault is None:
        return t("print.done", where=where)
    return "\n".join((
        f"{t('fault.heading', origin=t(name_key(Origin.SHOP)))}. "
        f"{t(f'print.fail.{fault.reason}', where=where)}",
        t(f"print.next.{fault.reason}"),
        t("print.sale_is_done", key=key_name),
    ))


def can_reprint(screen: ShopScreen, sale: Sale | None) -> bool:
    """A copy of the ticket exists only for a top-up that was done, and needs a printer."""
    return (sale is not None and sale.state is State.CONFIRMED
            and screen.shop.services.printing.enabled)


def reprint(screen: ShopScreen, sale: Sale, key_name: str) -> None:
    """The ticket again, marked REIMPRESIÓN with the time of the copy (claims, the report)."""
    printing = screen.shop.services.printing
    start_print(screen, printing.sale_ticket(sale, screen.shop.shop_name, reprint=True),
                key_name)


def print_deferred_slip(screen: ShopScreen, sale: Sale, key_name: str) -> None:
    """The customer's slip of a sale left to be sent later: the promised time, and the money
    back if it cannot be sent (R17)."""
    printing = screen.shop.services.printing
    start_print(screen, printing.deferred_slip(sale, screen.shop.shop_name), key_name)


class Reprints(ShopScreen):
    """A screen that lists sales (claims, the sales report): the reprint key acts on the
    sale under the cursor, and shows only where it is a top-up that was done."""

    REPRINT_KEY: ClassVar[str] = "P"

    def selected_sale(self) -> Sale | None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reprint" and not can_reprint(self, self.selected_sale()):
            return False
        return super().check_action(action, parameters)

    def action_reprint(self) -> None:
        sale = self.selected_sale()
        if sale is None or not can_reprint(self, sale):
            self.say(t("print.only_confirmed"), level="warning")
            return
        reprint(self, sale, self.REPRINT_KEY)
