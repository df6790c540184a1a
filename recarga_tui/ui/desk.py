"""What the screens of the desk share (opening a shift, the locked counter, counting the
drawer, the owner's list of cashiers): the list of names to pick from, a PIN field, and a
PIN checked off the screen's thread (scrypt takes about 0.2 s: ``services/cashiers.py``).

A PIN is typed into a masked field, handed to the service once and cleared from the field
before the check runs; it is never shown, logged or kept (R12)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain.cashier import PIN_MAX, Cashier
from ..domain.money import pesos
from ..domain.sale import State
from ..i18n import t
from .widgets.entry import Entry

if TYPE_CHECKING:
    from .screens.base import ShopScreen

T = TypeVar("T")

GROUP = "pin"  # the workers that check a PIN (one at a time per screen)


def pin_entry(label: str, entry_id: str) -> Entry:
    """A masked field of digits only, as long as the longest PIN."""
    return Entry(label, id=entry_id, password=True, max_length=PIN_MAX, allowed="0123456789")


def take_pin(entry: Entry) -> str:
    """The PIN typed, cleared from the field (not kept on screen or in the widget)."""
    pin, entry.value = entry.value, ""
    return pin


def roster_text(rows: Sequence[Any], chosen: int | None, clock_tz: Any,
                on_duty: Cashier | None = None) -> str:
    """The cashiers as lines to pick from (``services.cashiers.listed()``): each with its
    number, the one chosen marked, a lock with until when, the cashier on duty."""
    lines = []
    for index, listed in enumerate(rows):
        number = index + 1
        name = listed.cashier.name
        if listed.locked_until is not None:
            until = listed.locked_until.astimezone(clock_tz).strftime("%H:%M")
            text = t("desk.row_locked", number=number, name=name,
                     locked=t("cashier.locked_row", until=until))
        elif on_duty is not None and listed.cashier.id == on_duty.id:
            text = t("desk.row_on_duty", number=number, name=name)
        else:
            text = t("desk.row", number=number, name=name)
        lines.append(("> " if index == chosen else "  ") + text)
    return "\n".join(lines)


def check_off_thread(screen: ShopScreen, call: Callable[[], T],
                     done: Callable[[T], None], saying: str = "desk.checking") -> None:
    """``call()`` (a PIN's check and what follows it) in a thread worker; ``done(result)``
    back on the screen's thread. A refusal (a wrong PIN with the tries left, a lock with
    until when) ends in the screen's ``worker_failed``, in words (R01)."""
    app = screen.app
    screen.say(t(saying))

    def job() -> None:
        result = call()
        try:
            app.call_from_thread(done, result)
        except RuntimeError:  # the app closed meanwhile
            pass

    screen.run_worker(job, name="pin-check", group=GROUP, thread=True, exclusive=True,
                      exit_on_error=False)


def on_duty_text(screen: ShopScreen) -> str:
    """Home's row of the desk: who is on duty since when, or that nobody is ("" in a shop
    without cashiers, or with a list that cannot be read: the counter says that itself)."""
    services = screen.shop.services
    if services.cashiers.problem is not None or not services.cashiers.enabled:
        return ""
    shift = services.shifts.on_duty
    if shift is None:
        return t("desk.no_shift_home")
    return t("desk.home.on_duty", name=shift.cashier.name, time=screen.shop_time(
        shift.opened_at))


def low_pools_text(low: Sequence[Any], *, after_sale: bool = False) -> str:
    """Each pool under the shop's threshold, one line each (R14); ``after_sale``: as the
    sale on screen would leave it, said before collecting."""
    words = "low_balance.after_sale" if after_sale else "low_balance.pool"
    return "\n".join(t(words, pool=pool.name or t("low_balance.main_pool"),
                       available=pesos(pool.available), threshold=pesos(pool.threshold))
                     for pool in low)


def who_text(sale: Any) -> str:
    """Who sold a sale and who gave its money back, as claims and the report show them (""
    in a shop without cashiers)."""
    parts = []
    if (sold := sale.cashier) is not None:
        parts.append(t("desk.sold_by", name=sold.name))
    if (back := sale.cashier_of(State.REFUNDED)) is not None:
        parts.append(t("desk.refunded_by", name=back.name))
    return " · ".join(parts)


def earnings_text(earnings: Any) -> str:
    """What some sales earned, on one line: the total, then per category (more than one
    sold) and per cashier (a shop with cashiers), as each sale journaled it."""
    parts = [f"{t('earnings.title')}: {pesos(earnings.total)}"]
    if len(earnings.by_category) > 1:
        parts.append(", ".join(f"{t(f'category.{cat.value}')} {pesos(amount)}"
                               for cat, amount in earnings.by_category))
    if any(who is not None for who, _ in earnings.by_cashier):
        parts.append(", ".join(f"{who.name if who else t('earnings.no_cashier')} "
                               f"{pesos(amount)}" for who, amount in earnings.by_cashier))
    return " · ".join(parts)
