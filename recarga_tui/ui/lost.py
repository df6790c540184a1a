"""The app's side of the lost answers: recovery at start, the background checks and the
deferred sales as workers on the app's loop, and what the cashier is told about them.

Called once after login, before the home screen (``RecargaApp.logged_in``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import App

from ..domain import phone
from ..domain.money import pesos
from ..domain.sale import Sale, State
from ..i18n import t, tc
from ..services.deferred import promised_at
from ..services.events import Event, Kind
from ..services.recovery import recover
from .shop import Shop, shop_of


def start_lost_answers(app: App[Any]) -> bool:
    """Recover what a crash left (the writer only), then check and send in the background;
    True once started (the App starts them once: a login after a lock finds a sale maybe
    half-way, and nothing to recover)."""
    shop = shop_of(app)
    services = shop.services
    if services.notebook.read_only:
        return False  # a read-only copy never writes; the writing copy does all of this
    done = recover(services.counter)
    for key, params in done.notes():
        shop.notify(t(key, None, **params), severity="warning", timeout=30)
    # A lapsed session met by a check or a deferred send asks for the password (the app's
    # one modal); the check is made again, the deferred sale sent, once it is typed (R12).
    renew = partial(shop.session_gate.renew, background=True)
    services.checker.renew_session = renew
    services.deferred.renew_session = renew
    listener = lambda event: tell(shop, event)  # noqa: E731
    services.checker.events.add(listener)
    services.deferred.events.add(listener)
    app.run_worker(services.checker.run(), name="checker", group="lost-answers",
                   exit_on_error=False)
    app.run_worker(services.deferred.run(), name="deferred", group="lost-answers",
                   exit_on_error=False)
    shop.refresh_pending()
    return True


def tell(app: Shop, event: Event) -> None:
    """A check or a deferred sale ended: say so wherever the cashier is (R17, R19)."""
    sale = event.sale
    words = _words(event.kind, sale)
    if words is None:
        return
    key, severity = words
    # Worded for how this dealer takes a sale sent again (services/promises.py).
    app.notify(tc(key, app.services.promises.resend_kind,
                  **_params(sale, app.services.clock.now().tzinfo)), severity=severity,
               timeout=30, about=sale)
    app.refresh_pending()


def _words(kind: Kind, sale: Sale) -> tuple[str, str] | None:
    if kind is Kind.CONFIRMED:
        deferred = sale.first(State.DEFERRED) is not None
        return ("lost.deferred_confirmed" if deferred else "lost.confirmed"), "information"
    return {Kind.REJECTED: ("lost.rejected", "warning"),
            Kind.NOT_FOUND: ("lost.not_found", "warning"),
            Kind.PROMISE_PASSED: ("lost.promise_passed", "warning"),
            Kind.WRITTEN: ("lost.written", "information")}.get(kind)


def _params(sale: Sale, tz: Any = None) -> dict[str, str]:
    confirmed = sale.last(State.CONFIRMED)
    promised = promised_at(sale)
    return {"amount": pesos(sale.amount), "number": phone.group(sale.msisdn),
            "folio": str(confirmed.data.get("carrier_folio", "")) if confirmed else "",
            "time": promised.astimezone(tz).strftime("%H:%M") if promised else ""}
